#pragma once

// A verified 剩余待分金额 answer on its own (a history entry, run again or opened): the payment's
// transaction_id, how much of it is still frozen for profit sharing, what that means, the
// verification/Request-ID line and the raw answer.

#include <QWidget>

class QLabel;
class QTabWidget;

namespace fenzhang {

class BadgeLabel;
class RawView;
class ResultMetaBar;
struct LookupResult;

class AmountsResultView final : public QWidget {
    Q_OBJECT
public:
    explicit AmountsResultView(QWidget *parent = nullptr);

    void setResult(const LookupResult &result);
    void clear();

    QString amountText() const;
    BadgeLabel *stateBadge() const { return m_state; }

private:
    BadgeLabel *m_state;
    QLabel *m_advice;
    QLabel *m_transactionId;
    QLabel *m_amount;
    ResultMetaBar *m_meta;
    QTabWidget *m_tabs;
    RawView *m_raw;
};

} // namespace fenzhang
