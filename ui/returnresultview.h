#pragma once

// A verified profit-sharing return: result badge, amount, numbers, failure reason with advice,
// and while PROCESSING the documentation's warning to retry with the same out_return_no.

#include <QWidget>

class QLabel;
class QTabWidget;

namespace fenzhang {

class BadgeLabel;
class FieldGrid;
class RawView;
class ResultMetaBar;
struct LookupResult;

class ReturnResultView final : public QWidget {
    Q_OBJECT
public:
    explicit ReturnResultView(QWidget *parent = nullptr);

    void setResult(const LookupResult &result);
    void clear();

    BadgeLabel *resultBadge() const { return m_result; }
    ResultMetaBar *metaBar() const { return m_meta; }
    RawView *rawView() const { return m_raw; }
    QLabel *processingWarning() const { return m_processingWarning; }

private:
    BadgeLabel *m_result;
    QLabel *m_resultAdvice;
    QLabel *m_processingWarning;
    FieldGrid *m_grid;
    QLabel *m_amount;
    QLabel *m_returnMchid;
    QLabel *m_returnNo;
    QLabel *m_outReturnNo;
    QLabel *m_orderId;
    QLabel *m_outOrderNo;
    QLabel *m_subMchid;
    QLabel *m_description;
    QLabel *m_createTime;
    QLabel *m_finishTime;
    QLabel *m_failReason;
    ResultMetaBar *m_meta;
    QTabWidget *m_tabs;
    RawView *m_raw;
};

} // namespace fenzhang
