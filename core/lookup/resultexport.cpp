#include "lookup/resultexport.h"

#include "format/csvwriter.h"
#include "format/exporttable.h"
#include "format/labels.h"
#include "format/money.h"
#include "format/xlsxwriter.h"
#include "lookup/jsonreader.h"
#include "lookup/jsonwriter.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace fenzhang::ResultExport {

namespace {

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
    const OrderResult &order = *result.order();
    return {{order.subMchid, order.transactionId, order.outOrderNo, order.orderId, order.state,
             Labels::orderState(order.state)},
            {QString::fromLatin1(result.response.requestId), verifiedText(result),
             ExportTime::text(result.lookedUpAt)}};
}

constexpr qsizetype receiverColumns = 14;

// Hands a receiver's cells to cell(text, numeric) in column order: the one place they are listed.
// Their types are orderColumns()'s; the numeric flag is the CSV's (amount_yuan and amount_fen).
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
        cell(m_failAdvice(r.failReason), false);
        cell(r.createTime.toLocalIsoString(), false);
        cell(r.finishTime.toLocalIsoString(), false);
        cell(r.detailId, false);
    }

private:
    LabelCache m_typeLabels{Labels::receiverType};
    LabelCache m_resultLabels{Labels::receiverResult};
    LabelCache m_failReasonLabels{Labels::receiverFailReason};
    LabelCache m_failAdvice{Labels::receiverFailAdvice};
};

