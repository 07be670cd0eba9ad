#pragma once

// Runs the look-ups end to end on top of ApiClient: validates the query (nothing is sent when
// it is invalid), sends it, and turns the verified answer into a typed result. Shared by the
// desktop app and the CLI.

#include "api/apiclient.h"
#include "lookup/answerbinding.h"
#include "lookup/query.h"

#include <optional>
#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace fenzhang {

struct LookupResult {
    enum class Kind {
        Ok,                 // verified answer, parsed (PROCESSING included)
        InvalidInput,       // nothing sent: see fieldErrors
        ApiError,           // WeChat Pay answered an error: response.errorCode etc.
        BadAnswer,          // verified but not the expected JSON, or larger than the body cap
                            // (response.outcome == BodyTooLarge): parseError says which
        NetworkError,       // neither host answered
        VerificationFailed, // the answer's signature did not verify: no result
        NotTheAnswer,       // verified, but for another question: an identifier the query carries
                            // differs (see mismatches; parseError describes them). No result, and
                            // the body is dropped so nothing can show, export or store it
        Cancelled,
    };

    Kind kind = Kind::NetworkError;
    Query query; // the question, of any kind, trimmed as it was sent
    QList<FieldError> fieldErrors;
    ApiResponse response;
    std::optional<Answer> answer; // Ok: the verified answer to `query`, of the same kind
    QString parseError; // BadAnswer: what is wrong; NotTheAnswer: AnswerBinding::describe(mismatches)
    QList<IdMismatch> mismatches; // NotTheAnswer
    QDateTime lookedUpAt;

    LookupKind lookup() const { return query.kind(); }
    Product product() const { return query.product(); } // the product the look-up was asked as
    // The answer as its kind's struct; nullptr without an answer or for another kind.
    const OrderResult *order() const { return answer ? answer->order() : nullptr; }
    const ReturnResult *returnOrder() const { return answer ? answer->returnOrder() : nullptr; }
    const AmountsResult *amounts() const { return answer ? answer->amounts() : nullptr; }
    OrderResult *order() { return answer ? answer->order() : nullptr; }
    ReturnResult *returnOrder() { return answer ? answer->returnOrder() : nullptr; }
    AmountsResult *amounts() { return answer ? answer->amounts() : nullptr; }
    bool isFinal() const; // Ok and the state/result is final (an amount always is)
};

class LookupJob;

class LookupService final : public QObject {
    Q_OBJECT
public:
    explicit LookupService(ApiClient *client, QObject *parent = nullptr);

    // Any look-up (an OrderQuery, ReturnQuery or AmountsQuery converts to Query). The job deletes
    // itself after finished(). An invalid query finishes (queued) with Kind::InvalidInput and sends
    // nothing.
    LookupJob *lookUp(const Query &query);

    ApiClient *client() const { return m_client; }

private:
    ApiClient *m_client;
};

// One look-up: relays the ApiJob's attempts and ends in one finished(); deletes itself after.
class LookupJob final : public QObject {
    Q_OBJECT
public:
    void cancel();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void attemptStarted(const QUrl &host, int attempt, fenzhang::ApiJob::AttemptReason reason);
    void finished(const fenzhang::LookupResult &result);

private:
    friend class LookupService;
    explicit LookupJob(QObject *parent);
    void start(ApiClient *client);
    void complete(const ApiResponse &response);
    // A parsed answer becomes the result when it answers the query (AnswerBinding).
    void accept(Expected<Answer, QString> parsed);
    void finish();
    QPointer<ApiJob> m_apiJob;
    LookupResult m_result;
    bool m_finished = false;
};

} // namespace fenzhang
