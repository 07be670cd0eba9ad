#include "crypto/requestsigner.h"

#include <QDateTime>

#include <openssl/rand.h>

namespace fenzhang {

QByteArray randomNonce()
{
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    constexpr int alphabetSize = 62;
    constexpr int nonceLength = 32;
    constexpr int acceptBelow = 256 - (256 % alphabetSize); // rejection sampling: no modulo bias
    QByteArray nonce;
    nonce.reserve(nonceLength);
    unsigned char buffer[64];
    while (nonce.size() < nonceLength) {
        if (RAND_bytes(buffer, sizeof buffer) != 1)
            qFatal("OpenSSL's random generator failed; refusing to sign with a weak nonce");
        for (unsigned char byte : buffer) {
            if (byte < acceptBelow && nonce.size() < nonceLength)
                nonce.append(alphabet[byte % alphabetSize]);
        }
    }
    return nonce;
}

qint64 systemUnixSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

RequestSigner::RequestSigner(QString mchid, QString serialNo, RsaPrivateKey key, Clock clock, NonceSource nonce)
    : m_mchid(std::move(mchid))
    , m_serialNo(std::move(serialNo))
    , m_key(std::move(key))
    , m_clock(clock ? std::move(clock) : Clock(systemUnixSeconds))
    , m_nonce(nonce ? std::move(nonce) : NonceSource(randomNonce))
{
}

QByteArray RequestSigner::message(QByteArrayView method, QByteArrayView requestTarget, QByteArrayView timestamp,
                                  QByteArrayView nonce, QByteArrayView body)
{
    QByteArray message;
    message.reserve(method.size() + requestTarget.size() + timestamp.size() + nonce.size() + body.size() + 5);
    message.append(method).append('\n');
    message.append(requestTarget).append('\n');
    message.append(timestamp).append('\n');
    message.append(nonce).append('\n');
    message.append(body).append('\n');
    return message;
}

QByteArray RequestSigner::authorization(QByteArrayView method, QByteArrayView requestTarget, QByteArrayView body,
                                        qint64 timestamp, QByteArrayView nonce) const
{
    const QByteArray ts = QByteArray::number(timestamp);
    const QByteArray signature = m_key.signSha256(message(method, requestTarget, ts, nonce, body)).toBase64();
    if (signature.isEmpty())
        return {};
    QByteArray header("WECHATPAY2-SHA256-RSA2048 ");
    header.append("mchid=\"").append(m_mchid.toLatin1()).append("\",");
    header.append("nonce_str=\"").append(nonce).append("\",");
    header.append("timestamp=\"").append(ts).append("\",");
    header.append("serial_no=\"").append(m_serialNo.toLatin1()).append("\",");
    header.append("signature=\"").append(signature).append('"');
    return header;
}

QByteArray RequestSigner::authorization(QByteArrayView method, QByteArrayView requestTarget,
                                        QByteArrayView body) const
{
    return authorization(method, requestTarget, body, m_clock(), m_nonce());
}

} // namespace fenzhang
