#pragma once

// How the API client reaches WeChat Pay: hosts, timeouts, retry bounds, TLS trust.

#include "api/retrypolicy.h"
#include "expected.h"

#include <optional>
#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace fenzhang {

struct ClientConfig {
    QUrl primaryUrl{QStringLiteral("https://api.mch.weixin.qq.com")};
    QUrl backupUrl{QStringLiteral("https://api2.mch.weixin.qq.com")}; // empty: no failover
    QString caFile;                 // extra trusted CA (PEM), added to the system CAs
    int timeoutMs = 10000;          // per attempt, connect to last byte
    int maxRetries = 3;             // for 429 / 500 SYSTEM_ERROR: up to 4 attempts in all
    int maxTotalRetryWaitMs = 6000; // total backoff a single look-up may spend waiting
    int initialBackoffMs = 300;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    QByteArray userAgent; // empty: defaultUserAgent()

    // Empty when usable, else a translated reason: plain http:// is accepted only for loopback
    // hosts (127.0.0.0/8, ::1, localhost); the CA file must hold a certificate; numbers must make sense.
    QString validate() const;
    // The certificates of caFile (PEM, else DER), read with the key-file size limit; empty when there
    // is no CA file or it holds no certificate; the reason when it cannot be read.
    Expected<QList<QSslCertificate>, QString> extraCaCertificates() const;
    // "--timeout SECONDS" of both programs: more than 0 and at most 3600 seconds (fractions allowed),
    // as milliseconds; nothing when the text is not such a number.
    static std::optional<int> timeoutMsFromSeconds(const QString &seconds);
    // The retry numbers above as the one RetryPolicy.
    RetryPolicy retryPolicy() const;
    // "fenzhang-desk/<version> (<OS pretty name>; <cpu arch>) Qt/<runtime Qt version>"
    static QByteArray defaultUserAgent();
};

} // namespace fenzhang
