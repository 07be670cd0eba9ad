#pragma once

// The typed requests of the two look-ups. validate() runs before anything is sent;
// requestTarget() builds the percent-encoded path and query once: that string is signed and sent.

#include <QByteArray>
#include <QList>
#include <QString>

namespace fenzhang {

struct FieldError {
    QString field;   // API name: sub_mchid, transaction_id, out_order_no, out_return_no, order_id
    QString message; // translated reason, for the field's tooltip and the CLI
};

enum class LookupKind { Order, Return };

// GET /v3/profitsharing/orders/{out_order_no}?sub_mchid=&transaction_id=
struct OrderQuery {
    QString subMchid;      // <= 32 digits
    QString transactionId; // <= 32 digits
    QString outOrderNo;    // <= 64 of 0-9a-zA-Z_-|*@

    OrderQuery trimmed() const;
    QList<FieldError> validate() const;
    QByteArray requestTarget() const;
};

// GET /v3/brand/profitsharing/returnorders?sub_mchid=&out_return_no=&(order_id=|out_order_no=)
struct ReturnQuery {
    QString subMchid;
    QString outReturnNo; // <= 64 of 0-9a-zA-Z_-|*@
    QString orderId;     // exactly one of orderId / outOrderNo
    QString outOrderNo;

    ReturnQuery trimmed() const;
    QList<FieldError> validate() const;
    QByteArray requestTarget() const;
};

// Percent-encodes everything outside [A-Za-z0-9-._~] (so '|', '*', '@' and any non-ASCII too).
QByteArray percentEncode(const QString &value);

} // namespace fenzhang
