#include "lookup/results.h"

#include "format/money.h"
#include "format/saturating.h"
#include "lookup/jsonreader.h"

#include <limits>
#include <QCoreApplication>
#include <QtNumeric>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// Reads fields of one JSON object; the first problem is kept, naming the field by its path
// (e.g. "receivers[1].amount") so a support ticket can point at it.
class FieldReader final {
public:
    FieldReader(const JsonValue &object, QString path, QString *error)
        : m_object(object), m_path(std::move(path)), m_error(error)
    {
    }

    QString name(const QString &field) const { return m_path.isEmpty() ? field : m_path + u'.' + field; }

    // null counts as absent: an optional field sent as null is simply not there.
    const JsonValue *find(const QString &field) const
    {
        const JsonValue *value = m_object.member(field);
        return value && value->type() != JsonValue::Type::Null ? value : nullptr;
    }

    bool setError(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
        return false;
    }

    bool string(const QString &field, QString &out, bool required)
    {
        const JsonValue *value = find(field);
        if (!value)
            return !required ||
                   setError(QCoreApplication::translate("fenzhang::Results", "The answer has no \"%1\".")
                                .arg(name(field)));
        if (!value->isString())
            return setError(
                QCoreApplication::translate("fenzhang::Results", "\"%1\" in the answer is not a string.")
                    .arg(name(field)));
        out = value->toString();
        return true;
    }

    bool time(const QString &field, WxTime &out, bool required)
    {
        QString text;
        if (!string(field, text, required))
            return false;
        // An unparseable time is kept as received rather than rejecting the whole answer.
        if (!text.isEmpty())
            out = WxTime::parse(text);
        return true;
    }

    bool amount(const QString &field, qint64 &out)
    {
        const JsonValue *value = find(field);
        if (!value)
            return setError(QCoreApplication::translate("fenzhang::Results", "The answer has no \"%1\".")
                                .arg(name(field)));
        if (!value->isNumber())
            return setError(
                QCoreApplication::translate("fenzhang::Results", "\"%1\" in the answer is not a number.")
                    .arg(name(field)));
        const QByteArray literal = value->numberText();
        if (literal.contains('.') || literal.contains('e') || literal.contains('E'))
            return setError(QCoreApplication::translate(
                                "fenzhang::Results", "\"%1\" in the answer is not a whole number of fen: %2.")
                                .arg(name(field), QString::fromLatin1(literal)));
        const std::optional<qint64> fen = Money::parseFen(literal);
        if (!fen)
            return setError(
                QCoreApplication::translate("fenzhang::Results", "\"%1\" in the answer is out of range: %2.")
                    .arg(name(field), QString::fromLatin1(literal)));
        if (*fen < 0)
            return setError(
                QCoreApplication::translate("fenzhang::Results", "\"%1\" in the answer is negative: %2.")
                    .arg(name(field), QString::fromLatin1(literal)));
        out = *fen;
        return true;
    }

private:
    const JsonValue &m_object;
    QString m_path;
    QString *m_error;
};

Expected<JsonValue, QString> parseObject(QByteArrayView body)
{
    auto json = JsonValue::parse(body);
    if (!json)
        return json;
    if (!json->isObject())
        return unexpected(
            QCoreApplication::translate("fenzhang::Results", "The answer is not a JSON object."));
    return json;
}

bool readReceiver(const JsonValue &object, int index, ReceiverDetail &out, QString *error)
{
    FieldReader r(object, u"receivers[%1]"_s.arg(index), error);
    if (!object.isObject())
        return r.setError(
            QCoreApplication::translate("fenzhang::Results", "\"%1\" in the answer is not an object.")
                .arg(u"receivers[%1]"_s.arg(index)));
    // The documents mark every field required; description, times and detail_id are tolerated
    // missing so an answer for a receiver still being processed remains readable.
    return r.amount(u"amount"_s, out.amount) && r.string(u"description"_s, out.description, false) &&
           r.string(u"type"_s, out.type, true) && r.string(u"account"_s, out.account, true) &&
           r.string(u"result"_s, out.result, true) && r.string(u"fail_reason"_s, out.failReason, false) &&
           r.time(u"create_time"_s, out.createTime, false) &&
           r.time(u"finish_time"_s, out.finishTime, false) && r.string(u"detail_id"_s, out.detailId, false);
}

} // namespace

