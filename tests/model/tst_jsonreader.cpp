#include "lookup/jsonreader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestJsonReader final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void object_keepsOrderAndMembers();
    void numbers_keptAsText();
    void strings_decodeEscapes_data();
    void strings_decodeEscapes();
    void depth_limit();
    void deepNesting_failsWithoutCrash();
    void wrongTypeAccessors_areEmpty();
    void error_namesOffset();
    void everyPrefix_neverCrashes();
};

void TestJsonReader::valid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("type");
    QTest::newRow("null") << "null"_ba << int(JsonValue::Type::Null);
    QTest::newRow("true") << "true"_ba << int(JsonValue::Type::Bool);
    QTest::newRow("false") << "false"_ba << int(JsonValue::Type::Bool);
    QTest::newRow("zero") << "0"_ba << int(JsonValue::Type::Number);
    QTest::newRow("negative") << "-12"_ba << int(JsonValue::Type::Number);
    QTest::newRow("fraction exponent") << "-0.5e+10"_ba << int(JsonValue::Type::Number);
    QTest::newRow("string") << "\"a\""_ba << int(JsonValue::Type::String);
    QTest::newRow("empty array") << "[]"_ba << int(JsonValue::Type::Array);
    QTest::newRow("empty object") << "{}"_ba << int(JsonValue::Type::Object);
    QTest::newRow("whitespace around")
        << " \t\r\n{ \"a\" : [ 1 , 2 ] }\n "_ba << int(JsonValue::Type::Object);
    QTest::newRow("nested") << "{\"a\":{\"b\":[{\"c\":null}]}}"_ba << int(JsonValue::Type::Object);
    QTest::newRow("raw utf8") << "\"分账\""_ba << int(JsonValue::Type::String);
}

void TestJsonReader::valid()
{
    QFETCH(QByteArray, text);
    QFETCH(int, type);
    const auto json = JsonValue::parse(text);
    QVERIFY2(json.hasValue(), qPrintable(json ? QString() : json.error()));
    QCOMPARE(int(json->type()), type);
}

void TestJsonReader::invalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("spaces") << "   "_ba;
    QTest::newRow("trailing garbage") << "{} x"_ba;
    QTest::newRow("two values") << "1 2"_ba;
    QTest::newRow("trailing comma object") << "{\"a\":1,}"_ba;
    QTest::newRow("trailing comma array") << "[1,]"_ba;
    QTest::newRow("missing comma") << "[1 2]"_ba;
    QTest::newRow("unquoted key") << "{a:1}"_ba;
    QTest::newRow("single quotes") << "{'a':1}"_ba;
    QTest::newRow("missing colon") << "{\"a\" 1}"_ba;
    QTest::newRow("unterminated object") << "{\"a\":1"_ba;
    QTest::newRow("unterminated array") << "[1"_ba;
    QTest::newRow("unterminated string") << "\"abc"_ba;
    QTest::newRow("leading zero") << "01"_ba;
    QTest::newRow("negative leading zero") << "-01"_ba;
    QTest::newRow("plus sign") << "+1"_ba;
    QTest::newRow("bare minus") << "-"_ba;
    QTest::newRow("dot without digits") << "1."_ba;
    QTest::newRow("leading dot") << ".5"_ba;
    QTest::newRow("exponent without digits") << "1e"_ba;
    QTest::newRow("exponent sign only") << "1e+"_ba;
    QTest::newRow("NaN") << "NaN"_ba;
    QTest::newRow("Infinity") << "Infinity"_ba;
    QTest::newRow("True") << "True"_ba;
    QTest::newRow("truncated literal") << "tru"_ba;
    QTest::newRow("nul") << "nul"_ba;
    QTest::newRow("control char in string") << "\"a\tb\""_ba;
    QTest::newRow("newline in string") << "\"a\nb\""_ba;
    QTest::newRow("bad escape") << "\"\\x\""_ba;
    QTest::newRow("short unicode escape") << "\"\\u12\""_ba;
    QTest::newRow("bad hex") << "\"\\u12G4\""_ba;
    QTest::newRow("lone high surrogate") << "\"\\uD83D\""_ba;
    QTest::newRow("high then text") << "\"\\uD83Dx\""_ba;
    QTest::newRow("high then high") << "\"\\uD83D\\uD83D\""_ba;
    QTest::newRow("lone low surrogate") << "\"\\uDE00\""_ba;
    QTest::newRow("invalid utf8 byte") << "\"\xFF\""_ba;
    QTest::newRow("overlong utf8") << "\"\xC0\xAF\""_ba;
    QTest::newRow("truncated utf8") << "\"\xE5\x88\""_ba;
    QTest::newRow("utf8 surrogate") << "\"\xED\xA0\x80\""_ba;
    QTest::newRow("utf8 beyond U+10FFFF") << "\"\xF4\x90\x80\x80\""_ba;
    QTest::newRow("bom") << "\xEF\xBB\xBF{}"_ba;
    QTest::newRow("duplicate key") << "{\"a\":1,\"a\":2}"_ba;
    QTest::newRow("comment") << "{} // x"_ba;
    QTest::newRow("nul byte after") << QByteArray("{}\0", 3);
    QTest::newRow("form feed whitespace") << "\f{}"_ba;
}

void TestJsonReader::invalid()
{
    QFETCH(QByteArray, text);
    const auto json = JsonValue::parse(text);
    QVERIFY(!json.hasValue());
    QVERIFY(!json.error().isEmpty());
}

