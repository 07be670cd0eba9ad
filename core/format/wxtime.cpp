#include "format/wxtime.h"

#include <limits>

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// The accepted form, scanned by hand (QRegularExpression was most of the cost of parsing an
// answer with many receivers):
//   ^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:[.:]([0-9]{1,9}))?
//    (?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))$
// Date, 'T' (or 't' or a space), time, an optional fraction introduced by '.' or by the ':' of the
// docs' typo, then 'Z' or an offset with or without its colon. ASCII digits only.
struct Fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int msec = 0;
    bool hasFraction = false;
    int offsetSeconds = 0;
    bool offsetInRange = true;
};

class Scanner final {
public:
    explicit Scanner(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    bool accept(char16_t c)
    {
        if (atEnd() || m_text.at(m_pos).unicode() != c)
            return false;
        ++m_pos;
        return true;
    }
    bool isDigitAt(qsizetype i) const
    {
        return i < m_text.size() && m_text.at(i).unicode() >= u'0' && m_text.at(i).unicode() <= u'9';
    }
    bool digits(int count, int &out)
    {
        out = 0;
        for (int i = 0; i < count; ++i) {
            if (!isDigitAt(m_pos))
                return false;
            out = out * 10 + (m_text.at(m_pos++).unicode() - u'0');
        }
        return true;
    }
    // 1 to 9 digits; the first three are milliseconds, finer ones are dropped, never rounded up
    // into the next second.
    bool fraction(int &msec)
    {
        int count = 0;
        msec = 0;
        while (isDigitAt(m_pos)) {
            if (count < 3)
                msec = msec * 10 + (m_text.at(m_pos).unicode() - u'0');
            ++count;
            ++m_pos;
        }
        for (int i = count; i < 3; ++i)
            msec *= 10;
        return count >= 1 && count <= 9;
    }
    char16_t peek() const { return atEnd() ? u'\0' : m_text.at(m_pos).unicode(); }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

bool scan(QStringView text, Fields &f)
{
    Scanner s(text);
    if (!s.digits(4, f.year) || !s.accept(u'-') || !s.digits(2, f.month) || !s.accept(u'-') ||
        !s.digits(2, f.day))
        return false;
    if (!s.accept(u'T') && !s.accept(u't') && !s.accept(u' '))
        return false;
    if (!s.digits(2, f.hour) || !s.accept(u':') || !s.digits(2, f.minute) || !s.accept(u':') ||
        !s.digits(2, f.second))
        return false;
    if (s.accept(u'.') || s.accept(u':')) {
        if (!s.fraction(f.msec))
            return false;
        f.hasFraction = true;
    }
    if (s.accept(u'Z') || s.accept(u'z'))
        return s.atEnd();
    const char16_t sign = s.peek();
    if (sign != u'+' && sign != u'-')
        return false;
    s.accept(sign);
    int hours = 0;
    int minutes = 0;
    if (!s.digits(2, hours))
        return false;
    s.accept(u':');
    if (!s.digits(2, minutes) || !s.atEnd())
        return false;
    f.offsetInRange = hours <= 23 && minutes <= 59;
    f.offsetSeconds = (hours * 3600 + minutes * 60) * (sign == u'-' ? -1 : 1);
    return true;
}

// Writes value as `width` digits (zero-padded; more if it needs them) at p; returns the end.
char16_t *putNumber(char16_t *p, int value, int width)
{
    char16_t digits[12];
    int length = 0;
    do {
        digits[length++] = char16_t(u'0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (int i = length; i < width; ++i)
        *p++ = u'0';
    while (length > 0)
        *p++ = digits[--length];
    return p;
}

// "yyyy-MM-dd?HH:mm:ss[.zzz]" with `separator` between date and time, by hand into one buffer:
// QDateTime::toString goes through QLocale and QCalendar and was most of the cost of a large CSV
// export.
void appendDateTime(QString &out, const QDateTime &value, char16_t separator, bool withMsec)
{
    int year = 0;
    int month = 0;
    int day = 0;
    value.date().getDate(&year, &month, &day);
    const QTime clock = value.time();
    char16_t buffer[40];
    char16_t *p = putNumber(buffer, year, 4);
    *p++ = u'-';
    p = putNumber(p, month, 2);
    *p++ = u'-';
    p = putNumber(p, day, 2);
    *p++ = separator;
    p = putNumber(p, clock.hour(), 2);
    *p++ = u':';
    p = putNumber(p, clock.minute(), 2);
    *p++ = u':';
    p = putNumber(p, clock.second(), 2);
    if (withMsec) {
        *p++ = u'.';
        p = putNumber(p, clock.msec(), 3);
    }
    out.append(reinterpret_cast<const QChar *>(buffer), p - buffer);
}

void appendOffset(QString &out, int seconds)
{
    const int magnitude = seconds < 0 ? -seconds : seconds;
    char16_t buffer[8];
    char16_t *p = buffer;
    *p++ = seconds < 0 ? u'-' : u'+';
    p = putNumber(p, magnitude / 3600 % 100, 2);
    *p++ = u':';
    p = putNumber(p, magnitude / 60 % 60, 2);
    out.append(reinterpret_cast<const QChar *>(buffer), p - buffer);
}

QDateTime withOffset(QDate date, QTime time, int offsetSeconds)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(offsetSeconds));
#else
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds);
#endif
}

// Whether toIsoString() would write the raw text back unchanged: the form WeChat Pay sends,
// "2015-05-20T13:29:35+08:00" or "2015-05-20T13:29:35.120+08:00", which an export then copies
// instead of formatting (formatting the two times was a quarter of a large CSV export). Given that
// the text parsed, its length and these separators pin down every field's digits to the ones
// toIsoString() writes, except a "-00:00" offset, which it writes as "+00:00".
bool isCanonicalIso(QStringView raw, bool hasFraction)
{
    const qsizetype size = hasFraction ? 29 : 25;
    if (raw.size() != size || raw.at(10) != u'T' || raw.at(size - 3) != u':')
        return false;
    if (hasFraction && raw.at(19) != u'.')
        return false;
    return raw.sliced(size - 6) != u"-00:00";
}

QString display(const QDateTime &value)
{
    QString out;
    out.reserve(26);
    appendDateTime(out, value, u' ', false);
    out += u' ';
    appendOffset(out, value.offsetFromUtc());
    return out;
}

} // namespace

