#include "receiverspanel.h"

#include "accessibility.h"
#include "badgedelegate.h"
#include "receiversmodel.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QResizeEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fenzhang {

ReceiversPanel::ReceiversPanel(QWidget *parent)
    : QWidget(parent), m_model(new ReceiversModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_filter(new QLineEdit(this))
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
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setItemDelegateForColumn(ReceiversModel::Result,
                                     new BadgeDelegate(ReceiversModel::ToneRole, m_view));
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReceiversPanel::fitColumns);

    // No shortcut here: the main window's Ctrl+C action copies rows; two would be ambiguous.
    auto *copy = new QAction(tr("Copy rows as TSV"), m_view);
    connect(copy, &QAction::triggered, this, &ReceiversPanel::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
}

void ReceiversPanel::fitColumns()
{
    // The stretched last section would count its stretched width: measure without stretching.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->resizeColumnsToContents();
    // Every column should be visible without scrolling: narrow the free-text columns (their
    // cells have tooltips with the whole text), widest first, but never below MinWidth.
    constexpr int MinWidth = 110;
    const QList<int> flexible{ReceiversModel::Description, ReceiversModel::Type, ReceiversModel::Account,
                              ReceiversModel::FailReason};
    int total = 0;
    for (int c = 0; c < ReceiversModel::ColumnCount; ++c)
        total += m_view->columnWidth(c);
    int excess = total - m_view->viewport()->width();
    while (excess > 0) {
        int widest = -1;
        for (int c : flexible) {
            if (m_view->columnWidth(c) > MinWidth &&
                (widest < 0 || m_view->columnWidth(c) > m_view->columnWidth(widest)))
                widest = c;
        }
        if (widest < 0)
            break;
        const int cut = std::min({excess, m_view->columnWidth(widest) - MinWidth, 8});
        m_view->setColumnWidth(widest, m_view->columnWidth(widest) - cut);
        excess -= cut;
    }
    m_view->horizontalHeader()->setStretchLastSection(true);
}

void ReceiversPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_model->rowCount() > 0)
        fitColumns();
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
