#include "batchsummaryview.h"

#include "format/labels.h"
#include "format/money.h"

#include <QHeaderView>

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
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
}

void BatchSummaryView::clearSummary()
{
    m_summary = {};
    setRowCount(0);
}

void BatchSummaryView::addLine(const QString &group, const QString &label, int count, const QString &yuan)
{
    const int row = rowCount();
    insertRow(row);
    setItem(row, 0, new QTableWidgetItem(group));
    setItem(row, 1, new QTableWidgetItem(label));
    auto *countItem = new QTableWidgetItem(QString::number(count));
    countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setItem(row, 2, countItem);
    auto *amountItem = new QTableWidgetItem(yuan);
    amountItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setItem(row, 3, amountItem);
}

void BatchSummaryView::setSummary(const BatchSummary &summary)
{
    m_summary = summary;
    setRowCount(0);
    addLine(tr("Rows"), tr("Answered"), summary.answered, QString());
    addLine(tr("Rows"), tr("Without a result"), summary.failed, QString());
    const QString stateGroup = summary.kind == LookupKind::Order ? tr("Orders") : tr("Returns");
    for (const BatchSummary::Line &line : summary.byState) {
        const QString label = summary.kind == LookupKind::Order ? Labels::orderState(line.value)
                                                                : Labels::returnResult(line.value);
        addLine(stateGroup, label, line.count, Money::formatYuan(line.amount, Money::Grouping::Thousands));
    }
    for (const BatchSummary::Line &line : summary.byReceiverResult)
        addLine(tr("Receivers"), Labels::receiverResult(line.value), line.count,
                Money::formatYuan(line.amount, Money::Grouping::Thousands));
}

} // namespace fenzhang
