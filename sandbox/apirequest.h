#pragma once

// Turns a raw request-target into one of the two look-ups and checks its parameters with the
// rules of core/lookup/queries.h (sub_mchid and transaction_id <= 32 digits, out_order_no and
// out_return_no <= 64 of 0-9a-zA-Z_-|*@, exactly one of order_id (<= 64 digits) / out_order_no).

#include <optional>
#include <QByteArray>
#include <QString>

namespace fenzhang::sandbox {

struct ParamError {
    QString location; // "path" or "query"
    QString field;
    QString value;
    QString message; // Chinese, like WeChat Pay's
    QString issue;   // English detail
};

struct ApiRequest {
    enum class Endpoint { Unknown, Order, Return };
    Endpoint endpoint = Endpoint::Unknown;
    QString subMchid;
    QString transactionId;
    QString outOrderNo;
    QString outReturnNo;
    QString orderId;
    std::optional<ParamError> error;

    // The merchant's number that selects a scenario: out_order_no for orders, out_return_no for
    // returns.
    QString number() const { return endpoint == Endpoint::Order ? outOrderNo : outReturnNo; }

    static ApiRequest fromTarget(QByteArrayView rawTarget);
};

} // namespace fenzhang::sandbox
