// Watcher against the in-process sandbox: a PROCESSING order re-queried on the schedule until it is
// FINISHED (the sandbox's SCN-PROCESSING-N), every check in the history, definite errors end the
// watch, unwatch stops it. The scheduler is replaced so the test records the delays instead of
// waiting them.

#include "batch/watcher.h"
#include "history/historystore.h"
#include "orderrow.h"
#include "sandboxservice.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::testing::orderRow;

class TestWatcher final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void schedule_defaultsThenDoublingToTheCap();
    void processingOrder_watchedUntilFinished_historyUpdated();
    void definiteError_givesUp();
    void otherOrdersAnswer_givesUp_historyKeepsNoResult();
    void transientError_keepsWatching();
    void maxChecks_givesUp();
    void unwatch_stopsBeforeTheNextCheck();

private:
    void instantScheduler(Watcher &watcher);
    std::unique_ptr<testing::SandboxService> m_sandbox;
    QList<int> m_delays;
    QList<std::function<void()>> m_parked; // callbacks held back by unwatch_stopsBeforeTheNextCheck
    bool m_park = false;
};

void TestWatcher::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWatcher::init()
{
    m_sandbox = std::make_unique<testing::SandboxService>();
    QVERIFY(m_sandbox->start());
    m_delays.clear();
    m_parked.clear();
    m_park = false;
}

void TestWatcher::cleanup()
{
    m_sandbox.reset();
}

void TestWatcher::instantScheduler(Watcher &watcher)
{
    watcher.setScheduler([this](int delayMs, QObject *context, std::function<void()> callback) {
        m_delays.append(delayMs);
        if (m_park)
            m_parked.append(std::move(callback));
        else
            QTimer::singleShot(0, context, std::move(callback));
    });
}

