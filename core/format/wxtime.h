#pragma once

// A WeChat Pay time: RFC 3339, parsed leniently (fraction or not, Z or an offset, and the docs'
// typo "13:29:35:120+08:00"), keeping the offset it came with and the raw text.

#include <QDateTime>
#include <QString>

namespace fenzhang {

class WxTime final {
public:
    WxTime() = default;
    static WxTime parse(const QString &text);

    bool isNull() const { return m_raw.isEmpty(); }
    bool isValid() const { return m_value.isValid(); }
    const QString &raw() const { return m_raw; }
    // Carries the original offset (Qt::OffsetFromUTC).
    const QDateTime &value() const { return m_value; }
    int offsetSeconds() const { return m_value.offsetFromUtc(); }

    // "2015-05-20 13:29:35 +08:00" in the original offset.
    QString toDisplayString() const;
    // The same instant in the system's local zone, offset shown: "2015-05-20 06:29:35 +01:00".
    QString toLocalDisplayString() const;
    // RFC 3339 with the original offset and milliseconds when there were any.
    QString toIsoString() const;
    // The same in the system's local zone (ExportTime's rule); the raw text when not valid.
    QString toLocalIsoString() const;

private:
    QString m_raw;
    QDateTime m_value;
    bool m_hasFraction = false; // so toIsoString() keeps ".000" when the source had it
};

} // namespace fenzhang
