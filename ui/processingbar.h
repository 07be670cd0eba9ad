#pragma once

// Shown over a PROCESSING result: a Refresh button and an opt-in auto-refresh that re-runs the
// same look-up on a backoff until the answer is final.

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTimer;

namespace fenzhang {

class RefreshScheduler;

class ProcessingBar final : public QWidget {
    Q_OBJECT
public:
    explicit ProcessingBar(QWidget *parent = nullptr);

    // After each look-up: shows itself for a non-final result and, if auto-refresh is on,
    // schedules the next one; hides and stops for a final one.
    void setFinal(bool isFinal);
    void stop();

    bool autoRefresh() const;
    void setAutoRefresh(bool on);
    RefreshScheduler *scheduler() const { return m_scheduler; }
    QPushButton *refreshButton() const { return m_refresh; }

Q_SIGNALS:
    void refreshRequested();
    void autoRefreshToggled(bool on);

private:
    void updateCountdown();

    QLabel *m_text;
    QPushButton *m_refresh;
    QCheckBox *m_auto;
    QLabel *m_countdown;
    RefreshScheduler *m_scheduler;
    QTimer *m_tick;
};

} // namespace fenzhang
