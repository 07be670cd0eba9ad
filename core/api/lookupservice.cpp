#include "api/lookupservice.h"

#include <QCoreApplication>

namespace fenzhang {

bool LookupResult::isFinal() const
{
    if (kind != Kind::Ok)
        return false;
    switch (lookup) {
    case LookupKind::Order:
        return order && order->isFinal();
    case LookupKind::Return:
        return returnOrder && returnOrder->isFinal();
    case LookupKind::Amounts:
        return amounts.has_value();
    }
    return false;
}

Product LookupResult::product() const
{
    switch (lookup) {
    case LookupKind::Order:
        return orderQuery.product;
    case LookupKind::Return:
        return returnQuery.product;
    case LookupKind::Amounts:
        return amountsQuery.product;
    }
    return Product::ServiceProvider;
}

LookupService::LookupService(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

LookupJob *LookupService::queryOrder(const OrderQuery &query)
{
    auto *job = new LookupJob(this);
    job->m_result.lookup = LookupKind::Order;
    job->m_result.orderQuery = query.trimmed();
    job->m_result.fieldErrors = job->m_result.orderQuery.validate();
    job->start(m_client, job->m_result.orderQuery.requestTarget());
    return job;
}

LookupJob *LookupService::queryReturn(const ReturnQuery &query)
{
    auto *job = new LookupJob(this);
    job->m_result.lookup = LookupKind::Return;
    job->m_result.returnQuery = query.trimmed();
    job->m_result.fieldErrors = job->m_result.returnQuery.validate();
    job->start(m_client, job->m_result.returnQuery.requestTarget());
    return job;
}

LookupJob *LookupService::queryAmounts(const AmountsQuery &query)
{
    auto *job = new LookupJob(this);
    job->m_result.lookup = LookupKind::Amounts;
    job->m_result.amountsQuery = query.trimmed();
    job->m_result.fieldErrors = job->m_result.amountsQuery.validate();
    job->start(m_client, job->m_result.amountsQuery.requestTarget());
    return job;
}

LookupJob::LookupJob(QObject *parent) : QObject(parent) {}

void LookupJob::start(ApiClient *client, const QByteArray &requestTarget)
{
    if (!m_result.fieldErrors.isEmpty()) {
        // Nothing is sent; finished() is queued so the caller can connect to it first.
        m_result.kind = LookupResult::Kind::InvalidInput;
        QMetaObject::invokeMethod(this, &LookupJob::finish, Qt::QueuedConnection);
        return;
    }
    m_apiJob = client->get(requestTarget);
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
        switch (m_result.lookup) {
        case LookupKind::Order:
            accept(OrderResult::fromJson(response.body, m_result.orderQuery.product), m_result.orderQuery,
                   m_result.order);
            break;
        case LookupKind::Return:
            accept(ReturnResult::fromJson(response.body, m_result.returnQuery.product), m_result.returnQuery,
                   m_result.returnOrder);
            break;
        case LookupKind::Amounts:
            accept(AmountsResult::fromJson(response.body), m_result.amountsQuery, m_result.amounts);
            break;
        }
        if (m_result.order || m_result.returnOrder || m_result.amounts) {
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

template <typename Result, typename Query>
void LookupJob::accept(Expected<Result, QString> parsed, const Query &query, std::optional<Result> &out)
{
    if (!parsed) {
        m_result.kind = LookupResult::Kind::BadAnswer;
        m_result.parseError = parsed.error();
        return;
    }
    m_result.mismatches = AnswerBinding::mismatches(query, *parsed);
    if (m_result.mismatches.isEmpty())
        out = std::move(parsed).value();
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
