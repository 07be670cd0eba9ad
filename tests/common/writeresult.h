#pragma once

// What an export function's WriteResult said, as text a QCOMPARE shows: empty when it wrote,
// else why not.

#include "format/exporttable.h"

namespace fenzhang::test {

inline QString failure(const WriteResult &result)
{
    return result ? QString() : result.error();
}

} // namespace fenzhang::test
