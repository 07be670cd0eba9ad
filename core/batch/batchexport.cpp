#include "batch/batchexport.h"

#include "batch/batchrunner.h"
#include "format/csvwriter.h"
#include "format/labels.h"
#include "format/money.h"
#include "format/saturating.h"
#include "lookup/resultexport.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const QStringList errorColumns = {u"error_kind"_s, u"http_status"_s, u"error_code"_s, u"error_message"_s};

QString errorMessage(const BatchExportRow &row)
{
    const LookupResult &r = row.result;
    if (row.duplicateOf > 0)
        return BatchExport::tr("Same as row %1: not sent twice.").arg(row.duplicateOf);
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
        return BatchExport::tr("Not the answer to this question: %1").arg(r.parseError);
    case LookupResult::Kind::Cancelled:
        return BatchExport::tr("Cancelled before an answer came.");
    }
    return {};
}

// A row without a typed answer: the query's numbers in their columns, the rest empty.
QStringList queryOnlyRow(const QStringList &header, const LookupResult &r)
{
    QStringList cells(header.size());
    const auto set = [&](const QString &column, const QString &value) {
        const qsizetype at = header.indexOf(column);
        if (at >= 0)
            cells[at] = value;
    };
    if (r.lookup == LookupKind::Order) {
        set(u"sub_mchid"_s, r.orderQuery.subMchid);
        set(u"transaction_id"_s, r.orderQuery.transactionId);
        set(u"out_order_no"_s, r.orderQuery.outOrderNo);
    } else {
        set(u"sub_mchid"_s, r.returnQuery.subMchid);
        set(u"out_return_no"_s, r.returnQuery.outReturnNo);
        set(u"order_id"_s, r.returnQuery.orderId);
        set(u"out_order_no"_s, r.returnQuery.outOrderNo);
    }
    if (r.kind != LookupResult::Kind::InvalidInput && r.kind != LookupResult::Kind::Cancelled) {
        set(u"request_id"_s, QString::fromLatin1(r.response.requestId));
        set(u"verified"_s, r.response.verified ? u"true"_s : u"false"_s);
        set(u"looked_up_at"_s, ResultExport::isoTime(r.lookedUpAt));
    }
    return cells;
}

void addTo(QList<BatchSummary::Line> &lines, const QString &value, qint64 amount)
{
    for (BatchSummary::Line &line : lines) {
        if (line.value == value) {
            ++line.count;
            line.amount = saturatingAdd(line.amount, amount);
            return;
        }
    }
    lines.append({value, 1, amount});
}

} // namespace

QStringList BatchExport::header(LookupKind kind)
{
    return QStringList{u"row"_s} +
           (kind == LookupKind::Order ? ResultExport::orderCsvHeader() : ResultExport::returnCsvHeader()) +
           errorColumns;
}

QList<BatchExportRow> BatchExport::rowsOf(const BatchRunner &runner)
{
    QList<BatchExportRow> rows;
    rows.reserve(runner.rowCount());
    for (int i = 0; i < runner.rowCount(); ++i) {
        const BatchRow &input = runner.row(i);
        BatchExportRow row;
        row.rowNumber = input.rowNumber;
        row.duplicateOf = input.duplicateOf;
        if (runner.hasResult(i)) {
            row.result = runner.result(i);
        } else {
            LookupResult &r = row.result;
            r.lookup = input.kind;
            r.orderQuery = input.order;
            r.returnQuery = input.returnQuery;
            r.fieldErrors = input.errors;
            r.kind = runner.status(i) == BatchRunner::RowStatus::Invalid ? LookupResult::Kind::InvalidInput
                                                                         : LookupResult::Kind::Cancelled;
        }
        rows.append(std::move(row));
    }
    return rows;
}

bool BatchExport::writeCsv(LookupKind kind, const QList<BatchExportRow> &rows, QIODevice *device,
                           QString *errorString)
{
    const QStringList columns = header(kind);
    const QStringList resultColumns = columns.mid(1, columns.size() - 1 - errorColumns.size());
    // The single export's numeric columns, shifted past the row number; the row number and the
    // HTTP status are program-made numbers too.
    QList<int> numeric = {0};
    for (const int column : ResultExport::csvNumericColumns(kind))
        numeric.append(column + 1);
    numeric.append(int(columns.size()) - 3);

    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow(columns);
    for (const BatchExportRow &row : rows) {
        const LookupResult &r = row.result;
        const QString status =
            r.response.httpStatus != 0 ? QString::number(r.response.httpStatus) : QString();
        const QString kindName = row.duplicateOf > 0 ? u"duplicate"_s : ResultExport::kindName(r.kind);
        const QStringList error = {kindName, status, r.response.errorCode, errorMessage(row)};
        QList<QStringList> lines =
            r.kind == LookupResult::Kind::Ok ? ResultExport::csvRows(r) : QList<QStringList>();
        if (lines.isEmpty())
            lines.append(queryOnlyRow(resultColumns, r));
        for (const QStringList &line : std::as_const(lines))
            csv.writeRow(QStringList{QString::number(row.rowNumber)} + line + error, numeric);
    }
    if (!csv.ok() && errorString)
        *errorString = csv.errorString();
    return csv.ok();
}

