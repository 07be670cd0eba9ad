#include "format/money.h"

#include <iterator>
#include <limits>
#include <QCoreApplication>

namespace fenzhang::Money {

bool isSaturated(qint64 total)
{
    return total == std::numeric_limits<qint64>::max() || total == std::numeric_limits<qint64>::min();
}

QString formatTotal(qint64 total, Grouping grouping)
{
    if (isSaturated(total))
        return QCoreApplication::translate("fenzhang::Money", "too large to add up");
    return formatYuan(total, grouping);
}

QString formatYuan(qint64 fen, Grouping grouping)
{
    // Work on the unsigned magnitude so INT64_MIN has no special case and nothing overflows.
    const bool negative = fen < 0;
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(fen) : static_cast<quint64>(fen);
    quint64 yuan = magnitude / 100;
    const auto cents = static_cast<char16_t>(magnitude % 100);

    // Written backwards into one buffer and copied once (a CSV export formats every receiver's
    // amount). The longest, INT64_MIN grouped, is "-92,233,720,368,547,758.08": 26 characters.
    char16_t buffer[32];
    char16_t *const end = buffer + std::size(buffer);
    char16_t *p = end;
    *--p = static_cast<char16_t>(u'0' + cents % 10);
    *--p = static_cast<char16_t>(u'0' + cents / 10);
    *--p = u'.';
    for (int digits = 0; digits == 0 || yuan > 0; ++digits) {
        if (grouping == Grouping::Thousands && digits > 0 && digits % 3 == 0)
            *--p = u',';
        *--p = static_cast<char16_t>(u'0' + yuan % 10);
        yuan /= 10;
    }
    if (negative)
        *--p = u'-';
    return QString(reinterpret_cast<const QChar *>(p), end - p);
}

std::optional<qint64> parseFen(QByteArrayView digits)
{
    qsizetype i = 0;
    bool negative = false;
    if (!digits.isEmpty() && digits.at(0) == '-') {
        negative = true;
        i = 1;
    }
    if (i >= digits.size())
        return std::nullopt;

    // The magnitude limit is one larger for negatives (INT64_MIN).
    const quint64 limit = static_cast<quint64>(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    quint64 value = 0;
    for (; i < digits.size(); ++i) {
        const char c = digits.at(i);
        if (c < '0' || c > '9')
            return std::nullopt; // fractions, exponents, signs, spaces: not an integer literal
        const auto digit = static_cast<quint64>(c - '0');
        if (value > (limit - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    if (negative)
        return static_cast<qint64>(0 - value); // two's complement: exact for INT64_MIN too
    return static_cast<qint64>(value);
}

} // namespace fenzhang::Money
