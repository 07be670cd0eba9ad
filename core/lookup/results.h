#pragma once

// The typed results of the look-ups, holding every field of the API documents of each product
// (docs/api/). Amounts are exact int64 fen (parsed from the JSON text, never through a double);
// unknown enum values are kept as received; PROCESSING is a valid, non-final result. fromJson takes
// the product asked, which decides the names and which fields must be there (a direct merchant's
// answers carry no sub_mchid; the brand order says status, not state).

#include "expected.h"
#include "format/wxtime.h"
#include "lookup/lookupkind.h"
#include "lookup/product.h"

#include <optional>
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
    WxTime createTime; // not in the brand answer
    WxTime finishTime;
    QString detailId;
};

struct OrderResult {
    static constexpr LookupKind kind = LookupKind::Order;
    QString subMchid; // empty for a direct merchant
    QString transactionId;
    QString outOrderNo;
    QString orderId;
    QString state; // PROCESSING | FINISHED | ... (the brand answer's "status")
    QList<ReceiverDetail> receivers;
    std::optional<qint64> finishAmount; // brand: fen split back to the merchant when finished
    QString finishDescription;          // brand

    bool isFinal() const { return state != QLatin1String("PROCESSING"); }
    // What the answer came to (ResultState) and its money: the state; the receivers' fen, summed.
    QString stateCode() const { return state; }
    qint64 totalFen() const;

    struct Total {
        QString result;
        int count = 0;
        qint64 amount = 0;
    };
    // Count and fen per receiver result, in the order results first appear.
    QList<Total> totalsByResult() const;

    static Expected<OrderResult, QString> fromJson(QByteArrayView body, Product product);
};

struct ReturnResult {
    static constexpr LookupKind kind = LookupKind::Return;
    QString subMchid; // empty for a direct merchant
    QString orderId;
    QString outOrderNo;
    QString outReturnNo;
    QString returnNo; // WeChat Pay's return number: brand "return_no", ordinary "return_id"
    QString returnMchid;
    qint64 amount = 0; // fen
    QString result;     // PROCESSING | SUCCESS | FAIL (brand) | FAILED (ordinary) | ...
    QString failReason;
    QString description; // ordinary
    WxTime createTime;   // ordinary
    WxTime finishTime;

    bool isFinal() const { return result != QLatin1String("PROCESSING"); }
    QString stateCode() const { return result; }
    qint64 totalFen() const { return amount; }
    // The API name of returnNo for this product.
    static QString returnNoField(Product product);

    static Expected<ReturnResult, QString> fromJson(QByteArrayView body, Product product);
};

// 剩余待分金额: the part of a payment still frozen for profit sharing.
struct AmountsResult {
    static constexpr LookupKind kind = LookupKind::Amounts;
    QString transactionId;
    qint64 unsplitAmount = 0; // fen

    bool isFinal() const { return true; }
    // This app's codes, not WeChat Pay's: money still to split, or nothing left.
    static QString frozenCode() { return QStringLiteral("frozen"); }
    static QString nothingLeftCode() { return QStringLiteral("none"); }
    QString stateCode() const { return unsplitAmount > 0 ? frozenCode() : nothingLeftCode(); }
    qint64 totalFen() const { return unsplitAmount; }
    // Every product answers alike; the product is taken for uniformity with the other kinds.
    static Expected<AmountsResult, QString> fromJson(QByteArrayView body,
                                                     Product product = Product::ServiceProvider);
};

} // namespace fenzhang