void TestWatcher::schedule_defaultsThenDoublingToTheCap()
{
    const Watcher::Schedule schedule;
    QList<int> delays;
    for (int i = 0; i < 8; ++i)
        delays.append(schedule.delayFor(i));
    QCOMPARE(delays, QList<int>({10'000, 30'000, 60'000, 300'000, 600'000, 1'200'000, 1'800'000, 1'800'000}));
    Watcher::Schedule custom;
    custom.delaysMs = {5, 7};
    custom.maxDelayMs = 20;
    QCOMPARE(custom.delayFor(0), 5);
    QCOMPARE(custom.delayFor(2), 14);
    QCOMPARE(custom.delayFor(3), 20);
}

void TestWatcher::processingOrder_watchedUntilFinished_historyUpdated()
{
    QTemporaryDir dir;
    HistoryStore history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite3"_s)));

    Watcher watcher(m_sandbox->service());
    instantScheduler(watcher);
    watcher.setHistory(&history, u"Shop A"_s);
    QSignalSpy checked(&watcher, &Watcher::checked);
    QSignalSpy final(&watcher, &Watcher::becameFinal);
    // PROCESSING for three calls, FINISHED on the fourth.
    const int id = watcher.watch(orderRow(2, u"SCN-PROCESSING-3-w"_s).query);
    QVERIFY(id > 0);
    QVERIFY(watcher.isWatching(id));
    QVERIFY(final.wait(20000));

    QCOMPARE(m_sandbox->log().size(), 4);
    QCOMPARE(m_delays, QList<int>({10'000, 30'000, 60'000, 300'000}));
    QCOMPARE(checked.size(), 4);
    QCOMPARE(checked.at(0).at(2).toInt(), 30'000);
    QCOMPARE(checked.at(3).at(2).toInt(), -1);
    QCOMPARE(final.size(), 1);
    QCOMPARE(final.at(0).at(0).toInt(), id);
    const auto result = final.at(0).at(1).value<LookupResult>();
    QCOMPARE(result.order()->state, u"FINISHED"_s);
    QVERIFY(!watcher.isWatching(id));

    HistoryFilter filter;
    filter.number = u"SCN-PROCESSING-3-w"_s;
    auto entries = history.search(filter);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 4);
    QCOMPARE(entries->constFirst().state, u"FINISHED"_s); // newest first
    QCOMPARE(entries->constLast().state, u"PROCESSING"_s);
    QCOMPARE(entries->constFirst().source, u"watch"_s);
    QCOMPARE(entries->constFirst().profile, u"Shop A"_s);
}

void TestWatcher::definiteError_givesUp()
{
    Watcher watcher(m_sandbox->service());
    instantScheduler(watcher);
    QSignalSpy gaveUp(&watcher, &Watcher::gaveUp);
    QSignalSpy final(&watcher, &Watcher::becameFinal);
    watcher.watch(orderRow(2, u"SCN-404-w"_s).query);
    QVERIFY(gaveUp.wait(20000));
    QCOMPARE(final.size(), 0);
    QCOMPARE(m_sandbox->log().size(), 1);
    QCOMPARE(gaveUp.at(0).at(1).value<LookupResult>().response.httpStatus, 404);
    QVERIFY(watcher.watchIds().isEmpty());
}

// Issue 15.1: a watched order answered with another order's signed body is not "final": the watch
// gives up, and the history entry it writes holds no state, total or body of that other order.
void TestWatcher::otherOrdersAnswer_givesUp_historyKeepsNoResult()
{
    QTemporaryDir dir;
    HistoryStore history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite3"_s)));
    Watcher watcher(m_sandbox->service());
    instantScheduler(watcher);
    watcher.setHistory(&history, u"Shop A"_s);
    QSignalSpy gaveUp(&watcher, &Watcher::gaveUp);
    QSignalSpy final(&watcher, &Watcher::becameFinal);
    watcher.watch(orderRow(2, u"SCN-OTHER-w"_s).query);
    QVERIFY(gaveUp.wait(20000));
    QCOMPARE(final.size(), 0);
    QCOMPARE(gaveUp.at(0).at(1).value<LookupResult>().kind, LookupResult::Kind::NotTheAnswer);

    HistoryFilter filter;
    filter.number = u"SCN-OTHER-w"_s;
    auto entries = history.search(filter);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->constFirst().resultKind, u"not_the_answer"_s);
    QVERIFY(entries->constFirst().state.isEmpty());
    QCOMPARE(entries->constFirst().totalFen, qint64(0));
    QVERIFY(entries->constFirst().body.isEmpty());
}

void TestWatcher::transientError_keepsWatching()
{
    Watcher watcher(m_sandbox->service());
    instantScheduler(watcher);
    QSignalSpy final(&watcher, &Watcher::becameFinal);
    watcher.watch(orderRow(2, u"SCN-500-2-w"_s).query); // 500, 500, then FINISHED
    QVERIFY(final.wait(20000));
    QCOMPARE(m_sandbox->statusesFor(u"SCN-500-2-w"_s), QList<int>({500, 500, 200}));
}

void TestWatcher::maxChecks_givesUp()
{
    Watcher watcher(m_sandbox->service());
    instantScheduler(watcher);
    Watcher::Schedule schedule;
    schedule.maxChecks = 2;
    watcher.setSchedule(schedule);
    QSignalSpy gaveUp(&watcher, &Watcher::gaveUp);
    watcher.watch(orderRow(2, u"SCN-PROCESSING-9-m"_s).query);
    QVERIFY(gaveUp.wait(20000));
    QCOMPARE(m_sandbox->log().size(), 2);
    QCOMPARE(gaveUp.at(0).at(1).value<LookupResult>().order()->state, u"PROCESSING"_s);
}

void TestWatcher::unwatch_stopsBeforeTheNextCheck()
{
    Watcher watcher(m_sandbox->service());
    instantScheduler(watcher);
    m_park = true;
    const int id = watcher.watch(orderRow(2, u"SCN-PROCESSING-3-u"_s).query);
    QCOMPARE(m_parked.size(), 1);
    watcher.unwatch(id);
    QVERIFY(!watcher.isWatching(id));
    m_parked.takeFirst()(); // the timer fires after all
    QTest::qWait(100);      // a wrongly sent look-up would show in the log by now
    QCOMPARE(m_sandbox->log().size(), 0);
}

QTEST_GUILESS_MAIN(TestWatcher)
#include "tst_watcher.moc"
