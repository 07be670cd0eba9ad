#include "history/historyentry.h"

#include "format/saturating.h"
#include "history/historystore.h"
#include "lookup/resultexport.h"
#include "lookup/resultstate.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

LookupResult::Kind kindFromName(const QString &name)
{
    using K = LookupResult::Kind;
    for (const K kind : {K::Ok, K::InvalidInput, K::ApiError, K::BadAnswer, K::NetworkError,
                         K::VerificationFailed, K::NotTheAnswer, K::Cancelled}) {
        if (ResultExport::kindName(kind) == name)
            return kind;
    }
    return K::BadAnswer;
}

} // namespace

HistoryEntry HistoryEntry::fromResult(const LookupResult &result, const QString &profile,
                                      const QString &source)
{
    HistoryEntry e;
    e.lookedUpAt = result.lookedUpAt.isValid() ? result.lookedUpAt : QDateTime::currentDateTime();
    e.profile = profile;
    e.lookup = result.lookup();
    e.product = result.product();
    e.source = source;
    // The question's numbers, whatever its kind (a field the kind lacks reads empty).
    const Query &q = result.query;
    e.subMchid = q.value(u"sub_mchid");
    e.transactionId = q.value(u"transaction_id");
    e.outOrderNo = q.value(u"out_order_no");
    e.outReturnNo = q.value(u"out_return_no");
    e.orderId = q.value(u"order_id");
    e.httpStatus = result.response.httpStatus;
    e.requestId = QString::fromLatin1(result.response.requestId);
    e.verified = result.response.verified;
    e.resultKind = ResultExport::kindName(result.kind);
    e.errorCode = result.response.errorCode;
    e.errorMessage = result.response.errorMessage;
    if (result.kind == LookupResult::Kind::NetworkError)
        e.errorMessage = result.response.networkError;
    else if (result.kind == LookupResult::Kind::BadAnswer || result.kind == LookupResult::Kind::NotTheAnswer)
        e.errorMessage = result.parseError;
    // Only a verified body is worth keeping: nothing else in an answer can be trusted. The answer to
    // another question is verified but never this look-up's result (LookupJob drops its body).
    if (result.response.verified && result.kind != LookupResult::Kind::NotTheAnswer)
        e.body = result.response.body;

    e.state = ResultState::of(result);
    if (result.answer)
        e.totalFen = result.answer->totalFen();
    if (const OrderResult *order = result.order()) {
        e.orderId = order->orderId;
        e.receiverCount = int(order->receivers.size());
        QStringList parts;
        for (const OrderResult::Total &total : order->totalsByResult())
            parts.append(total.result + u':' + QString::number(total.count));
        e.receiverResults = parts.join(u',');
    } else if (const ReturnResult *ret = result.returnOrder(); ret && e.orderId.isEmpty()) {
        e.orderId = ret->orderId;
    }
    return e;
}

Query HistoryEntry::query() const
{
    Query q = Query::blank(lookup, product);
    q.setValue(u"sub_mchid", subMchid);
    q.setValue(u"transaction_id", transactionId);
    q.setValue(u"out_order_no", outOrderNo);
    q.setValue(u"out_return_no", outReturnNo);
    // order_id may be the answer's (an order's, or a return asked by out_order_no): it was asked only
    // when out_order_no was not.
    q.setValue(u"order_id", outOrderNo.isEmpty() ? orderId : QString());
    return q;
}

QString HistoryEntry::number() const
{
    return query().number();
}

HistoricResult HistoryStore::restore(const HistoryEntry &entry)
{
    HistoricResult historic;
    historic.historyId = entry.id;
    historic.lookedUpAt = entry.lookedUpAt;
    historic.profile = entry.profile;

    LookupResult &r = historic.result;
    r.query = entry.query();
    r.lookedUpAt = entry.lookedUpAt;
    r.response.httpStatus = entry.httpStatus;
    r.response.requestId = entry.requestId.toLatin1();
    r.response.verified = entry.verified;
    r.response.body = entry.body;
    r.response.errorCode = entry.errorCode;
    r.response.errorMessage = entry.errorMessage;
    r.response.receivedAt = entry.lookedUpAt;
    r.kind = kindFromName(entry.resultKind);
    r.response.outcome =
        r.kind == LookupResult::Kind::Ok ? ApiResponse::Outcome::Success : ApiResponse::Outcome::ApiError;

    if (r.kind == LookupResult::Kind::Ok) {
        if (!entry.verified || entry.body.isEmpty()) {
            r.kind = LookupResult::Kind::BadAnswer;
            r.parseError = tr("The stored answer is missing.");
        } else {
            Expected<Answer, QString> parsed = Answer::fromJson(r.query, entry.body);
            if (parsed) {
                r.answer = std::move(parsed).value();
            } else {
                r.kind = LookupResult::Kind::BadAnswer;
                r.parseError = parsed.error();
            }
        }
    } else if (r.kind == LookupResult::Kind::NetworkError) {
        r.response.outcome = ApiResponse::Outcome::NetworkError;
        r.response.networkError = entry.errorMessage;
    } else if (r.kind == LookupResult::Kind::BadAnswer || r.kind == LookupResult::Kind::NotTheAnswer) {
        r.parseError = entry.errorMessage;
        r.response.body.clear();
    }
    return historic;
}

} // namespace fenzhang
