#pragma once

// When to look a PROCESSING result up again: 10 s, 30 s, 1 min, then every 5 min (the cap), so
// an opt-in auto-refresh never hammers the API. Restarted by every manual look-up.

#include <QList>
#include <QObject>
#include <QTimer>

namespace fenzhang {

class RefreshScheduler final : public QObject {
    Q_OBJECT
public:
    explicit RefreshScheduler(QObject *parent = nullptr);

    void setDelays(const QList<int> &secondsSequence); // the last one repeats (the cap)
    const QList<int> &delays() const { return m_delays; }

    // Schedules the next refresh after the current step's delay and moves to the next step.
    void scheduleNext();
    void stop();  // nothing pending
    void reset(); // back to the first step, nothing pending

    bool isPending() const { return m_timer.isActive(); }
    int step() const { return m_step; }
    int secondsRemaining() const;
    // The delay the next scheduleNext() will use.
    int nextDelaySeconds() const;

Q_SIGNALS:
    void due();

private:
    QList<int> m_delays{10, 30, 60, 300};
    int m_step = 0;
    QTimer m_timer;
};

} // namespace fenzhang
