#include "batch/batchexport.h"

#include "batch/batchrunner.h"
#include "format/csvwriter.h"
#include "format/exporttable.h"
#include "format/labels.h"
#include "lookup/resultstate.h"
#include "format/money.h"
#include "format/saturating.h"
#include "format/xlsxwriter.h"
#include "lookup/resultexport.h"

#include <algorithm>
#include <QHash>
#include <QSet>


using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

ExportColumns errorColumns()
{
    using T = ExportColumn::Type;
    return ExportTable::columns({{u"error_kind", T::Text},
                                 {u"http_status", T::Integer},
                                 {u"error_code", T::Text},
                                 {u"error_message", T::Text},
                                 {u"error_advice", T::Text}});
}

QString errorMessage(const BatchExportRow &row)
{
    if (row.duplicateOf > 0)
        return BatchExport::tr("Same as row %1: not sent twice.").arg(row.duplicateOf);
    return ResultExport::problemText(row.result);
}

// The remaining-amount cells of a row (ResultExport::remainingColumns()): the amount, or why there is
// none; empty when the order itself was not answered (nothing to ask).
QStringList remainingCells(const BatchExportRow &row)
{
    if (row.remaining)
        return ResultExport::remainingCells(*row.remaining);
    QStringList cells(int(ResultExport::remainingColumns().size()));
    if (row.result.kind == LookupResult::Kind::Ok && row.result.order()) // answered, its payment never asked
        cells.last() = BatchExport::tr("Not looked up: the batch was cancelled before.");
    return cells;
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
    // Every number the row holds, also one its product refuses (a direct merchant's sub_mchid, an
    // ordinary return's order_id): the row's error names it, so its cell shows what was given.
    for (const QString &field : Query::allFields())
        set(field, r.query.value(field));
    if (r.kind != LookupResult::Kind::InvalidInput && r.kind != LookupResult::Kind::Cancelled) {
        set(u"request_id"_s, QString::fromLatin1(r.response.requestId));
        set(u"verified"_s, r.response.verified ? u"true"_s : u"false"_s);
        set(u"looked_up_at"_s, ExportTime::text(r.lookedUpAt));
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

// The heading of the summary's lines by state, in its text form.
} // namespace

ExportColumns BatchExport::columns(LookupKind kind, Product product, bool withRemaining)
{
    return ExportColumns{ExportTable::column(u"row"_s, ExportColumn::Type::Integer)} +
           ResultExport::columns(kind, product) +
           (withRemaining && kind == LookupKind::Order ? ResultExport::remainingColumns() : ExportColumns()) +
           errorColumns();
}

QStringList BatchExport::header(LookupKind kind, Product product, bool withRemaining)
{
    return ExportTable::names(columns(kind, product, withRemaining));
}

bool BatchExport::withRemaining(const QList<BatchExportRow> &rows)
{
    return std::any_of(rows.cbegin(), rows.cend(), [](const BatchExportRow &row) { return row.remainingAsked; });
}

QList<BatchRow> BatchExport::remainingRows(const QList<BatchExportRow> &orders)
{
    QList<BatchRow> rows;
    QSet<QString> seen;
    for (const BatchExportRow &order : orders) {
        const LookupResult &r = order.result;
        if (r.kind != LookupResult::Kind::Ok || !r.order())
            continue;
        const QString transactionId = r.query.value(u"transaction_id");
        if (transactionId.isEmpty() || seen.contains(transactionId))
            continue;
        seen.insert(transactionId);
        BatchRow row;
        row.rowNumber = int(rows.size()) + 1;
        row.query = AmountsQuery{transactionId, r.product()};
        row.errors = row.query.validate();
        rows.append(row);
    }
    return rows;
}

void BatchExport::attachRemaining(QList<BatchExportRow> &orders, const QList<LookupResult> &answers)
{
    QHash<QString, const LookupResult *> byTransaction;
    for (const LookupResult &answer : answers)
        byTransaction.insert(answer.query.value(u"transaction_id"), &answer);
    for (BatchExportRow &order : orders) {
        order.remainingAsked = true;
        const LookupResult &r = order.result;
        const auto it = r.kind == LookupResult::Kind::Ok
                            ? byTransaction.constFind(r.query.value(u"transaction_id"))
                            : byTransaction.constEnd();
        if (it != byTransaction.constEnd())
            order.remaining = **it;
        else
            order.remaining.reset();
    }
}

Product BatchExport::productOf(const QList<BatchExportRow> &rows)
{
    return rows.isEmpty() ? Product::ServiceProvider : rows.constFirst().result.product();
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
            r.query = input.query;
            r.fieldErrors = input.errors;
            r.kind = runner.status(i) == BatchRunner::RowStatus::Invalid ? LookupResult::Kind::InvalidInput
                                                                         : LookupResult::Kind::Cancelled;
        }
        rows.append(std::move(row));
    }
    return rows;
}

