#include "tableformatter.h"

#include "format/exporttable.h"
#include "format/labels.h"
#include "format/money.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// Label and code together, so the human text and what WeChat Pay sent are both visible.
QString labelled(const QString &label, const QString &code)
{
    if (code.isEmpty())
        return {};
    if (label.isEmpty() || label == code)
        return code;
    return u"%1 (%2)"_s.arg(label, code);
}

// One line of a cell: tables break on embedded newlines and tabs.
QString oneLine(QString text)
{
    text.replace(u'\r', u' ').replace(u'\n', u' ').replace(u'\t', u' ');
    return text;
}

QString pad(const QString &text, int width, bool right)
{
    const int fill = qMax(0, width - TableFormatter::displayWidth(text));
    return right ? QString(QString(fill, u' ') + text) : QString(text + QString(fill, u' '));
}

// "Label:  value" lines with the values aligned.
QString fieldList(const QList<QPair<QString, QString>> &fields)
{
    int width = 0;
    for (const auto &field : fields)
        width = qMax(width, TableFormatter::displayWidth(field.first));
    QString text;
    for (const auto &[name, value] : fields) {
        if (value.isEmpty())
            continue;
        text += "  "_L1 + pad(name + u':', width + 1, false) + "  "_L1 + value + u'\n';
    }
    return text;
}

QString time(const WxTime &value)
{
    if (value.isNull())
        return {};
    return value.isValid() ? value.toDisplayString() : value.raw();
}

QString signatureLine(const LookupResult &result)
{
    return result.response.verified ? TableFormatter::tr("verified") : TableFormatter::tr("NOT verified");
}

} // namespace

int TableFormatter::displayWidth(QStringView text)
{
    return fenzhang::displayWidth(text); // the one table of wide characters, shared with the workbook
}

QString TableFormatter::alignedTable(const QList<QStringList> &rows, const QList<int> &rightAligned)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = qMax(widths[i], displayWidth(row.at(i)));
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line = "  "_L1;
        for (int i = 0; i < row.size(); ++i) {
            if (i > 0)
                line += "  "_L1;
            line += pad(row.at(i), widths.at(i), rightAligned.contains(i));
        }
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    }
    return text;
}

QString TableFormatter::format(const LookupResult &result)
{
    switch (result.lookup()) {
    case LookupKind::Order:
        return formatOrder(result);
    case LookupKind::Return:
        return formatReturn(result);
    case LookupKind::Amounts:
        return formatAmounts(result);
    }
    return {};
}

