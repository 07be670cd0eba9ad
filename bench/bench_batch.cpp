// bench_batch: 1,000 order look-ups through BatchRunner against fenzhang-sandbox (a separate
// process, so this process's CPU time is the client's alone), rate limit off. Prints look-ups per
// second (issue 6: >= 500/s on the 2-core reference machine), CPU milliseconds per look-up (to set
// against wechatpay-axios-plugin doing the same), and the longest the event loop (the GUI thread in
// the app) went without running a 5 ms timer. --smoke: 20 look-ups, nothing judged.
//
// bench_batch [--smoke] [--count N] [--concurrency N] [--sandbox PATH]

#include "api/connection.h"
#include "batch/batchrunner.h"

#include <ctime>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace fenzhang;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption smokeOption(u"smoke"_s, u"20 look-ups; checks that it runs."_s);
    const QCommandLineOption countOption(u"count"_s, u"Look-ups (default 1000)."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption concurrencyOption(u"concurrency"_s, u"At once (default 4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption sandboxOption(u"sandbox"_s, u"fenzhang-sandbox executable."_s, u"PATH"_s,
                                           QStringLiteral(FENZHANG_SANDBOX_EXECUTABLE));
    parser.addOptions({smokeOption, countOption, concurrencyOption, sandboxOption});
    parser.process(app);
    const bool smoke = parser.isSet(smokeOption);
    const int count = smoke ? 20 : parser.value(countOption).toInt();
    QTextStream out(stdout);

    QProcess sandbox;
    sandbox.start(parser.value(sandboxOption), {u"--port"_s, u"0"_s});
    if (!sandbox.waitForStarted() || !sandbox.waitForReadyRead(30000)) {
        out << "bench_batch: the sandbox did not start\n";
        return 1;
    }
    const QJsonObject info = QJsonDocument::fromJson(sandbox.readLine()).object();

    ConnectionSettings settings;
    settings.merchant.mchid = info.value(u"mchid"_s).toString();
    settings.merchant.privateKeyFile = info.value(u"merchant_private_key"_s).toString();
    settings.merchant.certificateFile = info.value(u"merchant_certificate"_s).toString();
    settings.wechatpay.publicKeyId = info.value(u"wechatpay_public_key_id"_s).toString();
    settings.wechatpay.publicKeyFile = info.value(u"wechatpay_public_key"_s).toString();
    settings.client.primaryUrl = QUrl(info.value(u"url"_s).toString());
    settings.client.backupUrl = QUrl();
    QObject owner;
    auto client = createApiClient(settings, &owner);
    if (!client) {
        out << "bench_batch: cannot build the client\n";
        return 1;
    }
    LookupService service(*client);

    const QJsonObject sample = info.value(u"samples"_s).toObject().value(u"order"_s).toObject();
    QList<BatchRow> rows;
    for (int i = 0; i < count; ++i) {
        BatchRow row;
        row.rowNumber = i + 2;
        row.query =
            OrderQuery{sample.value(u"sub_mchid"_s).toString(), sample.value(u"transaction_id"_s).toString(),
                       sample.value(u"out_order_no"_s).toString()};
        rows.append(row);
    }

    BatchRunner runner(&service);
    BatchRunner::Options options;
    options.qps = 0;
    options.concurrency = parser.value(concurrencyOption).toInt();
    runner.setOptions(options);
    runner.setRows(rows);

    // The longest gap between two runs of a 5 ms timer: how long the event loop was busy.
    QElapsedTimer gapClock;
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 now = gapClock.elapsed();
        longestGap = std::max(longestGap, now - lastTick);
        lastTick = now;
    });

    QEventLoop loop;
    QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    const std::clock_t cpuStart = std::clock();
    QElapsedTimer wall;
    wall.start();
    gapClock.start();
    ticker.start();
    runner.start();
    loop.exec();
    ticker.stop();
    const qint64 ms = std::max<qint64>(1, wall.elapsed());
    const double cpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;

    const BatchRunner::Counts c = runner.counts();
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    out << "look-ups: " << count << ", succeeded " << c.succeeded << ", failed " << c.failed << '\n';
    out << "wall: " << ms << " ms, " << qRound(count * 1000.0 / double(ms)) << " look-ups/s (concurrency "
        << options.concurrency << ", rate limit off)\n";
    out << "client CPU: " << qRound(cpuMs) << " ms, " << QString::number(cpuMs / count, 'f', 3)
        << " ms per look-up\n";
    out << "longest event-loop gap: " << longestGap << " ms\n";
    return c.succeeded == count ? 0 : 1;
}