qint64 OrderResult::totalFen() const
{
    qint64 total = 0;
    for (const ReceiverDetail &receiver : receivers)
        total = saturatingAdd(total, receiver.amount);
    return total;
}

QList<OrderResult::Total> OrderResult::totalsByResult() const
{
    QList<Total> totals;
    for (const ReceiverDetail &receiver : receivers) {
        auto it = std::find_if(totals.begin(), totals.end(),
                               [&receiver](const Total &total) { return total.result == receiver.result; });
        if (it == totals.end()) {
            totals.append({receiver.result, 0, 0});
            it = totals.end() - 1;
        }
        ++it->count;
        it->amount = saturatingAdd(it->amount, receiver.amount);
    }
    return totals;
}

Expected<OrderResult, QString> OrderResult::fromJson(QByteArrayView body, Product product)
{
    const auto json = parseObject(body);
    if (!json)
        return unexpected(json.error());

    OrderResult order;
    QString error;
    FieldReader r(*json, QString(), &error);
    const bool brand = product == Product::Brand;
    if (!(r.string(u"sub_mchid"_s, order.subMchid, Products::hasSubMchid(product)) &&
          r.string(u"transaction_id"_s, order.transactionId, true) &&
          r.string(u"out_order_no"_s, order.outOrderNo, true) &&
          r.string(u"order_id"_s, order.orderId, true) &&
          r.string(brand ? u"status"_s : u"state"_s, order.state, true) &&
          r.string(u"finish_description"_s, order.finishDescription, false)))
        return unexpected(error);
    if (r.find(u"finish_amount"_s)) {
        qint64 fen = 0;
        if (!r.amount(u"finish_amount"_s, fen))
            return unexpected(error);
        order.finishAmount = fen;
    }

    // The documents mark receivers optional (选填): an answer without the list has no receivers.
    const JsonValue *receivers = r.find(u"receivers"_s);
    if (!receivers)
        return order;
    if (!receivers->isArray())
        return unexpected(
            QCoreApplication::translate("fenzhang::Results", "\"%1\" in the answer is not a list.")
                .arg(u"receivers"_s));
    const QList<JsonValue> &list = receivers->array();
    order.receivers.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        ReceiverDetail receiver;
        if (!readReceiver(list.at(i), static_cast<int>(i), receiver, &error))
            return unexpected(error);
        order.receivers.append(receiver);
    }
    return order;
}

QString ReturnResult::returnNoField(Product product)
{
    return product == Product::Brand ? u"return_no"_s : u"return_id"_s;
}

Expected<ReturnResult, QString> ReturnResult::fromJson(QByteArrayView body, Product product)
{
    const auto json = parseObject(body);
    if (!json)
        return unexpected(json.error());

    ReturnResult ret;
    QString error;
    FieldReader r(*json, QString(), &error);
    // finish_time and fail_reason are tolerated missing: a return still processing has neither.
    if (!(r.string(u"sub_mchid"_s, ret.subMchid, Products::hasSubMchid(product)) &&
          r.string(u"order_id"_s, ret.orderId, true) && r.string(u"out_order_no"_s, ret.outOrderNo, true) &&
          r.string(u"out_return_no"_s, ret.outReturnNo, true) &&
          r.string(returnNoField(product), ret.returnNo, true) &&
          r.string(u"return_mchid"_s, ret.returnMchid, true) && r.amount(u"amount"_s, ret.amount) &&
          r.string(u"result"_s, ret.result, true) && r.string(u"fail_reason"_s, ret.failReason, false) &&
          r.string(u"description"_s, ret.description, false) &&
          r.time(u"create_time"_s, ret.createTime, false) && r.time(u"finish_time"_s, ret.finishTime, false)))
        return unexpected(error);
    return ret;
}

Expected<AmountsResult, QString> AmountsResult::fromJson(QByteArrayView body, Product)
{
    const auto json = parseObject(body);
    if (!json)
        return unexpected(json.error());

    AmountsResult amounts;
    QString error;
    FieldReader r(*json, QString(), &error);
    if (!(r.string(u"transaction_id"_s, amounts.transactionId, true) &&
          r.amount(u"unsplit_amount"_s, amounts.unsplitAmount)))
        return unexpected(error);
    return amounts;
}

} // namespace fenzhang
