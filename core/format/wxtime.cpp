#include "format/wxtime.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// ASCII digits only: \d would match any Unicode digit.
// Date, 'T' (or 't' or a space), time, an optional fraction introduced by '.' or by the ':' of the
// docs' typo, then 'Z' or an offset with or without its colon.
const QRegularExpression &pattern()
{
    static const QRegularExpression re(
        uR"(^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:[.:]([0-9]{1,9}))?(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))\z)"_s); // \z: "$" would accept a trailing newline
    return re;
}

QDateTime withOffset(QDate date, QTime time, int offsetSeconds)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(offsetSeconds));
#else
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds);
#endif
}

QString offsetText(int seconds)
{
    const QChar sign = seconds < 0 ? u'-' : u'+';
    const int magnitude = seconds < 0 ? -seconds : seconds;
    return sign +
           u"%1:%2"_s.arg(magnitude / 3600, 2, 10, QChar(u'0')).arg(magnitude / 60 % 60, 2, 10, QChar(u'0'));
}

QString display(const QDateTime &value)
{
    return value.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u' ' + offsetText(value.offsetFromUtc());
}

} // namespace

WxTime WxTime::parse(const QString &text)
{
    WxTime time;
    time.m_raw = text;
    const QRegularExpressionMatch match = pattern().match(text);
    if (!match.hasMatch())
        return time;

    const auto number = [&match](int group) { return match.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    int msec = 0;
    if (match.hasCaptured(7)) {
        // Milliseconds are the first three digits; finer digits are dropped, never rounded up
        // into the next second.
        const QString fraction = match.captured(7).leftJustified(3, u'0', true);
        msec = fraction.toInt();
        time.m_hasFraction = true;
    }
    const QTime clock(number(4), number(5), number(6), msec);
    int offset = 0;
    if (!match.hasCaptured(8)) {
        const int hours = number(10);
        const int minutes = number(11);
        if (hours > 23 || minutes > 59)
            return time;
        offset = (hours * 3600 + minutes * 60) * (match.capturedView(9) == u"-"_s ? -1 : 1);
    }
    if (!date.isValid() || !clock.isValid())
        return time;
    time.m_value = withOffset(date, clock, offset);
    return time;
}

QString WxTime::toDisplayString() const
{
    return isValid() ? display(m_value) : m_raw;
}

QString WxTime::toLocalDisplayString() const
{
    return isValid() ? display(m_value.toLocalTime()) : m_raw;
}

QString WxTime::toIsoString() const
{
    if (!isValid())
        return m_raw;
    const QString format = m_hasFraction ? u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s : u"yyyy-MM-dd'T'HH:mm:ss"_s;
    return m_value.toString(format) + offsetText(m_value.offsetFromUtc());
}

} // namespace fenzhang
