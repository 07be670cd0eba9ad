// bench_import: how long importing and validating a 100,000-row order CSV takes (issue 6: well
// under 1 s on the 2-core reference machine). Prints one line per run and the best; --smoke runs
// 1,000 rows once so CI checks that the benchmark still works without measuring anything.

#include "batch/batchimporter.h"

#include <cstdio>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

QByteArray makeCsv(int rows)
{
    QByteArray csv = "\xEF\xBB\xBFsub_mchid,transaction_id,out_order_no,note\r\n"_ba;
    csv.reserve(rows * 80);
    for (int i = 0; i < rows; ++i) {
        csv += "1900000109,42084507402025112";
        csv += QByteArray::number(1000000000LL + i);
        csv += ",P2025112010153";
        csv += QByteArray::number(i);
        csv += i % 10 == 0 ? ",\"note, with comma\"\r\n" : ",\r\n";
    }
    return csv;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool smoke = QCoreApplication::arguments().contains(u"--smoke"_s);
    const int rows = smoke ? 1000 : 100000;
    const int runs = smoke ? 1 : 5;
    const QByteArray csv = makeCsv(rows);

    QTextStream out(stdout);
    qint64 best = -1;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const fenzhang::BatchImport import =
            fenzhang::BatchImporter(fenzhang::LookupKind::Order, fenzhang::Product::ServiceProvider).importBytes(csv);
        const qint64 ms = timer.elapsed();
        if (!import.ok() || import.validCount() != rows) {
            out << "bench_import: FAILED: " << import.error << " valid " << import.validCount() << '\n';
            return 1;
        }
        out << "import+validate " << rows << " rows: " << ms << " ms\n";
        best = best < 0 ? ms : std::min(best, ms);
    }
    out << "best: " << best << " ms (" << csv.size() << " bytes)\n";
    return 0;
}
