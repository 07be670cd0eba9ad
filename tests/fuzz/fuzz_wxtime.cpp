// libFuzzer target: the lenient RFC 3339 parser (WxTime::parse) and its formatters. A valid time
// must keep its raw text and format without crashing; an invalid one must stay invalid.

#include "format/wxtime.h"

#include <cstddef>
#include <cstdint>

using namespace fenzhang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const WxTime time = WxTime::parse(text);
    if (time.raw() != text)
        __builtin_trap();
    if (time.isValid()) {
        (void)time.offsetSeconds();
        (void)time.toDisplayString();
        (void)time.toLocalDisplayString();
        // What we write out must parse back to the same instant and offset.
        const WxTime again = WxTime::parse(time.toIsoString());
        if (!again.isValid() || again.value() != time.value() ||
            again.offsetSeconds() != time.offsetSeconds())
            __builtin_trap();
    }
    return 0;
}
