#include "format/money.h"
#include "format/saturating.h"

#include <limits>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestMoney final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatYuan_data();
    void formatYuan();
    void parseFen_data();
    void parseFen();
    void roundTrip_everyLimit();
    void formatTotal_saturatedSaysSo();
};

void TestMoney::formatYuan_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<bool>("grouped");
    QTest::addColumn<QString>("expected");

    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    QTest::newRow("zero") << qint64(0) << false << u"0.00"_s;
    QTest::newRow("one fen") << qint64(1) << false << u"0.01"_s;
    QTest::newRow("ten fen") << qint64(10) << false << u"0.10"_s;
    QTest::newRow("one yuan") << qint64(100) << false << u"1.00"_s;
    QTest::newRow("negative fen") << qint64(-5) << false << u"-0.05"_s;
    QTest::newRow("negative yuan") << qint64(-12345) << false << u"-123.45"_s;
    QTest::newRow("ungrouped") << qint64(123456789) << false << u"1234567.89"_s;
    QTest::newRow("grouped") << qint64(123456789) << true << u"1,234,567.89"_s;
    QTest::newRow("grouped three digits") << qint64(99999) << true << u"999.99"_s;
    QTest::newRow("grouped four digits") << qint64(100000) << true << u"1,000.00"_s;
    QTest::newRow("grouped negative") << qint64(-100000) << true << u"-1,000.00"_s;
    QTest::newRow("2^53+1") << qint64(9007199254740993) << false << u"90071992547409.93"_s;
    QTest::newRow("max") << max << false << u"92233720368547758.07"_s;
    QTest::newRow("max grouped") << max << true << u"92,233,720,368,547,758.07"_s;
    QTest::newRow("min") << min << false << u"-92233720368547758.08"_s;
    QTest::newRow("min grouped") << min << true << u"-92,233,720,368,547,758.08"_s;
    QTest::newRow("min+1") << min + 1 << false << u"-92233720368547758.07"_s;
}

void TestMoney::formatYuan()
{
    QFETCH(qint64, fen);
    QFETCH(bool, grouped);
    QFETCH(QString, expected);
    QCOMPARE(Money::formatYuan(fen, grouped ? Money::Grouping::Thousands : Money::Grouping::None), expected);
}

void TestMoney::parseFen_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("zero") << "0"_ba << true << qint64(0);
    QTest::newRow("minus zero") << "-0"_ba << true << qint64(0);
    QTest::newRow("hundred") << "100"_ba << true << qint64(100);
    QTest::newRow("negative") << "-42"_ba << true << qint64(-42);
    QTest::newRow("2^53+1") << "9007199254740993"_ba << true << qint64(9007199254740993);
    QTest::newRow("max") << "9223372036854775807"_ba << true << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << "-9223372036854775808"_ba << true << std::numeric_limits<qint64>::min();
    QTest::newRow("max+1") << "9223372036854775808"_ba << false << qint64(0);
    QTest::newRow("min-1") << "-9223372036854775809"_ba << false << qint64(0);
    QTest::newRow("huge") << "100000000000000000000000"_ba << false << qint64(0);
    QTest::newRow("empty") << ""_ba << false << qint64(0);
    QTest::newRow("minus only") << "-"_ba << false << qint64(0);
    QTest::newRow("plus") << "+1"_ba << false << qint64(0);
    QTest::newRow("fraction") << "1.5"_ba << false << qint64(0);
    QTest::newRow("zero fraction") << "100.0"_ba << false << qint64(0);
    QTest::newRow("exponent") << "1e2"_ba << false << qint64(0);
    QTest::newRow("upper exponent") << "1E2"_ba << false << qint64(0);
    QTest::newRow("space") << " 1"_ba << false << qint64(0);
    QTest::newRow("trailing space") << "1 "_ba << false << qint64(0);
    QTest::newRow("hex") << "0x10"_ba << false << qint64(0);
    QTest::newRow("double minus") << "--1"_ba << false << qint64(0);
    QTest::newRow("letters") << "abc"_ba << false << qint64(0);
}

void TestMoney::parseFen()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    const std::optional<qint64> fen = Money::parseFen(text);
    QCOMPARE(fen.has_value(), ok);
    if (ok)
        QCOMPARE(*fen, expected);
}

void TestMoney::roundTrip_everyLimit()
{
    const qint64 values[] = {std::numeric_limits<qint64>::min(), -1, 0, 1,
                             std::numeric_limits<qint64>::max()};
    for (const qint64 value : values)
        QCOMPARE(Money::parseFen(QByteArray::number(value)), std::optional<qint64>(value));
}

void TestMoney::formatTotal_saturatedSaysSo()
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    QCOMPARE(Money::formatTotal(saturatingAdd(150, -50)), u"1.00"_s);
    const qint64 total = saturatingAdd(max - 10, 11);
    QVERIFY(Money::isSaturated(total));
    QCOMPARE(Money::formatTotal(total), u"too large to add up"_s);
    QCOMPARE(Money::formatTotal(saturatingAdd(min + 1, -2), Money::Grouping::None), u"too large to add up"_s);
    QVERIFY(!Money::isSaturated(max - 1));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
