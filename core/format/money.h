#pragma once

// Money is integer fen end to end; yuan exist only as formatted text, made with integer arithmetic.

#include <QString>
#include <QtGlobal>

#include <optional>

namespace fenzhang::Money {

enum class Grouping { None, Thousands };

// 100 -> "1.00", -5 -> "-0.05", 123456789 -> "1,234,567.89" with Thousands. Exact for every qint64.
QString formatYuan(qint64 fen, Grouping grouping = Grouping::None);
// True for a total that stopped at a limit (saturatingAdd, format/saturating.h): not a number to show.
bool isSaturated(qint64 total);
// formatYuan(), or "too large to add up" (translated) for a saturated total.
QString formatTotal(qint64 total, Grouping grouping = Grouping::Thousands);
// Exact parse of a JSON/decimal integer literal into fen; nullopt when not an integer or out of range.
std::optional<qint64> parseFen(QByteArrayView digits);

} // namespace fenzhang::Money
