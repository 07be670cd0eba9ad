#include "refreshscheduler.h"

namespace fenzhang {

RefreshScheduler::RefreshScheduler(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RefreshScheduler::due);
}

void RefreshScheduler::setDelays(const QList<int> &secondsSequence)
{
    if (!secondsSequence.isEmpty())
        m_delays = secondsSequence;
    reset();
}

int RefreshScheduler::nextDelaySeconds() const
{
    return m_delays.at(qMin(m_step, static_cast<int>(m_delays.size()) - 1));
}

void RefreshScheduler::scheduleNext()
{
    m_timer.start(nextDelaySeconds() * 1000);
    ++m_step;
}

void RefreshScheduler::stop()
{
    m_timer.stop();
}

void RefreshScheduler::reset()
{
    m_timer.stop();
    m_step = 0;
}

int RefreshScheduler::secondsRemaining() const
{
    return m_timer.isActive() ? (m_timer.remainingTime() + 999) / 1000 : 0;
}

} // namespace fenzhang
