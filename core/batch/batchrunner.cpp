#include "batch/batchrunner.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace fenzhang {

RetryPolicy BatchRunner::Options::defaultRetry()
{
    RetryPolicy policy;
    policy.maxRetries = 5;
    policy.initialBackoffMs = 1000;
    policy.maxBackoffMs = 30000;
    policy.budgetMs = 2 * 60 * 1000;
    return policy;
}

BatchRunner::BatchRunner(LookupService *service, QObject *parent)
    : QObject(parent), m_service(service), m_clock(RateLimiter::steadyClock()),
      m_limiter(m_options.qps, 1.0, m_clock)
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BatchRunner::pump);
}

BatchRunner::~BatchRunner()
{
    // Jobs left running would call back into a dead runner.
    for (Entry &entry : m_rows) {
        if (entry.job)
            disconnect(entry.job, nullptr, this, nullptr);
        if (entry.job)
            entry.job->cancel();
    }
}

void BatchRunner::setOptions(const Options &options)
{
    m_options = options;
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_limiter.setRate(m_options.qps);
    if (m_running)
        pump();
}

void BatchRunner::setClock(RateLimiter::Clock clock)
{
    m_clock = clock ? std::move(clock) : RateLimiter::steadyClock();
    m_limiter.setClock(m_clock);
}

void BatchRunner::setRows(const QList<BatchRow> &rows)
{
    if (m_running)
        return;
    m_rows.clear();
    m_queue.clear();
    m_rows.reserve(rows.size());
    m_counts = Counts();
    for (const BatchRow &row : rows) {
        Entry entry;
        entry.row = row;
        entry.status = row.isValid() ? RowStatus::Pending : RowStatus::Invalid;
        ++*counter(m_counts, entry.status);
        m_rows.append(std::move(entry));
    }
    m_counts.total = int(m_rows.size()) - m_counts.invalid;
    m_activeMs = 0;
    m_answeredThisRun = 0;
    Q_EMIT progressChanged();
}

QList<LookupResult> BatchRunner::results() const
{
    QList<LookupResult> list;
    for (const Entry &entry : m_rows) {
        if (entry.hasResult)
            list.append(entry.result);
    }
    return list;
}

QList<int> BatchRunner::rowsWithStatus(RowStatus status) const
{
    QList<int> list;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).status == status)
            list.append(i);
    }
    return list;
}

int *BatchRunner::counter(Counts &counts, RowStatus status)
{
    switch (status) {
    case RowStatus::Invalid:
        return &counts.invalid;
    case RowStatus::Pending:
        return &counts.pending;
    case RowStatus::Running:
        return &counts.running;
    case RowStatus::Waiting:
        return &counts.waiting;
    case RowStatus::Succeeded:
        return &counts.succeeded;
    case RowStatus::Processing:
        return &counts.processing;
    case RowStatus::Failed:
        return &counts.failed;
    case RowStatus::Cancelled:
        return &counts.cancelled;
    }
    return &counts.invalid;
}

qint64 BatchRunner::etaMs() const
{
    const Counts &c = m_counts;
    const int left = c.pending + c.running + c.waiting;
    if (left == 0)
        return 0;
    if (m_answeredThisRun == 0)
        return -1;
    const qint64 active = m_activeMs + (m_activeSince >= 0 ? now() - m_activeSince : 0);
    return active * left / m_answeredThisRun;
}

void BatchRunner::start()
{
    if (m_running)
        return;
    m_queue.clear();
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).status == RowStatus::Pending) {
            m_rows[i].retry = RetryBudget(m_options.retry); // a fresh budget for each run
            m_queue.append(i);
        }
    }
    m_running = true;
    m_paused = false;
    m_answeredThisRun = 0;
    m_activeMs = 0;
    m_activeSince = now();
    ++m_generation;
    Q_EMIT progressChanged();
    if (m_queue.isEmpty()) {
        checkFinished();
        return;
    }
    pump();
}

void BatchRunner::pause()
{
    if (!m_running || m_paused)
        return;
    m_paused = true;
    m_pumpTimer.stop();
    if (m_activeSince >= 0)
        m_activeMs += now() - m_activeSince;
    m_activeSince = -1;
    Q_EMIT progressChanged();
}

void BatchRunner::resume()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    m_activeSince = now();
    Q_EMIT progressChanged();
    pump();
}

