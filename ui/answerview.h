#pragma once

// Any verified answer, from its kind's description (lookup/resultfacts.h): the title, the state badge
// with its code as tooltip and what it means, the facts as label/value pairs (only those the answer
// has), an order's lines as a table, the verification/Request-ID line and the raw answer. The view of
// a kind without a view of its own — the remaining amount (剩余待分金额) today — so a new kind is shown
// as soon as core describes it; orders and returns have richer views (OrderResultView,
// ReturnResultView).

#include <QWidget>

class QLabel;
class QTabWidget;
class QTableWidget;
class QVBoxLayout;

namespace fenzhang {

class BadgeLabel;
class FieldGrid;
class RawView;
class ResultMetaBar;
struct LookupResult;

class AnswerView final : public QWidget {
    Q_OBJECT
public:
    explicit AnswerView(QWidget *parent = nullptr);

    void setResult(const LookupResult &result);
    void clear();

    QString title() const;
    BadgeLabel *stateBadge() const { return m_state; }
    // The value shown beside this label; empty when there is no such fact.
    QString value(const QString &label) const;
    // The lines' table (hidden when the answer has no lines).
    QTableWidget *lines() const { return m_lines; }

private:
    QLabel *m_title;
    BadgeLabel *m_state;
    QLabel *m_advice;
    QWidget *m_facts;
    QVBoxLayout *m_factsLayout;
    FieldGrid *m_grid = nullptr;
    QList<QPair<QString, QLabel *>> m_values;
    ResultMetaBar *m_meta;
    QTabWidget *m_tabs;
    QTableWidget *m_lines;
    RawView *m_raw;
};

} // namespace fenzhang
