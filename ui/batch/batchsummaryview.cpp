#include "batchsummaryview.h"

#include "columnsizer.h"
#include "format/labels.h"
#include "lookup/resultstate.h"
#include "format/money.h"

#include <QHeaderView>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace fenzhang {

BatchSummaryView::BatchSummaryView(QWidget *parent) : QTableWidget(parent)
{
    setObjectName(u"batchSummary"_s);
    setAccessibleName(tr("Batch summary"));
    setColumnCount(4);
    setHorizontalHeaderLabels({tr("Group"), tr("State / result"), tr("Count"), tr("Amount (yuan)")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    verticalHeader()->hide();
    // Compact rows: the whole summary should fit without scrolling.
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // Counts and amounts are read whole; the group and label give way, the label takes what is left.
    m_sizer = new ColumnSizer(this, {.whole = {CountColumn, AmountColumn},
                                     .giveWay = {GroupColumn, LabelColumn},
                                     .grow = {LabelColumn},
                                     .minWidth = MinTextWidth});
}

BatchSummaryView::~BatchSummaryView()
{
    delete m_sizer;
}

QSize BatchSummaryView::minimumSizeHint() const
{
    // Never so narrow that a count or an amount is cut: the splitter beside the batch table
    // respects this.
    if (!m_sizer)
        return QTableWidget::minimumSizeHint();
    const int width = m_sizer->wholeWidth(CountColumn) + m_sizer->wholeWidth(AmountColumn) +
                      2 * MinTextWidth + 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
    return {width, QTableWidget::minimumSizeHint().height()};
}

void BatchSummaryView::clearSummary()
{
    m_summary = {};
    setRowCount(0);
    updateGeometry();
}

void BatchSummaryView::addLine(const QString &group, const QString &label, int count, const QString &yuan)
{
    const int row = rowCount();
    insertRow(row);
    setItem(row, GroupColumn, new QTableWidgetItem(group));
    setItem(row, LabelColumn, new QTableWidgetItem(label));
    auto *countItem = new QTableWidgetItem(QString::number(count));
    countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setItem(row, CountColumn, countItem);
    auto *amountItem = new QTableWidgetItem(yuan);
    amountItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setItem(row, AmountColumn, amountItem);
}

void BatchSummaryView::setSummary(const BatchSummary &summary)
{
    m_summary = summary;
    setRowCount(0);
    addLine(tr("Rows"), tr("Answered"), summary.answered, QString());
    addLine(tr("Rows"), tr("Without a result"), summary.failed, QString());
    const QString stateGroup = LookupKinds::groupName(summary.kind);
    for (const BatchSummary::Line &line : summary.byState)
        addLine(stateGroup, ResultState::label(summary.kind, line.value), line.count,
                Money::formatTotal(line.amount));
    for (const BatchSummary::Line &line : summary.byReceiverResult)
        addLine(tr("Receivers"), Labels::receiverResult(line.value), line.count,
                Money::formatTotal(line.amount));
    // An order batch's remaining amounts: each payment once.
    for (const BatchSummary::Line &line : summary.byRemaining)
        addLine(LookupKinds::groupName(LookupKind::Amounts),
                ResultState::label(LookupKind::Amounts, line.value), line.count,
                Money::formatTotal(line.amount));
    m_sizer->fit();
    updateGeometry();
}

} // namespace fenzhang
