#include "processingbar.h"
#include "refreshscheduler.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace fenzhang;

class TestRefreshScheduler final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults_backOffThenCapAtFiveMinutes();
    void reset_startsOver();
    void due_firesAfterDelay();
    void processingBar_manualRefresh();
    void processingBar_autoRefreshOnlyWhenOptedIn();
    void processingBar_finalStopsAndHides();
};

void TestRefreshScheduler::defaults_backOffThenCapAtFiveMinutes()
{
    RefreshScheduler s;
    QList<int> seen;
    for (int i = 0; i < 6; ++i) {
        seen << s.nextDelaySeconds();
        s.scheduleNext();
        QVERIFY(s.isPending());
    }
    QCOMPARE(seen, (QList<int>{10, 30, 60, 300, 300, 300}));
    s.stop();
    QVERIFY(!s.isPending());
    QCOMPARE(s.secondsRemaining(), 0);
}

void TestRefreshScheduler::reset_startsOver()
{
    RefreshScheduler s;
    s.scheduleNext();
    s.scheduleNext();
    QCOMPARE(s.nextDelaySeconds(), 60);
    s.reset();
    QVERIFY(!s.isPending());
    QCOMPARE(s.nextDelaySeconds(), 10);
}

void TestRefreshScheduler::due_firesAfterDelay()
{
    RefreshScheduler s;
    s.setDelays({0});
    QSignalSpy due(&s, &RefreshScheduler::due);
    s.scheduleNext();
    QTRY_COMPARE(due.size(), 1);
    QVERIFY(!s.isPending());
}

void TestRefreshScheduler::processingBar_manualRefresh()
{
    ProcessingBar bar;
    QSignalSpy refresh(&bar, &ProcessingBar::refreshRequested);
    bar.setFinal(false);
    QVERIFY(!bar.isHidden());
    QVERIFY(!bar.scheduler()->isPending()); // auto-refresh is opt-in
    QTest::mouseClick(bar.refreshButton(), Qt::LeftButton);
    QCOMPARE(refresh.size(), 1);
}

void TestRefreshScheduler::processingBar_autoRefreshOnlyWhenOptedIn()
{
    ProcessingBar bar;
    bar.scheduler()->setDelays({0});
    QSignalSpy refresh(&bar, &ProcessingBar::refreshRequested);
    QSignalSpy toggled(&bar, &ProcessingBar::autoRefreshToggled);
    bar.setFinal(false);
    bar.setAutoRefresh(true);
    QCOMPARE(toggled.size(), 1);
    QTRY_COMPARE(refresh.size(), 1);
    // Still PROCESSING after the refresh: the next one is scheduled.
    bar.setFinal(false);
    QVERIFY(bar.scheduler()->isPending());
    QTRY_COMPARE(refresh.size(), 2);
    bar.setAutoRefresh(false);
    bar.setFinal(false);
    QVERIFY(!bar.scheduler()->isPending());
}

void TestRefreshScheduler::processingBar_finalStopsAndHides()
{
    ProcessingBar bar;
    bar.setAutoRefresh(true);
    bar.setFinal(false);
    QVERIFY(bar.scheduler()->isPending());
    bar.setFinal(true);
    QVERIFY(bar.isHidden());
    QVERIFY(!bar.scheduler()->isPending());
    QCOMPARE(bar.scheduler()->step(), 0);
}

QTEST_MAIN(TestRefreshScheduler)
#include "tst_refreshscheduler.moc"
