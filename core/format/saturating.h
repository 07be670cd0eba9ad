#pragma once

// Sums and products of money and counts that saturate instead of overflowing: a total past
// 9.2e16 yuan is nonsense anyway, but it must never be undefined behaviour or wrap to a negative.

#include <limits>
#include <QtNumeric>

namespace fenzhang {

inline qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (qAddOverflow(a, b, &sum))
        return b < 0 ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return sum;
}

inline qint64 saturatingMul(qint64 a, qint64 b)
{
    qint64 product = 0;
    if (qMulOverflow(a, b, &product))
        return (a < 0) != (b < 0) ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return product;
}

} // namespace fenzhang
