#include "amountsresultview.h"

#include "api/lookupservice.h"
#include "badgelabel.h"
#include "fieldgrid.h"
#include "format/money.h"
#include "lookup/queryfields.h"
#include "rawview.h"
#include "resultheader.h"
#include "resultmetabar.h"

#include <QLabel>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace fenzhang {

AmountsResultView::AmountsResultView(QWidget *parent)
    : QWidget(parent), m_state(new BadgeLabel(this)), m_advice(new QLabel(this)),
      m_meta(new ResultMetaBar(this)), m_tabs(new QTabWidget(this)), m_raw(new RawView(this))
{
    setObjectName(u"amountsView"_s);
    m_state->setObjectName(u"amountsBadge"_s);
    QHBoxLayout *titleRow = ResultHeader::titleRow(tr("Remaining amount to share"), m_state, m_advice, this);
    auto *grid = new FieldGrid(2, this);
    m_transactionId = grid->addField(QueryFields::label(u"transaction_id"), u"transactionIdValue"_s);
    m_amount = grid->addField(tr("Remaining to share (yuan)"), u"unsplitAmountValue"_s);
    m_tabs->addTab(m_raw, tr("Raw answer"));
    ResultHeader::layOut(this, titleRow, grid, m_meta, m_tabs);
}

void AmountsResultView::setResult(const LookupResult &result)
{
    if (!result.amounts()) {
        clear();
        return;
    }
    const qint64 fen = result.amounts()->unsplitAmount;
    if (fen == 0) {
        ResultHeader::showState(m_state, m_advice, tr("Nothing frozen"), Labels::Tone::Good,
                                u"unsplit_amount = 0"_s,
                                tr("Nothing of this payment is waiting to be shared any more."));
    } else {
        ResultHeader::showState(m_state, m_advice, tr("Still frozen"), Labels::Tone::Pending,
                                u"unsplit_amount = %1"_s.arg(fen),
                                tr("This money can still be shared; to release it to the merchant, "
                                   "unfreeze the rest (解冻剩余资金)."));
    }
    m_transactionId->setText(result.amounts()->transactionId);
    m_amount->setText(Money::formatYuan(fen, Money::Grouping::Thousands));
    m_meta->setResult(result);
    m_raw->setResponse(result.response);
}

void AmountsResultView::clear()
{
    ResultHeader::clearState(m_state, m_advice);
    m_transactionId->clear();
    m_amount->clear();
    m_raw->clear();
}

QString AmountsResultView::amountText() const
{
    return m_amount->text();
}

} // namespace fenzhang
