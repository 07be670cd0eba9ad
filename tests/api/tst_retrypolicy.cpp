// RetryPolicy and RetryBudget, the one retry rule of ApiJob and BatchRunner (issue 15.2): which
// answers retry, Retry-After read with saturating arithmetic and clamped, the backoff's growth
// and jitter bounds, and the budget that ends every retrying.

#include "api/retrypolicy.h"

#include <QTest>

using namespace fenzhang;
using Reason = RetryPolicy::Reason;

class TestRetryPolicy final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("reason");
        QTest::newRow("429") << 429 << QString() << int(Reason::RateLimited);
        QTest::newRow("429 code") << 429 << QStringLiteral("FREQUENCY_LIMITED") << int(Reason::RateLimited);
        QTest::newRow("code on 403") << 403 << QStringLiteral("FREQUENCY_LIMITED") << int(Reason::RateLimited);
        QTest::newRow("500 system") << 500 << QStringLiteral("SYSTEM_ERROR") << int(Reason::ServerError);
        QTest::newRow("502 no code") << 502 << QString() << int(Reason::ServerError);
        QTest::newRow("500 other code") << 500 << QStringLiteral("PARAM_ERROR") << int(Reason::None);
        QTest::newRow("404") << 404 << QStringLiteral("RESOURCE_NOT_EXISTS") << int(Reason::None);
        QTest::newRow("401") << 401 << QStringLiteral("SIGN_ERROR") << int(Reason::None);
        QTest::newRow("200") << 200 << QString() << int(Reason::None);
    }
    void classify()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, reason);
        QCOMPARE(int(RetryPolicy::classify(status, code)), reason);
    }

    void retryAfter_saturatesAndClamps_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("absent") << QByteArray() << qint64(-1);
        QTest::newRow("one") << QByteArray("1") << qint64(1000);
        QTest::newRow("spaces") << QByteArray(" 2 ") << qint64(2000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("at cap") << QByteArray("600") << RetryPolicy::MaxRetryAfterMs;
        QTest::newRow("99999999") << QByteArray("99999999") << RetryPolicy::MaxRetryAfterMs;
        // Far past qint64 in seconds and in milliseconds: saturates, never wraps negative.
        QTest::newRow("9223372036854775807") << QByteArray("9223372036854775807") << RetryPolicy::MaxRetryAfterMs;
        QTest::newRow("40 digits") << QByteArray(40, '9') << RetryPolicy::MaxRetryAfterMs;
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("http date") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << qint64(-1);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    }
    void retryAfter_saturatesAndClamps()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, ms);
        QCOMPARE(RetryPolicy::retryAfterMs(header), ms);
    }

    void backoff_growsWithJitterAndCap()
    {
        RetryPolicy policy;
        policy.maxRetries = 10;
        policy.initialBackoffMs = 100;
        policy.maxBackoffMs = 800;
        policy.budgetMs = 1000000;
        for (int round = 0; round < 50; ++round) {
            const qint64 expected[] = {100, 200, 400, 800, 800, 800};
            for (int retry = 0; retry < 6; ++retry) {
                const std::optional<qint64> delay = policy.nextDelay(Reason::ServerError, retry, 0, -1);
                QVERIFY(delay);
                QVERIFY2(*delay >= expected[retry] && *delay <= expected[retry] * 3 / 2,
                         qPrintable(QString::number(*delay)));
            }
        }
    }

    void retryAfter_longerThanBackoffWins_beyondBudgetGivesUp()
    {
        RetryPolicy policy;
        policy.initialBackoffMs = 10;
        policy.budgetMs = 5000;
        QCOMPARE(policy.nextDelay(Reason::RateLimited, 0, 0, 2000), std::optional<qint64>(2000));
        // 2 s already waited: 4 s more does not fit the 5 s budget, so the answer stands now.
        QCOMPARE(policy.nextDelay(Reason::RateLimited, 1, 2000, 4000), std::nullopt);
        // The server's three years are clamped, and still more than the budget: no wait at all.
        QCOMPARE(policy.nextDelay(Reason::RateLimited, 0, 0, RetryPolicy::retryAfterMs("99999999")),
                 std::nullopt);
        policy.honourRetryAfter = false;
        const std::optional<qint64> ignored = policy.nextDelay(Reason::RateLimited, 0, 0, 4000);
        QVERIFY(ignored && *ignored <= 15);
    }

    void budget_countsRetriesAndWaiting()
    {
        RetryPolicy policy;
        policy.maxRetries = 2;
        policy.initialBackoffMs = 100;
        policy.budgetMs = 10000;
        RetryBudget budget(policy);
        QVERIFY(!budget.next(404, u"RESOURCE_NOT_EXISTS", {})); // not retried, not counted
        QCOMPARE(budget.retries(), 0);
        QVERIFY(budget.next(500, u"SYSTEM_ERROR", {}));
        QVERIFY(budget.lastReason() == Reason::ServerError);
        QVERIFY(budget.next(429, u"FREQUENCY_LIMITED", "1"));
        QVERIFY(budget.lastReason() == Reason::RateLimited);
        QCOMPARE(budget.retries(), 2);
        QVERIFY(budget.waitedMs() >= 1100);
        QVERIFY(!budget.next(500, u"SYSTEM_ERROR", {})); // maxRetries reached
        budget.reset();
        QCOMPARE(budget.retries(), 0);
        QCOMPARE(budget.waitedMs(), qint64(0));

        policy.budgetMs = 0; // no waiting allowed at all
        RetryBudget none(policy);
        QVERIFY(!none.next(500, u"SYSTEM_ERROR", {}));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