QString TableFormatter::formatOrder(const LookupResult &result)
{
    const OrderResult &order = *result.order();
    QString text = tr("Profit-sharing order") + u'\n';

    QString totals;
    const QList<OrderResult::Total> byResult = order.totalsByResult();
    for (const OrderResult::Total &total : byResult) {
        if (!totals.isEmpty())
            totals += "; "_L1;
        totals += tr("%1: %n receiver(s), %2 yuan", nullptr, total.count)
                      .arg(labelled(Labels::receiverResult(total.result), total.result),
                           Money::formatYuan(total.amount, Money::Grouping::Thousands));
    }
    text += fieldList({
        {tr("State"), labelled(Labels::orderState(order.state), order.state)},
        {tr("Advice"), Labels::orderStateAdvice(order.state)},
        {u"sub_mchid"_s, order.subMchid},
        {u"transaction_id"_s, order.transactionId},
        {u"out_order_no"_s, order.outOrderNo},
        {u"order_id"_s, order.orderId},
        {tr("Totals"), totals},
        {tr("Returned to the merchant (yuan)"),
         order.finishAmount ? Money::formatYuan(*order.finishAmount, Money::Grouping::Thousands) : QString()},
        {u"finish_description"_s, oneLine(order.finishDescription)},
        {tr("Signature"), signatureLine(result)},
        {u"Request-ID"_s, QString::fromLatin1(result.response.requestId)},
    });

    text += u'\n' + tr("Receivers (%n)", nullptr, int(order.receivers.size())) + u'\n';
    if (order.receivers.isEmpty())
        return text;
    QList<QStringList> rows;
    rows.append({u"#"_s, tr("Amount (yuan)"), tr("Type"), tr("Account"), tr("Result"), tr("Failure reason"),
                 tr("Created"), tr("Finished"), u"detail_id"_s, tr("Description")});
    int number = 0;
    for (const ReceiverDetail &receiver : order.receivers) {
        rows.append({QString::number(++number),
                     Money::formatYuan(receiver.amount, Money::Grouping::Thousands),
                     labelled(Labels::receiverType(receiver.type), receiver.type), oneLine(receiver.account),
                     labelled(Labels::receiverResult(receiver.result), receiver.result),
                     labelled(Labels::receiverFailReason(receiver.failReason), receiver.failReason),
                     time(receiver.createTime), time(receiver.finishTime), oneLine(receiver.detailId),
                     oneLine(receiver.description)});
    }
    text += alignedTable(rows, {0, 1});

    // Advice for every failure reason that occurs, once each.
    QStringList advice;
    for (const ReceiverDetail &receiver : order.receivers) {
        const QString line = Labels::receiverFailAdvice(receiver.failReason);
        if (!receiver.failReason.isEmpty() && !line.isEmpty()) {
            const QString entry = u"  %1: %2"_s.arg(receiver.failReason, line);
            if (!advice.contains(entry))
                advice.append(entry);
        }
    }
    if (!advice.isEmpty())
        text += u'\n' + tr("What to do:") + u'\n' + advice.join(u'\n') + u'\n';
    return text;
}

QString TableFormatter::formatReturn(const LookupResult &result)
{
    const ReturnResult &ret = *result.returnOrder();
    QString text = tr("Profit-sharing return") + u'\n';
    text += fieldList({
        {tr("Result"), labelled(Labels::returnResult(ret.result), ret.result)},
        {tr("Advice"), Labels::returnResultAdvice(ret.result)},
        {tr("Failure reason"), labelled(Labels::returnFailReason(ret.failReason), ret.failReason)},
        {tr("What to do"), ret.failReason.isEmpty() ? QString() : Labels::returnFailAdvice(ret.failReason)},
        {tr("Amount (yuan)"), Money::formatYuan(ret.amount, Money::Grouping::Thousands)},
        {u"sub_mchid"_s, ret.subMchid},
        {u"order_id"_s, ret.orderId},
        {u"out_order_no"_s, ret.outOrderNo},
        {u"out_return_no"_s, ret.outReturnNo},
        {ReturnResult::returnNoField(result.product()), ret.returnNo},
        {u"return_mchid"_s, ret.returnMchid},
        {tr("Description"), oneLine(ret.description)},
        {tr("Created"), ret.createTime.raw().isEmpty() ? QString() : time(ret.createTime)},
        {tr("Finished"), time(ret.finishTime)},
        {tr("Signature"), signatureLine(result)},
        {u"Request-ID"_s, QString::fromLatin1(result.response.requestId)},
    });
    return text;
}

QString TableFormatter::formatAmounts(const LookupResult &result)
{
    const AmountsResult &amounts = *result.amounts();
    QString text = tr("Amount still to split") + u'\n';
    text += fieldList({
        {tr("Still to split (yuan)"), Money::formatYuan(amounts.unsplitAmount, Money::Grouping::Thousands)},
        {tr("Advice"), amounts.unsplitAmount == 0
                           ? tr("Nothing of this payment is frozen for profit sharing any more.")
                           : tr("This part of the payment is still frozen: split it, or unfreeze it to the "
                                "merchant.")},
        {u"transaction_id"_s, amounts.transactionId},
        {tr("Signature"), signatureLine(result)},
        {u"Request-ID"_s, QString::fromLatin1(result.response.requestId)},
    });
    return text;
}

} // namespace fenzhang
