// libFuzzer target: the sandbox's Authorization header parser and the log redaction. Any input
// ends in a parsed header or a reason; a parsed header never has an empty field; the redacted
// form never contains the signature.

#include "sandbox/authorization.h"

#include <cstddef>
#include <cstdint>

using namespace fenzhang::sandbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto value = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
    AuthorizationHeader header;
    SignCheck error;
    if (AuthorizationHeader::parse(value, &header, &error)) {
        if (header.mchid.isEmpty() || header.nonce.isEmpty() || header.timestamp.isEmpty() ||
            header.serialNo.isEmpty() || header.signature.isEmpty())
            __builtin_trap();
        const QByteArray redacted = redactAuthorization(value);
        // Only a signature that appears once can be required gone: the same bytes may also stand
        // in another field (a nonce equal to the signature), which redaction rightly keeps.
        if (header.signature.size() >= 16 && value.toByteArray().count(header.signature) == 1 &&
            redacted.contains(header.signature))
            __builtin_trap();
    } else {
        if (error.ok() || error.issue.isEmpty())
            __builtin_trap();
        (void)error.token();
        (void)redactAuthorization(value);
    }
    return 0;
}
