// libFuzzer target: ReturnResult::fromJson on any bytes, then what a caller reads from it.

#include "lookup/results.h"

#include <cstddef>
#include <cstdint>

using namespace fenzhang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = ReturnResult::fromJson(body, Product::Brand);
    if (!result) {
        if (result.error().isEmpty()) // a failure always says why
            __builtin_trap();
        return 0;
    }
    (void)result->finishTime.toDisplayString();
    (void)result->finishTime.toIsoString();
    (void)result->isFinal();
    return 0;
}