void TestJsonReader::object_keepsOrderAndMembers()
{
    const auto json = JsonValue::parse("{\"z\":1,\"a\":\"x\",\"m\":[true,false,null]}");
    QVERIFY(json);
    const auto &members = json->object();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.at(0).first, u"z"_s);
    QCOMPARE(members.at(1).first, u"a"_s);
    QCOMPARE(members.at(2).first, u"m"_s);
    QVERIFY(json->member(u"a"));
    QCOMPARE(json->member(u"a")->toString(), u"x"_s);
    QCOMPARE(json->member(u"missing"), nullptr);
    const QList<JsonValue> &list = json->member(u"m")->array();
    QCOMPARE(list.size(), 3);
    QVERIFY(list.at(0).toBool());
    QVERIFY(!list.at(1).toBool());
    QCOMPARE(list.at(1).type(), JsonValue::Type::Bool);
    QCOMPARE(list.at(2).type(), JsonValue::Type::Null);
}

void TestJsonReader::numbers_keptAsText()
{
    const auto json = JsonValue::parse("[9007199254740993, 18446744073709551616123, -0.10, 1E400, 0]");
    QVERIFY(json);
    const QList<JsonValue> &list = json->array();
    QCOMPARE(list.size(), 5);
    QCOMPARE(list.at(0).numberText(), "9007199254740993"_ba);
    QCOMPARE(list.at(1).numberText(), "18446744073709551616123"_ba);
    QCOMPARE(list.at(2).numberText(), "-0.10"_ba);
    QCOMPARE(list.at(3).numberText(), "1E400"_ba);
    QCOMPARE(list.at(4).numberText(), "0"_ba);
}

void TestJsonReader::strings_decodeEscapes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple escapes") << "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""_ba << u"\"\\/\b\f\n\r\t"_s;
    QTest::newRow("bmp escape") << "\"\\u5206\\u8d26\""_ba << u"分账"_s;
    QTest::newRow("upper hex") << "\"\\u8D26\""_ba << u"账"_s;
    QTest::newRow("surrogate pair") << "\"\\uD83D\\uDE00\""_ba << u"😀"_s;
    QTest::newRow("nul escape") << "\"a\\u0000b\""_ba << QStringView(u"a\0b", 3).toString();
    QTest::newRow("raw utf8 4 bytes") << "\"\xF0\x9F\x98\x80\""_ba << u"😀"_s;
    QTest::newRow("raw chinese") << "\"分给商户1900000110\""_ba << u"分给商户1900000110"_s;
    QTest::newRow("empty") << "\"\""_ba << QString();
}

void TestJsonReader::strings_decodeEscapes()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto json = JsonValue::parse(text);
    QVERIFY2(json, qPrintable(json ? QString() : json.error()));
    QCOMPARE(json->toString(), expected);
}

void TestJsonReader::depth_limit()
{
    const auto nested = [](int depth) { return QByteArray(QByteArray(depth, '[') + QByteArray(depth, ']')); };
    QVERIFY(JsonValue::parse(nested(64)));
    QVERIFY(!JsonValue::parse(nested(65)));
    QVERIFY(JsonValue::parse(nested(3), 3));
    QVERIFY(!JsonValue::parse(nested(4), 3));
    const QByteArray objects = QByteArray("{\"a\":").repeated(5) + '1' + QByteArray(5, '}');
    QVERIFY(JsonValue::parse(objects, 5));
    const auto tooDeep = JsonValue::parse(objects, 4);
    QVERIFY(!tooDeep);
    QVERIFY(tooDeep.error().contains(u"4"_s));
}

void TestJsonReader::deepNesting_failsWithoutCrash()
{
    // Far deeper than any stack would survive if the limit were not enforced, even when a caller
    // asks for an absurd limit.
    const QByteArray deep = QByteArray(1000000, '[');
    QVERIFY(!JsonValue::parse(deep));
    QVERIFY(!JsonValue::parse(deep, 1 << 30));
    QVERIFY(!JsonValue::parse(QByteArray("{\"a\":").repeated(200000)));
}

void TestJsonReader::wrongTypeAccessors_areEmpty()
{
    const auto json = JsonValue::parse("\"text\"");
    QVERIFY(json);
    QVERIFY(json->array().isEmpty());
    QVERIFY(json->object().isEmpty());
    QCOMPARE(json->member(u"a"), nullptr);
    QCOMPARE(json->numberText(), QByteArray());
    QVERIFY(!json->toBool());
    QCOMPARE(JsonValue().type(), JsonValue::Type::Null);
    const auto number = JsonValue::parse("5");
    QCOMPARE(number->toString(), QString());
}

void TestJsonReader::error_namesOffset()
{
    const auto json = JsonValue::parse("{\"a\": tru}");
    QVERIFY(!json);
    QVERIFY2(json.error().contains(u"6"_s), qPrintable(json.error()));
    const auto trailing = JsonValue::parse("{}   x");
    QVERIFY(!trailing);
    QVERIFY2(trailing.error().contains(u"5"_s), qPrintable(trailing.error()));
}

void TestJsonReader::everyPrefix_neverCrashes()
{
    // Every truncation of a realistic answer is handled: only the whole text parses.
    const QByteArray body = "{\"sub_mchid\":\"1900000109\",\"receivers\":[{\"amount\":100,\"description\":"
                            "\"\xE5\x88\x86\\u8d26\\uD83D\\uDE00\",\"ok\":true,\"x\":null,\"n\":-1.5e3}]}"_ba;
    QVERIFY(JsonValue::parse(body));
    for (qsizetype i = 0; i < body.size(); ++i)
        QVERIFY2(!JsonValue::parse(body.left(i)), body.left(i).constData());
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
