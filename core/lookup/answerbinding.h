#pragma once

// Binds a verified answer to the question it answers. A signature only says WeChat Pay wrote the
// body, not that it answers *this* look-up: a replayed or mixed-up answer for another order is
// just as validly signed. So after verification every identifier the query carries must equal the
// answer's: order sub_mchid, transaction_id, out_order_no; return sub_mchid, out_return_no and
// the order_id or out_order_no that was asked; amounts transaction_id. LookupJob is the one place that applies it.

#include "lookup/query.h"

#include <QList>
#include <QString>

namespace fenzhang {

struct IdMismatch {
    QString field;    // API name, e.g. out_order_no
    QString asked;    // as the query sent it
    QString answered; // as the answer carries it

    bool operator==(const IdMismatch &) const = default;
};

namespace AnswerBinding {

// Empty when the answer is the answer to this query.
QList<IdMismatch> mismatches(const OrderQuery &query, const OrderResult &answer);
QList<IdMismatch> mismatches(const ReturnQuery &query, const ReturnResult &answer);
QList<IdMismatch> mismatches(const AmountsQuery &query, const AmountsResult &answer);
// Any kind: the answer of another kind than the question answers nothing (a "kind" mismatch).
QList<IdMismatch> mismatches(const Query &query, const Answer &answer);

// "out_order_no: asked P1, answered P2; …", translated.
QString describe(const QList<IdMismatch> &mismatches);

} // namespace AnswerBinding

} // namespace fenzhang
