#pragma once

// Checks a request's Authorization header the way WeChat Pay does: the WECHATPAY2-SHA256-RSA2048
// scheme and its five fields in any order, mchid and serial, timestamp within ±300 s, a signature
// over the request-target exactly as received, and no nonce used twice.

#include "crypto/rsakey.h"

#include <functional>
#include <QByteArray>
#include <QHash>
#include <QString>

namespace fenzhang::sandbox {

struct SignCheck {
    enum class Reason {
        Ok,
        AuthorizationMissing,
        SchemeUnsupported,
        AuthorizationMalformed,
        MchidMismatch,
        SerialMismatch,
        TimestampMalformed,
        TimestampExpired,
        SignatureMalformed,
        SignatureMismatch,
        NonceReused,
    };
    Reason reason = Reason::Ok;
    QString issue; // English, for the error body's detail: says exactly what was wrong

    bool ok() const { return reason == Reason::Ok; }
    // Stable machine name for detail.reason and the request log, e.g. "nonce_reused".
    QLatin1StringView token() const;
    static SignCheck fail(Reason reason, QString issue) { return {reason, std::move(issue)}; }
};

struct AuthorizationHeader {
    QByteArray mchid;
    QByteArray nonce;
    QByteArray timestamp;
    QByteArray serialNo;
    QByteArray signature;

    static constexpr QByteArrayView Scheme = "WECHATPAY2-SHA256-RSA2048";
    // Parses the header value; on failure *error says why (never crashes on any input).
    static bool parse(QByteArrayView value, AuthorizationHeader *header, SignCheck *error);
};

// Replaces the signature="..." value with <redacted>, for logs.
QByteArray redactAuthorization(QByteArrayView value);

class RequestAuthenticator final {
public:
    using Clock = std::function<qint64()>;
    static constexpr qint64 MaxSkewSeconds = 300;

    RequestAuthenticator() = default;
    RequestAuthenticator(QString mchid, QString serialNo, RsaPublicKey merchantKey, Clock clock);

    // authorization is the header value; empty when the header was absent.
    SignCheck check(QByteArrayView method, QByteArrayView rawTarget, QByteArrayView authorization,
                    QByteArrayView body);
    // Forgets the nonce of an accepted request that was never answered (a dropped connection),
    // so the client's transparent resend of the same request is not refused as a replay.
    void release(QByteArrayView authorization);

private:
    void forgetOldNonces(qint64 now);

    QByteArray m_mchid;
    QByteArray m_serialNo;
    RsaPublicKey m_merchantKey;
    Clock m_clock;
    QHash<QByteArray, qint64> m_seenNonces; // nonce -> request timestamp
    qint64 m_lastPrune = 0;
};

} // namespace fenzhang::sandbox
