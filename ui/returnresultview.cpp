#include "returnresultview.h"

#include "api/lookupservice.h"
#include "badgelabel.h"
#include "fieldgrid.h"
#include "format/labels.h"
#include "format/money.h"
#include "lookup/queryfields.h"
#include "plaintext.h"
#include "rawview.h"
#include "resultheader.h"
#include "resultmetabar.h"
#include "tonecolors.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

ReturnResultView::ReturnResultView(QWidget *parent)
    : QWidget(parent), m_result(new BadgeLabel(this)), m_resultAdvice(new QLabel(this)),
      m_processingWarning(new QLabel(this)), m_meta(new ResultMetaBar(this)), m_tabs(new QTabWidget(this)),
      m_raw(new RawView(this))
{
    m_result->setObjectName(u"returnResultBadge"_s);
    m_resultAdvice->setObjectName(u"returnResultAdvice"_s);

    m_processingWarning->setObjectName(u"processingWarning"_s);
    m_processingWarning->setWordWrap(true);
    m_processingWarning->setTextFormat(Qt::PlainText);
    m_processingWarning->setText(
        tr("This return is still being processed. Look it up again later with the SAME merchant "
           "return No. (out_return_no) — never start a new return with a new number for the same "
           "money. A return not finished within 5 days is closed as failed."));
    const auto pending = ToneColors::badge(Labels::Tone::Pending, palette());
    m_processingWarning->setStyleSheet(
        u"QLabel { background: %1; color: %2; border-radius: 6px; padding: 8px; }"_s.arg(
            pending.background.name(), pending.foreground.name()));
    m_processingWarning->hide();

    QHBoxLayout *titleRow =
        ResultHeader::titleRow(tr("Profit-sharing return"), m_result, m_resultAdvice, this);

    auto *details = new QWidget(this);
    auto *grid = m_grid = new FieldGrid(2, details);
    m_amount = grid->addField(tr("Return amount (yuan)"), u"amountValue"_s);
    m_returnMchid = grid->addField(tr("Returning merchant (return_mchid)"), u"returnMchidValue"_s);
    m_returnNo = grid->addField(tr("WeChat Pay return No. (%1)").arg(u"return_no"_s), u"returnNoValue"_s);
    m_outReturnNo = grid->addField(QueryFields::label(u"out_return_no"), u"outReturnNoValue"_s);
    m_orderId = grid->addField(QueryFields::label(u"order_id"), u"orderIdValue"_s);
    m_outOrderNo = grid->addField(QueryFields::label(u"out_order_no"), u"outOrderNoValue"_s);
    m_subMchid = grid->addField(QueryFields::label(u"sub_mchid"), u"subMchidValue"_s);
    m_description = grid->addField(tr("Return reason (description)"), u"descriptionValue"_s);
    m_createTime = grid->addField(tr("Created"), u"createTimeValue"_s);
    m_finishTime = grid->addField(tr("Finished"), u"finishTimeValue"_s);
    m_failReason = ResultHeader::addWideLine(grid, u"failReasonValue"_s, this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(grid);
    detailsLayout->addStretch(1);

    m_tabs->addTab(details, tr("Details"));
    m_tabs->addTab(m_raw, tr("Raw answer"));

    ResultHeader::layOut(this, titleRow, m_processingWarning, m_meta, m_tabs);
}

void ReturnResultView::setResult(const LookupResult &result)
{
    if (!result.returnOrder()) {
        clear();
        return;
    }
    const ReturnResult &r = *result.returnOrder();
    ResultHeader::showState(m_result, m_resultAdvice, Labels::returnResult(r.result),
                            Labels::returnResultTone(r.result), r.result,
                            Labels::returnResultAdvice(r.result));
    // While PROCESSING the warning box says it all; the short advice would repeat it.
    m_resultAdvice->setVisible(r.isFinal());
    m_processingWarning->setVisible(!r.isFinal());
    // Each product's answer has its own numbers: 普通分账 names WeChat Pay's return No. return_id
    // and adds the reason and the creation time; a direct merchant's has no sub-merchant.
    const Product product = result.product();
    const bool brand = product == Product::Brand;
    m_grid->setCaption(m_returnNo, tr("WeChat Pay return No. (%1)").arg(ReturnResult::returnNoField(product)));
    m_grid->setFieldShown(m_subMchid, Products::hasSubMchid(product));
    m_grid->setFieldShown(m_description, !brand);
    m_grid->setFieldShown(m_createTime, !brand);
    m_description->setText(r.description);
    m_createTime->setText(r.createTime.isValid() ? r.createTime.toLocalDisplayString() : r.createTime.raw());
    m_createTime->setToolTip(plainToolTip(r.createTime.raw()));
    m_amount->setText(Money::formatYuan(r.amount, Money::Grouping::Thousands));
    m_returnMchid->setText(r.returnMchid);
    m_returnNo->setText(r.returnNo);
    m_outReturnNo->setText(r.outReturnNo);
    m_orderId->setText(r.orderId);
    m_outOrderNo->setText(r.outOrderNo);
    m_subMchid->setText(r.subMchid);
    m_finishTime->setText(r.finishTime.isValid() ? r.finishTime.toLocalDisplayString() : r.finishTime.raw());
    m_finishTime->setToolTip(plainToolTip(r.finishTime.raw()));
    if (r.failReason.isEmpty()) {
        m_failReason->clear();
        m_failReason->setToolTip({});
    } else {
        m_failReason->setText(tr("Failure reason: %1 (%2) — %3")
                                  .arg(Labels::returnFailReason(r.failReason), r.failReason,
                                       Labels::returnFailAdvice(r.failReason)));
        m_failReason->setToolTip(Labels::returnFailAdvice(r.failReason));
    }
    m_meta->setResult(result);
    m_raw->setResponse(result.response);
}

void ReturnResultView::clear()
{
    ResultHeader::clearState(m_result, m_resultAdvice);
    m_processingWarning->hide();
    for (QLabel *label : {m_amount, m_returnMchid, m_returnNo, m_outReturnNo, m_orderId, m_outOrderNo,
                          m_subMchid, m_description, m_createTime, m_finishTime, m_failReason})
        label->clear();
    m_raw->clear();
}

} // namespace fenzhang
