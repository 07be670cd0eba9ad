#include "columnsizer.h"

#include <QAbstractItemDelegate>
#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyleOptionViewItem>
#include <QTableView>

namespace fenzhang {

ColumnSizer::ColumnSizer(QTableView *view, Plan plan) : QObject(view), m_view(view), m_plan(std::move(plan))
{
    m_viewport = m_view->viewport();
    m_viewport->installEventFilter(this);
    // Once the view is being torn down (its header goes early), a model still signalling must not
    // make it measure.
    connect(m_view->horizontalHeader(), &QObject::destroyed, this, [this] {
        m_viewGone = true;
        if (m_model)
            disconnect(m_model, nullptr, this, nullptr);
    });
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    attachModel();
}

void ColumnSizer::attachModel()
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    QAbstractItemModel *model = m_view->model();
    m_model = model;
    m_wholeWidths = QList<int>(m_plan.whole.size(), 0);
    if (!model)
        return;
    const auto remeasure = [this] {
        m_wholeWidths.fill(0);
        if (m_view->model())
            measureWhole(0, m_view->model()->rowCount() - 1);
        fit();
    };
    connect(model, &QAbstractItemModel::modelReset, this, remeasure);
    connect(model, &QAbstractItemModel::rowsRemoved, this, remeasure);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                measureWhole(first, last);
                fit();
            });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (topLeft.parent().isValid())
                    return;
                measureWhole(topLeft.row(), bottomRight.row());
                fit();
            });
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnSizer::fit);
    connect(model, &QAbstractItemModel::headerDataChanged, this, &ColumnSizer::fit);
    measureWhole(0, model->rowCount() - 1);
}

void ColumnSizer::measureWhole(int firstRow, int lastRow)
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return;
    const int columns = model->columnCount();
    for (qsizetype i = 0; i < m_plan.whole.size(); ++i) {
        const int column = m_plan.whole.at(i);
        if (column < 0 || column >= columns)
            continue;
        int widest = m_wholeWidths.at(i);
        for (int row = firstRow; row <= lastRow; ++row) {
            const QModelIndex index = model->index(row, column);
            if (!index.isValid() || index.data(Qt::DisplayRole).toString().isEmpty())
                continue;
            // As QTableView::sizeHintForColumn measures a cell: its delegate, plus the grid line.
            QStyleOptionViewItem option;
            option.initFrom(m_view);
            option.font = m_view->font();
            option.fontMetrics = m_view->fontMetrics();
            option.showDecorationSelected = true;
            const int width = m_view->itemDelegateForIndex(index)->sizeHint(option, index).width() +
                              (m_view->showGrid() ? 1 : 0);
            widest = std::max(widest, width);
        }
        m_wholeWidths[i] = widest;
    }
}

int ColumnSizer::wholeWidth(int column) const
{
    const qsizetype at = m_plan.whole.indexOf(column);
    const int cells = at >= 0 && at < m_wholeWidths.size() ? m_wholeWidths.at(at) : 0;
    return std::max(cells, m_view->horizontalHeader()->sectionSizeHint(column));
}

void ColumnSizer::fit()
{
    if (m_viewGone)
        return;
    if (m_view->model() != m_model)
        attachModel();
    const QAbstractItemModel *model = m_view->model();
    if (!model || m_fitting)
        return;
    m_fitting = true; // setting widths can resize the viewport (a scroll bar comes or goes)
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    const int columns = model->columnCount();
    QList<int> widths(columns, 0);
    int total = 0;
    for (int c = 0; c < columns; ++c) {
        if (m_view->isColumnHidden(c))
            continue;
        if (m_plan.whole.contains(c))
            widths[c] = wholeWidth(c);
        else
            widths[c] = std::max(static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(c),
                                 header->sectionSizeHint(c));
        total += widths[c];
    }
    int excess = total - m_view->viewport()->width();
    for (int c : std::as_const(m_plan.giveWay)) {
        if (excess <= 0)
            break;
        if (c < 0 || c >= columns || widths[c] <= m_plan.minWidth)
            continue;
        const int cut = std::min(excess, widths[c] - m_plan.minWidth);
        widths[c] -= cut;
        excess -= cut;
    }
    QList<int> growing;
    for (int c : std::as_const(m_plan.grow)) {
        if (c >= 0 && c < columns && !m_view->isColumnHidden(c))
            growing.append(c);
    }
    if (excess < 0 && !growing.isEmpty()) {
        const int extra = -excess;
        const int share = extra / int(growing.size());
        for (int c : std::as_const(growing))
            widths[c] += share;
        widths[growing.constFirst()] += extra - share * int(growing.size());
    }
    for (int c = 0; c < columns; ++c) {
        if (!m_view->isColumnHidden(c) && header->sectionSize(c) != widths[c])
            header->resizeSection(c, widths[c]);
    }
    m_fitting = false;
}

bool ColumnSizer::eventFilter(QObject *watched, QEvent *event)
{
    // The type first: while the view is destroyed its viewport still gets events, and the view must
    // not be asked anything then.
    if (event->type() == QEvent::Resize && watched == m_viewport)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace fenzhang
