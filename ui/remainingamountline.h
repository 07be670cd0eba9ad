#pragma once

// The "剩余待分金额" line under an order's numbers: how much of the payment is still frozen for
// profit sharing, asked on demand (or by the page when the profile wants it for a FINISHED order).
// Shows a button before, "Looking up…" while, and then the amount with the time it was asked, or
// in one line why it could not be (with the Request-ID). The page runs the look-up; this only shows.

#include <QWidget>

class QLabel;
class QPushButton;

namespace fenzhang {

struct LookupResult;

class RemainingAmountLine final : public QWidget {
    Q_OBJECT
public:
    explicit RemainingAmountLine(QWidget *parent = nullptr);

    void clear();       // a new order: nothing asked yet
    void setBusy();     // the look-up runs
    void setResult(const LookupResult &result);
    void setSetupError(const QString &message); // the profile could not be used: nothing was sent

    bool isBusy() const { return m_busy; }
    QString text() const;
    QPushButton *button() const { return m_button; }

Q_SIGNALS:
    void requested();

private:
    QLabel *m_caption;
    QLabel *m_value;
    QPushButton *m_button;
    bool m_busy = false;
};

} // namespace fenzhang
