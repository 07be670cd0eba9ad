// BatchRunner against the in-process sandbox: bounded concurrency, the token bucket (stepped with a
// fake clock), requeue with backoff on 429 and SYSTEM_ERROR (asserted on the sandbox's request log,
// not on time), pause / resume / cancel, re-running failed rows, PROCESSING rows.

#include "batch/batchrunner.h"
#include "orderrow.h"
#include "sandboxservice.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::testing::orderRow;
using Status = BatchRunner::RowStatus;

class TestBatchRunner final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void run_boundedConcurrency_allAnswered();
    void run_invalidRows_neverSent();
    void rateLimit_fakeClock_startsOneLookupPerToken();
    void tooManyRequests_requeuedWithBackoff_thenSucceeds();
    void tooManyRequests_holdsOffTheWholeBatch();
    void systemError_requeuedThenSucceeds();
    void backoff_givesUpAfterMaxRequeues();
    void hugeRetryAfter_rowFailsWithItsAnswer_batchFinishes();
    void pause_stopsDispatching_resumeFinishes();
    void cancel_stopsEverything_rerunFailedRunsThemAgain();
    void rerunFailed_onlyFailedRows();
    void processing_isItsOwnStatus();
    void eta_knownAfterFirstAnswer();

private:
    BatchRunner::Options fastOptions() const;
    std::unique_ptr<testing::SandboxService> m_sandbox;
};

void TestBatchRunner::init()
{
    m_sandbox = std::make_unique<testing::SandboxService>();
    QVERIFY(m_sandbox->start());
}

void TestBatchRunner::cleanup()
{
    m_sandbox.reset();
}

BatchRunner::Options TestBatchRunner::fastOptions() const
{
    BatchRunner::Options options;
    options.qps = 0;
    options.retry.initialBackoffMs = 10;
    options.retry.maxBackoffMs = 20;
    options.retry.honourRetryAfter = false;
    return options;
}

void TestBatchRunner::run_boundedConcurrency_allAnswered()
{
    BatchRunner runner(m_sandbox->service());
    BatchRunner::Options options = fastOptions();
    options.concurrency = 3;
    runner.setOptions(options);
    QList<BatchRow> rows;
    for (int i = 0; i < 9; ++i)
        rows.append(orderRow(i + 2, u"SCN-SLOW-150-c%1"_s.arg(i)));
    runner.setRows(rows);

    int running = 0;
    int maxRunning = 0;
    connect(&runner, &BatchRunner::rowStatusChanged, this, [&](int, Status status) {
        running = runner.counts().running;
        maxRunning = std::max(maxRunning, running);
        Q_UNUSED(status);
    });
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QSignalSpy rowFinished(&runner, &BatchRunner::rowFinished);
    runner.start();
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(maxRunning, 3);
    QCOMPARE(rowFinished.size(), 9);
    QCOMPARE(runner.counts().succeeded, 9);
    QCOMPARE(runner.counts().answered(), 9);
    QCOMPARE(m_sandbox->log().size(), 9);
    QCOMPARE(runner.results().size(), 9);
    QVERIFY(!runner.isRunning());
    QCOMPARE(runner.etaMs(), 0);
}

void TestBatchRunner::run_invalidRows_neverSent()
{
    BatchRunner runner(m_sandbox->service());
    runner.setOptions(fastOptions());
    BatchRow bad = orderRow(2, u"P 1"_s);
    bad.errors = bad.query.validate();
    BatchRow duplicate = orderRow(4, u"SCN-PROCESSING-0-P1"_s);
    duplicate.duplicateOf = 3;
    runner.setRows({bad, orderRow(3, u"SCN-PROCESSING-0-P1"_s), duplicate});
    QCOMPARE(runner.status(0), Status::Invalid);
    QCOMPARE(runner.status(2), Status::Invalid);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_sandbox->log().size(), 1);
    QCOMPARE(runner.counts().total, 1);
    QCOMPARE(runner.counts().invalid, 2);
    QVERIFY(!runner.hasResult(0));
}

void TestBatchRunner::rateLimit_fakeClock_startsOneLookupPerToken()
{
    qint64 fakeNow = 0;
    BatchRunner runner(m_sandbox->service());
    runner.setClock([&fakeNow] { return fakeNow; });
    BatchRunner::Options options = fastOptions();
    options.qps = 2; // a token every 500 ms of the fake clock
    options.concurrency = 4;
    runner.setOptions(options);
    runner.setRows({orderRow(2, u"SCN-PROCESSING-0-P1"_s), orderRow(3, u"SCN-PROCESSING-0-P2"_s),
                    orderRow(4, u"SCN-PROCESSING-0-P3"_s)});
    QSignalSpy rowFinished(&runner, &BatchRunner::rowFinished);
    runner.start();
    QVERIFY(rowFinished.wait(10000));
    // The clock has not moved: one token, one look-up, however long we wait.
    QCOMPARE(m_sandbox->log().size(), 1);
    QCOMPARE(runner.counts().pending, 2);

    fakeNow += 499;
    QTest::qWait(50);
    QCOMPARE(m_sandbox->log().size(), 1);
    fakeNow += 1;
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->log().size(), 2, 10000);
    QCOMPARE(runner.counts().pending, 1);
    fakeNow += 500;
    QTRY_COMPARE_WITH_TIMEOUT(runner.counts().succeeded, 3, 10000);
    QCOMPARE(m_sandbox->log().size(), 3);
}

