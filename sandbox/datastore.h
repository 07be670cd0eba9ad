#pragma once

// The sandbox's in-memory records of profit-sharing orders and returns, with their API JSON forms.
// Seeded with demo data (demodata.cpp) or loaded from a --data file of the same JSON shapes.

#include "expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fenzhang::sandbox {

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

    QByteArray toJson() const;
};

struct OrderRecord {
    QString subMchid;
    QString transactionId;
    QString outOrderNo;
    QString orderId;
    QString state;
    QList<ReceiverRecord> receivers;

    QByteArray toJson() const;
};

struct ReturnRecord {
    QString subMchid;
    QString orderId;
    QString outOrderNo;
    QString outReturnNo;
    QString returnNo;
    QString returnMchid;
    qint64 amount = 0; // fen
    QString result;
    QString failReason;
    QString finishTime;

    QByteArray toJson() const;
};

class DataStore final {
public:
    // Demo orders and returns covering every state, receiver type, result and failure reason.
    static DataStore demo();
    // {"orders": [<order answer>...], "returns": [<return answer>...]}, fields as in the API.
    static Expected<DataStore, QString> fromFile(const QString &path);
    static Expected<DataStore, QString> fromJson(const QByteArray &json);

    void addOrder(OrderRecord order) { m_orders.append(std::move(order)); }
    void addReturn(ReturnRecord record) { m_returns.append(std::move(record)); }

    // nullptr when no record has all three numbers.
    const OrderRecord *findOrder(const QString &subMchid, const QString &transactionId,
                                 const QString &outOrderNo) const;
    // Exactly one of orderId / outOrderNo is non-empty.
    const ReturnRecord *findReturn(const QString &subMchid, const QString &outReturnNo,
                                   const QString &orderId, const QString &outOrderNo) const;

    const QList<OrderRecord> &orders() const { return m_orders; }
    const QList<ReturnRecord> &returns() const { return m_returns; }

private:
    QList<OrderRecord> m_orders;
    QList<ReturnRecord> m_returns;
};

} // namespace fenzhang::sandbox
