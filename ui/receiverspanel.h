#pragma once

// The receivers table of an order result: a filter box over a sortable view of ReceiversModel,
// the result column drawn as badges, and Ctrl+C copying the selected rows as TSV.

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace fenzhang {

class ReceiversModel;

class ReceiversPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ReceiversPanel(QWidget *parent = nullptr);

    ReceiversModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

    // Source rows of the selection, in view order; every visible row when nothing is selected.
    QList<int> selectedSourceRows() const;
    void copySelection() const;
    // Sizes the columns to their contents, narrowing free-text columns so all of them fit.
    void fitColumns();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    ReceiversModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
};

} // namespace fenzhang
