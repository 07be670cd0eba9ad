#include "crypto/responseverifier.h"

#include "crypto/requestsigner.h"

#include <QCoreApplication>

namespace fenzhang {

namespace {

// The translation context of this file's messages (lupdate reads it from here, too).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ResponseVerifier)
};

Verification failure(Verification::Status status, const QString &detail)
{
    return Verification{status, detail};
}

bool isDigits(QByteArrayView text)
{
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return !text.isEmpty();
}

} // namespace

SignatureHeaders SignatureHeaders::fromHeaders(const HeaderList &headers)
{
    SignatureHeaders result;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (lower == "wechatpay-timestamp")
            result.timestamp = value.trimmed();
        else if (lower == "wechatpay-nonce")
            result.nonce = value.trimmed();
        else if (lower == "wechatpay-signature")
            result.signature = value.trimmed();
        else if (lower == "wechatpay-serial")
            result.serial = value.trimmed();
        else if (lower == "wechatpay-signature-type")
            result.signatureType = value.trimmed();
    }
    return result;
}

ResponseVerifier::ResponseVerifier(VerifierKeyRing keys, Clock clock)
    : m_keys(std::move(keys))
    , m_clock(clock ? std::move(clock) : Clock(systemUnixSeconds))
{
}

QByteArray ResponseVerifier::message(QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body)
{
    QByteArray message;
    message.reserve(timestamp.size() + nonce.size() + body.size() + 3);
    message.append(timestamp).append('\n').append(nonce).append('\n').append(body).append('\n');
    return message;
}

Verification ResponseVerifier::verify(const SignatureHeaders &headers, QByteArrayView body) const
{
    using Status = Verification::Status;
    QStringList missing;
    if (headers.timestamp.isEmpty())
        missing << QStringLiteral("Wechatpay-Timestamp");
    if (headers.nonce.isEmpty())
        missing << QStringLiteral("Wechatpay-Nonce");
    if (headers.signature.isEmpty())
        missing << QStringLiteral("Wechatpay-Signature");
    if (headers.serial.isEmpty())
        missing << QStringLiteral("Wechatpay-Serial");
    if (!missing.isEmpty())
        return failure(Status::MissingHeader,
                       Text::tr("The answer is not signed: %1 missing.").arg(missing.join(QStringLiteral(", "))));

    if (!headers.signatureType.isEmpty() && headers.signatureType != "WECHATPAY2-SHA256-RSA2048")
        return failure(Status::UnsupportedSignatureType,
                       Text::tr("The answer uses an unsupported signature type (%1).")
                           .arg(QString::fromLatin1(headers.signatureType.left(64))));

    if (headers.signature.startsWith("WECHATPAY/SIGNTEST/"))
        return failure(Status::SignatureProbe,
                       Text::tr("The answer carries a WeChat Pay signature probe (WECHATPAY/SIGNTEST/), not a real "
                          "signature."));

    const QString serial = QString::fromLatin1(headers.serial.left(128));
    const RsaPublicKey key = m_keys.find(serial);
    if (key.isNull())
        return failure(Status::UnknownSerial,
                       Text::tr("The answer is signed with key %1, which this profile does not have. Add the current "
                          "WeChat Pay public key or platform certificate.")
                           .arg(serial));

    if (!isDigits(headers.timestamp) || headers.timestamp.size() > 12)
        return failure(Status::MalformedTimestamp, Text::tr("The answer's Wechatpay-Timestamp is not a Unix time."));
    const qint64 timestamp = headers.timestamp.toLongLong();
    const qint64 skew = m_clock() - timestamp;
    if (skew >= MaxSkewSeconds || skew <= -MaxSkewSeconds)
        return failure(Status::ClockSkew,
                       Text::tr("The answer's timestamp is %1 seconds away from this computer's clock (more than %2 "
                          "allowed). Check the computer's date and time.")
                           .arg(skew)
                           .arg(MaxSkewSeconds));

    const auto decoded =
        QByteArray::fromBase64Encoding(headers.signature, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return failure(Status::MalformedSignature, Text::tr("The answer's signature is not valid Base64."));

    if (!key.verifySha256(message(headers.timestamp, headers.nonce, body), decoded.decoded))
        return failure(Status::BadSignature,
                       Text::tr("The answer's signature does not match its content: it may have been altered."));
    return Verification{Status::Verified, Text::tr("Signature verified.")};
}

} // namespace fenzhang
