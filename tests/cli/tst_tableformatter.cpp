#include "tableformatter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestTableFormatter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void displayWidth_countsWideCharactersTwice_data();
    void displayWidth_countsWideCharactersTwice();
    void alignedTable_alignsChineseAndRightAlignsNumbers();
};

void TestTableFormatter::displayWidth_countsWideCharactersTwice_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("ascii") << u"SUCCESS"_s << 7;
    QTest::newRow("chinese") << u"分账"_s << 4;
    QTest::newRow("mixed") << u"分给商户1900000110"_s << 18;
    QTest::newRow("fullwidth punctuation") << u"（推广佣金）"_s << 12;
    QTest::newRow("empty") << QString() << 0;
}

void TestTableFormatter::displayWidth_countsWideCharactersTwice()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(TableFormatter::displayWidth(text), width);
}

void TestTableFormatter::alignedTable_alignsChineseAndRightAlignsNumbers()
{
    const QString table = TableFormatter::alignedTable({{u"#"_s, u"Amount"_s, u"Description"_s, u"End"_s},
                                                        {u"1"_s, u"128.00"_s, u"分给商户"_s, u"x"_s},
                                                        {u"2"_s, u"5.00"_s, u"ab"_s, u"y"_s}},
                                                       {1});
    const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), u"  #  Amount  Description  End"_s);
    QCOMPARE(lines.at(1), u"  1  128.00  分给商户     x"_s);
    QCOMPARE(lines.at(2), u"  2    5.00  ab           y"_s);
}

QTEST_GUILESS_MAIN(TestTableFormatter)
#include "tst_tableformatter.moc"
