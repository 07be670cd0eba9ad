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
    e.lookup = result.lookup;
    e.product = result.product();
    e.source = source;
    switch (result.lookup) {
    case LookupKind::Order:
        e.subMchid = result.orderQuery.subMchid;
        e.transactionId = result.orderQuery.transactionId;
        e.outOrderNo = result.orderQuery.outOrderNo;
        break;
    case LookupKind::Return:
        e.subMchid = result.returnQuery.subMchid;
        e.outReturnNo = result.returnQuery.outReturnNo;
        e.orderId = result.returnQuery.orderId;
        e.outOrderNo = result.returnQuery.outOrderNo;
        break;
    case LookupKind::Amounts:
        e.transactionId = result.amountsQuery.transactionId;
        break;
    }
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
    if (result.order) {
        const OrderResult &order = *result.order;
        e.orderId = order.orderId;
        e.receiverCount = int(order.receivers.size());
        QStringList parts;
        for (const OrderResult::Total &total : order.totalsByResult()) {
            parts.append(total.result + u':' + QString::number(total.count));
            e.totalFen = saturatingAdd(e.totalFen, total.amount);
        }
        e.receiverResults = parts.join(u',');
    } else if (result.returnOrder) {
        e.totalFen = result.returnOrder->amount;
        if (e.orderId.isEmpty())
            e.orderId = result.returnOrder->orderId;
    } else if (result.amounts) {
        e.totalFen = result.amounts->unsplitAmount;
    }
    return e;
}

QString HistoryEntry::number() const
{
    switch (lookup) {
    case LookupKind::Order:
        return outOrderNo;
    case LookupKind::Return:
        return outReturnNo;
    case LookupKind::Amounts:
        return transactionId;
    }
    return {};
}

HistoricResult HistoryStore::restore(const HistoryEntry &entry)
{
    HistoricResult historic;
    historic.historyId = entry.id;
    historic.lookedUpAt = entry.lookedUpAt;
    historic.profile = entry.profile;

    LookupResult &r = historic.result;
    r.lookup = entry.lookup;
    r.lookedUpAt = entry.lookedUpAt;
    switch (entry.lookup) {
    case LookupKind::Order:
        r.orderQuery = OrderQuery{entry.subMchid, entry.transactionId, entry.outOrderNo, entry.product};
        break;
    case LookupKind::Return:
        r.returnQuery = ReturnQuery{entry.subMchid, entry.outReturnNo,
                                    entry.outOrderNo.isEmpty() ? entry.orderId : QString(), entry.outOrderNo,
                                    entry.product};
        break;
    case LookupKind::Amounts:
        r.amountsQuery = AmountsQuery{entry.transactionId, entry.product};
        break;
    }
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
            const auto keep = [&r](auto parsed, auto &out) {
                if (parsed) {
                    out = std::move(parsed).value();
                } else {
                    r.kind = LookupResult::Kind::BadAnswer;
                    r.parseError = parsed.error();
                }
            };
            switch (entry.lookup) {
            case LookupKind::Order:
                keep(OrderResult::fromJson(entry.body, entry.product), r.order);
                break;
            case LookupKind::Return:
                keep(ReturnResult::fromJson(entry.body, entry.product), r.returnOrder);
                break;
            case LookupKind::Amounts:
                keep(AmountsResult::fromJson(entry.body), r.amounts);
                break;
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
