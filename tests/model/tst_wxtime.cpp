#include "format/wxtime.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestWxTime final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void empty_isNull();
    void localDisplay_showsLocalOffset();
};

void TestWxTime::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("utcMsecs");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("iso");

    // 2015-05-20T05:29:35Z
    const qint64 base = 1432099775000;
    QTest::newRow("plain") << u"2015-05-20T13:29:35+08:00"_s << base << 28800
                           << u"2015-05-20 13:29:35 +08:00"_s << u"2015-05-20T13:29:35+08:00"_s;
    QTest::newRow("fraction") << u"2015-05-20T13:29:35.120+08:00"_s << base + 120 << 28800
                              << u"2015-05-20 13:29:35 +08:00"_s << u"2015-05-20T13:29:35.120+08:00"_s;
    QTest::newRow("docs typo") << u"2015-05-20T13:29:35:120+08:00"_s << base + 120 << 28800
                               << u"2015-05-20 13:29:35 +08:00"_s << u"2015-05-20T13:29:35.120+08:00"_s;
    QTest::newRow("zero fraction kept")
        << u"2015-05-20T13:29:35.000+08:00"_s << base << 28800 << u"2015-05-20 13:29:35 +08:00"_s
        << u"2015-05-20T13:29:35.000+08:00"_s;
    QTest::newRow("short fraction") << u"2015-05-20T13:29:35.5+08:00"_s << base + 500 << 28800
                                    << u"2015-05-20 13:29:35 +08:00"_s << u"2015-05-20T13:29:35.500+08:00"_s;
    QTest::newRow("long fraction truncated")
        << u"2015-05-20T13:29:35.123999+08:00"_s << base + 123 << 28800 << u"2015-05-20 13:29:35 +08:00"_s
        << u"2015-05-20T13:29:35.123+08:00"_s;
    QTest::newRow("Z") << u"2015-05-20T05:29:35Z"_s << base << 0 << u"2015-05-20 05:29:35 +00:00"_s
                       << u"2015-05-20T05:29:35+00:00"_s;
    QTest::newRow("lower case t and z") << u"2015-05-20t05:29:35z"_s << base << 0
                                        << u"2015-05-20 05:29:35 +00:00"_s << u"2015-05-20T05:29:35+00:00"_s;
    QTest::newRow("negative half hour") << u"2015-05-19T23:59:35-05:30"_s << base << -19800
                                        << u"2015-05-19 23:59:35 -05:30"_s << u"2015-05-19T23:59:35-05:30"_s;
    QTest::newRow("offset without colon")
        << u"2015-05-20T13:29:35+0800"_s << base << 28800 << u"2015-05-20 13:29:35 +08:00"_s
        << u"2015-05-20T13:29:35+08:00"_s;
    QTest::newRow("space separator") << u"2015-05-20 13:29:35+08:00"_s << base << 28800
                                     << u"2015-05-20 13:29:35 +08:00"_s << u"2015-05-20T13:29:35+08:00"_s;
    // toIsoString() hands back the raw text when it is already in its form: these have that
    // length but not that form.
    QTest::newRow("minus zero offset") << u"2015-05-20T05:29:35-00:00"_s << base << 0
                                       << u"2015-05-20 05:29:35 +00:00"_s << u"2015-05-20T05:29:35+00:00"_s;
    QTest::newRow("four fraction digits, offset without colon")
        << u"2015-05-20T13:29:35.1234+0800"_s << base + 123 << 28800 << u"2015-05-20 13:29:35 +08:00"_s
        << u"2015-05-20T13:29:35.123+08:00"_s;
    QTest::newRow("eight fraction digits and Z")
        << u"2015-05-20T05:29:35.12345678Z"_s << base + 123 << 0 << u"2015-05-20 05:29:35 +00:00"_s
        << u"2015-05-20T05:29:35.123+00:00"_s;
    QTest::newRow("docs typo, three digits")
        << u"2015-05-20T13:29:35:000+08:00"_s << base << 28800 << u"2015-05-20 13:29:35 +08:00"_s
        << u"2015-05-20T13:29:35.000+08:00"_s;
    QTest::newRow("space separator, fraction")
        << u"2015-05-20 13:29:35.120+08:00"_s << base + 120 << 28800 << u"2015-05-20 13:29:35 +08:00"_s
        << u"2015-05-20T13:29:35.120+08:00"_s;
}

