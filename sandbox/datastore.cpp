#include "datastore.h"

#include "wirejson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

QByteArray ReceiverRecord::toJson(Product product) const
{
    WireJson json;
    json.add("amount"_L1, amount)
        .add("description"_L1, description)
        .add("type"_L1, type)
        .add("account"_L1, account)
        .add("result"_L1, result)
        .addOptional("fail_reason"_L1, failReason);
    if (product != Product::Brand)
        json.add("create_time"_L1, createTime);
    return json.addOptional("finish_time"_L1, finishTime).add("detail_id"_L1, detailId).toJson();
}

QByteArray OrderRecord::toJson() const
{
    QList<QByteArray> items;
    items.reserve(receivers.size());
    for (const ReceiverRecord &receiver : receivers)
        items.append(receiver.toJson(product));
    WireJson json;
    if (product != Product::Direct)
        json.add("sub_mchid"_L1, subMchid);
    json.add("transaction_id"_L1, transactionId)
        .add("out_order_no"_L1, outOrderNo)
        .add("order_id"_L1, orderId)
        .add(product == Product::Brand ? "status"_L1 : "state"_L1, state)
        .addRaw("receivers"_L1, WireJson::array(items));
    if (product == Product::Brand && finishAmount) {
        json.add("finish_amount"_L1, *finishAmount).add("finish_description"_L1, finishDescription);
    }
    return json.toJson();
}

QByteArray ReturnRecord::toJson() const
{
    if (product == Product::Brand) {
        return WireJson()
            .add("sub_mchid"_L1, subMchid)
            .add("order_id"_L1, orderId)
            .add("out_order_no"_L1, outOrderNo)
            .add("out_return_no"_L1, outReturnNo)
            .add("return_no"_L1, returnNo)
            .add("return_mchid"_L1, returnMchid)
            .add("amount"_L1, amount)
            .add("result"_L1, result)
            .addOptional("fail_reason"_L1, failReason)
            .addOptional("finish_time"_L1, finishTime)
            .toJson();
    }
    WireJson json;
    if (product == Product::ServiceProvider)
        json.add("sub_mchid"_L1, subMchid);
    return json.add("order_id"_L1, orderId)
        .add("out_order_no"_L1, outOrderNo)
        .add("out_return_no"_L1, outReturnNo)
        .add("return_id"_L1, returnNo)
        .add("return_mchid"_L1, returnMchid)
        .add("amount"_L1, amount)
        .add("description"_L1, description)
        .add("result"_L1, result)
        .addOptional("fail_reason"_L1, failReason)
        .add("create_time"_L1, createTime)
        .addOptional("finish_time"_L1, finishTime)
        .toJson();
}

QByteArray TransactionRecord::toJson() const
{
    return WireJson()
        .add("transaction_id"_L1, transactionId)
        .add("unsplit_amount"_L1, unsplitAmount)
        .toJson();
}

const OrderRecord *DataStore::findOrder(Product product, const QString &subMchid,
                                        const QString &transactionId, const QString &outOrderNo) const
{
    for (const OrderRecord &order : m_orders) {
        if (order.product == product && order.outOrderNo == outOrderNo && order.subMchid == subMchid &&
            order.transactionId == transactionId)
            return &order;
    }
    return nullptr;
}

const ReturnRecord *DataStore::findReturn(Product product, const QString &subMchid,
                                          const QString &outReturnNo, const QString &orderId,
                                          const QString &outOrderNo) const
{
    for (const ReturnRecord &record : m_returns) {
        if (record.product != product || record.outReturnNo != outReturnNo || record.subMchid != subMchid)
            continue;
        if ((!orderId.isEmpty() && record.orderId == orderId) ||
            (!outOrderNo.isEmpty() && record.outOrderNo == outOrderNo))
            return &record;
    }
    return nullptr;
}

const TransactionRecord *DataStore::findTransaction(bool brand, const QString &transactionId) const
{
    for (const TransactionRecord &record : m_transactions) {
        if ((record.product == Product::Brand) == brand && record.transactionId == transactionId)
            return &record;
    }
    return nullptr;
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fenzhang::sandbox::DataStore", text);
}

// QJsonValue keeps integers that fit in 64 bits exactly (Qt 6 stores them as qint64).
bool readAmount(const QJsonValue &value, qint64 *amount)
{
    // toInteger() answers its default for a fraction; two defaults tell that apart from -1 and 0.
    if (!value.isDouble() || (value.toInteger(-1) == -1 && value.toInteger(0) == 0))
        return false;
    *amount = value.toInteger();
    return true;
}

} // namespace

Expected<DataStore, QString> DataStore::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unexpected(tr("Cannot read the data file %1: %2").arg(path, file.errorString()));
    auto store = fromJson(file.readAll());
    if (!store)
        return unexpected(tr("%1: %2").arg(path, store.error()));
    return store;
}