void appendOrderRows(QList<QStringList> &rows, const LookupResult &result)
{
    const OrderRowParts parts = orderRowParts(result);
    const QList<ReceiverDetail> &receivers = result.order()->receivers;
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
// remaining: the payment's remaining-amount cells after each line (ResultExport::remainingCells), or none.
void writeOrderRows(CsvWriter &csv, const LookupResult &result, const QStringList &remaining)
{
    const OrderRowParts parts = orderRowParts(result);
    const QList<ReceiverDetail> &receivers = result.order()->receivers;
    if (receivers.isEmpty()) {
        csv.writeRow(parts.head + QStringList(receiverColumns) + parts.tail + remaining,
                     ExportTable::numericColumns(orderColumns() +
                                                 (remaining.isEmpty() ? ExportColumns() : remainingColumns())));
        return;
    }
    const CsvWriter::EncodedCells head = CsvWriter::encodeCells(parts.head);
    const CsvWriter::EncodedCells tail = CsvWriter::encodeCells(parts.tail);
    const ExportColumns remainingTypes = remaining.isEmpty() ? ExportColumns() : remainingColumns();
    const QList<int> remainingNumeric = ExportTable::numericColumns(remainingTypes);
    ReceiverCells receiverCells;
    for (const ReceiverDetail &r : receivers) {
        csv.addCells(head);
        receiverCells(r, [&csv](const QString &cell, bool numeric) { csv.addCell(cell, numeric); });
        csv.addCells(tail);
        for (qsizetype i = 0; i < remaining.size(); ++i)
            csv.addCell(remaining.at(i), remainingNumeric.contains(int(i)));
        csv.endRow();
    }
}

// A return's columns and cells, listed once: each product's answer under its own names. A brand
// return (连锁品牌分账) keeps the layout it always had; an ordinary one (普通分账: service provider,
// direct merchant) names WeChat Pay's number return_id and adds its description and create_time.
struct ReturnField {
    enum class Of { Every, Brand, Ordinary };
    const char16_t *name;
    ExportColumn::Type type;
    Of of;
    QString (*cell)(const LookupResult &);
    const char16_t *headedAs = nullptr; // the heading of another column name (ExportTable::column)
};

using T = ExportColumn::Type;
using Of = ReturnField::Of;
const ReturnField returnFields[] = {
    {u"sub_mchid", T::Text, Of::Every, [](const LookupResult &r) { return r.returnOrder()->subMchid; }},
    {u"out_return_no", T::Text, Of::Every,
     [](const LookupResult &r) { return r.returnOrder()->outReturnNo; }},
    {u"order_id", T::Text, Of::Every, [](const LookupResult &r) { return r.returnOrder()->orderId; }},
    {u"out_order_no", T::Text, Of::Every, [](const LookupResult &r) { return r.returnOrder()->outOrderNo; }},
    {u"return_no", T::Text, Of::Brand, [](const LookupResult &r) { return r.returnOrder()->returnNo; }},
    {u"return_id", T::Text, Of::Ordinary, [](const LookupResult &r) { return r.returnOrder()->returnNo; }},
    {u"return_mchid", T::Text, Of::Every, [](const LookupResult &r) { return r.returnOrder()->returnMchid; }},
    {u"result", T::Text, Of::Every, [](const LookupResult &r) { return r.returnOrder()->result; }},
    {u"result_label", T::Text, Of::Every,
     [](const LookupResult &r) { return Labels::returnResult(r.returnOrder()->result); }},
    {u"amount_yuan", T::Yuan, Of::Every,
     [](const LookupResult &r) { return Money::formatYuan(r.returnOrder()->amount); }},
    {u"amount_fen", T::Integer, Of::Every,
     [](const LookupResult &r) { return QString::number(r.returnOrder()->amount); }},
    {u"description", T::Text, Of::Ordinary,
     [](const LookupResult &r) { return r.returnOrder()->description; }, u"return_description"},
    {u"fail_reason", T::Text, Of::Every, [](const LookupResult &r) { return r.returnOrder()->failReason; }},
    {u"fail_reason_label", T::Text, Of::Every,
     [](const LookupResult &r) { return Labels::returnFailReason(r.returnOrder()->failReason); }},
    {u"fail_reason_advice", T::Text, Of::Every,
     [](const LookupResult &r) { return Labels::returnFailAdvice(r.returnOrder()->failReason); }},
    {u"create_time", T::Time, Of::Ordinary,
     [](const LookupResult &r) { return r.returnOrder()->createTime.toLocalIsoString(); }},
    {u"finish_time", T::Time, Of::Every,
     [](const LookupResult &r) { return r.returnOrder()->finishTime.toLocalIsoString(); }},
    {u"request_id", T::Text, Of::Every,
     [](const LookupResult &r) { return QString::fromLatin1(r.response.requestId); }},
    {u"verified", T::Text, Of::Every, [](const LookupResult &r) { return verifiedText(r); }},
    {u"looked_up_at", T::Time, Of::Every,
     [](const LookupResult &r) { return ExportTime::text(r.lookedUpAt); }},
};

bool isReturnFieldOf(const ReturnField &field, Product product)
{
    switch (field.of) {
    case Of::Every:
        return true;
    case Of::Brand:
        return product == Product::Brand;
    case Of::Ordinary:
        return product != Product::Brand;
    }
    return false;
}

void appendReturnRows(QList<QStringList> &rows, const LookupResult &result)
{
    QStringList row;
    for (const ReturnField &field : returnFields) {
        if (isReturnFieldOf(field, result.product()))
            row.append(field.cell(result));
    }
    rows.append(row);
}

void appendAmountsRows(QList<QStringList> &rows, const LookupResult &result)
{
    const AmountsResult &amounts = *result.amounts();
    rows.append({amounts.transactionId, Money::formatYuan(amounts.unsplitAmount),
                 QString::number(amounts.unsplitAmount), QString::fromLatin1(result.response.requestId),
                 verifiedText(result), ExportTime::text(result.lookedUpAt)});
}

void writeOrderJson(JsonWriter &json, const OrderResult &order, Product product)
{
    if (Products::hasSubMchid(product)) {
        json.key(u"sub_mchid"_s);
        json.string(order.subMchid);
    }
    json.key(u"transaction_id"_s);
    json.string(order.transactionId);
    json.key(u"out_order_no"_s);
    json.string(order.outOrderNo);
    json.key(u"order_id"_s);
    json.string(order.orderId);
    json.key(product == Product::Brand ? u"status"_s : u"state"_s);
    json.string(order.state);
    if (order.finishAmount) {
        json.key(u"finish_amount"_s);
        json.integer(*order.finishAmount);
    }
    if (!order.finishDescription.isEmpty()) {
        json.key(u"finish_description"_s);
        json.string(order.finishDescription);
    }
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
        // Times exactly as WeChat Pay sent them (the brand answer has no create_time).
        if (product != Product::Brand) {
            json.key(u"create_time"_s);
            json.string(r.createTime.raw());
        }
        json.key(u"finish_time"_s);
        json.string(r.finishTime.raw());
        json.key(u"detail_id"_s);
        json.string(r.detailId);
        json.endObject();
    }
    json.endArray();
}

void writeReturnJson(JsonWriter &json, const ReturnResult &ret, Product product)
{
    if (Products::hasSubMchid(product)) {
        json.key(u"sub_mchid"_s);
        json.string(ret.subMchid);
    }
    json.key(u"order_id"_s);
    json.string(ret.orderId);
    json.key(u"out_order_no"_s);
    json.string(ret.outOrderNo);
    json.key(u"out_return_no"_s);
    json.string(ret.outReturnNo);
    json.key(ReturnResult::returnNoField(product));
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
    if (!ret.description.isEmpty()) {
        json.key(u"description"_s);
        json.string(ret.description);
    }
    if (!ret.createTime.raw().isEmpty()) {
        json.key(u"create_time"_s);
        json.string(ret.createTime.raw());
    }
    json.key(u"finish_time"_s);
    json.string(ret.finishTime.raw());
}