bool BatchExport::saveCsv(LookupKind kind, const QList<BatchExportRow> &rows, const QString &path,
                          QString *errorString)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    if (!writeCsv(kind, rows, &file, errorString)) {
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

BatchSummary BatchExport::summarize(LookupKind kind, const QList<BatchExportRow> &rows)
{
    BatchSummary summary;
    summary.kind = kind;
    summary.rows = int(rows.size());
    for (const BatchExportRow &row : rows) {
        const LookupResult &r = row.result;
        if (kind == LookupKind::Order && r.kind == LookupResult::Kind::Ok && r.order) {
            ++summary.answered;
            qint64 total = 0;
            for (const ReceiverDetail &receiver : r.order->receivers) {
                total = saturatingAdd(total, receiver.amount);
                addTo(summary.byReceiverResult, receiver.result, receiver.amount);
            }
            addTo(summary.byState, r.order->state, total);
        } else if (kind == LookupKind::Return && r.kind == LookupResult::Kind::Ok && r.returnOrder) {
            ++summary.answered;
            addTo(summary.byState, r.returnOrder->result, r.returnOrder->amount);
        } else {
            ++summary.failed;
        }
    }
    return summary;
}

QString BatchSummary::toText() const
{
    const auto label = [this](const QString &value, bool receiver) {
        if (receiver)
            return Labels::receiverResult(value);
        return kind == LookupKind::Order ? Labels::orderState(value) : Labels::returnResult(value);
    };
    QString text =
        BatchExport::tr("%1 rows: %2 answered, %3 without a result.").arg(rows).arg(answered).arg(failed) +
        u'\n';
    const auto section = [&](const QString &title, const QList<Line> &lines, bool receiver) {
        if (lines.isEmpty())
            return;
        text += title + u'\n';
        for (const Line &line : lines) {
            text += u"  %1 (%2): %3, %4 yuan\n"_s.arg(line.value, label(line.value, receiver))
                        .arg(line.count)
                        .arg(Money::formatYuan(line.amount, Money::Grouping::Thousands));
        }
    };
    section(kind == LookupKind::Order ? BatchExport::tr("Orders by state:")
                                      : BatchExport::tr("Returns by result:"),
            byState, false);
    section(BatchExport::tr("Receivers by result:"), byReceiverResult, true);
    return text;
}

bool BatchExport::writeSummaryCsv(const BatchSummary &summary, QIODevice *device, QString *errorString)
{
    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow({u"group"_s, u"value"_s, u"label"_s, u"count"_s, u"amount_yuan"_s, u"amount_fen"_s});
    const QList<int> numeric = {3, 4, 5};
    const QString stateGroup = summary.kind == LookupKind::Order ? u"order_state"_s : u"return_result"_s;
    for (const BatchSummary::Line &line : summary.byState) {
        const QString label = summary.kind == LookupKind::Order ? Labels::orderState(line.value)
                                                                : Labels::returnResult(line.value);
        csv.writeRow({stateGroup, line.value, label, QString::number(line.count),
                      Money::formatYuan(line.amount), QString::number(line.amount)},
                     numeric);
    }
    for (const BatchSummary::Line &line : summary.byReceiverResult) {
        csv.writeRow({u"receiver_result"_s, line.value, Labels::receiverResult(line.value),
                      QString::number(line.count), Money::formatYuan(line.amount),
                      QString::number(line.amount)},
                     numeric);
    }
    csv.writeRow(
        {u"rows"_s, u"answered"_s, QString(), QString::number(summary.answered), QString(), QString()},
        numeric);
    csv.writeRow(
        {u"rows"_s, u"without_result"_s, QString(), QString::number(summary.failed), QString(), QString()},
        numeric);
    if (!csv.ok() && errorString)
        *errorString = csv.errorString();
    return csv.ok();
}

} // namespace fenzhang
