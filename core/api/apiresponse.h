#pragma once

// What one API call ended with, whatever happened: every outcome carries the HTTP status,
// Request-ID, verified flag and raw body, and for errors WeChat Pay's code, message and detail.

#include "crypto/responseverifier.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace fenzhang {

struct ApiResponse {
    enum class Outcome {
        Success,            // 2xx and the signature verified
        ApiError,           // WeChat Pay answered an error (4xx/5xx), after any retries
        NetworkError,       // no answer from either host (refused, reset, DNS, TLS, timeout)
        VerificationFailed, // 2xx whose signature did not verify: nothing in it is trusted
        BodyTooLarge,
        Cancelled,
    };

    Outcome outcome = Outcome::NetworkError;
    int httpStatus = 0;
    QByteArray requestId;
    bool verified = false;
    Verification verification;
    QByteArray body;
    HeaderList headers;     // as received (WeChat Pay's answer carries nothing secret)
    QString errorCode;      // WeChat Pay's "code"
    QString errorMessage;   // WeChat Pay's "message"
    QByteArray errorDetail; // WeChat Pay's "detail", as JSON text
    QString networkError;   // translated description of the last network failure
    QStringList hostsTried; // e.g. "api.mch.weixin.qq.com", in order
    int attempts = 0;
    QUrl finalUrl;
    QDateTime receivedAt;

    bool isSuccess() const { return outcome == Outcome::Success; }
    QByteArray header(QByteArrayView name) const; // case-insensitive, empty when absent
};

} // namespace fenzhang
