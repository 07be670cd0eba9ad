#include "lookup/resultfacts.h"

#include "api/lookupservice.h"
#include "format/money.h"
#include "lookup/queryfields.h"
#include "lookup/resultstate.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// One line: tables and value labels break on embedded newlines and tabs.
QString oneLine(QString text)
{
    text.replace(u'\r', u' ').replace(u'\n', u' ').replace(u'\t', u' ');
    return text;
}

// With its offset, as WeChat Pay gave it; the raw text when it is not a time.
QString time(const WxTime &value)
{
    if (value.isNull())
        return {};
    return value.isValid() ? value.toDisplayString() : value.raw();
}

QString yuan(qint64 fen)
{
    return Money::formatYuan(fen, Money::Grouping::Thousands);
}

// The advice for a failure reason, once.
void addAdvice(ResultFacts &facts, const QString &code, const QString &advice)
{
    if (code.isEmpty() || advice.isEmpty())
        return;
    for (const ResultFacts::Fact &known : std::as_const(facts.advice)) {
        if (known.label == code)
            return;
    }
    facts.advice.append({code, advice});
}

// What failed and what to do, per kind: cheap, without the rest of the description.
void describeFailures(ResultFacts &facts, const OrderResult &order)
{
    QStringList reasons;
    int notPaid = 0;
    for (const ReceiverDetail &receiver : order.receivers) {
        if (receiver.failReason.isEmpty())
            continue;
        ++notPaid;
        const QString reason = Labels::receiverFailReason(receiver.failReason);
        if (!reasons.contains(reason))
            reasons.append(reason);
        addAdvice(facts, receiver.failReason, Labels::receiverFailAdvice(receiver.failReason));
    }
    if (notPaid > 0)
        facts.problem =
            ResultFacts::tr("%n receiver(s) not paid: %1", nullptr, notPaid).arg(reasons.join(u"; "_s));
}

void describeFailures(ResultFacts &facts, const ReturnResult &ret)
{
    facts.problem = ResultFacts::labelled(Labels::returnFailReason(ret.failReason), ret.failReason);
    addAdvice(facts, ret.failReason, Labels::returnFailAdvice(ret.failReason));
}

void describeFailures(ResultFacts &, const AmountsResult &)
{
    // Nothing fails in an amount: it is what is left.
}

void describe(ResultFacts &facts, const OrderResult &order, Product)
{
    facts.state = {ResultFacts::tr("State"),
                   Labels::orderState(order.state),
                   order.state,
                   order.state,
                   Labels::orderStateTone(order.state),
                   Labels::orderStateAdvice(order.state)};
    QString totals;
    for (const OrderResult::Total &total : order.totalsByResult()) {
        if (!totals.isEmpty())
            totals += "; "_L1;
        totals += ResultFacts::tr("%1: %n receiver(s), %2 yuan", nullptr, total.count)
                      .arg(ResultFacts::labelled(Labels::receiverResult(total.result), total.result),
                           yuan(total.amount));
    }
    facts.facts = {
        {QueryFields::label(u"sub_mchid"), order.subMchid},
        {QueryFields::label(u"transaction_id"), order.transactionId},
        {QueryFields::label(u"out_order_no"), order.outOrderNo},
        {QueryFields::label(u"order_id"), order.orderId},
        {ResultFacts::tr("Totals"), totals},
        {ResultFacts::tr("Returned to the merchant (yuan)"),
         order.finishAmount ? yuan(*order.finishAmount) : QString()},
        {ResultFacts::tr("Finish description (finish_description)"), oneLine(order.finishDescription)},
    };

    facts.linesTitle = ResultFacts::tr("Receivers (%n)", nullptr, int(order.receivers.size()));
    facts.lineHeader = {u"#"_s,
                        ResultFacts::tr("Amount (yuan)"),
                        ResultFacts::tr("Type"),
                        ResultFacts::tr("Account"),
                        ResultFacts::tr("Result"),
                        ResultFacts::tr("Failure reason"),
                        ResultFacts::tr("Created"),
                        ResultFacts::tr("Finished"),
                        u"detail_id"_s,
                        ResultFacts::tr("Description")};
    facts.numericColumns = {0, 1};
    int number = 0;
    for (const ReceiverDetail &receiver : order.receivers) {
        facts.lines.append(
            {QString::number(++number), yuan(receiver.amount),
             ResultFacts::labelled(Labels::receiverType(receiver.type), receiver.type),
             oneLine(receiver.account),
             ResultFacts::labelled(Labels::receiverResult(receiver.result), receiver.result),
             ResultFacts::labelled(Labels::receiverFailReason(receiver.failReason), receiver.failReason),
             time(receiver.createTime), time(receiver.finishTime), oneLine(receiver.detailId),
             oneLine(receiver.description)});
    }
}

