// libFuzzer target: response verification with random headers and body. The input is an HTTP-like
// head and body: "Name: value" lines up to the first empty line ("\n\n"), then the body. The key
// ring holds the test vectors' WeChat Pay public key and the clock is the vectors' response time,
// so seeds made from the vectors reach the RSA check. Anything but the untouched vector must fail:
// the target traps whenever an input verifies while what verification covers (the signed message
// TIMESTAMP\nNONCE\nBODY\n, the key's serial, the decoded signature) differs from the "valid"
// vector of tests/data/vectors/vectors.json. Header order, case, extra headers and the spaces
// around values are not covered by the signature and may differ.

#include "crypto/credentials.h"
#include "crypto/keyloader.h"
#include "crypto/responseverifier.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace fenzhang;

namespace {

const ResponseVerifier *verifier = nullptr;

// What the one genuine answer among the seeds is made of.
struct Genuine {
    QByteArray message;
    QByteArray serial;
    QByteArray signature; // decoded
};
const Genuine *genuine = nullptr;

const Genuine *loadGenuine()
{
    QFile file(QStringLiteral(FENZHANG_TEST_DATA "/vectors/vectors.json"));
    if (!file.open(QIODevice::ReadOnly))
        std::abort();
    const QJsonArray responses = QJsonDocument::fromJson(file.readAll()).object().value(u"responses").toArray();
    for (const QJsonValue &value : responses) {
        const QJsonObject vector = value.toObject();
        if (vector.value(u"name").toString() != u"valid")
            continue;
        const auto field = [&vector](const char *name) { return vector.value(QLatin1StringView(name)).toString().toUtf8(); };
        auto *result = new Genuine{ResponseVerifier::message(field("wechatpay_timestamp"), field("wechatpay_nonce"),
                                                             field("body")),
                                   field("wechatpay_serial"), QByteArray::fromBase64(field("wechatpay_signature"))};
        if (result->signature.isEmpty())
            std::abort();
        return result;
    }
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    auto key = KeyLoader::publicKeyFromPemFile(
        QStringLiteral(FENZHANG_TEST_DATA "/vectors/wechatpay_public_key.pem"));
    if (!key)
        std::abort();
    VerifierKeyRing keys;
    keys.addPublicKey(QStringLiteral("PUB_KEY_ID_0119000000012025112300000000000001"), *key);
    // The self-test (CTest fuzz_verifier_traps_forgery) trusts a second key whose private half is in
    // the test data, so a "forgery" that verifies exists and the trap must fire on it.
    if (qEnvironmentVariableIsSet("FENZHANG_FUZZ_PLANT_KEY")) {
        auto planted = KeyLoader::publicKeyFromPemFile(
            QStringLiteral(FENZHANG_TEST_DATA "/vectors/merchant_public_key.pem"));
        if (!planted)
            std::abort();
        keys.addPublicKey(QStringLiteral("PUB_KEY_ID_PLANTED_FOR_THE_SELF_TEST"), *planted);
    }
    verifier = new ResponseVerifier(keys, [] { return qint64(1763866175); });
    genuine = loadGenuine();
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
    if (result.ok()) {
        // A success must be the genuine answer, byte for byte where the signature covers it.
        const bool same = ResponseVerifier::message(signature.timestamp, signature.nonce, body) == genuine->message &&
                          signature.serial == genuine->serial &&
                          QByteArray::fromBase64(signature.signature) == genuine->signature;
        if (!same)
            __builtin_trap();
    } else if (result.detail.isEmpty()) {
        __builtin_trap(); // every failure says why
    }
    return 0;
}
