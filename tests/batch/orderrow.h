#pragma once

// Test helper for the batch tests: an order row for the sandbox to answer per its scenario.

#include "batch/batchrow.h"

namespace fenzhang::testing {

// Any digits pass validation; outOrderNo picks the sandbox scenario.
inline BatchRow orderRow(int rowNumber, const QString &outOrderNo)
{
    BatchRow row;
    row.rowNumber = rowNumber;
    row.query =
        OrderQuery{QStringLiteral("1900000109"), QStringLiteral("4208450740202511201234567890"), outOrderNo};
    return row;
}

} // namespace fenzhang::testing