namespace {

// Every line of the export, in order, to addLine(cells): the one list both writers write.
template <typename AddLine> void forEachLine(LookupKind kind, const QList<BatchExportRow> &rows, AddLine addLine)
{
    const QStringList resultColumns = ExportTable::names(ResultExport::columns(kind, BatchExport::productOf(rows)));
    const bool remaining = kind == LookupKind::Order && BatchExport::withRemaining(rows);
    for (const BatchExportRow &row : rows) {
        const LookupResult &r = row.result;
        const QString status =
            r.response.httpStatus != 0 ? QString::number(r.response.httpStatus) : QString();
        const QString kindName = row.duplicateOf > 0 ? u"duplicate"_s : ResultExport::kindName(r.kind);
        const QStringList error = {kindName, status, r.response.errorCode, errorMessage(row),
                                   Labels::errorAdvice(r.response.errorCode)};
        QList<QStringList> lines =
            r.kind == LookupResult::Kind::Ok ? ResultExport::csvRows(r) : QList<QStringList>();
        if (lines.isEmpty())
            lines.append(queryOnlyRow(resultColumns, r));
        const QStringList remainingPart = remaining ? remainingCells(row) : QStringList();
        for (const QStringList &line : std::as_const(lines))
            addLine(QStringList{QString::number(row.rowNumber)} + line + remainingPart + error);
    }
}

// The summary's lines under ExportTable::summaryColumns(), for its CSV and the workbook's Summary sheet.
QList<QStringList> summaryLines(const BatchSummary &summary)
{
    QList<QStringList> lines;
    const QString group = LookupKinds::groupKey(summary.kind);
    for (const BatchSummary::Line &line : summary.byState) {
        lines.append({group, line.value, ResultState::label(summary.kind, line.value), QString::number(line.count),
                      Money::formatYuan(line.amount), QString::number(line.amount)});
    }
    for (const BatchSummary::Line &line : summary.byReceiverResult) {
        lines.append({u"receiver_result"_s, line.value, Labels::receiverResult(line.value),
                      QString::number(line.count), Money::formatYuan(line.amount), QString::number(line.amount)});
    }
    const QString remainingGroup = LookupKinds::groupKey(LookupKind::Amounts);
    for (const BatchSummary::Line &line : summary.byRemaining) {
        lines.append({remainingGroup, line.value, ResultState::label(LookupKind::Amounts, line.value),
                      QString::number(line.count), Money::formatYuan(line.amount), QString::number(line.amount)});
    }
    lines.append({u"rows"_s, u"answered"_s, QString(), QString::number(summary.answered), QString(), QString()});
    lines.append(
        {u"rows"_s, u"without_result"_s, QString(), QString::number(summary.failed), QString(), QString()});
    return lines;
}

} // namespace

WriteResult BatchExport::writeCsv(LookupKind kind, const QList<BatchExportRow> &rows, QIODevice *device)
{
    const ExportColumns exportColumns = columns(kind, productOf(rows), withRemaining(rows));
    const QList<int> numeric = ExportTable::numericColumns(exportColumns);
    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow(ExportTable::names(exportColumns));
    forEachLine(kind, rows, [&](const QStringList &line) { csv.writeRow(line, numeric); });
    if (!csv.ok())
        return unexpected(csv.errorString());
    return {};
}

