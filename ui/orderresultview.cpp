#include "orderresultview.h"

#include "api/lookupservice.h"
#include "badgelabel.h"
#include "fieldgrid.h"
#include "format/labels.h"
#include "format/money.h"
#include "format/saturating.h"
#include "lookup/queryfields.h"
#include "rawview.h"
#include "receiversmodel.h"
#include "receiverspanel.h"
#include "remainingamountline.h"
#include "resultheader.h"
#include "resultmetabar.h"

#include <QLabel>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace fenzhang {

OrderResultView::OrderResultView(QWidget *parent)
    : QWidget(parent), m_state(new BadgeLabel(this)), m_stateAdvice(new QLabel(this)),
      m_meta(new ResultMetaBar(this)), m_tabs(new QTabWidget(this)), m_receivers(new ReceiversPanel(this)),
      m_raw(new RawView(this))
{
    m_state->setObjectName(u"stateBadge"_s);
    m_stateAdvice->setObjectName(u"stateAdvice"_s);
    QHBoxLayout *titleRow = ResultHeader::titleRow(tr("Profit-sharing order"), m_state, m_stateAdvice, this);

    auto *grid = m_grid = new FieldGrid(2, this);
    m_orderId = grid->addField(QueryFields::label(u"order_id"), u"orderIdValue"_s);
    m_transactionId = grid->addField(QueryFields::label(u"transaction_id"), u"transactionIdValue"_s);
    m_outOrderNo = grid->addField(QueryFields::label(u"out_order_no"), u"outOrderNoValue"_s);
    m_subMchid = grid->addField(QueryFields::label(u"sub_mchid"), u"subMchidValue"_s);
    m_totals = ResultHeader::addWideLine(grid, u"totalsValue"_s, this);
    m_remaining = new RemainingAmountLine(this);
    grid->addWide(m_remaining);

    m_tabs->addTab(m_receivers, tr("Receivers"));
    m_tabs->addTab(m_raw, tr("Raw answer"));

    ResultHeader::layOut(this, titleRow, grid, m_meta, m_tabs);
}

QString OrderResultView::totalsText(const OrderResult &order)
{
    QStringList parts;
    const auto totals = order.totalsByResult();
    qint64 all = 0;
    int count = 0;
    for (const auto &total : totals) {
        parts << (Money::isSaturated(total.amount)
                      ? tr("%1: %n receiver(s), too large to add up", nullptr, total.count)
                            .arg(Labels::receiverResult(total.result))
                      : tr("%1: %n receiver(s), %2 yuan", nullptr, total.count)
                            .arg(Labels::receiverResult(total.result),
                                 Money::formatYuan(total.amount, Money::Grouping::Thousands)));
        all = saturatingAdd(all, total.amount);
        count += total.count;
    }
    const QString sum = Money::isSaturated(all)
                            ? tr("Total: %n receiver(s), too large to add up", nullptr, count)
                            : tr("Total: %n receiver(s), %1 yuan", nullptr, count)
                                  .arg(Money::formatYuan(all, Money::Grouping::Thousands));
    return parts.isEmpty() ? sum : sum + u"  ·  "_s + parts.join(u"  ·  "_s);
}

void OrderResultView::setRemainingAmountOffered(bool offered)
{
    m_grid->setFieldShown(m_remaining, offered);
}

QString OrderResultView::totalsText() const
{
    return m_totals->text();
}

void OrderResultView::setResult(const LookupResult &result)
{
    if (!result.order()) {
        clear();
        return;
    }
    const OrderResult &order = *result.order();
    ResultHeader::showState(m_state, m_stateAdvice, Labels::orderState(order.state),
                            Labels::orderStateTone(order.state), order.state,
                            Labels::orderStateAdvice(order.state));
    m_orderId->setText(order.orderId);
    m_transactionId->setText(order.transactionId);
    m_outOrderNo->setText(order.outOrderNo);
    m_subMchid->setText(order.subMchid);
    m_grid->setFieldShown(m_subMchid, Products::hasSubMchid(result.product()));
    m_totals->setText(totalsText(order));
    m_remaining->clear();
    m_meta->setResult(result);
    m_receivers->model()->setReceivers(order.receivers);
    m_raw->setResponse(result.response);
}

void OrderResultView::clear()
{
    ResultHeader::clearState(m_state, m_stateAdvice);
    for (QLabel *label : {m_orderId, m_transactionId, m_outOrderNo, m_subMchid, m_totals})
        label->clear();
    m_remaining->clear();
    m_receivers->model()->clear();
    m_raw->clear();
}

} // namespace fenzhang
