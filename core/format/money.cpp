#include "format/money.h"

#include <limits>

namespace fenzhang::Money {

QString formatYuan(qint64 fen, Grouping grouping)
{
    // Work on the unsigned magnitude so INT64_MIN has no special case and nothing overflows.
    const bool negative = fen < 0;
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(fen) : static_cast<quint64>(fen);
    const quint64 yuan = magnitude / 100;
    const quint64 cents = magnitude % 100;

    QString whole = QString::number(yuan);
    if (grouping == Grouping::Thousands) {
        for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
            whole.insert(i, u',');
    }

    QString text;
    text.reserve(whole.size() + 4);
    if (negative)
        text += u'-';
    text += whole;
    text += u'.';
    text += QChar(u'0' + static_cast<char16_t>(cents / 10));
    text += QChar(u'0' + static_cast<char16_t>(cents % 10));
    return text;
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
