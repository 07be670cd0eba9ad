#pragma once

// The one retry policy for answers that say "try again later": which answers are retried (429 or
// FREQUENCY_LIMITED; 5xx with SYSTEM_ERROR or no code), how long to wait (exponential backoff with
// up to 50 % jitter, or the server's Retry-After when that is longer), and when to stop (at most
// maxRetries, and never more than budgetMs of waiting in all). Retry-After is read with saturating
// arithmetic and clamped to maxRetryAfterMs; a wait that does not fit the remaining budget is not
// waited at all, so the caller gets the answer it has now. ApiJob applies it to the attempts of one
// call; BatchRunner applies it again, with its own (longer) numbers, to requeueing a row.

#include <optional>
#include <QByteArrayView>
#include <QStringView>
#include <QtGlobal>

namespace fenzhang {

struct RetryPolicy {
    enum class Reason {
        None,        // not worth retrying
        RateLimited, // 429 / FREQUENCY_LIMITED
        ServerError, // 5xx with SYSTEM_ERROR or without a code
    };

    static constexpr qint64 MaxRetryAfterMs = 10 * 60 * 1000; // no server is waited for longer

    int maxRetries = 3;
    qint64 initialBackoffMs = 300;
    qint64 maxBackoffMs = 30000;               // one backoff step, before jitter (at most MaxRetryAfterMs)
    qint64 budgetMs = 6000;                    // all the waiting of one call (or one batch row)
    qint64 maxRetryAfterMs = MaxRetryAfterMs;  // Retry-After is clamped to this (and to MaxRetryAfterMs)
    bool honourRetryAfter = true;

    static Reason classify(int httpStatus, QStringView errorCode);
    // Retry-After in milliseconds (WeChat Pay sends seconds; an HTTP date is ignored), saturating
    // at MaxRetryAfterMs; -1 when absent or not a number.
    static qint64 retryAfterMs(QByteArrayView value);

    // What to do after the retriesSoFar-th retry, having waited waitedMs so far: the delay before
    // the next attempt, or nothing (give up and keep this answer).
    std::optional<qint64> nextDelay(Reason reason, int retriesSoFar, qint64 waitedMs,
                                    qint64 retryAfter) const;
};

// One call's (or one row's) use of a policy: counts the retries and the time waited.
class RetryBudget final {
public:
    explicit RetryBudget(RetryPolicy policy = {}) : m_policy(policy) {}

    // After an answer: the delay before trying again, or nothing when it is not retried.
    std::optional<qint64> next(int httpStatus, QStringView errorCode, QByteArrayView retryAfterHeader);
    RetryPolicy::Reason lastReason() const { return m_lastReason; }
    int retries() const { return m_retries; }
    qint64 waitedMs() const { return m_waitedMs; }
    void reset();

private:
    RetryPolicy m_policy;
    RetryPolicy::Reason m_lastReason = RetryPolicy::Reason::None;
    int m_retries = 0;
    qint64 m_waitedMs = 0;
};

} // namespace fenzhang