void describe(ResultFacts &facts, const ReturnResult &ret, Product product)
{
    facts.state = {
        ResultFacts::tr("Return result"),     Labels::returnResult(ret.result),      ret.result, ret.result,
        Labels::returnResultTone(ret.result), Labels::returnResultAdvice(ret.result)};
    const QString returnNoField = ReturnResult::returnNoField(product);
    facts.facts = {
        {ResultFacts::tr("Failure reason"),
         ResultFacts::labelled(Labels::returnFailReason(ret.failReason), ret.failReason)},
        {ResultFacts::tr("Return amount (yuan)"), yuan(ret.amount)},
        {QueryFields::label(u"sub_mchid"), ret.subMchid},
        {QueryFields::label(u"order_id"), ret.orderId},
        {QueryFields::label(u"out_order_no"), ret.outOrderNo},
        {QueryFields::label(u"out_return_no"), ret.outReturnNo},
        {ResultFacts::tr("WeChat Pay return No. (%1)").arg(returnNoField), ret.returnNo},
        {ResultFacts::tr("Returning merchant (return_mchid)"), ret.returnMchid},
        {ResultFacts::tr("Return reason (description)"), oneLine(ret.description)},
        {ResultFacts::tr("Created"), time(ret.createTime)},
        {ResultFacts::tr("Finished"), time(ret.finishTime)},
    };
}

void describe(ResultFacts &facts, const AmountsResult &amounts, Product)
{
    const QString code = amounts.stateCode();
    const bool frozen = code == AmountsResult::frozenCode();
    facts.state = {ResultFacts::tr("Remaining amount"),
                   ResultState::label(LookupKind::Amounts, code),
                   code,
                   u"unsplit_amount = %1"_s.arg(amounts.unsplitAmount),
                   frozen ? Labels::Tone::Pending : Labels::Tone::Good,
                   frozen ? ResultFacts::tr("This money can still be shared; to release it to the merchant, "
                                            "unfreeze the rest (解冻剩余资金).")
                          : ResultFacts::tr("Nothing of this payment is waiting to be shared any more.")};
    facts.facts = {
        {QueryFields::label(u"transaction_id"), amounts.transactionId},
        {ResultFacts::tr("Remaining to share (yuan)"), yuan(amounts.unsplitAmount)},
    };
}

} // namespace

QString ResultFacts::labelled(const QString &label, const QString &code)
{
    if (code.isEmpty())
        return {};
    if (label.isEmpty() || label == code)
        return code;
    return u"%1 (%2)"_s.arg(label, code);
}

ResultFacts ResultFacts::of(const LookupResult &result)
{
    ResultFacts facts;
    if (!result.answer)
        return facts;
    facts.title = LookupKinds::dialogTitle(result.answer->kind());
    std::visit(
        [&](const auto &answer) {
            describe(facts, answer, result.product());
            describeFailures(facts, answer);
        },
        result.answer->variant());
    return facts;
}

ResultFacts ResultFacts::failures(const LookupResult &result)
{
    ResultFacts facts;
    if (result.answer)
        std::visit([&](const auto &answer) { describeFailures(facts, answer); }, result.answer->variant());
    return facts;
}

} // namespace fenzhang
