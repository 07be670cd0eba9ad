#include "jsonpretty.h"

#include <QTest>

using namespace fenzhang;
using namespace Qt::StringLiterals;

class TestJsonPretty final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pretty_data();
    void pretty();
};

void TestJsonPretty::pretty_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("big number exact")
        << QByteArray(R"({"amount":9223372036854775807})") << u"{\n  \"amount\": 9223372036854775807\n}"_s;
    QTest::newRow("nested and arrays")
        << QByteArray(R"({"a":[1,{"b":"x"}]})")
        << u"{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x\"\n    }\n  ]\n}"_s;
    QTest::newRow("empty containers")
        << QByteArray(R"({"a":[ ],"b":{}})") << u"{\n  \"a\": [],\n  \"b\": {}\n}"_s;
    QTest::newRow("structure inside strings kept")
        << QByteArray(R"({"d":"a,b:{c}[\"q\"]"})") << u"{\n  \"d\": \"a,b:{c}[\\\"q\\\"]\"\n}"_s;
    QTest::newRow("utf8") << QByteArray(R"({"d":"分给商户A"})") << u"{\n  \"d\": \"分给商户A\"\n}"_s;
    QTest::newRow("whitespace dropped") << QByteArray("  {\n\"a\" :\t1 }") << u"{\n  \"a\": 1\n}"_s;
    QTest::newRow("not json unchanged") << QByteArray("<html>oops</html>") << u"<html>oops</html>"_s;
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestJsonPretty::pretty()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(prettyJson(input), expected);
}

QTEST_APPLESS_MAIN(TestJsonPretty)
#include "tst_jsonpretty.moc"