Expected<DataStore, QString> DataStore::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return unexpected(
            tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return unexpected(tr("expected an object with \"orders\", \"returns\" and \"transactions\""));
    const QJsonObject root = document.object();

    // "product" is optional; without it an order is a service provider's and a return a brand one,
    // what the file meant before there were products.
    const auto productOf = [](const QJsonObject &o, Product fallback) -> std::optional<Product> {
        const QJsonValue value = o.value("product"_L1);
        return value.isUndefined() ? std::optional<Product>(fallback) : Products::fromJsonKey(value.toString());
    };
    const QString productError = tr("%1[%2].product is not service_provider, direct or brand");

    DataStore store;
    const QJsonArray orders = root.value("orders"_L1).toArray();
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const QJsonObject o = orders.at(i).toObject();
        OrderRecord order;
        const auto product = productOf(o, Product::ServiceProvider);
        if (!product)
            return unexpected(productError.arg(u"orders"_s).arg(i));
        order.product = *product;
        order.subMchid = o.value("sub_mchid"_L1).toString();
        order.transactionId = o.value("transaction_id"_L1).toString();
        order.outOrderNo = o.value("out_order_no"_L1).toString();
        order.orderId = o.value("order_id"_L1).toString();
        order.state = o.value(order.product == Product::Brand ? "status"_L1 : "state"_L1).toString();
        if (order.product == Product::Direct && !order.subMchid.isEmpty())
            return unexpected(tr("orders[%1] is a direct merchant's: it has no sub_mchid").arg(i));
        if ((order.product != Product::Direct && order.subMchid.isEmpty()) || order.transactionId.isEmpty() ||
            order.outOrderNo.isEmpty())
            return unexpected(tr("orders[%1] needs sub_mchid, transaction_id and out_order_no").arg(i));
        if (o.contains("finish_amount"_L1)) {
            qint64 finishAmount = 0;
            if (!readAmount(o.value("finish_amount"_L1), &finishAmount))
                return unexpected(tr("orders[%1].finish_amount is not an integer").arg(i));
            order.finishAmount = finishAmount;
            order.finishDescription = o.value("finish_description"_L1).toString();
        }
        const QJsonArray receivers = o.value("receivers"_L1).toArray();
        for (qsizetype j = 0; j < receivers.size(); ++j) {
            const QJsonObject r = receivers.at(j).toObject();
            ReceiverRecord receiver;
            if (!readAmount(r.value("amount"_L1), &receiver.amount))
                return unexpected(tr("orders[%1].receivers[%2].amount is not an integer").arg(i).arg(j));
            receiver.description = r.value("description"_L1).toString();
            receiver.type = r.value("type"_L1).toString();
            receiver.account = r.value("account"_L1).toString();
            receiver.result = r.value("result"_L1).toString();
            receiver.failReason = r.value("fail_reason"_L1).toString();
            receiver.createTime = r.value("create_time"_L1).toString();
            receiver.finishTime = r.value("finish_time"_L1).toString();
            receiver.detailId = r.value("detail_id"_L1).toString();
            order.receivers.append(receiver);
        }
        store.addOrder(order);
    }

    const QJsonArray returns = root.value("returns"_L1).toArray();
    for (qsizetype i = 0; i < returns.size(); ++i) {
        const QJsonObject o = returns.at(i).toObject();
        ReturnRecord record;
        const auto product = productOf(o, Product::Brand);
        if (!product)
            return unexpected(productError.arg(u"returns"_s).arg(i));
        record.product = *product;
        const bool brand = record.product == Product::Brand;
        record.subMchid = o.value("sub_mchid"_L1).toString();
        record.orderId = o.value("order_id"_L1).toString();
        record.outOrderNo = o.value("out_order_no"_L1).toString();
        record.outReturnNo = o.value("out_return_no"_L1).toString();
        record.returnNo = o.value(brand ? "return_no"_L1 : "return_id"_L1).toString();
        record.returnMchid = o.value("return_mchid"_L1).toString();
        if (!readAmount(o.value("amount"_L1), &record.amount))
            return unexpected(tr("returns[%1].amount is not an integer").arg(i));
        record.description = o.value("description"_L1).toString();
        record.result = o.value("result"_L1).toString();
        record.failReason = o.value("fail_reason"_L1).toString();
        record.createTime = o.value("create_time"_L1).toString();
        record.finishTime = o.value("finish_time"_L1).toString();
        if (record.product == Product::Direct && !record.subMchid.isEmpty())
            return unexpected(tr("returns[%1] is a direct merchant's: it has no sub_mchid").arg(i));
        // 普通分账 finds a return by out_order_no; the brand look-up by order_id or out_order_no.
        if ((record.product != Product::Direct && record.subMchid.isEmpty()) ||
            record.outReturnNo.isEmpty() ||
            (record.outOrderNo.isEmpty() && (!brand || record.orderId.isEmpty())))
            return unexpected(
                tr("returns[%1] needs sub_mchid, out_return_no and order_id or out_order_no").arg(i));
        store.addReturn(record);
    }

    const QJsonArray transactions = root.value("transactions"_L1).toArray();
    for (qsizetype i = 0; i < transactions.size(); ++i) {
        const QJsonObject o = transactions.at(i).toObject();
        TransactionRecord record;
        const auto product = productOf(o, Product::ServiceProvider);
        if (!product)
            return unexpected(productError.arg(u"transactions"_s).arg(i));
        record.product = *product;
        record.transactionId = o.value("transaction_id"_L1).toString();
        record.profitSharing = o.value("profit_sharing"_L1).toBool(true);
        if (record.transactionId.isEmpty())
            return unexpected(tr("transactions[%1] needs transaction_id").arg(i));
        if (record.profitSharing && !readAmount(o.value("unsplit_amount"_L1), &record.unsplitAmount))
            return unexpected(tr("transactions[%1].unsplit_amount is not an integer").arg(i));
        store.addTransaction(record);
    }
    if (store.m_orders.isEmpty() && store.m_returns.isEmpty() && store.m_transactions.isEmpty())
        return unexpected(tr("no orders, returns or transactions"));
    return store;
}

} // namespace fenzhang::sandbox
