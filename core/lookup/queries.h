#pragma once

// The typed requests of the look-ups, one struct per kind, each the one description of its numbers:
// which fields the product asks (fieldGroups(), in the CLI's and batch header's order), their values by
// API name (value/setValue: how the batch importer and the CLI fill any kind), validate() before
// anything is sent, and requestTarget(), the percent-encoded path and query built once: that string
// is signed and sent. The product (lookup/product.h) picks the endpoint and whether sub_mchid is asked
// for: a direct merchant's look-ups carry none (a sub_mchid given is an error, not silently dropped).
// `Query` (lookup/query.h) holds any one of them.

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

// The fields a look-up asks for: each entry lists the fields one of which names that part of the
// question (a single name: that field is required; a chain brand's return names its order by
// order_id or out_order_no).
using FieldGroups = QList<QStringList>;

// ServiceProvider GET /v3/profitsharing/orders/{out_order_no}?sub_mchid=&transaction_id=
// Direct          GET /v3/profitsharing/orders/{out_order_no}?transaction_id=
// Brand           GET /v3/brand/profitsharing/orders?sub_mchid=&transaction_id=&out_order_no=
struct OrderQuery {
    QString subMchid;      // <= 32 digits; none for Direct
    QString transactionId; // <= 32 digits
    QString outOrderNo;    // <= 64 of 0-9a-zA-Z_-|*@
    Product product = Product::ServiceProvider;
    static constexpr LookupKind kind = LookupKind::Order;

    static FieldGroups fieldGroups(Product product);
    QString value(QStringView field) const;                 // empty for a field this kind does not have
    void setValue(QStringView field, const QString &value); // ignored for such a field

    // The field whose number the look-up is about (history, file names, messages).
    static QString namingField() { return QStringLiteral("out_order_no"); }
    OrderQuery trimmed() const;
    bool operator==(const OrderQuery &) const = default;
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
    static constexpr LookupKind kind = LookupKind::Return;

    static FieldGroups fieldGroups(Product product);
    QString value(QStringView field) const;                 // empty for a field this kind does not have
    void setValue(QStringView field, const QString &value); // ignored for such a field

    // The field whose number the look-up is about (history, file names, messages).
    static QString namingField() { return QStringLiteral("out_return_no"); }
    ReturnQuery trimmed() const;
    bool operator==(const ReturnQuery &) const = default;
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
    static constexpr LookupKind kind = LookupKind::Amounts;

    static FieldGroups fieldGroups(Product product);
    QString value(QStringView field) const;                 // empty for a field this kind does not have
    void setValue(QStringView field, const QString &value); // ignored for such a field

    // The field whose number the look-up is about (history, file names, messages).
    static QString namingField() { return QStringLiteral("transaction_id"); }
    AmountsQuery trimmed() const;
    bool operator==(const AmountsQuery &) const = default;
    QList<FieldError> validate() const;
    QByteArray requestTarget() const;
};

// Percent-encodes everything outside [A-Za-z0-9-._~] (so '|', '*', '@' and any non-ASCII too).
QByteArray percentEncode(const QString &value);

} // namespace fenzhang
