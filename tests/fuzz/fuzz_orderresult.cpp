// libFuzzer target: OrderResult::fromJson on any bytes, then everything a caller reads from a
// parsed result. A 2xx body is attacker-shaped until verified, and the parser runs only after
// verification, but a bug here must still never crash or read out of bounds.

#include "lookup/results.h"

#include <cstddef>
#include <cstdint>

using namespace fenzhang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = OrderResult::fromJson(body, Product::ServiceProvider);
    if (!result) {
        if (result.error().isEmpty()) // a failure always says why
            __builtin_trap();
        return 0;
    }
    const OrderResult &order = *result;
    qint64 sum = 0;
    for (const OrderResult::Total &total : order.totalsByResult())
        sum += total.count;
    if (sum != order.receivers.size())
        __builtin_trap();
    for (const ReceiverDetail &receiver : order.receivers) {
        (void)receiver.createTime.toDisplayString();
        (void)receiver.finishTime.toIsoString();
    }
    (void)order.isFinal();
    return 0;
}
