// libFuzzer target: response verification with random headers and body. The input is an HTTP-like
// head and body: "Name: value" lines up to the first empty line ("\n\n"), then the body. The key
// ring holds the test vectors' WeChat Pay public key and the clock is the vectors' response time,
// so seeds made from the vectors reach the RSA check. Anything but the untouched vector must fail.

#include "crypto/credentials.h"
#include "crypto/keyloader.h"
#include "crypto/responseverifier.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace fenzhang;

namespace {

const ResponseVerifier *verifier = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    auto key = KeyLoader::publicKeyFromPemFile(
        QStringLiteral(FENZHANG_TEST_DATA "/vectors/wechatpay_public_key.pem"));
    if (!key)
        std::abort();
    VerifierKeyRing keys;
    keys.addPublicKey(QStringLiteral("PUB_KEY_ID_0119000000012025112300000000000001"), *key);
    verifier = new ResponseVerifier(keys, [] { return qint64(1763866175); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto input = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = input.indexOf("\n\n");
    const QByteArrayView head = split < 0 ? input : input.first(split);
    const QByteArrayView body = split < 0 ? QByteArrayView() : input.sliced(split + 2);

    HeaderList headers;
    for (const QByteArrayView line : QByteArray::fromRawData(head.data(), head.size()).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            headers.append({line.toByteArray(), QByteArray()});
        else
            headers.append({line.first(colon).toByteArray(), line.sliced(colon + 1).toByteArray()});
    }
    const SignatureHeaders signature = SignatureHeaders::fromHeaders(headers);
    const Verification result = verifier->verify(signature, body);
    if (result.detail.isEmpty())
        __builtin_trap();
    (void)signature.isPresent();
    return 0;
}
