// bench_crypto: how many requests core signs (RequestSigner::authorization, fresh timestamp and
// nonce each time) and how many answers it verifies (ResponseVerifier::verify on a signed 1 KB
// order answer) per second of CPU time. RSA-2048 signing is the floor of a look-up's client cost; bench/run
// prints `openssl speed rsa2048` beside these. Also reports the Qt and OpenSSL versions in use.
//
// bench_crypto [--smoke] [--seconds S] [--runs N]

#include "benchsupport.h"
#include "crypto/credentials.h"
#include "crypto/keyloader.h"
#include "crypto/requestsigner.h"
#include "crypto/responseverifier.h"

#include <cstdio>
#include <openssl/crypto.h>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

const QString keysDir = QStringLiteral(FENZHANG_DEMO_KEYS_DIR);

// Calls `work` until `seconds` of this process's CPU time have passed (at least `minimum` times);
// returns calls per CPU second. CPU time, not wall time, as `openssl speed` counts by default (user
// time), so the two compare even on a machine shared with other work.
template <typename Work>
double perCpuSecond(double seconds, int minimum, Work work)
{
    const double start = BenchSupport::processCpuMs();
    qint64 calls = 0;
    double elapsed = 0;
    while (calls < minimum || elapsed < seconds * 1000.0) {
        work();
        ++calls;
        if (calls % 16 == 0 || calls >= minimum)
            elapsed = BenchSupport::processCpuMs() - start;
    }
    elapsed = BenchSupport::processCpuMs() - start;
    return double(calls) * 1000.0 / std::max(elapsed, 0.001);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption smokeOption(u"smoke"_s, u"A few calls; checks that it runs."_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Seconds per measurement (default 1)."_s, u"S"_s, u"1"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Measurements of each (default 5)."_s, u"N"_s, u"5"_s);
    parser.addOptions({smokeOption, secondsOption, runsOption});
    parser.process(app);
    const bool smoke = parser.isSet(smokeOption);
    const double seconds = smoke ? 0.0 : parser.value(secondsOption).toDouble();
    const int runs = smoke ? 1 : std::max(1, parser.value(runsOption).toInt());
    const int minimum = smoke ? 5 : 50;

    BenchSupport::info(u"qt"_s, QString::fromLatin1(qVersion()));
    BenchSupport::info(u"openssl"_s, QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)));

    MerchantKeySource merchantSource;
    merchantSource.mchid = u"1900000001"_s;
    merchantSource.privateKeyFile = keysDir + u"/merchant_private_key.pem"_s;
    merchantSource.certificateFile = keysDir + u"/merchant_certificate.pem"_s;
    const auto merchant = MerchantCredentials::load(merchantSource);
    const auto wechatpayKey = KeyLoader::privateKeyFromPemFile(keysDir + u"/wechatpay_private_key.pem"_s);
    const auto wechatpayPublic = KeyLoader::publicKeyFromPemFile(keysDir + u"/wechatpay_public_key.pem"_s);
    if (!merchant || !wechatpayKey || !wechatpayPublic) {
        std::fprintf(stderr, "bench_crypto: cannot load the demo keys from %s\n", qPrintable(keysDir));
        return 1;
    }

    const RequestSigner signer(merchant->mchid, merchant->serialNo, merchant->privateKey);
    const QByteArray target = "/v3/profitsharing/orders/P20251120101530001?sub_mchid=1900000109"
                              "&transaction_id=4208450740202511201234567890"_ba;

    const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
    VerifierKeyRing keys;
    keys.addPublicKey(keyId, *wechatpayPublic);
    const ResponseVerifier verifier(keys);
    const QByteArray body = BenchSupport::orderAnswer(3);
    SignatureHeaders headers;
    headers.timestamp = QByteArray::number(systemUnixSeconds());
    headers.nonce = randomNonce();
    headers.signature = wechatpayKey->signSha256(ResponseVerifier::message(headers.timestamp, headers.nonce, body))
                            .toBase64();
    headers.serial = keyId.toLatin1();
    headers.signatureType = "WECHATPAY2-SHA256-RSA2048"_ba;
    if (!verifier.verify(headers, body).ok()) {
        std::fprintf(stderr, "bench_crypto: the test answer does not verify\n");
        return 1;
    }

    for (int run = 0; run < runs; ++run) {
        const double signs = perCpuSecond(seconds, minimum, [&] {
            if (signer.authorization("GET", target).isEmpty())
                std::abort();
        });
        const double verifies = perCpuSecond(seconds, minimum, [&] {
            if (!verifier.verify(headers, body).ok())
                std::abort();
        });
        BenchSupport::report(u"sign_per_s"_s, signs, u"/s"_s);
        BenchSupport::report(u"verify_per_s"_s, verifies, u"/s"_s);
    }
    return 0;
}
