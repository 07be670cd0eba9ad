// bench_receivers: a 20,000-receiver order answer (sandbox-style JSON) parsed with
// OrderResult::fromJson, loaded into the desktop app's ReceiversModel behind a
// QSortFilterProxyModel sorted by amount (the raw role, as the view sorts), and the first screenful
// of cells read as a view would. Without the ui library (FENZHANG_BENCH_HAVE_UI undefined) the
// model part is replaced by a plain sort of the parsed receivers, and says so.
//
// bench_receivers [--smoke] [--receivers N] [--runs R]

#include "benchsupport.h"
#include "lookup/results.h"

#include <algorithm>
#include <cstdio>
#include <QCommandLineParser>
#include <QElapsedTimer>

#ifdef FENZHANG_BENCH_HAVE_UI
#include "receiversmodel.h"

#include <QApplication>
#include <QSortFilterProxyModel>
#else
#include <QCoreApplication>
#endif

using namespace Qt::StringLiterals;
using namespace fenzhang;

int main(int argc, char *argv[])
{
#ifdef FENZHANG_BENCH_HAVE_UI
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCommandLineParser parser;
    const QCommandLineOption smokeOption(u"smoke"_s, u"200 receivers once; checks that it runs."_s);
    const QCommandLineOption receiversOption(u"receivers"_s, u"Receivers (default 20000)."_s, u"N"_s, u"20000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs (default 7)."_s, u"R"_s, u"7"_s);
    parser.addOptions({smokeOption, receiversOption, runsOption});
    parser.process(app);
    const bool smoke = parser.isSet(smokeOption);
    const int receivers = smoke ? 200 : std::max(1, parser.value(receiversOption).toInt());
    const int runs = smoke ? 1 : std::max(1, parser.value(runsOption).toInt());

    const QByteArray body = BenchSupport::orderAnswer(receivers);
    BenchSupport::info(u"receivers_body_bytes"_s, QString::number(body.size()));
#ifdef FENZHANG_BENCH_HAVE_UI
    BenchSupport::info(u"receivers_model"_s, u"ReceiversModel + QSortFilterProxyModel"_s);
#else
    BenchSupport::info(u"receivers_model"_s, u"missing (ui not built): std::stable_sort of the parsed list"_s);
#endif

    for (int run = 0; run < runs; ++run) {
        const double cpuBefore = BenchSupport::processCpuMs();
        QElapsedTimer timer;
        timer.start();
        const auto parsed = OrderResult::fromJson(body, Product::ServiceProvider);
        const double parseMs = double(timer.nsecsElapsed()) / 1e6;
        if (!parsed || parsed->receivers.size() != receivers) {
            std::fprintf(stderr, "bench_receivers: parse failed: %s\n",
                         parsed ? "wrong count" : qPrintable(parsed.error()));
            return 1;
        }
        timer.restart();
        qint64 firstAmount = 0;
#ifdef FENZHANG_BENCH_HAVE_UI
        ReceiversModel model;
        model.setReceivers(parsed->receivers);
        QSortFilterProxyModel proxy;
        proxy.setSortRole(ReceiversModel::RawRole);
        proxy.setSourceModel(&model);
        proxy.sort(ReceiversModel::Amount, Qt::DescendingOrder);
        // What a view asks for to paint the first screenful.
        for (int row = 0; row < std::min(40, proxy.rowCount()); ++row) {
            for (int column = 0; column < proxy.columnCount(); ++column)
                (void)proxy.index(row, column).data(Qt::DisplayRole);
        }
        firstAmount = proxy.index(0, ReceiversModel::Amount).data(ReceiversModel::RawRole).toLongLong();
#else
        QList<ReceiverDetail> sorted = parsed->receivers;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const ReceiverDetail &a, const ReceiverDetail &b) { return a.amount > b.amount; });
        firstAmount = sorted.first().amount;
#endif
        const double modelMs = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = BenchSupport::processCpuMs() - cpuBefore;
        if (firstAmount <= 0)
            return 1;
        BenchSupport::report(u"receivers_parse_ms"_s, parseMs, u"ms"_s);
        BenchSupport::report(u"receivers_model_sort_ms"_s, modelMs, u"ms"_s);
        BenchSupport::report(u"receivers_total_ms"_s, parseMs + modelMs, u"ms"_s);
        BenchSupport::report(u"receivers_cpu_ms"_s, cpuMs, u"ms"_s);
    }
    return 0;
}
