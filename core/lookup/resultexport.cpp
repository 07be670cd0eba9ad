#include "lookup/resultexport.h"

#include "format/csvwriter.h"
#include "format/labels.h"
#include "format/money.h"
#include "lookup/jsonreader.h"
#include "lookup/jsonwriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fenzhang::ResultExport {

namespace {

// Positions of amount_yuan and amount_fen: program-made numbers, written as numeric cells.
const QList<int> orderNumericColumns = {9, 10};
const QList<int> returnNumericColumns = {8, 9};

QString isoWithOffset(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const int offset = time.offsetFromUtc();
    const int magnitude = offset < 0 ? -offset : offset;
    return time.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) + (offset < 0 ? u'-' : u'+') +
           u"%1:%2"_s.arg(magnitude / 3600, 2, 10, QChar(u'0')).arg(magnitude / 60 % 60, 2, 10, QChar(u'0'));
}

QString verifiedText(const LookupResult &result)
{
    return result.response.verified ? u"true"_s : u"false"_s;
}

} // namespace

QString kindName(LookupResult::Kind kind)
{
    switch (kind) {
    case LookupResult::Kind::Ok:
        return u"ok"_s;
    case LookupResult::Kind::InvalidInput:
        return u"invalid_input"_s;
    case LookupResult::Kind::ApiError:
        return u"api_error"_s;
    case LookupResult::Kind::BadAnswer:
        return u"bad_answer"_s;
    case LookupResult::Kind::NetworkError:
        return u"network_error"_s;
    case LookupResult::Kind::VerificationFailed:
        return u"verification_failed"_s;
    case LookupResult::Kind::NotTheAnswer:
        return u"not_the_answer"_s;
    case LookupResult::Kind::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

namespace {

// Labels::* translates on every call, so that a change of language shows at once; an export asks
// for each distinct code's label once (translating was a tenth of a large export's time).
class LabelCache final {
public:
    explicit LabelCache(QString (*label)(const QString &)) : m_label(label) {}

    const QString &operator()(const QString &code)
    {
        auto it = m_labels.constFind(code);
        if (it == m_labels.cend())
            it = m_labels.insert(code, m_label(code));
        return *it;
    }

private:
    QString (*m_label)(const QString &);
    QHash<QString, QString> m_labels;
};

// An order's CSV row: its own fields (head), then one receiver's, then the look-up's (tail).
struct OrderRowParts {
    QStringList head;
    QStringList tail;
};

OrderRowParts orderRowParts(const LookupResult &result)
{
    const OrderResult &order = *result.order;
    return {{order.subMchid, order.transactionId, order.outOrderNo, order.orderId, order.state,
             Labels::orderState(order.state)},
            {QString::fromLatin1(result.response.requestId), verifiedText(result),
             isoWithOffset(result.lookedUpAt)}};
}

constexpr qsizetype receiverColumns = 13;

// Hands a receiver's cells to cell(text, numeric) in column order: the one place they are listed.
// The numeric ones, amount_yuan and amount_fen, are orderNumericColumns once the head is before them.
class ReceiverCells final {
public:
    template <typename Cell> void operator()(const ReceiverDetail &r, Cell cell)
    {
        cell(r.account, false);
        cell(r.type, false);
        cell(m_typeLabels(r.type), false);
        cell(Money::formatYuan(r.amount), true);
        cell(QString::number(r.amount), true);
        cell(r.description, false);
        cell(r.result, false);
        cell(m_resultLabels(r.result), false);
        cell(r.failReason, false);
        cell(m_failReasonLabels(r.failReason), false);
        cell(r.createTime.toIsoString(), false);
        cell(r.finishTime.toIsoString(), false);
        cell(r.detailId, false);
    }

private:
    LabelCache m_typeLabels{Labels::receiverType};
    LabelCache m_resultLabels{Labels::receiverResult};
    LabelCache m_failReasonLabels{Labels::receiverFailReason};
};

void appendOrderRows(QList<QStringList> &rows, const LookupResult &result)
{
    const OrderRowParts parts = orderRowParts(result);
    const QList<ReceiverDetail> &receivers = result.order->receivers;
    if (receivers.isEmpty()) {
        rows.append(parts.head + QStringList(receiverColumns) + parts.tail);
        return;
    }
    rows.reserve(rows.size() + receivers.size());
    ReceiverCells receiverCells;
    for (const ReceiverDetail &r : receivers) {
        QStringList row = parts.head;
        row.reserve(parts.head.size() + receiverColumns + parts.tail.size());
        receiverCells(r, [&row](const QString &cell, bool) { row.append(cell); });
        row += parts.tail;
        rows.append(row);
    }
}

// The rows straight into the CSV, cell by cell: a 100,000-receiver export holds no row's strings,
// and the order's and the look-up's cells are escaped and encoded once, not once a row.
void writeOrderRows(CsvWriter &csv, const LookupResult &result)
{
    const OrderRowParts parts = orderRowParts(result);
    const QList<ReceiverDetail> &receivers = result.order->receivers;
    if (receivers.isEmpty()) {
        csv.writeRow(parts.head + QStringList(receiverColumns) + parts.tail, orderNumericColumns);
        return;
    }
    const CsvWriter::EncodedCells head = CsvWriter::encodeCells(parts.head);
    const CsvWriter::EncodedCells tail = CsvWriter::encodeCells(parts.tail);
    ReceiverCells receiverCells;
    for (const ReceiverDetail &r : receivers) {
        csv.addCells(head);
        receiverCells(r, [&csv](const QString &cell, bool numeric) { csv.addCell(cell, numeric); });
        csv.addCells(tail);
        csv.endRow();
    }
}

void appendReturnRows(QList<QStringList> &rows, const LookupResult &result)
{
    const ReturnResult &ret = *result.returnOrder;
    rows.append({ret.subMchid, ret.outReturnNo, ret.orderId, ret.outOrderNo, ret.returnNo, ret.returnMchid,
                 ret.result, Labels::returnResult(ret.result), Money::formatYuan(ret.amount),
                 QString::number(ret.amount), ret.failReason, Labels::returnFailReason(ret.failReason),
                 ret.finishTime.toIsoString(), QString::fromLatin1(result.response.requestId),
                 verifiedText(result), isoWithOffset(result.lookedUpAt)});
}

void writeOrderJson(JsonWriter &json, const OrderResult &order)
{
    json.key(u"sub_mchid"_s);
    json.string(order.subMchid);
    json.key(u"transaction_id"_s);
    json.string(order.transactionId);
    json.key(u"out_order_no"_s);
    json.string(order.outOrderNo);
    json.key(u"order_id"_s);
    json.string(order.orderId);
    json.key(u"state"_s);
    json.string(order.state);
    json.key(u"receivers"_s);
    json.beginArray();
    for (const ReceiverDetail &r : order.receivers) {
        json.beginObject();
        json.key(u"amount"_s);
        json.integer(r.amount);
        json.key(u"description"_s);
        json.string(r.description);
        json.key(u"type"_s);
        json.string(r.type);
        json.key(u"account"_s);
        json.string(r.account);
        json.key(u"result"_s);
        json.string(r.result);
        if (!r.failReason.isEmpty()) {
            json.key(u"fail_reason"_s);
            json.string(r.failReason);
        }
        // Times exactly as WeChat Pay sent them.
        json.key(u"create_time"_s);
        json.string(r.createTime.raw());
        json.key(u"finish_time"_s);
        json.string(r.finishTime.raw());
        json.key(u"detail_id"_s);
        json.string(r.detailId);
        json.endObject();
    }
    json.endArray();
}

void writeReturnJson(JsonWriter &json, const ReturnResult &ret)
{
    json.key(u"sub_mchid"_s);
    json.string(ret.subMchid);
    json.key(u"order_id"_s);
    json.string(ret.orderId);
    json.key(u"out_order_no"_s);
    json.string(ret.outOrderNo);
    json.key(u"out_return_no"_s);
    json.string(ret.outReturnNo);
    json.key(u"return_no"_s);
    json.string(ret.returnNo);
    json.key(u"return_mchid"_s);
    json.string(ret.returnMchid);
    json.key(u"amount"_s);
    json.integer(ret.amount);
    json.key(u"result"_s);
    json.string(ret.result);
    if (!ret.failReason.isEmpty()) {
        json.key(u"fail_reason"_s);
        json.string(ret.failReason);
    }
    json.key(u"finish_time"_s);
    json.string(ret.finishTime.raw());
}

// No typed result: say what happened, with WeChat Pay's own error fields when there are any.
void writeProblemJson(JsonWriter &json, const LookupResult &result)
{
    json.key(u"kind"_s);
    json.string(kindName(result.kind));
    if (result.response.httpStatus != 0) {
        json.key(u"http_status"_s);
        json.integer(result.response.httpStatus);
    }
    if (!result.response.errorCode.isEmpty()) {
        json.key(u"code"_s);
        json.string(result.response.errorCode);
        json.key(u"message"_s);
        json.string(result.response.errorMessage);
    }
    if (!result.response.errorDetail.isEmpty()) {
        json.key(u"detail"_s);
        // Valid JSON is re-emitted verbatim; anything else is kept as a string.
        if (JsonValue::parse(result.response.errorDetail))
            json.raw(result.response.errorDetail.trimmed());
        else
            json.string(QString::fromUtf8(result.response.errorDetail));
    }
    if (!result.parseError.isEmpty()) {
        json.key(u"parse_error"_s);
        json.string(result.parseError);
    }
    if (!result.fieldErrors.isEmpty()) {
        json.key(u"field_errors"_s);
        json.beginArray();
        for (const FieldError &error : result.fieldErrors) {
            json.beginObject();
            json.key(u"field"_s);
            json.string(error.field);
            json.key(u"message"_s);
            json.string(error.message);
            json.endObject();
        }
        json.endArray();
    }
}

} // namespace

QStringList orderCsvHeader()
{
    return {u"sub_mchid"_s,
            u"transaction_id"_s,
            u"out_order_no"_s,
            u"order_id"_s,
            u"state"_s,
            u"state_label"_s,
            u"receiver_account"_s,
            u"receiver_type"_s,
            u"receiver_type_label"_s,
            u"amount_yuan"_s,
            u"amount_fen"_s,
            u"description"_s,
            u"result"_s,
            u"result_label"_s,
            u"fail_reason"_s,
            u"fail_reason_label"_s,
            u"create_time"_s,
            u"finish_time"_s,
            u"detail_id"_s,
            u"request_id"_s,
            u"verified"_s,
            u"looked_up_at"_s};
}

QStringList returnCsvHeader()
{
    return {u"sub_mchid"_s,   u"out_return_no"_s, u"order_id"_s,    u"out_order_no"_s,
            u"return_no"_s,   u"return_mchid"_s,  u"result"_s,      u"result_label"_s,
            u"amount_yuan"_s, u"amount_fen"_s,    u"fail_reason"_s, u"fail_reason_label"_s,
            u"finish_time"_s, u"request_id"_s,    u"verified"_s,    u"looked_up_at"_s};
}

QList<int> csvNumericColumns(LookupKind kind)
{
    return kind == LookupKind::Order ? orderNumericColumns : returnNumericColumns;
}

QList<QStringList> csvRows(const LookupResult &result)
{
    QList<QStringList> rows;
    if (result.lookup == LookupKind::Order && result.order)
        appendOrderRows(rows, result);
    else if (result.lookup == LookupKind::Return && result.returnOrder)
        appendReturnRows(rows, result);
    return rows;
}

QString isoTime(const QDateTime &time)
{
    return isoWithOffset(time);
}

bool writeCsv(const LookupResult &result, QIODevice *device, QString *errorString)
{
    const bool isOrder = result.lookup == LookupKind::Order;
    if ((isOrder && !result.order) || (!isOrder && !result.returnOrder)) {
        if (errorString)
            *errorString = QCoreApplication::translate("ResultExport", "There is no result to export.");
        return false;
    }
    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow(isOrder ? orderCsvHeader() : returnCsvHeader());
    const QList<int> numeric = csvNumericColumns(result.lookup);
    if (isOrder) {
        writeOrderRows(csv, result);
    } else {
        for (const QStringList &row : csvRows(result))
            csv.writeRow(row, numeric);
    }
    if (!csv.ok() && errorString)
        *errorString = csv.errorString();
    return csv.ok();
}

bool saveCsv(const LookupResult &result, const QString &path, QString *errorString)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    if (!writeCsv(result, &file, errorString)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    return true;
}

QByteArray toJson(const LookupResult &result)
{
    JsonWriter json;
    json.beginObject();
    if (result.lookup == LookupKind::Order && result.order)
        writeOrderJson(json, *result.order);
    else if (result.lookup == LookupKind::Return && result.returnOrder)
        writeReturnJson(json, *result.returnOrder);
    else
        writeProblemJson(json, result);
    json.key(u"verified"_s);
    json.boolean(result.response.verified);
    json.key(u"request_id"_s);
    json.string(QString::fromLatin1(result.response.requestId));
    json.endObject();
    return json.data();
}

} // namespace fenzhang::ResultExport
