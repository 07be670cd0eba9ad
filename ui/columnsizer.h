#pragma once

// Sizes the columns of a table view by one rule, used by every results table: columns that must be
// read whole (amounts, failure reasons) are never narrower than their widest cell over ALL rows, not
// only the visible ones; when everything does not fit, the give-way columns are narrowed (in the
// order given, each down to a minimum; their cells keep tooltips or a detail pane); width left over
// goes to the grow columns. Refits when the model changes or the view is resized.

#include <QList>
#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QWidget;
class QTableView;

namespace fenzhang {

class ColumnSizer final : public QObject {
    Q_OBJECT
public:
    struct Plan {
        QList<int> whole;   // never narrower than the widest cell or the heading
        QList<int> giveWay; // narrowed first to last when the table is too wide
        QList<int> grow;    // share the width left over
        int minWidth = 90;  // a give-way column is not narrowed below this
    };

    // Installs itself on view (its parent); the view's model may be set or changed later.
    ColumnSizer(QTableView *view, Plan plan);

    // Measures again and sets every column's width.
    void fit();
    // The widest cell of column over every row (display text through the column's delegate), or
    // its heading if wider.
    int wholeWidth(int column) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void attachModel();
    void measureWhole(int firstRow, int lastRow);

    QTableView *m_view;
    QPointer<QWidget> m_viewport;
    Plan m_plan;
    QList<int> m_wholeWidths; // per entry of m_plan.whole, widest cell seen so far
    QPointer<QAbstractItemModel> m_model;
    bool m_fitting = false;
    bool m_viewGone = false;
};

} // namespace fenzhang
