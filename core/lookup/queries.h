#pragma once

// The typed requests of the look-ups. validate() runs before anything is sent;
// requestTarget() builds the percent-encoded path and query once: that string is signed and sent.
// The product (lookup/product.h) picks the endpoint and whether sub_mchid is asked for: a direct
// merchant's look-ups carry none (a sub_mchid given is an error, not silently dropped).

#include "lookup/lookupkind.h"
#include "lookup/product.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fenzhang {

struct FieldError {
    QString field;   // API name: sub_mchid, transaction_id, out_order_no, out_return_no, order_id
    QString message; // translated reason, for the field's tooltip and the CLI
};

// ServiceProvider GET /v3/profitsharing/orders/{out_order_no}?sub_mchid=&transaction_id=
// Direct          GET /v3/profitsharing/orders/{out_order_no}?transaction_id=
// Brand           GET /v3/brand/profitsharing/orders?sub_mchid=&transaction_id=&out_order_no=
struct OrderQuery {
    QString subMchid;      // <= 32 digits; none for Direct
    QString transactionId; // <= 32 digits
    QString outOrderNo;    // <= 64 of 0-9a-zA-Z_-|*@
    Product product = Product::ServiceProvider;

    OrderQuery trimmed() const;
    QList<FieldError> validate() const;
    QByteArray requestTarget() const;
};

// ServiceProvider GET /v3/profitsharing/return-orders/{out_return_no}?sub_mchid=&out_order_no=
// Direct          GET /v3/profitsharing/return-orders/{out_return_no}?out_order_no=
// Brand           GET /v3/brand/profitsharing/returnorders?sub_mchid=&out_return_no=&(order_id=|out_order_no=)
struct ReturnQuery {
    QString subMchid;
    QString outReturnNo; // <= 64 of 0-9a-zA-Z_-|*@
    QString orderId;     // Brand: exactly one of orderId / outOrderNo; others: outOrderNo only
    QString outOrderNo;
    Product product = Product::ServiceProvider;

    ReturnQuery trimmed() const;
    QList<FieldError> validate() const;
    QByteArray requestTarget() const;
};

// 剩余待分金额: how much of a payment is still frozen for profit sharing.
// ServiceProvider, Direct  GET /v3/profitsharing/transactions/{transaction_id}/amounts
// Brand                    GET /v3/brand/profitsharing/orders/{transaction_id}/amounts
// No sub_mchid on any product: the transaction number names the payment.
struct AmountsQuery {
    QString transactionId; // <= 32 digits
    Product product = Product::ServiceProvider;

    AmountsQuery trimmed() const;
    QList<FieldError> validate() const;
    QByteArray requestTarget() const;
};

// Percent-encodes everything outside [A-Za-z0-9-._~] (so '|', '*', '@' and any non-ASCII too).
QByteArray percentEncode(const QString &value);

} // namespace fenzhang
