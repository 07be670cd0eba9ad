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
    void format_everyKindFromItsDescription();
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

// The table of any kind: its title, state with what WeChat Pay said, facts, lines and advice.
void TestTableFormatter::format_everyKindFromItsDescription()
{
    LookupResult amounts;
    amounts.kind = LookupResult::Kind::Ok;
    amounts.query = AmountsQuery{u"4208450740201411110007820472"_s};
    AmountsResult frozen;
    frozen.transactionId = u"4208450740201411110007820472"_s;
    frozen.unsplitAmount = 920000;
    amounts.answer = frozen;
    amounts.response.verified = true;
    amounts.response.requestId = "REQ-AMOUNTS";
    const QString a = TableFormatter::format(amounts);
    QVERIFY2(a.startsWith(u"Remaining amount to share\n"_s), qPrintable(a));
    QVERIFY2(a.contains(u"(unsplit_amount = 920000)"_s), qPrintable(a));
    QVERIFY2(a.contains(u"Transaction ID (transaction_id):  4208450740201411110007820472\n"_s),
             qPrintable(a));
    QVERIFY2(a.contains(u"9,200.00\n"_s), qPrintable(a));
    QVERIFY2(a.contains(u"Request-ID:"_s) && a.contains(u"REQ-AMOUNTS"_s), qPrintable(a));
    QVERIFY(!a.contains(u"What to do:"_s));

    LookupResult ret;
    ret.kind = LookupResult::Kind::Ok;
    ret.query = ReturnQuery{u"1900000109"_s, u"R1"_s, {}, u"P1"_s};
    ReturnResult failed;
    failed.outReturnNo = u"R1"_s;
    failed.returnNo = u"3008"_s;
    failed.result = u"FAILED"_s;
    failed.failReason = u"BALANCE_NOT_ENOUGH"_s;
    ret.answer = failed;
    const QString r = TableFormatter::format(ret);
    QVERIFY2(r.contains(u"(FAILED)"_s), qPrintable(r));
    QVERIFY2(r.contains(u"WeChat Pay return No. (return_id):"_s),
             qPrintable(r)); // the ordinary answer's name
    QVERIFY2(r.contains(u"NOT verified"_s), qPrintable(r));
    QVERIFY2(r.contains(u"What to do:\n  BALANCE_NOT_ENOUGH: "_s), qPrintable(r));
    QVERIFY(!r.contains(u"Receivers"_s));

    LookupResult order;
    order.kind = LookupResult::Kind::Ok;
    order.query = OrderQuery{u"1900000109"_s, u"4208450740201411110007820472"_s, u"P1"_s};
    OrderResult o;
    o.outOrderNo = u"P1"_s;
    o.state = u"FINISHED"_s;
    ReceiverDetail receiver;
    receiver.amount = 12345678;
    receiver.result = u"CLOSED"_s;
    receiver.failReason = u"NO_RELATION"_s;
    receiver.description = u"分给\n门店"_s; // one line in a table
    o.receivers = {receiver};
    order.answer = o;
    const QString t = TableFormatter::format(order);
    QVERIFY2(t.contains(u"Receivers (1)\n"_s), qPrintable(t));
    QVERIFY2(t.contains(u"123,456.78"_s), qPrintable(t));
    QVERIFY2(t.contains(u"分给 门店"_s), qPrintable(t));
    QVERIFY2(t.contains(u"What to do:\n  NO_RELATION: "_s), qPrintable(t));

    LookupResult none;
    QVERIFY(TableFormatter::format(none).isEmpty());
}

QTEST_GUILESS_MAIN(TestTableFormatter)
#include "tst_tableformatter.moc"
