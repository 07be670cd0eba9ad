#pragma once

// Signs requests with WECHATPAY2-SHA256-RSA2048. The core operation is a pure function of method,
// request-target, timestamp, nonce and body; the clock and nonce source are injectable.

#include "crypto/rsakey.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace fenzhang {

// 32 characters of [0-9A-Za-z] from OpenSSL's CSPRNG.
QByteArray randomNonce();
qint64 systemUnixSeconds();

class RequestSigner final {
public:
    using Clock = std::function<qint64()>;
    using NonceSource = std::function<QByteArray()>;

    RequestSigner() = default;
    RequestSigner(QString mchid, QString serialNo, RsaPrivateKey key, Clock clock = systemUnixSeconds,
                  NonceSource nonce = randomNonce);

    bool isNull() const { return m_key.isNull(); }
    const QString &mchid() const { return m_mchid; }
    const QString &serialNo() const { return m_serialNo; }

    // "METHOD\nTARGET\nTIMESTAMP\nNONCE\nBODY\n"
    static QByteArray message(QByteArrayView method, QByteArrayView requestTarget, QByteArrayView timestamp,
                              QByteArrayView nonce, QByteArrayView body);

    // The Authorization header value for exactly these inputs.
    QByteArray authorization(QByteArrayView method, QByteArrayView requestTarget, QByteArrayView body,
                             qint64 timestamp, QByteArrayView nonce) const;
    // The same with a fresh timestamp and nonce from the injected sources.
    QByteArray authorization(QByteArrayView method, QByteArrayView requestTarget,
                             QByteArrayView body = {}) const;

private:
    QString m_mchid;
    QString m_serialNo;
    RsaPrivateKey m_key;
    Clock m_clock;
    NonceSource m_nonce;
};

} // namespace fenzhang