void BatchRunner::cancel()
{
    if (!m_running)
        return;
    ++m_generation; // backoff timers of this run now do nothing
    m_pumpTimer.stop();
    for (int i = 0; i < m_rows.size(); ++i) {
        const RowStatus status = m_rows.at(i).status;
        if (status == RowStatus::Pending || status == RowStatus::Waiting)
            setStatus(i, RowStatus::Cancelled);
    }
    m_queue.clear();
    m_waiting = 0;
    // Cancelling a job finishes it (synchronously or queued) with Kind::Cancelled.
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).job)
            m_rows[i].job->cancel();
    }
    checkFinished();
}

int BatchRunner::rerunFailed()
{
    if (m_running)
        return 0;
    int count = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const RowStatus status = m_rows.at(i).status;
        if (status == RowStatus::Failed || status == RowStatus::Cancelled) {
            setStatus(i, RowStatus::Pending);
            ++count;
        }
    }
    if (count > 0)
        start();
    return count;
}

void BatchRunner::pump()
{
    if (!m_running || m_paused)
        return;
    while (m_inFlight < m_options.concurrency && !m_queue.isEmpty()) {
        const qint64 wait = m_limiter.msUntilNext();
        if (wait > 0) {
            m_pumpTimer.start(int(std::min<qint64>(wait, 60 * 60 * 1000)));
            return;
        }
        m_limiter.tryAcquire();
        dispatch(m_queue.takeFirst());
    }
}

LookupJob *BatchRunner::lookUp(const BatchRow &row) const
{
    return m_service->lookUp(row.query);
}

void BatchRunner::dispatch(int index)
{
    Entry &entry = m_rows[index];
    ++entry.attempts;
    ++m_inFlight;
    LookupJob *job = lookUp(entry.row);
    entry.job = job;
    connect(job, &LookupJob::finished, this,
            [this, index](const LookupResult &result) { onFinished(index, result); });
    setStatus(index, RowStatus::Running);
}

void BatchRunner::onFinished(int index, const LookupResult &result)
{
    Entry &entry = m_rows[index];
    entry.job.clear();
    --m_inFlight;

    const bool cancelled = result.kind == LookupResult::Kind::Cancelled;
    const std::optional<qint64> delay =
        cancelled || result.kind != LookupResult::Kind::ApiError || !m_running
            ? std::nullopt
            : entry.retry.next(result.response.httpStatus, result.response.errorCode,
                               result.response.header("Retry-After"));
    if (delay) {
        const int wait = int(qMin<qint64>(*delay, std::numeric_limits<int>::max()));
        if (entry.retry.lastReason() == RetryPolicy::Reason::RateLimited) {
            // The limit is per merchant: the whole batch waits, and this row goes first after it.
            m_limiter.holdOff(wait);
            setStatus(index, RowStatus::Waiting);
            Q_EMIT backingOff(index, wait);
            m_queue.prepend(index);
        } else {
            requeue(index, wait);
        }
        pump();
        return;
    }

    entry.result = result;
    entry.hasResult = !cancelled;
    RowStatus status;
    if (cancelled)
        status = RowStatus::Cancelled;
    else if (result.kind != LookupResult::Kind::Ok)
        status = RowStatus::Failed;
    else
        status = result.isFinal() ? RowStatus::Succeeded : RowStatus::Processing;
    if (!cancelled)
        ++m_answeredThisRun;
    setStatus(index, status);
    if (!cancelled)
        Q_EMIT rowFinished(index, result);
    pump();
    checkFinished();
}

void BatchRunner::requeue(int index, int delayMs)
{
    setStatus(index, RowStatus::Waiting);
    ++m_waiting;
    Q_EMIT backingOff(index, delayMs);
    const quint64 generation = m_generation;
    QTimer::singleShot(delayMs, this, [this, index, generation] {
        if (generation != m_generation || m_rows.at(index).status != RowStatus::Waiting)
            return;
        --m_waiting;
        setStatus(index, RowStatus::Pending);
        m_queue.prepend(index); // it has waited long enough: first in line
        pump();
    });
}

void BatchRunner::setStatus(int index, RowStatus status)
{
    const RowStatus old = m_rows.at(index).status;
    if (old == status)
        return;
    --*counter(m_counts, old);
    ++*counter(m_counts, status);
    m_rows[index].status = status;
    Q_EMIT rowStatusChanged(index, status);
    Q_EMIT progressChanged();
}

void BatchRunner::checkFinished()
{
    if (!m_running || m_inFlight > 0 || m_waiting > 0 || !m_queue.isEmpty())
        return;
    m_running = false;
    m_paused = false;
    m_pumpTimer.stop();
    if (m_activeSince >= 0)
        m_activeMs += now() - m_activeSince;
    m_activeSince = -1;
    Q_EMIT progressChanged();
    Q_EMIT finished();
}

} // namespace fenzhang