void TestWxTime::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, utcMsecs);
    QFETCH(int, offset);
    QFETCH(QString, display);
    QFETCH(QString, iso);

    const WxTime time = WxTime::parse(text);
    QVERIFY(time.isValid());
    QVERIFY(!time.isNull());
    QCOMPARE(time.raw(), text);
    QCOMPARE(time.value().toMSecsSinceEpoch(), utcMsecs);
    QCOMPARE(time.offsetSeconds(), offset);
    // Qt normalises a zero offset to UTC; any other offset stays a fixed offset, not local time.
    QCOMPARE(time.value().timeSpec(), offset == 0 ? Qt::UTC : Qt::OffsetFromUTC);
    QCOMPARE(time.toDisplayString(), display);
    QCOMPARE(time.toIsoString(), iso);
}

void TestWxTime::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("garbage") << u"yesterday"_s;
    QTest::newRow("no offset") << u"2015-05-20T13:29:35"_s;
    QTest::newRow("date only") << u"2015-05-20"_s;
    QTest::newRow("month 13") << u"2015-13-20T13:29:35+08:00"_s;
    QTest::newRow("feb 30") << u"2015-02-30T13:29:35+08:00"_s;
    QTest::newRow("hour 24") << u"2015-05-20T24:00:00+08:00"_s;
    QTest::newRow("offset hour 24") << u"2015-05-20T13:29:35+24:00"_s;
    QTest::newRow("offset minute 60") << u"2015-05-20T13:29:35+08:60"_s;
    QTest::newRow("trailing newline") << u"2015-05-20T13:29:35+08:00\n"_s;
    QTest::newRow("leading space") << u" 2015-05-20T13:29:35+08:00"_s;
    QTest::newRow("empty fraction") << u"2015-05-20T13:29:35.+08:00"_s;
    QTest::newRow("ten fraction digits") << u"2015-05-20T13:29:35.1234567890+08:00"_s;
    QTest::newRow("one-digit offset hour") << u"2015-05-20T13:29:35+8:00"_s;
    QTest::newRow("Z and an offset") << u"2015-05-20T13:29:35Z+08:00"_s;
    QTest::newRow("two fraction separators") << u"2015-05-20T13:29:35.1.2+08:00"_s;
    QTest::newRow("non-ASCII digits") << u"\u0662015-05-20T13:29:35+08:00"_s;
    QTest::newRow("full-width digits") << u"２０１５-05-20T13:29:35+08:00"_s;
}

void TestWxTime::invalid()
{
    QFETCH(QString, text);
    const WxTime time = WxTime::parse(text);
    QVERIFY(!time.isValid());
    QVERIFY(!time.isNull());
    QCOMPARE(time.raw(), text);
    // Shown and exported as received, never as an empty or made-up time.
    QCOMPARE(time.toDisplayString(), text);
    QCOMPARE(time.toLocalDisplayString(), text);
    QCOMPARE(time.toIsoString(), text);
}

void TestWxTime::empty_isNull()
{
    QVERIFY(WxTime().isNull());
    QVERIFY(!WxTime().isValid());
    QVERIFY(WxTime::parse(QString()).isNull());
    QCOMPARE(WxTime().toDisplayString(), QString());
}

void TestWxTime::localDisplay_showsLocalOffset()
{
    // ctest runs the tests with TZ=Asia/Shanghai (+08:00, no DST since 1991).
    if (QDateTime(QDate(2015, 5, 20), QTime(12, 0)).offsetFromUtc() != 8 * 3600)
        QSKIP("needs TZ=Asia/Shanghai, as set by ctest");
    const WxTime time = WxTime::parse(u"2015-05-19T23:59:35-05:30"_s);
    QCOMPARE(time.toLocalDisplayString(), u"2015-05-20 13:29:35 +08:00"_s);
    // The original offset is not lost by showing local time.
    QCOMPARE(time.toDisplayString(), u"2015-05-19 23:59:35 -05:30"_s);
}

QTEST_GUILESS_MAIN(TestWxTime)
#include "tst_wxtime.moc"