WxTime WxTime::parse(const QString &text)
{
    WxTime time;
    time.m_raw = text;
    Fields f;
    if (!scan(text, f) || !f.offsetInRange)
        return time;
    time.m_hasFraction = f.hasFraction;
    const QDate date(f.year, f.month, f.day);
    const QTime clock(f.hour, f.minute, f.second, f.msec);
    const int offset = f.offsetSeconds;
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
    if (!isValid() || isCanonicalIso(m_raw, m_hasFraction))
        return m_raw;
    QString out;
    out.reserve(29);
    appendDateTime(out, m_value, u'T', m_hasFraction);
    appendOffset(out, m_value.offsetFromUtc());
    return out;
}

namespace {

// The local zone's offset at an instant, looked up once per quarter of an hour of UTC (zones change
// their offset only at such boundaries): the receivers of an order share a few instants, and
// converting each to local time was as slow as the rest of its CSV row.
int localOffsetAt(const QDateTime &instant)
{
    thread_local qint64 lastBucket = std::numeric_limits<qint64>::min();
    thread_local int lastOffset = 0;
    const qint64 bucket = instant.toSecsSinceEpoch() / 900;
    if (bucket != lastBucket) {
        lastOffset = instant.toLocalTime().offsetFromUtc();
        lastBucket = bucket;
    }
    return lastOffset;
}

} // namespace

QString WxTime::toLocalIsoString() const
{
    if (!isValid())
        return m_raw;
    const int local = localOffsetAt(m_value);
    if (local == m_value.offsetFromUtc())
        return toIsoString();
    QString out;
    out.reserve(29);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    appendDateTime(out, m_value.toTimeZone(QTimeZone::fromSecondsAheadOfUtc(local)), u'T', m_hasFraction);
#else
    appendDateTime(out, m_value.toOffsetFromUtc(local), u'T', m_hasFraction);
#endif
    appendOffset(out, local);
    return out;
}

} // namespace fenzhang
