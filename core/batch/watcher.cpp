#include "batch/watcher.h"

#include "api/retrypolicy.h"
#include "history/historystore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// Worth asking again later: the answer may change, or there was no answer.
bool isTransient(const LookupResult &result)
{
    switch (result.kind) {
    case LookupResult::Kind::NetworkError:
        return true;
    case LookupResult::Kind::ApiError: // what the one retry policy would retry
        return RetryPolicy::classify(result.response.httpStatus, result.response.errorCode) !=
               RetryPolicy::Reason::None;
    default:
        return false;
    }
}

} // namespace

int Watcher::Schedule::delayFor(int check) const
{
    if (delaysMs.isEmpty())
        return maxDelayMs;
    if (check < delaysMs.size())
        return std::min(delaysMs.at(check), maxDelayMs);
    qint64 delay = delaysMs.constLast();
    for (qsizetype i = delaysMs.size() - 1; i < check && delay < maxDelayMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, maxDelayMs));
}

Watcher::Watcher(LookupService *service, QObject *parent) : QObject(parent), m_service(service)
{
    setScheduler({});
}

Watcher::~Watcher()
{
    unwatchAll();
}

void Watcher::setScheduler(Scheduler scheduler)
{
    if (scheduler) {
        m_scheduler = std::move(scheduler);
        return;
    }
    m_scheduler = [](int delayMs, QObject *context, std::function<void()> callback) {
        QTimer::singleShot(delayMs, context, std::move(callback));
    };
}

void Watcher::setHistory(HistoryStore *history, const QString &profile)
{
    m_history = history;
    m_profile = profile;
}

int Watcher::watch(const Query &query)
{
    if (query.kind() == LookupKind::Amounts)
        return 0; // an amount is always final: nothing to wait for
    Watch watch;
    watch.query = query;
    return add(std::move(watch));
}

int Watcher::add(Watch watch)
{
    const int id = m_nextId++;
    m_watches.insert(id, std::move(watch));
    scheduleNext(id);
    return id;
}

void Watcher::unwatch(int id)
{
    auto it = m_watches.find(id);
    if (it == m_watches.end())
        return;
    QPointer<LookupJob> job = it->job;
    m_watches.erase(it); // first: the cancelled job's answer then finds no watch
    if (job)
        job->cancel();
}

void Watcher::unwatchAll()
{
    const QList<int> ids = m_watches.keys();
    for (const int id : ids)
        unwatch(id);
}

int Watcher::checks(int id) const
{
    return m_watches.value(id).checks;
}

int Watcher::nextDelayMs(int id) const
{
    return m_watches.contains(id) ? m_watches.value(id).nextDelayMs : -1;
}

void Watcher::scheduleNext(int id)
{
    Watch &watch = m_watches[id];
    watch.nextDelayMs = m_schedule.delayFor(watch.checks);
    watch.token = m_nextToken++;
    const quint64 token = watch.token;
    m_scheduler(watch.nextDelayMs, this, [this, id, token] { check(id, token); });
}

void Watcher::check(int id, quint64 token)
{
    auto it = m_watches.find(id);
    if (it == m_watches.end() || it->token != token)
        return; // unwatched meanwhile
    ++it->checks;
    it->nextDelayMs = -1;
    LookupJob *job = m_service->lookUp(it->query);
    it->job = job;
    connect(job, &LookupJob::finished, this,
            [this, id](const LookupResult &result) { onResult(id, result); });
}

void Watcher::onResult(int id, const LookupResult &result)
{
    auto it = m_watches.find(id);
    if (it == m_watches.end() || result.kind == LookupResult::Kind::Cancelled)
        return;
    it->job.clear();
    if (m_history)
        m_history->add(result, m_profile, u"watch"_s); // a failed write must not stop the watch

    const bool processing = result.kind == LookupResult::Kind::Ok && !result.isFinal();
    const bool retry = processing || isTransient(result);
    const bool exhausted = m_schedule.maxChecks > 0 && it->checks >= m_schedule.maxChecks;
    if (result.isFinal()) {
        m_watches.erase(it);
        Q_EMIT checked(id, result, -1);
        Q_EMIT becameFinal(id, result);
        return;
    }
    if (!retry || exhausted) {
        m_watches.erase(it);
        Q_EMIT checked(id, result, -1);
        Q_EMIT gaveUp(id, result);
        return;
    }
    scheduleNext(id);
    Q_EMIT checked(id, result, m_watches.value(id).nextDelayMs);
}

} // namespace fenzhang
