#pragma once

// The one place that talks HTTP to WeChat Pay: signs each attempt afresh, fails over from the
// primary to the backup host on network failures, retries 429/SYSTEM_ERROR with backoff and
// jitter, caps the body, times out each attempt, and verifies the answer. One job per call.

#include "api/apiresponse.h"
#include "api/clientconfig.h"
#include "crypto/requestsigner.h"
#include "crypto/responseverifier.h"

#include <memory>
#include <QObject>
#include <QSslConfiguration>

class QNetworkAccessManager;

namespace fenzhang {

class ApiJob;

class ApiClient final : public QObject {
    Q_OBJECT
public:
    // The config should have passed validate(); createApiClient() makes sure of it.
    ApiClient(ClientConfig config, RequestSigner signer, ResponseVerifier verifier,
              QObject *parent = nullptr);
    ~ApiClient() override;

    const ClientConfig &config() const { return m_config; }
    const ResponseVerifier &verifier() const { return m_verifier; }

    // Starts a GET of the given percent-encoded request-target ("/v3/...?..."). The request goes
    // out once control returns to the event loop, so signals may be connected first. The job
    // deletes itself after finished(). The caller may cancel it.
    ApiJob *get(const QByteArray &requestTarget);

private:
    friend class ApiJob;
    ClientConfig m_config;
    RequestSigner m_signer;
    ResponseVerifier m_verifier;
    QNetworkAccessManager *m_network;
    QSslConfiguration m_sslConfiguration; // system CAs + config.caFile, peer verification on
    QByteArray m_userAgent;
};

// One call: every attempt, failover and retry of one request-target, ending in one finished().
class ApiJob final : public QObject {
    Q_OBJECT
public:
    enum class AttemptReason {
        First,
        FailoverAfterNetworkError, // primary unreachable: trying the backup host
        RetryAfterRateLimit,       // 429 FREQUENCY_LIMITED
        RetryAfterServerError,     // 500 SYSTEM_ERROR
    };
    Q_ENUM(AttemptReason)

    ~ApiJob() override;

    // Stops at once, whatever the job is doing (connecting, reading, waiting to retry);
    // finished() follows with Outcome::Cancelled. No effect once finished.
    void cancel();
    bool isFinished() const { return m_finished; }
    const QByteArray &requestTarget() const;

Q_SIGNALS:
    // Before every attempt: which host, the attempt number (1-based), and why.
    void attemptStarted(const QUrl &host, int attempt, fenzhang::ApiJob::AttemptReason reason);
    void finished(const fenzhang::ApiResponse &response);

private:
    friend class ApiClient;
    ApiJob(ApiClient *client, QByteArray requestTarget);
    class Private;
    std::unique_ptr<Private> d;
    bool m_finished = false;
};

} // namespace fenzhang
