// bench_lookups: N order look-ups through LookupService with J in flight, rate limit off (no
// BatchRunner: the client alone), against fenzhang-sandbox in another process so that this
// process's CPU time is the client's alone. Reports wall time, look-ups per second and client CPU
// per look-up; a warm-up of J look-ups comes first and is not counted (the peer does the same).
//
// bench_lookups [--smoke] [--count N] [--jobs J] [--runs R] [--info FILE | [--tls] --sandbox PATH]
//   --info FILE: a sandbox's JSON line (bench/run starts one sandbox for us and the peer)

#include "api/lookupservice.h"
#include "benchsupport.h"

#include <cstdio>
#include <functional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

struct Outcome {
    int ok = 0;
    int failed = 0;
    QString firstFailure;
};

// Runs `count` look-ups of `query`, keeping `jobs` of them in flight.
Outcome runLookups(LookupService *service, const OrderQuery &query, int count, int jobs)
{
    Outcome outcome;
    int started = 0;
    int done = 0;
    QEventLoop loop;
    std::function<void()> startOne = [&] {
        ++started;
        LookupJob *job = service->lookUp(query);
        QObject::connect(job, &LookupJob::finished, &loop, [&](const LookupResult &result) {
            ++done;
            if (result.kind == LookupResult::Kind::Ok) {
                ++outcome.ok;
            } else {
                ++outcome.failed;
                if (outcome.firstFailure.isEmpty())
                    outcome.firstFailure = result.response.networkError + result.response.errorCode +
                                           result.parseError + result.response.verification.detail;
            }
            if (started < count)
                startOne();
            else if (done == count)
                loop.quit();
        });
    };
    for (int i = 0; i < std::min(jobs, count); ++i)
        startOne();
    loop.exec();
    return outcome;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption smokeOption(u"smoke"_s, u"20 look-ups; checks that it runs."_s);
    const QCommandLineOption countOption(u"count"_s, u"Look-ups per run (default 1000)."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption jobsOption(u"jobs"_s, u"Look-ups in flight (default 32)."_s, u"J"_s, u"32"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs (default 1)."_s, u"R"_s, u"1"_s);
    const QCommandLineOption infoOption(u"info"_s, u"The JSON line of a running sandbox."_s, u"FILE"_s);
    const QCommandLineOption tlsOption(u"tls"_s, u"Start the sandbox with --tls (HTTPS)."_s);
    const QCommandLineOption sandboxOption(u"sandbox"_s, u"fenzhang-sandbox executable."_s, u"PATH"_s,
                                           QStringLiteral(FENZHANG_SANDBOX_EXECUTABLE));
    parser.addOptions({smokeOption, countOption, jobsOption, runsOption, infoOption, tlsOption, sandboxOption});
    parser.process(app);
    const bool smoke = parser.isSet(smokeOption);
    const int count = smoke ? 20 : std::max(1, parser.value(countOption).toInt());
    const int jobs = smoke ? 4 : std::max(1, parser.value(jobsOption).toInt());
    const int runs = smoke ? 1 : std::max(1, parser.value(runsOption).toInt());

    QProcess sandbox;
    const QJsonObject info = parser.isSet(infoOption)
                                 ? BenchSupport::readSandboxInfo(parser.value(infoOption))
                                 : BenchSupport::startSandbox(&sandbox, parser.value(sandboxOption),
                                                              parser.isSet(tlsOption));
    if (info.isEmpty()) {
        std::fprintf(stderr, "bench_lookups: no sandbox\n");
        return 1;
    }
    QObject owner;
    auto client = createApiClient(BenchSupport::settingsFromSandbox(info), &owner);
    if (!client) {
        std::fprintf(stderr, "bench_lookups: cannot build the client\n");
        return 1;
    }
    LookupService service(*client);
    const QJsonObject sample = info.value(u"samples"_s).toObject().value(u"order"_s).toObject();
    const OrderQuery query{sample.value(u"sub_mchid"_s).toString(), sample.value(u"transaction_id"_s).toString(),
                           sample.value(u"out_order_no"_s).toString()};

    runLookups(&service, query, jobs, jobs); // warm-up: connections open, code paged in
    int exitCode = 0;
    for (int run = 0; run < runs; ++run) {
        const double cpuBefore = BenchSupport::processCpuMs();
        QElapsedTimer wall;
        wall.start();
        const Outcome outcome = runLookups(&service, query, count, jobs);
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        const double cpuMs = BenchSupport::processCpuMs() - cpuBefore;
        if (outcome.failed > 0) {
            std::fprintf(stderr, "bench_lookups: %d of %d failed, first: %s\n", outcome.failed, count,
                         qPrintable(outcome.firstFailure));
            exitCode = 1;
        }
        BenchSupport::report(u"lookups_wall_ms"_s, wallMs, u"ms"_s);
        BenchSupport::report(u"lookups_per_s"_s, count * 1000.0 / wallMs, u"/s"_s);
        BenchSupport::report(u"lookups_cpu_ms_per_lookup"_s, cpuMs / count, u"ms"_s);
    }
    if (sandbox.state() != QProcess::NotRunning) {
        sandbox.terminate();
        sandbox.waitForFinished(5000);
    }
    return exitCode;
}
