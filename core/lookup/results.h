#pragma once

// The typed results of the two look-ups, holding every field of the API documents. Amounts are
// exact int64 fen (parsed from the JSON text, never through a double); unknown enum values are
// kept as received; PROCESSING is a valid, non-final result.

#include "expected.h"
#include "format/wxtime.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fenzhang {

struct ReceiverDetail {
    qint64 amount = 0; // fen
    QString description;
    QString type;       // MERCHANT_ID | PERSONAL_OPENID | PERSONAL_SUB_OPENID | unknown as received
    QString account;
    QString result;     // PENDING | SUCCESS | CLOSED | ...
    QString failReason; // when CLOSED
    WxTime createTime;
    WxTime finishTime;
    QString detailId;
};

struct OrderResult {
    QString subMchid;
    QString transactionId;
    QString outOrderNo;
    QString orderId;
    QString state; // PROCESSING | FINISHED | ...
    QList<ReceiverDetail> receivers;

    bool isFinal() const { return state != QLatin1String("PROCESSING"); }

    struct Total {
        QString result;
        int count = 0;
        qint64 amount = 0;
    };
    // Count and fen per receiver result, in the order results first appear.
    QList<Total> totalsByResult() const;

    static Expected<OrderResult, QString> fromJson(QByteArrayView body);
};

struct ReturnResult {
    QString subMchid;
    QString orderId;
    QString outOrderNo;
    QString outReturnNo;
    QString returnNo;
    QString returnMchid;
    qint64 amount = 0; // fen
    QString result;     // PROCESSING | SUCCESS | FAIL (FAILED accepted) | ...
    QString failReason;
    WxTime finishTime;

    bool isFinal() const { return result != QLatin1String("PROCESSING"); }

    static Expected<ReturnResult, QString> fromJson(QByteArrayView body);
};

} // namespace fenzhang
