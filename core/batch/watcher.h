#pragma once

// Keeps re-querying PROCESSING orders and returns until they are final: first after 10 s, then
// 30 s, 1 min, 5 min and doubling from there up to a cap (all configurable). Every check is written
// to the history (when one is set); becameFinal() is what the desktop turns into a tray message.
// Transient failures (network, 429, 5xx) are retried on the same schedule; a definite error answer
// (404, 403, an unverifiable answer) ends the watch with gaveUp(). The scheduler is injectable so
// tests run the schedule without waiting minutes.

#include "api/lookupservice.h"

#include <functional>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace fenzhang {

class HistoryStore;

class Watcher final : public QObject {
    Q_OBJECT
public:
    struct Schedule {
        QList<int> delaysMs = {10'000, 30'000, 60'000, 300'000};
        int maxDelayMs = 30 * 60'000; // after the list: the last delay doubled, up to this
        int maxChecks = 0;            // 0: until final

        // Delay before check number `check` (0-based).
        int delayFor(int check) const;
    };

    // Calls callback after delayMs on context's thread; the default is QTimer::singleShot.
    using Scheduler = std::function<void(int delayMs, QObject *context, std::function<void()> callback)>;

    explicit Watcher(LookupService *service, QObject *parent = nullptr);
    ~Watcher() override;

    void setSchedule(const Schedule &schedule) { m_schedule = schedule; }
    const Schedule &schedule() const { return m_schedule; }
    void setScheduler(Scheduler scheduler);
    // Each check is added to history as source "watch" under this profile name.
    void setHistory(HistoryStore *history, const QString &profile);

    // Starts watching a look-up (of an order or a return); returns its id (> 0), or 0 for a
    // remaining amount, which is final when it is answered.
    int watch(const Query &query);
    int watch(const LookupResult &result) { return watch(result.query); }
    void unwatch(int id);
    void unwatchAll();

    QList<int> watchIds() const { return m_watches.keys(); }
    bool isWatching(int id) const { return m_watches.contains(id); }
    int checks(int id) const;      // look-ups done so far for this watch
    int nextDelayMs(int id) const; // -1 when unknown

Q_SIGNALS:
    void checked(int id, const fenzhang::LookupResult &result, int nextDelayMs);
    void becameFinal(int id, const fenzhang::LookupResult &result);
    void gaveUp(int id, const fenzhang::LookupResult &result);

private:
    struct Watch {
        Query query;
        int checks = 0;
        int nextDelayMs = -1;
        quint64 token = 0; // the scheduled callback that is still wanted
        QPointer<LookupJob> job;
    };

    int add(Watch watch);
    void scheduleNext(int id);
    void check(int id, quint64 token);
    void onResult(int id, const LookupResult &result);

    LookupService *m_service;
    Schedule m_schedule;
    Scheduler m_scheduler;
    HistoryStore *m_history = nullptr;
    QString m_profile;
    QHash<int, Watch> m_watches;
    int m_nextId = 1;
    quint64 m_nextToken = 1;
};

} // namespace fenzhang
