#pragma once

// Runs a batch's valid rows through LookupService: at most `concurrency` look-ups at once, no more
// than `qps` started per second (token bucket), 429 FREQUENCY_LIMITED and SYSTEM_ERROR answers put
// back in the queue as the one RetryPolicy says (on top of the client's own retries; a 429 also
// holds the whole batch off); a row whose retries or waiting budget run out keeps its last answer as
// a failed row, so a batch always finishes. Pause / resume / cancel, and "run the failed rows
// again". Everything is asynchronous on the caller's event loop: the GUI thread never waits on it.

#include "api/lookupservice.h"
#include "api/retrypolicy.h"
#include "batch/batchrow.h"
#include "batch/ratelimiter.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace fenzhang {

class BatchRunner final : public QObject {
    Q_OBJECT
public:
    enum class RowStatus {
        Invalid,    // failed validation or a duplicate: never sent
        Pending,    // queued
        Running,    // a look-up is under way
        Waiting,    // backing off after 429 / SYSTEM_ERROR, then queued again
        Succeeded,  // a verified, final answer
        Processing, // a verified answer that is still PROCESSING: worth watching
        Failed,     // an answer that is not a result (error, network, verification)
        Cancelled,
    };
    Q_ENUM(RowStatus)

    struct Options {
        int concurrency = 4;
        double qps = 10.0; // look-ups started per second; 0 = no limit
        // Requeueing a row after 429 / SYSTEM_ERROR: 1 s, 2 s, 4 s … (at most 30 s a step, plus
        // jitter; a longer Retry-After wins), at most 5 times and 2 minutes of waiting per row; then
        // the row is Failed with its last answer.
        RetryPolicy retry = defaultRetry();
        static RetryPolicy defaultRetry();
    };

    struct Counts {
        int total = 0; // valid rows
        int invalid = 0;
        int pending = 0;
        int running = 0;
        int waiting = 0;
        int succeeded = 0;
        int processing = 0;
        int failed = 0;
        int cancelled = 0;
        int answered() const { return succeeded + processing + failed; }
    };

    explicit BatchRunner(LookupService *service, QObject *parent = nullptr);
    ~BatchRunner() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }
    void setClock(RateLimiter::Clock clock); // for ETA and the rate limit; tests step it

    // Replaces the batch (only while idle). Invalid rows are kept, with status Invalid.
    void setRows(const QList<BatchRow> &rows);
    int rowCount() const { return int(m_rows.size()); }
    const BatchRow &row(int index) const { return m_rows.at(index).row; }
    RowStatus status(int index) const { return m_rows.at(index).status; }
    bool hasResult(int index) const { return m_rows.at(index).hasResult; }
    const LookupResult &result(int index) const { return m_rows.at(index).result; }
    int attempts(int index) const { return m_rows.at(index).attempts; } // look-ups started
    // The results of every answered row, in row order (for export and history).
    QList<LookupResult> results() const;
    QList<int> rowsWithStatus(RowStatus status) const;

    const Counts &counts() const { return m_counts; } // kept up to date, not recounted
    // Estimated milliseconds left, from the pace so far; -1 while unknown.
    qint64 etaMs() const;
    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }

public Q_SLOTS:
    void start();
    void pause();
    void resume();
    void cancel();
    // Queues the Failed and Cancelled rows again and starts; returns how many.
    int rerunFailed();

Q_SIGNALS:
    void rowStatusChanged(int index, fenzhang::BatchRunner::RowStatus status);
    void rowFinished(int index, const fenzhang::LookupResult &result);
    void backingOff(int index, int delayMs);
    void progressChanged();
    void finished(); // nothing is pending, running or waiting any more

private:
    struct Entry {
        BatchRow row;
        RowStatus status = RowStatus::Pending;
        LookupResult result;
        bool hasResult = false;
        int attempts = 0;
        RetryBudget retry;
        QPointer<LookupJob> job;
    };

    void pump();
    void dispatch(int index);
    LookupJob *lookUp(const BatchRow &row) const; // the row's look-up, as its kind asks it
    void onFinished(int index, const LookupResult &result);
    void setStatus(int index, RowStatus status);
    void requeue(int index, int delayMs);
    void checkFinished();
    qint64 now() const { return m_clock(); }
    static int *counter(Counts &counts, RowStatus status);

    LookupService *m_service;
    Options m_options;
    RateLimiter::Clock m_clock;
    RateLimiter m_limiter;
    QList<Entry> m_rows;
    Counts m_counts;
    QList<int> m_queue;
    QTimer m_pumpTimer;
    int m_inFlight = 0;
    int m_waiting = 0;
    bool m_running = false;
    bool m_paused = false;
    quint64 m_generation = 0; // invalidates backoff timers of a cancelled run
    // For the ETA: active time (pauses excluded) and rows answered in this run.
    qint64 m_activeMs = 0;
    qint64 m_activeSince = -1;
    int m_answeredThisRun = 0;
};

} // namespace fenzhang