void TestBatchRunner::tooManyRequests_requeuedWithBackoff_thenSucceeds()
{
    BatchRunner runner(m_sandbox->service());
    runner.setOptions(fastOptions());
    runner.setRows({orderRow(2, u"SCN-429-2-a"_s), orderRow(3, u"SCN-PROCESSING-0-P1"_s)});
    QSignalSpy backingOff(&runner, &BatchRunner::backingOff);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_sandbox->statusesFor(u"SCN-429-2-a"_s), QList<int>({429, 429, 200}));
    QCOMPARE(runner.status(0), Status::Succeeded);
    QCOMPARE(runner.attempts(0), 3);
    QCOMPARE(backingOff.size(), 2);
    // The policy's backoff: 10 ms then 20 ms, each with up to 50 % jitter.
    QVERIFY(backingOff.at(0).at(1).toInt() >= 10 && backingOff.at(0).at(1).toInt() <= 15);
    QVERIFY(backingOff.at(1).at(1).toInt() >= 20 && backingOff.at(1).at(1).toInt() <= 30);
    QCOMPARE(runner.result(0).response.httpStatus, 200);
}

void TestBatchRunner::tooManyRequests_holdsOffTheWholeBatch()
{
    // One at a time: after A's 429 the batch waits (the sandbox's Retry-After: 1 is honoured), and A,
    // first in line again, goes before B.
    BatchRunner runner(m_sandbox->service());
    BatchRunner::Options options = fastOptions();
    options.concurrency = 1;
    options.retry.honourRetryAfter = true;
    runner.setOptions(options);
    runner.setRows({orderRow(2, u"SCN-429-1-hold"_s), orderRow(3, u"P20251120101530001"_s)});
    QSignalSpy backingOff(&runner, &BatchRunner::backingOff);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(15000));
    QCOMPARE(m_sandbox->order({u"SCN-429-1-hold"_s, u"P20251120101530001"_s}),
             QStringList({u"SCN-429-1-hold"_s, u"SCN-429-1-hold"_s, u"P20251120101530001"_s}));
    QCOMPARE(backingOff.size(), 1);
    QCOMPARE(backingOff.at(0).at(1).toInt(), 1000); // Retry-After: 1 beat the 10 ms schedule
    QCOMPARE(runner.counts().succeeded, 2);
}

void TestBatchRunner::systemError_requeuedThenSucceeds()
{
    BatchRunner runner(m_sandbox->service());
    runner.setOptions(fastOptions());
    runner.setRows({orderRow(2, u"SCN-500-1-s"_s)});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_sandbox->statusesFor(u"SCN-500-1-s"_s), QList<int>({500, 200}));
    QCOMPARE(runner.status(0), Status::Succeeded);
}

// Issue 15.2: Retry-After: 99999999 is clamped and longer than the row's budget, so the 429 is the
// row's answer at once (it used to overflow an int and park the row for ever).
void TestBatchRunner::hugeRetryAfter_rowFailsWithItsAnswer_batchFinishes()
{
    BatchRunner runner(m_sandbox->service());
    BatchRunner::Options options = fastOptions();
    options.retry.honourRetryAfter = true;
    runner.setOptions(options);
    runner.setRows({orderRow(2, u"SCN-RETRY_AFTER-99999999"_s), orderRow(3, u"P20251120101530001"_s)});
    QSignalSpy backingOff(&runner, &BatchRunner::backingOff);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_sandbox->statusesFor(u"SCN-RETRY_AFTER-99999999"_s), QList<int>({429}));
    QCOMPARE(backingOff.size(), 0);
    QCOMPARE(runner.status(0), Status::Failed);
    QVERIFY(runner.hasResult(0));
    QCOMPARE(runner.result(0).response.httpStatus, 429);
    QCOMPARE(runner.status(1), Status::Succeeded);
    QCOMPARE(runner.results().size(), 2);
}

void TestBatchRunner::backoff_givesUpAfterMaxRequeues()
{
    BatchRunner runner(m_sandbox->service());
    BatchRunner::Options options = fastOptions();
    options.retry.maxRetries = 2;
    runner.setOptions(options);
    runner.setRows({orderRow(2, u"SCN-429-9-g"_s)});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_sandbox->statusesFor(u"SCN-429-9-g"_s), QList<int>({429, 429, 429}));
    QCOMPARE(runner.status(0), Status::Failed);
    QCOMPARE(runner.result(0).kind, LookupResult::Kind::ApiError);
    QCOMPARE(runner.result(0).response.errorCode, u"FREQUENCY_LIMITED"_s);
    QCOMPARE(runner.counts().failed, 1);
}

