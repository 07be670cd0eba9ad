#pragma once

// A token bucket for look-ups per second: refills at the rate, holds at most `burst` tokens, and can
// be told to hold off entirely for a while (after a 429). The clock is injectable so tests step
// time instead of waiting for it.

#include <functional>
#include <QtGlobal>

namespace fenzhang {

class RateLimiter final {
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    // perSecond 0 (or less) switches limiting off; an empty clock means a steady real clock.
    explicit RateLimiter(double perSecond = 10.0, double burst = 1.0, Clock clock = {});

    void setRate(double perSecond);
    double rate() const { return m_rate; }
    void setClock(Clock clock);

    // Takes a token when one is there.
    bool tryAcquire();
    // Milliseconds until tryAcquire() can succeed; 0 when it can now.
    qint64 msUntilNext();
    // No token before now + ms, e.g. after the server said "too many requests".
    void holdOff(qint64 ms);

    // A monotonic millisecond clock starting at 0.
    static Clock steadyClock();

private:
    void refill();

    double m_rate;
    double m_burst;
    Clock m_clock;
    double m_tokens;
    qint64 m_last;
    qint64 m_holdUntil = 0;
};

} // namespace fenzhang
