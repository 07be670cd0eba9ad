#include "format/csvwriter.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestCsvWriter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void escapeCell_data();
    void escapeCell();
    void writeRows_byteExact();
    void numericColumns_verbatim();
    void closedDevice_reportsError();
};

void TestCsvWriter::escapeCell_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("numeric");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"abc"_s << false << u"abc"_s;
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("chinese") << u"分给商户"_s << false << u"分给商户"_s;
    QTest::newRow("comma") << u"a,b"_s << false << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << false << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"a\nb"_s << false << u"\"a\nb\""_s;
    QTest::newRow("crlf inside") << u"a\r\nb"_s << false << u"\"a\r\nb\""_s;
    QTest::newRow("equals") << u"=1+2"_s << false << u"'=1+2"_s;
    QTest::newRow("plus") << u"+86"_s << false << u"'+86"_s;
    QTest::newRow("minus") << u"-5"_s << false << u"'-5"_s;
    QTest::newRow("at") << u"@SUM(A1)"_s << false << u"'@SUM(A1)"_s;
    QTest::newRow("tab") << u"\tx"_s << false << u"'\tx"_s;
    QTest::newRow("carriage return") << u"\rx"_s << false << u"\"'\rx\""_s;
    QTest::newRow("formula with comma")
        << u"=HYPERLINK(\"x\",\"y\")"_s << false << u"\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""_s;
    QTest::newRow("minus in the middle") << u"a-b"_s << false << u"a-b"_s;
    QTest::newRow("numeric negative verbatim") << u"-0.05"_s << true << u"-0.05"_s;
    QTest::newRow("numeric plain") << u"1.00"_s << true << u"1.00"_s;
    QTest::newRow("numeric grouped still quoted") << u"1,000.00"_s << true << u"\"1,000.00\""_s;
}

void TestCsvWriter::escapeCell()
{
    QFETCH(QString, cell);
    QFETCH(bool, numeric);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::escapeCell(cell, numeric), expected);
}

void TestCsvWriter::writeRows_byteExact()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter csv(&buffer);
    csv.writeBom();
    csv.writeRow({u"name"_s, u"note"_s});
    csv.writeRow({u"张三"_s, u"a,\"b\"\nc"_s});
    csv.writeRow({u"=cmd"_s, QString()});
    QVERIFY(csv.ok());
    QCOMPARE(csv.errorString(), QString());
    const QByteArray expected = "\xEF\xBB\xBF"
                                "name,note\r\n"
                                "\xE5\xBC\xA0\xE4\xB8\x89,\"a,\"\"b\"\"\nc\"\r\n"
                                "'=cmd,\r\n"_ba;
    QCOMPARE(buffer.data(), expected);
}

void TestCsvWriter::numericColumns_verbatim()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter csv(&buffer);
    csv.writeRow({u"-1.00"_s, u"-100"_s, u"-x"_s}, {0, 1});
    QCOMPARE(buffer.data(), "-1.00,-100,'-x\r\n"_ba);
}

void TestCsvWriter::closedDevice_reportsError()
{
    QBuffer buffer; // never opened: every write fails
    CsvWriter csv(&buffer);
    csv.writeBom();
    QVERIFY(!csv.ok());
    csv.writeRow({u"a"_s});
    QVERIFY(!csv.ok());
    QVERIFY(!csv.errorString().isEmpty());

    CsvWriter none(nullptr);
    none.writeRow({u"a"_s});
    QVERIFY(!none.ok());
    QVERIFY(!none.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
