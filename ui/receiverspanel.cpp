#include "receiverspanel.h"

#include "accessibility.h"
#include "badgedelegate.h"
#include "columnsizer.h"
#include "receiverdetailpane.h"
#include "receiversmodel.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fenzhang {

ReceiversPanel::ReceiversPanel(QWidget *parent)
    : QWidget(parent), m_model(new ReceiversModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_filter(new QLineEdit(this)), m_detail(new ReceiverDetailPane(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReceiversModel::RawRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter receivers (account, description, result…)"));
    m_filter->setClearButtonEnabled(true);
    Accessibility::nameClearButton(m_filter);
    m_filter->setObjectName(QStringLiteral("receiversFilter"));
    m_filter->setAccessibleName(tr("Filter receivers"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("receiversView"));
    m_view->setAccessibleName(tr("Receivers"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // keep the API's order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->setItemDelegateForColumn(ReceiversModel::Result,
                                     new BadgeDelegate(ReceiversModel::ToneRole, m_view));
    // Amounts, results and failure reasons are read whole; the ID, type, description and account
    // give way (their tooltips and the detail pane have them whole); times stay as wide as they are.
    new ColumnSizer(m_view,
                    {.whole = {ReceiversModel::Amount, ReceiversModel::Result, ReceiversModel::FailReason},
                     .giveWay = {ReceiversModel::DetailId, ReceiversModel::Type, ReceiversModel::Description,
                                 ReceiversModel::Account},
                     .grow = {ReceiversModel::Description, ReceiversModel::Account},
                     .minWidth = 110});
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReceiversPanel::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReceiversPanel::showFirstFailure);

    // No shortcut here: the main window's Ctrl+C action copies rows; two would be ambiguous.
    auto *copy = new QAction(tr("Copy rows as TSV"), m_view);
    connect(copy, &QAction::triggered, this, &ReceiversPanel::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
}

void ReceiversPanel::showCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (current.isValid() && current.row() < m_model->rowCount())
        m_detail->setReceiver(m_model->receivers().at(current.row()));
    else
        m_detail->clear();
}

void ReceiversPanel::showFirstFailure()
{
    // The first receiver with a failure reason is what the clerk came for: the pane shows it
    // without selecting it (the selection decides what Ctrl+C copies).
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, ReceiversModel::FailReason);
        if (!index.data(ReceiversModel::RawRole).toString().isEmpty()) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            return;
        }
    }
    showCurrent();
}

QList<int> ReceiversPanel::selectedSourceRows() const
{
    QList<int> proxyRows;
    const auto selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        proxyRows << index.row();
    if (proxyRows.isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            proxyRows << row;
    }
    std::sort(proxyRows.begin(), proxyRows.end());
    QList<int> rows;
    for (int row : std::as_const(proxyRows))
        rows << m_proxy->mapToSource(m_proxy->index(row, 0)).row();
    return rows;
}

void ReceiversPanel::copySelection() const
{
    QApplication::clipboard()->setText(m_model->toTsv(selectedSourceRows()));
}

} // namespace fenzhang
