#pragma once

// A verified profit-sharing order: its state badge, numbers and per-result totals, the remaining
// amount line, the verification/Request-ID line, then the receivers table and the raw answer in tabs.

#include <QWidget>

class QLabel;
class QTabWidget;

namespace fenzhang {

class BadgeLabel;
class FieldGrid;
class RawView;
class ReceiversPanel;
class RemainingAmountLine;
class ResultMetaBar;
struct LookupResult;
struct OrderResult;

class OrderResultView final : public QWidget {
    Q_OBJECT
public:
    explicit OrderResultView(QWidget *parent = nullptr);

    void setResult(const LookupResult &result);
    void clear();

    BadgeLabel *stateBadge() const { return m_state; }
    ReceiversPanel *receivers() const { return m_receivers; }
    ResultMetaBar *metaBar() const { return m_meta; }
    // 剩余待分金额 of the shown order's payment: cleared by each setResult(), filled by the page.
    RemainingAmountLine *remainingAmount() const { return m_remaining; }
    // Off where nothing can run the look-up (a history entry's answer as it was then).
    void setRemainingAmountOffered(bool offered);
    RawView *rawView() const { return m_raw; }
    QTabWidget *tabs() const { return m_tabs; }
    QString totalsText() const;

    static QString totalsText(const OrderResult &order);

private:
    BadgeLabel *m_state;
    QLabel *m_stateAdvice;
    FieldGrid *m_grid;
    QLabel *m_orderId;
    QLabel *m_transactionId;
    QLabel *m_outOrderNo;
    QLabel *m_subMchid;
    QLabel *m_totals;
    RemainingAmountLine *m_remaining;
    ResultMetaBar *m_meta;
    QTabWidget *m_tabs;
    ReceiversPanel *m_receivers;
    RawView *m_raw;
};

} // namespace fenzhang
