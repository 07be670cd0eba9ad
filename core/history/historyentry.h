#pragma once

// One stored look-up, as the history page lists it and the store keeps it: when (UTC instant and
// the offset it was seen at), which profile, the query's numbers, the answer's HTTP status,
// Request-ID and verified flag, a machine summary of the result, and the raw verified body. Never a
// key, a password or an Authorization header.

#include "api/lookupservice.h"

#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fenzhang {

struct HistoryEntry {
    qint64 id = 0;
    QDateTime lookedUpAt; // with the offset it was looked up at
    QString profile;
    LookupKind lookup = LookupKind::Order;
    Product product = Product::ServiceProvider; // as asked
    QString source; // "single", "batch" or "watch"
    QString subMchid;
    QString transactionId;
    QString outOrderNo;
    QString outReturnNo;
    QString orderId; // the query's, or the answer's for orders
    int httpStatus = 0;
    QString requestId;
    bool verified = false;
    QString resultKind;      // ResultExport::kindName: ok, api_error, network_error, ...
    QString state;           // ResultState::of the answer: order state, return result, "frozen"/"none"; empty without one
    QString receiverResults; // orders: "SUCCESS:2,CLOSED:1"
    int receiverCount = 0;
    qint64 totalFen = 0; // orders: sum of receiver amounts; returns: the amount; amounts: unsplit_amount
    QString errorCode;
    QString errorMessage;
    QByteArray body; // the verified answer; empty when there was none

    // Built from a finished look-up.
    static HistoryEntry fromResult(const LookupResult &result, const QString &profile, const QString &source);

    // The question asked, as stored.
    Query query() const;
    // The number the look-up was about: out_order_no, out_return_no, or the payment's transaction_id.
    QString number() const;
};

struct HistoryFilter {
    QString number; // contained in any number or the Request-ID; empty: any
    QDateTime from; // inclusive; invalid: open
    QDateTime to;   // exclusive; invalid: open
    QString state;  // exact order state / return result; empty: any
    QStringList resultKinds; // result_kind is one of these (ResultExport::kindName); empty: any
    std::optional<LookupKind> lookup;
    int offset = 0;
    int limit = 100; // <= 0: no limit
};

// A past result brought back into the results view: the stored body parsed again.
struct HistoricResult {
    LookupResult result;
    qint64 historyId = 0;
    QDateTime lookedUpAt;
    QString profile;
    bool fromHistory = true; // always: the view says "from history, looked up at ..."
};

} // namespace fenzhang
