#include "lookup/jsonreader.h"
#include "lookup/jsonwriter.h"

#include <limits>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestJsonWriter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nested_byteExact();
    void emptyContainers();
    void quoted_data();
    void quoted();
    void quoted_roundTripsThroughReader();
};

void TestJsonWriter::nested_byteExact()
{
    JsonWriter json;
    json.beginObject();
    json.key(u"amount"_s);
    json.integer(std::numeric_limits<qint64>::max());
    json.key(u"list"_s);
    json.beginArray();
    json.integer(-1);
    json.beginObject();
    json.key(u"ok"_s);
    json.boolean(true);
    json.endObject();
    json.null();
    json.endArray();
    json.key(u"kept"_s);
    json.raw("9007199254740993"_ba);
    json.key(u"name"_s);
    json.string(u"分账"_s);
    json.endObject();
    QCOMPARE(json.data(), "{\n"
                          "  \"amount\": 9223372036854775807,\n"
                          "  \"list\": [\n"
                          "    -1,\n"
                          "    {\n"
                          "      \"ok\": true\n"
                          "    },\n"
                          "    null\n"
                          "  ],\n"
                          "  \"kept\": 9007199254740993,\n"
                          "  \"name\": \"\xE5\x88\x86\xE8\xB4\xA6\"\n"
                          "}\n"_ba);
}

void TestJsonWriter::emptyContainers()
{
    JsonWriter json;
    json.beginObject();
    json.key(u"a"_s);
    json.beginArray();
    json.endArray();
    json.key(u"o"_s);
    json.beginObject();
    json.endObject();
    json.endObject();
    QCOMPARE(json.data(), "{\n  \"a\": [],\n  \"o\": {}\n}\n"_ba);
}

void TestJsonWriter::quoted_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"abc"_s << "\"abc\""_ba;
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << "\"a\\\"b\\\\c\""_ba;
    QTest::newRow("controls") << u"\b\f\n\r\t"_s << "\"\\b\\f\\n\\r\\t\""_ba;
    QTest::newRow("other control") << QStringView(u"\x01\x1f\0", 3).toString()
                                   << "\"\\u0001\\u001f\\u0000\""_ba;
    QTest::newRow("slash kept") << u"a/b"_s << "\"a/b\""_ba;
    QTest::newRow("emoji") << u"x😀y"_s << "\"x\xF0\x9F\x98\x80y\""_ba;
    // Nothing raw that could drive a terminal when the JSON is printed (issue 15): ESC, DEL, C1,
    // bidi overrides and isolates, invisible formatting and tag characters are \u escapes.
    QTest::newRow("escape sequence") << u"\x1b[2Jok"_s << "\"\\u001b[2Jok\""_ba;
    QTest::newRow("DEL and C1") << u"a\x7f\u009bb"_s << "\"a\\u007f\\u009bb\""_ba;
    QTest::newRow("bidi override") << u"分\u202E账"_s << "\"\xE5\x88\x86\\u202e\xE8\xB4\xA6\""_ba;
    QTest::newRow("isolate and BOM") << u"\u2066x\u2069\uFEFF"_s << "\"\\u2066x\\u2069\\ufeff\""_ba;
    QTest::newRow("tag character") << u"a\U000E0041b"_s << "\"a\\udb40\\udc41b\""_ba;
    QTest::newRow("zero-width joiner kept") << u"👨\u200D👩"_s << "\"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\""_ba;
}

void TestJsonWriter::quoted()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonWriter::quoted(value), expected);
}

void TestJsonWriter::quoted_roundTripsThroughReader()
{
    const QString text = QStringView(u"=分账 \"x\"\n\t\\ 😀 \x7f\x01\u202E\u009b\U000E0041z", 21).toString();
    const auto parsed = JsonValue::parse(JsonWriter::quoted(text));
    QVERIFY(parsed);
    QCOMPARE(parsed->toString(), text);
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
