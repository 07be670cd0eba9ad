#include "replysigner.h"

#include "crypto/requestsigner.h"
#include "crypto/responseverifier.h"

#include <memory>
#include <openssl/evp.h>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

ReplySigner::ReplySigner(RsaPrivateKey key, QString publicKeyId, Clock clock)
    : m_key(std::move(key)), m_publicKeyId(std::move(publicKeyId)),
      m_clock(clock ? std::move(clock) : Clock(systemUnixSeconds))
{
}

QByteArray ReplySigner::newRequestId()
{
    // WeChat Pay's look like 08F1C8B2C10610B0031898D1C05820D6F80B-0: hex, a dash, a digit.
    quint32 words[5];
    QRandomGenerator::global()->fillRange(words);
    QByteArray id = QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex().toUpper();
    id.truncate(36);
    return id + "-0"_ba;
}

QByteArray ReplySigner::signature(const Reply &reply, QByteArrayView timestamp, QByteArrayView nonce) const
{
    if (reply.delivery != Reply::Delivery::Stream)
        return m_key.signSha256(ResponseVerifier::message(timestamp, nonce, reply.body)).toBase64();

    // The streamed body is signed piece by piece so it never exists in memory whole.
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.handle()) != 1)
        return {};
    bool ok = true;
    const auto update = [&ctx, &ok](QByteArrayView piece) {
        ok = ok && EVP_DigestSignUpdate(ctx.get(), piece.data(), size_t(piece.size())) == 1;
    };
    update(timestamp);
    update("\n");
    update(nonce);
    update("\n");
    reply.stream.forEachPiece(1 << 20, update);
    update("\n");
    size_t length = 0;
    if (!ok || EVP_DigestSignFinal(ctx.get(), nullptr, &length) != 1)
        return {};
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSignFinal(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length) != 1)
        return {};
    signature.truncate(qsizetype(length));
    return signature.toBase64();
}

void ReplySigner::sign(Reply &reply, Mode mode) const
{
    if (reply.requestId.isEmpty())
        reply.requestId = newRequestId();
    reply.headers.append({"Request-ID"_ba, reply.requestId});
    if (mode == Mode::Unsigned)
        return;

    qint64 now = m_clock();
    if (mode == Mode::StaleTimestamp)
        now -= 600;
    const QByteArray timestamp = QByteArray::number(now);
    const QByteArray nonce = randomNonce();
    QByteArray sig = signature(reply, timestamp, nonce);
    if (mode == Mode::SignTest)
        sig.prepend("WECHATPAY/SIGNTEST/"_ba);
    if (mode == Mode::TamperBody && !reply.body.isEmpty()) {
        // Changes one digit of the first amount (amount, unsplit_amount; else the first byte) after signing.
        qsizetype at = reply.body.indexOf("amount\":");
        at = at < 0 ? 0 : at + 8;
        reply.body[at] = reply.body.at(at) == '9' ? '8' : (reply.body.at(at) == '{' ? '[' : '9');
    }
    reply.headers.append({"Wechatpay-Nonce"_ba, nonce});
    reply.headers.append({"Wechatpay-Signature"_ba, sig});
    reply.headers.append({"Wechatpay-Timestamp"_ba, timestamp});
    reply.headers.append({"Wechatpay-Serial"_ba, mode == Mode::UnknownSerial ? UnknownSerialId.toByteArray()
                                                                             : m_publicKeyId.toLatin1()});
    reply.headers.append({"Wechatpay-Signature-Type"_ba, "WECHATPAY2-SHA256-RSA2048"_ba});
}

} // namespace fenzhang::sandbox