WriteResult BatchExport::writeXlsx(LookupKind kind, const QList<BatchExportRow> &rows, const ExportInfo &info,
                                   QIODevice *device)
{
    XlsxWriter xlsx;
    ExportInfo about = info;
    if (about.subject.isEmpty())
        about.subject = LookupKinds::batchSubject(kind, int(rows.size()));
    xlsx.setTitle(about.subject);
    xlsx.beginSheet(tr("Batch"), columns(kind, productOf(rows), withRemaining(rows)));
    int lines = 0;
    forEachLine(kind, rows, [&](const QStringList &line) {
        xlsx.addRow(line);
        ++lines;
    });
    xlsx.beginSheet(tr("Summary"), ExportTable::summaryColumns());
    for (const QStringList &line : summaryLines(summarize(kind, rows)))
        xlsx.addRow(line);
    int answers = 0;
    int verified = 0;
    for (const BatchExportRow &row : rows) {
        if (row.result.response.httpStatus != 0) {
            ++answers;
            verified += row.result.response.verified ? 1 : 0;
        }
    }
    xlsx.addAboutSheet(about, lines, answers, verified);
    if (!xlsx.finish(device)) {
        return unexpected(xlsx.errorString());
    }
    return {};
}

WriteResult BatchExport::save(LookupKind kind, const QList<BatchExportRow> &rows, const QString &path,
                              ExportFormat format, const ExportInfo &info)
{
    return ExportFiles::save(path, [&](QIODevice *device) {
        return format == ExportFormat::Xlsx ? writeXlsx(kind, rows, info, device)
                                            : writeCsv(kind, rows, device);
    });
}

WriteResult BatchExport::saveCsv(LookupKind kind, const QList<BatchExportRow> &rows, const QString &path)
{
    return save(kind, rows, path, ExportFormat::Csv, {});
}

BatchSummary BatchExport::summarize(LookupKind kind, const QList<BatchExportRow> &rows)
{
    BatchSummary summary;
    summary.kind = kind;
    summary.rows = int(rows.size());
    for (const QString &code : ResultState::fixedCodes(kind)) // both lines, even when nothing is frozen
        summary.byState.append({code, 0, 0});
    if (kind == LookupKind::Order && withRemaining(rows)) {
        for (const QString &code : ResultState::fixedCodes(LookupKind::Amounts))
            summary.byRemaining.append({code, 0, 0});
        QSet<QString> counted; // each payment once, however many rows name it
        for (const BatchExportRow &row : rows) {
            if (!row.remaining || row.remaining->kind != LookupResult::Kind::Ok || !row.remaining->amounts())
                continue;
            const QString transactionId = row.remaining->query.value(u"transaction_id");
            if (counted.contains(transactionId))
                continue;
            counted.insert(transactionId);
            addTo(summary.byRemaining, ResultState::of(*row.remaining),
                  row.remaining->amounts()->unsplitAmount);
        }
    }
    for (const BatchExportRow &row : rows) {
        const LookupResult &r = row.result;
        if (r.kind != LookupResult::Kind::Ok) {
            ++summary.failed;
            continue;
        }
        if (!r.answer || r.answer->kind() != kind) {
            ++summary.failed; // Ok without the typed result of its kind
            continue;
        }
        ++summary.answered;
        if (const OrderResult *order = r.order()) {
            for (const ReceiverDetail &receiver : order->receivers)
                addTo(summary.byReceiverResult, receiver.result, receiver.amount);
        }
        addTo(summary.byState, r.answer->stateCode(), r.answer->totalFen());
    }
    return summary;
}

QString BatchSummary::toText() const
{
    const auto label = [this](const QString &value, bool receiver) {
        return receiver ? Labels::receiverResult(value) : ResultState::label(kind, value);
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
    section(LookupKinds::stateTitle(kind), byState, false);
    section(BatchExport::tr("Receivers by result:"), byReceiverResult, true);
    if (!byRemaining.isEmpty()) {
        text += LookupKinds::stateTitle(LookupKind::Amounts) + u'\n';
        for (const Line &line : byRemaining) {
            text += u"  %1 (%2): %3, %4 yuan\n"_s.arg(line.value, ResultState::label(LookupKind::Amounts, line.value))
                        .arg(line.count)
                        .arg(Money::formatYuan(line.amount, Money::Grouping::Thousands));
        }
    }
    return text;
}

WriteResult BatchExport::writeSummaryCsv(const BatchSummary &summary, QIODevice *device)
{
    const ExportColumns exportColumns = ExportTable::summaryColumns();
    const QList<int> numeric = ExportTable::numericColumns(exportColumns);
    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow(ExportTable::names(exportColumns));
    for (const QStringList &line : summaryLines(summary))
        csv.writeRow(line, numeric);
    if (!csv.ok())
        return unexpected(csv.errorString());
    return {};
}

} // namespace fenzhang
