#include "lookup/answerbinding.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang::AnswerBinding {

namespace {

void compare(QList<IdMismatch> &out, const QString &field, const QString &asked, const QString &answered)
{
    if (asked != answered)
        out.append({field, asked, answered});
}

} // namespace

QList<IdMismatch> mismatches(const OrderQuery &query, const OrderResult &answer)
{
    QList<IdMismatch> out;
    compare(out, u"sub_mchid"_s, query.subMchid, answer.subMchid);
    compare(out, u"transaction_id"_s, query.transactionId, answer.transactionId);
    compare(out, u"out_order_no"_s, query.outOrderNo, answer.outOrderNo);
    return out;
}

QList<IdMismatch> mismatches(const ReturnQuery &query, const ReturnResult &answer)
{
    QList<IdMismatch> out;
    compare(out, u"sub_mchid"_s, query.subMchid, answer.subMchid);
    compare(out, u"out_return_no"_s, query.outReturnNo, answer.outReturnNo);
    // The query carries exactly one of the two (validate() sees to it); that one must match.
    if (!query.orderId.isEmpty())
        compare(out, u"order_id"_s, query.orderId, answer.orderId);
    else
        compare(out, u"out_order_no"_s, query.outOrderNo, answer.outOrderNo);
    return out;
}

QList<IdMismatch> mismatches(const AmountsQuery &query, const AmountsResult &answer)
{
    QList<IdMismatch> out;
    compare(out, u"transaction_id"_s, query.transactionId, answer.transactionId);
    return out;
}

QList<IdMismatch> mismatches(const Query &query, const Answer &answer)
{
    return std::visit(
        [](const auto &q, const auto &a) {
            if constexpr (std::decay_t<decltype(q)>::kind == std::decay_t<decltype(a)>::kind)
                return mismatches(q, a);
            else
                return QList<IdMismatch>{{u"kind"_s, LookupKinds::name(q.kind), LookupKinds::name(a.kind)}};
        },
        query.variant(), answer.variant());
}

QString describe(const QList<IdMismatch> &mismatches)
{
    QStringList parts;
    for (const IdMismatch &m : mismatches) {
        parts.append(QCoreApplication::translate("fenzhang::AnswerBinding", "%1: asked %2, answered %3")
                         .arg(m.field, m.asked,
                              m.answered.isEmpty() ? QCoreApplication::translate("fenzhang::AnswerBinding", "(none)")
                                                   : m.answered));
    }
    return parts.join(u"; "_s);
}

} // namespace fenzhang::AnswerBinding
