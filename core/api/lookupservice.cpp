#include "api/lookupservice.h"

#include <QCoreApplication>

namespace fenzhang {

bool LookupResult::isFinal() const
{
    return kind == Kind::Ok && answer && answer->isFinal();
}

LookupService::LookupService(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

LookupJob *LookupService::lookUp(const Query &query)
{
    auto *job = new LookupJob(this);
    job->m_result.query = query.trimmed();
    job->m_result.fieldErrors = job->m_result.query.validate();
    job->start(m_client);
    return job;
}

LookupJob::LookupJob(QObject *parent) : QObject(parent) {}

void LookupJob::start(ApiClient *client)
{
    if (!m_result.fieldErrors.isEmpty()) {
        // Nothing is sent; finished() is queued so the caller can connect to it first.
        m_result.kind = LookupResult::Kind::InvalidInput;
        QMetaObject::invokeMethod(this, &LookupJob::finish, Qt::QueuedConnection);
        return;
    }
    m_apiJob = client->get(m_result.query.requestTarget());
    connect(m_apiJob, &ApiJob::attemptStarted, this, &LookupJob::attemptStarted);
    connect(m_apiJob, &ApiJob::finished, this, &LookupJob::complete);
    // The client (and with it the job) may go away mid-flight: end as cancelled, not silently.
    connect(m_apiJob, &QObject::destroyed, this, [this] {
        if (m_finished)
            return;
        m_result.kind = LookupResult::Kind::Cancelled;
        finish();
    });
}

void LookupJob::complete(const ApiResponse &response)
{
    m_apiJob = nullptr; // it deletes itself
    m_result.response = response;
    using Outcome = ApiResponse::Outcome;
    using Kind = LookupResult::Kind;
    switch (response.outcome) {
    case Outcome::Success:
        accept(Answer::fromJson(m_result.query, response.body));
        if (m_result.answer) {
            m_result.kind = Kind::Ok;
        } else if (!m_result.mismatches.isEmpty()) {
            // Validly signed, but the answer to another question: it is not this look-up's result.
            m_result.kind = Kind::NotTheAnswer;
            m_result.parseError = AnswerBinding::describe(m_result.mismatches);
            m_result.response.body.clear();
        }
        break;
    case Outcome::ApiError:
        m_result.kind = Kind::ApiError;
        break;
    case Outcome::NetworkError:
        m_result.kind = Kind::NetworkError;
        break;
    case Outcome::VerificationFailed:
        m_result.kind = Kind::VerificationFailed;
        break;
    case Outcome::BodyTooLarge:
        m_result.kind = Kind::BadAnswer;
        m_result.parseError = response.networkError;
        break;
    case Outcome::Cancelled:
        m_result.kind = Kind::Cancelled;
        break;
    }
    finish();
}

void LookupJob::accept(Expected<Answer, QString> parsed)
{
    if (!parsed) {
        m_result.kind = LookupResult::Kind::BadAnswer;
        m_result.parseError = parsed.error();
        return;
    }
    m_result.mismatches = AnswerBinding::mismatches(m_result.query, *parsed);
    if (m_result.mismatches.isEmpty())
        m_result.answer = std::move(parsed).value();
}

void LookupJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.lookedUpAt = QDateTime::currentDateTime();
    Q_EMIT finished(m_result);
    deleteLater();
}

void LookupJob::cancel()
{
    if (m_finished)
        return;
    if (m_apiJob) {
        m_apiJob->cancel(); // finishes through complete() with Cancelled
        return;
    }
    m_result.kind = LookupResult::Kind::Cancelled;
    finish();
}

} // namespace fenzhang
