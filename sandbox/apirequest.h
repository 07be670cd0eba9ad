#pragma once

// Turns a raw request-target into one of the six look-ups and checks its parameters. One table
// (apirequest.cpp) names each endpoint's path and which parameters it requires, allows or refuses;
// one rule per field name says what a valid value is (the rules of core/lookup/queries.h):
// sub_mchid and transaction_id <= 32 digits, out_order_no and out_return_no <= 64 of
// 0-9a-zA-Z_-|*@, order_id <= 64 digits. The brand return takes exactly one of order_id /
// out_order_no. A transaction_id in an amounts path may also be a scenario number (SCN-…).

#include "datastore.h" // Product

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
    // One value per path. The 普通分账 order and return serve both a service provider (sub_mchid
    // given: its sub-merchant's records) and a direct merchant (no sub_mchid: its own records) on
    // the same path, as WeChat Pay does; product() tells them apart, so the endpoint does not.
    enum class Endpoint {
        Unknown,
        Order,       // GET /v3/profitsharing/orders/{out_order_no}?[sub_mchid=&]transaction_id=
        Return,      // GET /v3/profitsharing/return-orders/{out_return_no}?[sub_mchid=&]out_order_no=
        Amounts,     // GET /v3/profitsharing/transactions/{transaction_id}/amounts
        BrandOrder,  // GET /v3/brand/profitsharing/orders?sub_mchid=&transaction_id=&out_order_no=
        BrandReturn, // GET
                     // /v3/brand/profitsharing/returnorders?sub_mchid=&out_return_no=&(order_id|out_order_no)=
        BrandAmounts, // GET /v3/brand/profitsharing/orders/{transaction_id}/amounts
    };
    Endpoint endpoint = Endpoint::Unknown;
    QString subMchid; // empty when not given (valid only for the 普通分账 endpoints)
    QString transactionId;
    QString outOrderNo;
    QString outReturnNo;
    QString orderId;
    std::optional<ParamError> error;

    bool isBrand() const;
    // Brand for the brand endpoints; else ServiceProvider with a sub_mchid, Direct without. (The
    // amounts endpoints take no sub_mchid: only brand or not matters there.)
    Product product() const;
    // The number that selects a scenario: out_order_no for orders, out_return_no for returns,
    // transaction_id for amounts.
    QString number() const;

    static ApiRequest fromTarget(QByteArrayView rawTarget);
};

} // namespace fenzhang::sandbox
