#include "api/retrypolicy.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <limits>

namespace fenzhang {

RetryPolicy::Reason RetryPolicy::classify(int httpStatus, QStringView errorCode)
{
    if (httpStatus == 429 || errorCode == u"FREQUENCY_LIMITED")
        return Reason::RateLimited;
    if (httpStatus >= 500 && httpStatus < 600 && (errorCode.isEmpty() || errorCode == u"SYSTEM_ERROR"))
        return Reason::ServerError;
    return Reason::None;
}

qint64 RetryPolicy::retryAfterMs(QByteArrayView value)
{
    const QByteArrayView text = value.trimmed();
    if (text.isEmpty())
        return -1;
    constexpr qint64 capSeconds = MaxRetryAfterMs / 1000;
    qint64 seconds = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
        // Saturating: past the cap the number stops growing, so no count of digits can wrap it.
        if (seconds <= capSeconds)
            seconds = seconds * 10 + (c - '0');
    }
    qint64 ms = 0;
    if (qMulOverflow(seconds, qint64(1000), &ms))
        ms = MaxRetryAfterMs;
    return qMin(ms, MaxRetryAfterMs);
}

std::optional<qint64> RetryPolicy::nextDelay(Reason reason, int retriesSoFar, qint64 waitedMs,
                                             qint64 retryAfter) const
{
    if (reason == Reason::None || retriesSoFar >= maxRetries)
        return std::nullopt;
    const qint64 remaining = qMax<qint64>(0, budgetMs - qMax<qint64>(0, waitedMs));

    // Exponential backoff, capped per step, with up to 50 % jitter so parallel clients do not
    // retry in step.
    // One step never exceeds MaxRetryAfterMs either, so the doubling and the jitter stay small.
    const qint64 stepCap = qBound<qint64>(0, maxBackoffMs, MaxRetryAfterMs);
    qint64 base = qBound<qint64>(0, initialBackoffMs, stepCap);
    for (int i = 0; i < retriesSoFar && base < stepCap; ++i)
        base *= 2;
    base = qMin(base, stepCap);
    const qint64 jitter = base > 0 ? qint64(QRandomGenerator::global()->bounded(quint32(base / 2 + 1))) : 0;
    qint64 delay = base + jitter;

    if (honourRetryAfter && retryAfter >= 0) {
        const qint64 asked = qMin(retryAfter, qMin(maxRetryAfterMs, MaxRetryAfterMs));
        if (asked > remaining) // the server wants more patience than this call may spend
            return std::nullopt;
        delay = qMax(delay, asked);
    }
    if (remaining <= 0)
        return std::nullopt;
    return qMin(delay, remaining);
}

std::optional<qint64> RetryBudget::next(int httpStatus, QStringView errorCode, QByteArrayView retryAfterHeader)
{
    m_lastReason = RetryPolicy::classify(httpStatus, errorCode);
    const std::optional<qint64> delay = m_policy.nextDelay(m_lastReason, m_retries, m_waitedMs,
                                                           RetryPolicy::retryAfterMs(retryAfterHeader));
    if (delay) {
        ++m_retries;
        if (qAddOverflow(m_waitedMs, *delay, &m_waitedMs))
            m_waitedMs = std::numeric_limits<qint64>::max();
    }
    return delay;
}

void RetryBudget::reset()
{
    m_lastReason = RetryPolicy::Reason::None;
    m_retries = 0;
    m_waitedMs = 0;
}

} // namespace fenzhang
