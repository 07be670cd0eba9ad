#pragma once

// Verifies a WeChat Pay answer: Wechatpay-Timestamp/Nonce/Signature/Serial over the raw body,
// with the key chosen by serial. Every failure is a value, never an exception or a crash.

#include "crypto/credentials.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace fenzhang {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct SignatureHeaders {
    QByteArray timestamp;
    QByteArray nonce;
    QByteArray signature;
    QByteArray serial;
    QByteArray signatureType;
    // Header names are matched case-insensitively.
    static SignatureHeaders fromHeaders(const HeaderList &headers);
    bool isPresent() const { return !timestamp.isEmpty() || !signature.isEmpty(); }
};

struct Verification {
    enum class Status {
        Verified,
        MissingHeader,
        UnsupportedSignatureType,
        UnknownSerial,
        SignatureProbe,
        MalformedSignature,
        MalformedTimestamp,
        ClockSkew,
        BadSignature,
    };
    Status status = Status::MissingHeader;
    QString detail; // translated, for the user

    bool ok() const { return status == Status::Verified; }
};

class ResponseVerifier final {
public:
    using Clock = std::function<qint64()>;
    static constexpr qint64 MaxSkewSeconds = 300;

    ResponseVerifier() = default;
    explicit ResponseVerifier(VerifierKeyRing keys, Clock clock = {});

    const VerifierKeyRing &keys() const { return m_keys; }
    // "TIMESTAMP\nNONCE\nBODY\n"
    static QByteArray message(QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body);

    Verification verify(const SignatureHeaders &headers, QByteArrayView body) const;

private:
    VerifierKeyRing m_keys;
    Clock m_clock;
};

} // namespace fenzhang
