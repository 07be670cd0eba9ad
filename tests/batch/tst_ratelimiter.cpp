// RateLimiter: a token bucket stepped with a fake clock.

#include "batch/ratelimiter.h"

#include <QTest>

using namespace fenzhang;

class TestRateLimiter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tenPerSecond_oneTokenEvery100ms();
    void off_alwaysAllows();
    void holdOff_blocksEvenWhenOff();
    void idle_doesNotSaveUpMoreThanTheBurst();
};

void TestRateLimiter::tenPerSecond_oneTokenEvery100ms()
{
    qint64 now = 1000;
    RateLimiter limiter(10, 1, [&now] { return now; });
    QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.msUntilNext(), 100);
    now += 60;
    QCOMPARE(limiter.msUntilNext(), 40);
    QVERIFY(!limiter.tryAcquire());
    now += 40;
    QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
}

void TestRateLimiter::off_alwaysAllows()
{
    qint64 now = 0;
    RateLimiter limiter(0, 1, [&now] { return now; });
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.tryAcquire());
    QCOMPARE(limiter.msUntilNext(), 0);
}

void TestRateLimiter::holdOff_blocksEvenWhenOff()
{
    qint64 now = 0;
    RateLimiter limiter(0, 1, [&now] { return now; });
    limiter.holdOff(1000);
    QCOMPARE(limiter.msUntilNext(), 1000);
    QVERIFY(!limiter.tryAcquire());
    now = 999;
    QVERIFY(!limiter.tryAcquire());
    now = 1000;
    QVERIFY(limiter.tryAcquire());
}

void TestRateLimiter::idle_doesNotSaveUpMoreThanTheBurst()
{
    qint64 now = 0;
    RateLimiter limiter(10, 2, [&now] { return now; });
    now = 60000;
    QVERIFY(limiter.tryAcquire());
    QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
