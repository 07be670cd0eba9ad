#include "history/historyexport.h"

#include "format/csvwriter.h"
#include "format/labels.h"
#include "lookup/resultstate.h"
#include "format/money.h"
#include "format/xlsxwriter.h"
#include "lookup/lookupkind.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

QStringList lineOf(const HistoryEntry &e)
{
    const bool hasAmount = !e.state.isEmpty();
    return {ExportTime::text(e.lookedUpAt),
            e.profile,
            LookupKinds::name(e.lookup),
            e.source,
            e.subMchid,
            e.transactionId,
            e.outOrderNo,
            e.outReturnNo,
            e.orderId,
            e.httpStatus > 0 ? QString::number(e.httpStatus) : QString(),
            e.requestId,
            e.verified ? u"true"_s : u"false"_s,
            e.resultKind,
            e.state,
            e.receiverResults,
            QString::number(e.receiverCount),
            hasAmount ? Money::formatYuan(e.totalFen) : QString(),
            hasAmount ? QString::number(e.totalFen) : QString(),
            e.errorCode,
            e.errorMessage,
            Labels::errorAdvice(e.errorCode)};
}

struct SummaryLine {
    QString group;
    std::optional<LookupKind> kind; // a ResultState group's kind
    QString value;
    int count = 0;
    qint64 amount = 0;
    bool hasAmount = false;
};

void addTo(QList<SummaryLine> &lines, const QString &group, std::optional<LookupKind> kind, const QString &value,
           int count, qint64 amount, bool hasAmount)
{
    for (SummaryLine &line : lines) {
        if (line.group == group && line.value == value) {
            line.count += count;
            line.amount += amount;
            return;
        }
    }
    lines.append({group, kind, value, count, amount, hasAmount});
}

// Look-ups by order state / return result / remaining amount (ResultState, with their amounts), those
// without a result by what happened, and receivers by result ("SUCCESS:2,CLOSED:1" in each entry).
QList<QStringList> summaryLines(const QList<HistoryEntry> &entries)
{
    QList<SummaryLine> lines;
    for (const HistoryEntry &e : entries) {
        if (e.state.isEmpty()) {
            addTo(lines, u"result_kind"_s, std::nullopt, e.resultKind, 1, 0, false);
            continue;
        }
        addTo(lines, LookupKinds::groupKey(e.lookup), e.lookup, e.state, 1, e.totalFen, true);
        for (const QString &part : e.receiverResults.split(u',', Qt::SkipEmptyParts)) {
            const qsizetype colon = part.lastIndexOf(u':');
            if (colon > 0)
                addTo(lines, u"receiver_result"_s, std::nullopt, part.left(colon), part.sliced(colon + 1).toInt(), 0,
                      false);
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [](const SummaryLine &a, const SummaryLine &b) {
        // States by kind (orders, returns, remaining amounts), then receivers, then the rest.
        const auto rank = [](const SummaryLine &line) {
            return line.kind ? int(*line.kind) : line.group == u"receiver_result"_s ? 3 : 4;
        };
        return rank(a) < rank(b);
    });
    QList<QStringList> out;
    for (const SummaryLine &line : lines) {
        QString label;
        if (line.kind)
            label = ResultState::label(*line.kind, line.value);
        else if (line.group == u"receiver_result"_s)
            label = Labels::receiverResult(line.value);
        out.append({line.group, line.value, label, QString::number(line.count),
                    line.hasAmount ? Money::formatYuan(line.amount) : QString(),
                    line.hasAmount ? QString::number(line.amount) : QString()});
    }
    return out;
}

} // namespace

ExportColumns HistoryExport::columns()
{
    using T = ExportColumn::Type;
    return ExportTable::columns({{u"looked_up_at", T::Time},     {u"profile", T::Text},
                                 {u"lookup", T::Text},           {u"source", T::Text},
                                 {u"sub_mchid", T::Text},        {u"transaction_id", T::Text},
                                 {u"out_order_no", T::Text},     {u"out_return_no", T::Text},
                                 {u"order_id", T::Text},         {u"http_status", T::Integer},
                                 {u"request_id", T::Text},       {u"verified", T::Text},
                                 {u"result_kind", T::Text},      {u"state", T::Text},
                                 {u"receiver_results", T::Text}, {u"receiver_count", T::Integer},
                                 {u"amount_yuan", T::Yuan},      {u"amount_fen", T::Integer},
                                 {u"error_code", T::Text},       {u"error_message", T::Text},
                                 {u"error_advice", T::Text}});
}

QStringList HistoryExport::header()
{
    return ExportTable::names(columns());
}

WriteResult HistoryExport::writeCsv(const QList<HistoryEntry> &entries, QIODevice *device)
{
    const QList<int> numeric = ExportTable::numericColumns(columns());
    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow(header());
    for (const HistoryEntry &e : entries) {
        csv.writeRow(lineOf(e), numeric);
        if (!csv.ok())
            break;
    }
    if (!csv.ok())
        return unexpected(csv.errorString());
    return {};
}

WriteResult HistoryExport::writeXlsx(const QList<HistoryEntry> &entries, const ExportInfo &info,
                                     QIODevice *device)
{
    XlsxWriter xlsx;
    ExportInfo about = info;
    if (about.subject.isEmpty())
        about.subject = tr("History: %n look-up(s)", nullptr, int(entries.size()));
    xlsx.setTitle(about.subject);
    xlsx.beginSheet(tr("History"), columns());
    int answers = 0;
    int verified = 0;
    for (const HistoryEntry &e : entries) {
        xlsx.addRow(lineOf(e));
        if (e.httpStatus > 0) {
            ++answers;
            verified += e.verified ? 1 : 0;
        }
    }
    xlsx.beginSheet(tr("Summary"), ExportTable::summaryColumns());
    for (const QStringList &line : summaryLines(entries))
        xlsx.addRow(line);
    xlsx.addAboutSheet(about, int(entries.size()), answers, verified);
    if (!xlsx.finish(device)) {
        return unexpected(xlsx.errorString());
    }
    return {};
}

WriteResult HistoryExport::save(const QList<HistoryEntry> &entries, const QString &path, ExportFormat format,
                                const ExportInfo &info)
{
    return ExportFiles::save(path, [&](QIODevice *device) {
        return format == ExportFormat::Xlsx ? writeXlsx(entries, info, device) : writeCsv(entries, device);
    });
}

WriteResult HistoryExport::saveCsv(const QList<HistoryEntry> &entries, const QString &path)
{
    return save(entries, path, ExportFormat::Csv, {});
}

} // namespace fenzhang
