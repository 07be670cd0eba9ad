#pragma once

// Writes the compact JSON of answers: objects with keys in the order they were added and 64-bit integers as
// exact text. QJsonObject sorts keys; WeChat Pay answers list fields in document order, and the amounts
// scenario needs integers past 2^53 written digit for digit.

#include <QByteArray>
#include <QList>
#include <QString>

namespace fenzhang::sandbox {

class WireJson final {
public:
    WireJson &add(QLatin1StringView key, const QString &value);
    WireJson &add(QLatin1StringView key, qint64 value);
    // Leaves out empty strings: WeChat Pay omits optional fields such as fail_reason.
    WireJson &addOptional(QLatin1StringView key, const QString &value);
    // value is already JSON (an object, an array, a number literal).
    WireJson &addRaw(QLatin1StringView key, const QByteArray &json);

    QByteArray toJson() const;

    static QByteArray quote(const QString &value);
    static QByteArray array(const QList<QByteArray> &items);

private:
    QByteArray m_members;
};

} // namespace fenzhang::sandbox
