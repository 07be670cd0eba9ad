#pragma once

// Runs the two look-ups end to end on top of ApiClient: validates the query (nothing is sent when
// it is invalid), sends it, and turns the verified answer into a typed result. Shared by the
// desktop app and the CLI.

#include "api/apiclient.h"
#include "lookup/queries.h"
#include "lookup/results.h"

#include <QDateTime>
#include <QObject>

#include <optional>

namespace fenzhang {

struct LookupResult {
    enum class Kind {
        Ok,                 // verified answer, parsed (PROCESSING included)
        InvalidInput,       // nothing sent: see fieldErrors
        ApiError,           // WeChat Pay answered an error: response.errorCode etc.
        BadAnswer,          // verified, but not the expected JSON: parseError
        NetworkError,       // neither host answered
        VerificationFailed, // the answer's signature did not verify: no result
        Cancelled,
    };

    Kind kind = Kind::NetworkError;
    LookupKind lookup = LookupKind::Order;
    OrderQuery orderQuery;   // when lookup == Order
    ReturnQuery returnQuery; // when lookup == Return
    QList<FieldError> fieldErrors;
    ApiResponse response;
    std::optional<OrderResult> order;
    std::optional<ReturnResult> returnOrder;
    QString parseError;
    QDateTime lookedUpAt;

    bool isFinal() const; // Ok and the state/result is final
};

class LookupJob;

class LookupService final : public QObject {
    Q_OBJECT
public:
    explicit LookupService(ApiClient *client, QObject *parent = nullptr);

    // The job deletes itself after finished(). An invalid query finishes (queued) with
    // Kind::InvalidInput and sends nothing.
    LookupJob *queryOrder(const OrderQuery &query);
    LookupJob *queryReturn(const ReturnQuery &query);

    ApiClient *client() const { return m_client; }

private:
    ApiClient *m_client;
};

class LookupJob final : public QObject {
    Q_OBJECT
public:
    void cancel();

Q_SIGNALS:
    void attemptStarted(const QUrl &host, int attempt, fenzhang::ApiJob::AttemptReason reason);
    void finished(const fenzhang::LookupResult &result);

private:
    friend class LookupService;
    explicit LookupJob(QObject *parent);
    ApiJob *m_apiJob = nullptr;
    LookupResult m_result;
};

} // namespace fenzhang
