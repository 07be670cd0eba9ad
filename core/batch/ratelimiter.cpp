#include "batch/ratelimiter.h"

#include <cmath>
#include <memory>
#include <QElapsedTimer>

namespace fenzhang {

RateLimiter::Clock RateLimiter::steadyClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] { return timer->elapsed(); };
}

RateLimiter::RateLimiter(double perSecond, double burst, Clock clock)
    : m_rate(perSecond), m_burst(std::max(1.0, burst)), m_clock(clock ? std::move(clock) : steadyClock()),
      m_tokens(m_burst), m_last(m_clock())
{
}

void RateLimiter::setRate(double perSecond)
{
    refill();
    m_rate = perSecond;
}

void RateLimiter::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : steadyClock();
    m_last = m_clock();
    m_holdUntil = 0;
    m_tokens = m_burst;
}

void RateLimiter::refill()
{
    const qint64 now = m_clock();
    if (m_rate > 0 && now > m_last)
        m_tokens = std::min(m_burst, m_tokens + double(now - m_last) * m_rate / 1000.0);
    m_last = now;
}

bool RateLimiter::tryAcquire()
{
    if (msUntilNext() > 0)
        return false;
    if (m_rate > 0)
        m_tokens -= 1.0;
    return true;
}

qint64 RateLimiter::msUntilNext()
{
    refill();
    const qint64 hold = std::max<qint64>(0, m_holdUntil - m_last);
    if (m_rate <= 0 || m_tokens >= 1.0)
        return hold;
    const auto wait = qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate));
    return std::max(hold, std::max<qint64>(1, wait));
}

void RateLimiter::holdOff(qint64 ms)
{
    m_holdUntil = std::max(m_holdUntil, m_clock() + ms);
}

} // namespace fenzhang
