#pragma once

// The receivers table of an order result: a filter box over a sortable view of ReceiversModel,
// the result column drawn as badges, Ctrl+C copying the selected rows as TSV, and a pane with the
// current receiver's failure reason and advice.

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace fenzhang {

class ReceiverDetailPane;
class ReceiversModel;

class ReceiversPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ReceiversPanel(QWidget *parent = nullptr);

    ReceiversModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    ReceiverDetailPane *detailPane() const { return m_detail; }

    // Source rows of the selection, in view order; every visible row when nothing is selected.
    QList<int> selectedSourceRows() const;
    void copySelection() const;

private:
    void showCurrent();
    void showFirstFailure();

    ReceiversModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    ReceiverDetailPane *m_detail;
};

} // namespace fenzhang
