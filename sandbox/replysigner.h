#pragma once

// Adds the headers WeChat Pay puts on every answer: Wechatpay-Timestamp/Nonce/Signature/Serial/
// Signature-Type over "TIMESTAMP\nNONCE\nBODY\n" with the WeChat Pay private key, and Request-ID.
// The modes produce the deliberately broken signatures of the scenarios.

#include "crypto/rsakey.h"
#include "reply.h"

#include <functional>

namespace fenzhang::sandbox {

class ReplySigner final {
public:
    enum class Mode { Normal, TamperBody, UnknownSerial, StaleTimestamp, SignTest, Unsigned };
    using Clock = std::function<qint64()>;

    static constexpr QByteArrayView UnknownSerialId = "PUB_KEY_ID_0000000000000000000000000000000000";

    ReplySigner() = default;
    ReplySigner(RsaPrivateKey key, QString publicKeyId, Clock clock);

    void sign(Reply &reply, Mode mode = Mode::Normal) const;
    const QString &publicKeyId() const { return m_publicKeyId; }

    // A fresh Request-ID shaped like WeChat Pay's.
    static QByteArray newRequestId();

private:
    QByteArray signature(const Reply &reply, QByteArrayView timestamp, QByteArrayView nonce) const;

    RsaPrivateKey m_key;
    QString m_publicKeyId;
    Clock m_clock;
};

} // namespace fenzhang::sandbox
