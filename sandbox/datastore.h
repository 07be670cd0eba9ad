#pragma once

// The sandbox's in-memory records of profit-sharing orders, returns and transactions, with their API
// JSON forms. Seeded with demo data (demodata.cpp) or loaded from a --data file of the same JSON
// shapes. Every record belongs to one product; an endpoint only ever finds its own product's records.

#include "expected.h"
#include "lookup/product.h"

#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>

namespace fenzhang::sandbox {

// Every record belongs to one product (core's lookup/product.h), which decides who can find it and
// how it is written:
// - ServiceProvider: 普通分账 of a 普通服务商, under a sub-merchant (sub_mchid);
// - Direct: 普通分账 of a 直连商户, the caller's own (the Authorization's mchid): no sub_mchid;
// - Brand: 连锁品牌分账 (service providers only), under sub_mchid.

// The samples' keys and the --data file's "product" values are Products::jsonKey ("service_provider",
// "direct", "brand").

struct ReceiverRecord {
    qint64 amount = 0; // fen
    QString description;
    QString type;
    QString account;
    QString result;
    QString failReason;
    QString createTime; // kept as text: the time-format scenario serves variants verbatim
    QString finishTime;
    QString detailId;

    // A brand answer's receivers have no create_time.
    QByteArray toJson(Product product) const;
};

struct OrderRecord {
    Product product = Product::ServiceProvider;
    QString subMchid; // empty for Direct
    QString transactionId;
    QString outOrderNo;
    QString orderId;
    QString state; // written as "status" for Brand
    QList<ReceiverRecord> receivers;
    // Brand only, and only on the answer about a 分账完结 (finish) request.
    std::optional<qint64> finishAmount; // fen
    QString finishDescription;

    QByteArray toJson() const;
};

struct ReturnRecord {
    Product product = Product::Brand;
    QString subMchid; // empty for Direct
    QString orderId;
    QString outOrderNo;
    QString outReturnNo;
    QString returnNo; // WeChat's return number: "return_no" on brand answers, "return_id" on 普通分账
    QString returnMchid;
    qint64 amount = 0;   // fen
    QString description; // 普通分账 only
    QString result;      // brand: FAIL, 普通分账: FAILED
    QString failReason;
    QString createTime; // 普通分账 only
    QString finishTime;

    QByteArray toJson() const;
};

// What 查询剩余待分金额 knows of a payment.
struct TransactionRecord {
    Product product = Product::ServiceProvider; // Brand or not decides the path it is found on
    QString transactionId;
    qint64 unsplitAmount = 0;  // fen
    bool profitSharing = true; // false: 400 INVALID_REQUEST 非分账订单不支持此查询

    QByteArray toJson() const;
};

class DataStore final {
public:
    // Demo records of every product, covering every state, receiver type, result and failure reason.
    static DataStore demo();
    // {"orders": [...], "returns": [...], "transactions": [...]}: answers as the API writes them,
    // each optionally with "product" (docs/sandbox.md).
    static Expected<DataStore, QString> fromFile(const QString &path);
    static Expected<DataStore, QString> fromJson(const QByteArray &json);

    void addOrder(OrderRecord order) { m_orders.append(std::move(order)); }
    void addReturn(ReturnRecord record) { m_returns.append(std::move(record)); }
    void addTransaction(TransactionRecord record) { m_transactions.append(std::move(record)); }

    // nullptr when no record of this product has all the numbers (subMchid empty for Direct).
    const OrderRecord *findOrder(Product product, const QString &subMchid, const QString &transactionId,
                                 const QString &outOrderNo) const;
    // At least one of orderId / outOrderNo is non-empty; each given one must match.
    const ReturnRecord *findReturn(Product product, const QString &subMchid, const QString &outReturnNo,
                                   const QString &orderId, const QString &outOrderNo) const;
    // The amounts endpoints take no sub_mchid: 普通分账 finds ServiceProvider and Direct payments
    // alike, the brand path Brand ones.
    const TransactionRecord *findTransaction(bool brand, const QString &transactionId) const;

    const QList<OrderRecord> &orders() const { return m_orders; }
    const QList<ReturnRecord> &returns() const { return m_returns; }
    const QList<TransactionRecord> &transactions() const { return m_transactions; }

private:
    QList<OrderRecord> m_orders;
    QList<ReturnRecord> m_returns;
    QList<TransactionRecord> m_transactions;
};

} // namespace fenzhang::sandbox