void writeAmountsJson(JsonWriter &json, const AmountsResult &amounts)
{
    json.key(u"transaction_id"_s);
    json.string(amounts.transactionId);
    json.key(u"unsplit_amount"_s);
    json.integer(amounts.unsplitAmount);
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

ExportColumns orderColumns()
{
    using T = ExportColumn::Type;
    return ExportTable::columns({{u"sub_mchid", T::Text},
                                 {u"transaction_id", T::Text},
                                 {u"out_order_no", T::Text},
                                 {u"order_id", T::Text},
                                 {u"state", T::Text},
                                 {u"state_label", T::Text},
                                 {u"receiver_account", T::Text},
                                 {u"receiver_type", T::Text},
                                 {u"receiver_type_label", T::Text},
                                 {u"amount_yuan", T::Yuan},
                                 {u"amount_fen", T::Integer},
                                 {u"description", T::Text},
                                 {u"result", T::Text},
                                 {u"result_label", T::Text},
                                 {u"fail_reason", T::Text},
                                 {u"fail_reason_label", T::Text},
                                 {u"fail_reason_advice", T::Text},
                                 {u"create_time", T::Time},
                                 {u"finish_time", T::Time},
                                 {u"detail_id", T::Text},
                                 {u"request_id", T::Text},
                                 {u"verified", T::Text},
                                 {u"looked_up_at", T::Time}});
}

ExportColumns returnColumns(Product product)
{
    ExportColumns columns;
    for (const ReturnField &field : returnFields) {
        if (!isReturnFieldOf(field, product))
            continue;
        const QString name = QString::fromUtf16(field.name);
        columns.append(field.headedAs ? ExportTable::column(name, field.type, QString::fromUtf16(field.headedAs))
                                      : ExportTable::column(name, field.type));
    }
    return columns;
}

ExportColumns amountsColumns()
{
    using T = ExportColumn::Type;
    return ExportTable::columns({{u"transaction_id", T::Text},
                                 {u"unsplit_amount_yuan", T::Yuan},
                                 {u"unsplit_amount_fen", T::Integer},
                                 {u"request_id", T::Text},
                                 {u"verified", T::Text},
                                 {u"looked_up_at", T::Time}});
}

ExportColumns columns(LookupKind kind, Product product)
{
    switch (kind) {
    case LookupKind::Order:
        return orderColumns();
    case LookupKind::Return:
        return returnColumns(product);
    case LookupKind::Amounts:
        return amountsColumns();
    }
    return {};
}

ExportColumns remainingColumns()
{
    return ExportTable::columns({{u"unsplit_amount_yuan", T::Yuan},
                                 {u"unsplit_amount_fen", T::Integer},
                                 {u"unsplit_request_id", T::Text},
                                 {u"unsplit_error", T::Text}});
}

QString problemText(const LookupResult &r)
{
    switch (r.kind) {
    case LookupResult::Kind::Ok:
        return {};
    case LookupResult::Kind::InvalidInput: {
        QStringList parts;
        for (const FieldError &error : r.fieldErrors)
            parts.append(error.field + u": "_s + error.message);
        return parts.join(u"; "_s);
    }
    case LookupResult::Kind::ApiError:
        return r.response.errorMessage;
    case LookupResult::Kind::BadAnswer:
        return r.parseError;
    case LookupResult::Kind::NetworkError:
        return r.response.networkError;
    case LookupResult::Kind::VerificationFailed:
        return r.response.verification.detail;
    case LookupResult::Kind::NotTheAnswer:
        return QCoreApplication::translate("fenzhang::ResultExport", "Not the answer to this question: %1")
            .arg(r.parseError);
    case LookupResult::Kind::Cancelled:
        return QCoreApplication::translate("fenzhang::ResultExport", "Cancelled before an answer came.");
    }
    return {};
}

QStringList remainingCells(const LookupResult &remaining)
{
    const QString requestId = QString::fromLatin1(remaining.response.requestId);
    if (remaining.kind == LookupResult::Kind::Ok && remaining.amounts())
        return {Money::formatYuan(remaining.amounts()->unsplitAmount),
                QString::number(remaining.amounts()->unsplitAmount), requestId, QString()};
    const QString code =
        remaining.response.errorCode.isEmpty() ? kindName(remaining.kind) : remaining.response.errorCode;
    return {QString(), QString(), requestId, code + u": "_s + problemText(remaining)};
}

QStringList orderCsvHeader()
{
    return ExportTable::names(orderColumns());
}

QStringList returnCsvHeader(Product product)
{
    return ExportTable::names(returnColumns(product));
}

QList<int> csvNumericColumns(LookupKind kind, Product product)
{
    return ExportTable::numericColumns(columns(kind, product));
}

QList<QStringList> csvRows(const LookupResult &result)
{
    QList<QStringList> rows;
    if (result.order())
        appendOrderRows(rows, result);
    else if (result.returnOrder())
        appendReturnRows(rows, result);
    else if (result.amounts())
        appendAmountsRows(rows, result);
    return rows;
}

namespace {

// An answer of the question's kind, or why there is nothing to export.
WriteResult hasTypedResult(const LookupResult &result)
{
    if (result.answer && result.answer->kind() == result.lookup())
        return {};
    return unexpected(QCoreApplication::translate("fenzhang::ResultExport", "There is no result to export."));
}

} // namespace

WriteResult writeCsv(const LookupResult &result, QIODevice *device, const LookupResult *remainingAnswer)
{
    if (WriteResult answered = hasTypedResult(result); !answered)
        return answered;
    const bool isOrder = result.lookup() == LookupKind::Order;
    const bool withRemaining = isOrder && remainingAnswer;
    const QStringList remaining = withRemaining ? remainingCells(*remainingAnswer) : QStringList();
    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow(ExportTable::names(columns(result.lookup(), result.product()) +
                                    (withRemaining ? remainingColumns() : ExportColumns())));
    const QList<int> numeric = csvNumericColumns(result.lookup(), result.product());
    if (isOrder) {
        writeOrderRows(csv, result, remaining);
    } else {
        for (const QStringList &row : csvRows(result))
            csv.writeRow(row, numeric);
    }
    if (!csv.ok())
        return unexpected(csv.errorString());
    return {};
}

WriteResult saveCsv(const LookupResult &result, const QString &path)
{
    return save(result, path, ExportFormat::Csv, {});
}

QString subject(const LookupResult &result)
{
    return LookupKinds::subject(result.lookup(), result.query.number());
}

WriteResult writeXlsx(const LookupResult &result, const ExportInfo &info, QIODevice *device,
                      const LookupResult *remaining)
{
    if (WriteResult answered = hasTypedResult(result); !answered)
        return answered;
    const bool isOrder = result.lookup() == LookupKind::Order;
    const QStringList remainingPart = isOrder && remaining ? remainingCells(*remaining) : QStringList();
    XlsxWriter xlsx;
    ExportInfo about = info;
    if (about.subject.isEmpty())
        about.subject = subject(result);
    xlsx.setTitle(about.subject);
    xlsx.beginSheet(LookupKinds::sheetName(result.lookup()),
                    columns(result.lookup(), result.product()) +
                        (remainingPart.isEmpty() ? ExportColumns() : remainingColumns()));
    int rows = 0;
    if (isOrder) {
        const OrderRowParts parts = orderRowParts(result);
        ReceiverCells receiverCells;
        for (const ReceiverDetail &r : result.order()->receivers) {
            xlsx.addCells(parts.head);
            receiverCells(r, [&xlsx](const QString &cell, bool) { xlsx.addCell(cell); });
            xlsx.addCells(parts.tail);
            xlsx.addCells(remainingPart);
            xlsx.endRow();
            ++rows;
        }
        if (rows == 0) {
            xlsx.addRow(parts.head + QStringList(receiverColumns) + parts.tail + remainingPart);
            rows = 1;
        }
    } else {
        for (const QStringList &row : csvRows(result)) {
            xlsx.addRow(row);
            ++rows;
        }
    }
    xlsx.addAboutSheet(about, rows, 1, result.response.verified ? 1 : 0);
    if (!xlsx.finish(device)) {
        return unexpected(xlsx.errorString());
    }
    return {};
}

WriteResult save(const LookupResult &result, const QString &path, ExportFormat format, const ExportInfo &info,
                 const LookupResult *remaining)
{
    if (WriteResult answered = hasTypedResult(result); !answered)
        return answered;
    return ExportFiles::save(path, [&](QIODevice *device) {
        return format == ExportFormat::Xlsx ? writeXlsx(result, info, device, remaining)
                                            : writeCsv(result, device, remaining);
    });
}

QByteArray toJson(const LookupResult &result)
{
    JsonWriter json;
    json.beginObject();
    if (result.order())
        writeOrderJson(json, *result.order(), result.product());
    else if (result.returnOrder())
        writeReturnJson(json, *result.returnOrder(), result.product());
    else if (result.amounts())
        writeAmountsJson(json, *result.amounts());
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
