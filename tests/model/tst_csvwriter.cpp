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
    void owaspList_neutralised_data();
    void owaspList_neutralised();
    void writeRows_byteExact();
    void numericColumns_verbatim();
    void cellByCell_sameBytesAsWriteRow_data();
    void cellByCell_sameBytesAsWriteRow();
    void nonAscii_utf8();
    void loneSurrogate_writtenAsQuestionMark();
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

// Written by hand from OWASP's "CSV Injection" page (a cell starting with = + - @ tab or CR is a
// formula to Excel, LibreOffice and Google Sheets), widened by what reaches a clerk's spreadsheet
// from Chinese input methods and pasted text: the full-width forms and blanks or line breaks in
// front. Deliberately not derived from csvwriter.cpp's own list.
void TestCsvWriter::owaspList_neutralised_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("neutralised");

    QTest::newRow("=") << u"=1+1"_s << true;
    QTest::newRow("+") << u"+1+1"_s << true;
    QTest::newRow("-") << u"-1+1"_s << true;
    QTest::newRow("@") << u"@SUM(1+1)"_s << true;
    QTest::newRow("tab") << u"\t=1"_s << true;
    QTest::newRow("tab alone") << u"\tx"_s << true;
    QTest::newRow("CR") << u"\rx"_s << true;
    QTest::newRow("DDE") << u"=cmd|' /C calc'!A0"_s << true;
    QTest::newRow("full-width =") << u"\uFF1D1+1"_s << true;
    QTest::newRow("full-width +") << u"\uFF0B1"_s << true;
    QTest::newRow("full-width -") << u"\uFF0D1"_s << true;
    QTest::newRow("full-width @") << u"\uFF20SUM(A1)"_s << true;
    QTest::newRow("space then =") << u" =1+1"_s << true;
    QTest::newRow("spaces then @") << u"   @SUM(A1)"_s << true;
    QTest::newRow("ideographic space then =") << u"\u3000=1+1"_s << true;
    QTest::newRow("no-break space then +") << u"\u00A0+1"_s << true;
    QTest::newRow("LF then =") << u"\n=1+1"_s << true;
    QTest::newRow("CRLF then -") << u"\r\n-1"_s << true;
    QTest::newRow("space LF space then =") << u" \n =1"_s << true;
    QTest::newRow("space then full-width =") << u" \uFF1D1"_s << true;
    QTest::newRow("BOM then =") << u"\uFEFF=1"_s << true;

    QTest::newRow("text") << u"SUCCESS"_s << false;
    QTest::newRow("= inside") << u"a=b"_s << false;
    QTest::newRow("space then letter") << u" a=1"_s << false;
    QTest::newRow("blank only") << u"   "_s << false;
    QTest::newRow("apostrophe") << u"'=1"_s << false;
    QTest::newRow("Chinese") << u"分账失败"_s << false;
    QTest::newRow("full-width letter") << u"\uFF21"_s << false;
    QTest::newRow("digits") << u"4200000000000000000000000001"_s << false;
}

void TestCsvWriter::owaspList_neutralised()
{
    QFETCH(QString, cell);
    QFETCH(bool, neutralised);
    // Through the cell-by-cell writer (the exports' path) and escapeCell() alike.
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter csv(&buffer);
    csv.addCell(cell);
    csv.endRow();
    QString written = QString::fromUtf8(buffer.data());
    QVERIFY(written.endsWith(u"\r\n"_s));
    written.chop(2);
    QCOMPARE(written, CsvWriter::escapeCell(cell));
    if (written.startsWith(u'"'))
        written = written.mid(1, written.size() - 2).replace(u"\"\""_s, u"\""_s);
    QCOMPARE(written, neutralised ? u'\'' + cell : cell);
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

void TestCsvWriter::cellByCell_sameBytesAsWriteRow_data()
{
    QTest::addColumn<QStringList>("head");  // through encodeCells() and addCells()
    QTest::addColumn<QStringList>("cells"); // through addCell(), the first one numeric

    QTest::newRow("plain") << QStringList{u"1900000109"_s, u"x"_s} << QStringList{u"-1.00"_s, u"-1"_s};
    QTest::newRow("everything escaped") << QStringList{u"=a"_s, u"b,c"_s, u"\"q\""_s, u"\rx"_s}
                                        << QStringList{u"1,000.00"_s, u"@x"_s, u"l\ne"_s, u"\tt"_s};
    QTest::newRow("non-ASCII") << QStringList{u"分账"_s, u"ÿ"_s} << QStringList{u"1.00"_s, u"张三 😀"_s};
    QTest::newRow("empty cells") << QStringList{QString(), QString()} << QStringList{QString(), QString()};
    QTest::newRow("no head") << QStringList() << QStringList{u"2.00"_s, u"a"_s};
    QTest::newRow("one empty head cell") << QStringList{QString()} << QStringList{u"3.00"_s};
    QTest::newRow("long cell") << QStringList{QString(5000, u'x')}
                               << QStringList{u"4.00"_s, QString(3000, u'é')};
}

void TestCsvWriter::cellByCell_sameBytesAsWriteRow()
{
    QFETCH(QStringList, head);
    QFETCH(QStringList, cells);

    QBuffer byRow;
    QVERIFY(byRow.open(QIODevice::WriteOnly));
    CsvWriter rows(&byRow);
    QBuffer byCell;
    QVERIFY(byCell.open(QIODevice::WriteOnly));
    CsvWriter cellwise(&byCell);
    const CsvWriter::EncodedCells encoded = CsvWriter::encodeCells(head);
    for (int i = 0; i < 3; ++i) { // the line buffer is reused from row to row
        rows.writeRow(head + cells + head, {int(head.size())});
        cellwise.addCells(encoded);
        for (qsizetype c = 0; c < cells.size(); ++c)
            cellwise.addCell(cells.at(c), c == 0);
        cellwise.addCells(encoded);
        cellwise.endRow();
    }
    QVERIFY(rows.ok());
    QVERIFY(cellwise.ok());
    QCOMPARE(byCell.data(), byRow.data());
}

void TestCsvWriter::nonAscii_utf8()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter csv(&buffer);
    csv.writeRow({u"分,账"_s, u"😀"_s, u"ÿ"_s});
    QCOMPARE(buffer.data(), "\"\xE5\x88\x86,\xE8\xB4\xA6\",\xF0\x9F\x98\x80,\xC3\xBF\r\n"_ba);
}

void TestCsvWriter::loneSurrogate_writtenAsQuestionMark()
{
    // As QString::toUtf8() writes it: what this class has always written.
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter csv(&buffer);
    csv.writeRow({u"a"_s + QChar(0xD800), QString(QChar(0xDC00)) + u"b"_s});
    QCOMPARE(buffer.data(), "a?,?b\r\n"_ba);
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