void TestBatchRunner::pause_stopsDispatching_resumeFinishes()
{
    BatchRunner runner(m_sandbox->service());
    BatchRunner::Options options = fastOptions();
    options.concurrency = 1;
    runner.setOptions(options);
    QList<BatchRow> rows;
    for (int i = 0; i < 4; ++i)
        rows.append(orderRow(i + 2, u"SCN-PROCESSING-0-p%1"_s.arg(i)));
    runner.setRows(rows);
    // Pause as the first answer arrives: the next row must not be sent.
    connect(
        &runner, &BatchRunner::rowFinished, this, [&runner] { runner.pause(); }, Qt::SingleShotConnection);
    QSignalSpy rowFinished(&runner, &BatchRunner::rowFinished);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(rowFinished.wait(10000));
    QVERIFY(runner.isPaused());
    QTest::qWait(100); // give a wrongly dispatched look-up the chance to show up
    QCOMPARE(m_sandbox->log().size(), 1);
    QCOMPARE(runner.counts().pending, 3);
    QCOMPARE(finished.size(), 0);

    runner.resume();
    QVERIFY(finished.wait(10000));
    QCOMPARE(runner.counts().succeeded, 4);
    QCOMPARE(m_sandbox->log().size(), 4);
}

void TestBatchRunner::cancel_stopsEverything_rerunFailedRunsThemAgain()
{
    BatchRunner runner(m_sandbox->service());
    BatchRunner::Options options = fastOptions();
    options.concurrency = 2;
    runner.setOptions(options);
    QList<BatchRow> rows;
    for (int i = 0; i < 5; ++i)
        rows.append(orderRow(i + 2, u"SCN-SLOW-300-x%1"_s.arg(i)));
    runner.setRows(rows);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QCOMPARE(runner.counts().running, 2);
    runner.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(runner.counts().cancelled, 5);
    QVERIFY(!runner.isRunning());
    for (int i = 0; i < 5; ++i)
        QVERIFY(!runner.hasResult(i));

    QCOMPARE(runner.rerunFailed(), 5);
    QVERIFY(finished.wait(20000));
    QCOMPARE(runner.counts().succeeded, 5);
}

void TestBatchRunner::rerunFailed_onlyFailedRows()
{
    BatchRunner runner(m_sandbox->service());
    runner.setOptions(fastOptions());
    runner.setRows({orderRow(2, u"SCN-403-r"_s), orderRow(3, u"SCN-PROCESSING-0-P1"_s)});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(runner.status(0), Status::Failed);
    QCOMPARE(runner.result(0).response.httpStatus, 403);
    QCOMPARE(runner.status(1), Status::Succeeded);
    QCOMPARE(runner.rerunFailed(), 1);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_sandbox->statusesFor(u"SCN-403-r"_s), QList<int>({403, 403}));
    QCOMPARE(m_sandbox->log().size(), 3); // row 3 was not sent again
    QCOMPARE(runner.attempts(0), 2);
    QCOMPARE(runner.attempts(1), 1);
}

void TestBatchRunner::processing_isItsOwnStatus()
{
    BatchRunner runner(m_sandbox->service());
    runner.setOptions(fastOptions());
    runner.setRows({orderRow(2, u"SCN-PROCESSING-3-p"_s)});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(runner.status(0), Status::Processing);
    QCOMPARE(runner.counts().processing, 1);
    QCOMPARE(runner.rowsWithStatus(Status::Processing), QList<int>{0});
    QCOMPARE(runner.result(0).order()->state, u"PROCESSING"_s);
}

void TestBatchRunner::eta_knownAfterFirstAnswer()
{
    qint64 fakeNow = 0;
    BatchRunner runner(m_sandbox->service());
    runner.setClock([&fakeNow] { return fakeNow; });
    BatchRunner::Options options = fastOptions();
    options.concurrency = 1;
    runner.setOptions(options);
    runner.setRows({orderRow(2, u"SCN-PROCESSING-0-P1"_s), orderRow(3, u"SCN-PROCESSING-0-P2"_s),
                    orderRow(4, u"SCN-PROCESSING-0-P3"_s)});
    connect(&runner, &BatchRunner::rowStatusChanged, this, [&runner](int, Status status) {
        if (status == Status::Succeeded)
            runner.pause();
    });
    QSignalSpy rowFinished(&runner, &BatchRunner::rowFinished);
    runner.start();
    QCOMPARE(runner.etaMs(), -1);
    fakeNow = 200; // the first answer took 200 ms of active time
    QVERIFY(rowFinished.wait(10000));
    QCOMPARE(runner.etaMs(), 400); // two rows left at 200 ms each
    fakeNow = 10000;               // paused time does not count
    QCOMPARE(runner.etaMs(), 400);
}

QTEST_GUILESS_MAIN(TestBatchRunner)
#include "tst_batchrunner.moc"
