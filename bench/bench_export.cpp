// bench_export: the CSV export of a 100,000-receiver order result (ResultExport::writeCsv, as the
// app and the CLI export: BOM, RFC 4180, formula-safe, yuan and fen, labels) into a QBuffer, and
// ResultExport::saveCsv into a file (QSaveFile, as the app's Export button does). Then the same rows
// as an Excel workbook (ResultExport::save, .xlsx: libxlsxwriter in constant-memory mode), with the
// export's own peak memory (resident peak reset before, on Linux) at a tenth of the rows and at all
// of them: constant memory means the two are about the same.
//
// bench_export [--smoke] [--rows N] [--runs R]

#include "benchsupport.h"
#include "lookup/resultexport.h"

#include <cstdio>
#include <cstring>
#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

// The export's own peak: the resident peak is reset to the current size (Linux: clear_refs 5), the
// export runs, and the new peak minus the size before is what it needed. -1 where unsupported.
qint64 statusKb(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

bool resetPeak()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

LookupResult resultWith(int rows)
{
    const auto parsed = OrderResult::fromJson(BenchSupport::orderAnswer(rows), Product::ServiceProvider);
    LookupResult result;
    if (!parsed)
        return result;
    result.kind = LookupResult::Kind::Ok;
    result.query = OrderQuery{parsed->subMchid, parsed->transactionId, parsed->outOrderNo};
    result.answer = *parsed;
    result.response.outcome = ApiResponse::Outcome::Success;
    result.response.httpStatus = 200;
    result.response.verified = true;
    result.response.requestId = "08F78BB5AF0610D8F7AEF40B20B1A1E91B00-0"_ba;
    result.lookedUpAt = QDateTime::currentDateTime();
    return result;
}

// One workbook export into a file; its wall ms, and its own peak memory in KiB (-1: unknown).
bool exportWorkbook(const LookupResult &result, const QString &path, double *ms, double *cpuMs, qint64 *peakKb)
{
    const bool peakKnown = resetPeak();
    const qint64 before = statusKb("VmRSS:");
    const double cpuBefore = BenchSupport::processCpuMs();
    QElapsedTimer timer;
    timer.start();
    const WriteResult saved = ResultExport::save(result, path, ExportFormat::Xlsx, {});
    *ms = double(timer.nsecsElapsed()) / 1e6;
    *cpuMs = BenchSupport::processCpuMs() - cpuBefore;
    *peakKb = peakKnown && before >= 0 ? statusKb("VmHWM:") - before : -1;
    if (!saved)
        std::fprintf(stderr, "bench_export: workbook failed: %s\n", qPrintable(saved.error()));
    QFile::remove(path);
    return bool(saved);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption smokeOption(u"smoke"_s, u"500 rows once; checks that it runs."_s);
    const QCommandLineOption rowsOption(u"rows"_s, u"Rows (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs (default 7)."_s, u"R"_s, u"7"_s);
    parser.addOptions({smokeOption, rowsOption, runsOption});
    parser.process(app);
    const bool smoke = parser.isSet(smokeOption);
    const int rows = smoke ? 500 : std::max(1, parser.value(rowsOption).toInt());
    const int runs = smoke ? 1 : std::max(1, parser.value(runsOption).toInt());

    const LookupResult result = resultWith(rows);
    if (!result.order()) {
        std::fprintf(stderr, "bench_export: the benchmark's answer did not parse\n");
        return 1;
    }

    for (int run = 0; run < runs; ++run) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const double cpuBefore = BenchSupport::processCpuMs();
        QElapsedTimer timer;
        timer.start();
        const WriteResult written = ResultExport::writeCsv(result, &buffer);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = BenchSupport::processCpuMs() - cpuBefore;
        if (!written || buffer.data().count('\n') != rows + 1) {
            std::fprintf(stderr, "bench_export: export failed: %s\n",
                         qPrintable(written ? u"wrong row count"_s : written.error()));
            return 1;
        }
        BenchSupport::report(u"export_ms"_s, ms, u"ms"_s);
        BenchSupport::report(u"export_cpu_ms"_s, cpuMs, u"ms"_s);
        if (run == 0)
            BenchSupport::info(u"export_bytes"_s, QString::number(buffer.data().size()));
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.csv"_s);
    for (int run = 0; run < runs && dir.isValid(); ++run) {
        const double cpuBefore = BenchSupport::processCpuMs();
        QElapsedTimer timer;
        timer.start();
        const WriteResult saved = ResultExport::saveCsv(result, path);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = BenchSupport::processCpuMs() - cpuBefore;
        if (!saved) {
            std::fprintf(stderr, "bench_export: saving failed: %s\n", qPrintable(saved.error()));
            return 1;
        }
        BenchSupport::report(u"export_file_ms"_s, ms, u"ms"_s);
        BenchSupport::report(u"export_file_cpu_ms"_s, cpuMs, u"ms"_s);
        QFile::remove(path);
    }

    // The workbook: first a tenth of the rows (its own result), then all of them.
    const QString book = dir.filePath(u"export.xlsx"_s);
    {
        const LookupResult tenth = resultWith(std::max(1, rows / 10));
        double ms = 0;
        double cpuMs = 0;
        qint64 peakKb = 0;
        if (!dir.isValid() || !tenth.order() || !exportWorkbook(tenth, book, &ms, &cpuMs, &peakKb))
            return 1;
        BenchSupport::report(u"xlsx_tenth_peak_mb"_s, double(peakKb) / 1024.0, u"MB"_s);
    }
    for (int run = 0; run < runs; ++run) {
        double ms = 0;
        double cpuMs = 0;
        qint64 peakKb = 0;
        if (!exportWorkbook(result, book, &ms, &cpuMs, &peakKb))
            return 1;
        BenchSupport::report(u"xlsx_file_ms"_s, ms, u"ms"_s);
        BenchSupport::report(u"xlsx_file_cpu_ms"_s, cpuMs, u"ms"_s);
        BenchSupport::report(u"xlsx_peak_mb"_s, double(peakKb) / 1024.0, u"MB"_s);
    }
    return 0;
}
