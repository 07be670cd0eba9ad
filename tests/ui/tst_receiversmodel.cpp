#include "format/labels.h"
#include "receiversmodel.h"
#include "receiverspanel.h"
#include "uitestdata.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextDocument>
#include <QTest>
#include <QTimeZone>

using namespace fenzhang;
using namespace Qt::StringLiterals;

class TestReceiversModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyModel_passesTester();
    void setReceivers_passesTesterAndShowsLabels();
    void amount_isExactYuanRightAligned();
    void rawRole_keepsFenCodesAndTimes();
    void failReason_tooltipCarriesAdvice();
    void tooltip_tagsFromTheAnswerShownLiterally();
    void headers_translatedAndApiNameInTooltip();
    void proxySort_usesRawAmountNotText();
    void filter_matchesAnyColumn();
    void toTsv_selectedRowsWithHeaderAndFlattenedCells();
    void panelCopy_putsSelectedRowsOnClipboard();
};

void TestReceiversModel::emptyModel_passesTester()
{
    ReceiversModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ReceiversModel::ColumnCount));
}

void TestReceiversModel::setReceivers_passesTesterAndShowsLabels()
{
    ReceiversModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReceivers(UiTestData::order().receivers);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ReceiversModel::Type).data().toString(), u"Merchant ID"_s);
    QCOMPARE(model.index(0, ReceiversModel::Result).data().toString(), u"Succeeded"_s);
    QCOMPARE(model.index(1, ReceiversModel::FailReason).data().toString(), u"Receiver relation removed"_s);
    QCOMPARE(model.index(0, ReceiversModel::FailReason).data().toString(), QString());
    QCOMPARE(model.index(2, ReceiversModel::DetailId).data().toString(), u"36011111111111111111113"_s);
    // TZ=Asia/Shanghai in the test environment: local time equals the +08:00 source, offset shown.
    QVERIFY2(model.index(0, ReceiversModel::CreateTime).data().toString().contains(u"+08:00"_s),
             qPrintable(model.index(0, ReceiversModel::CreateTime).data().toString()));
    QCOMPARE(model.index(0, ReceiversModel::Result).data(ReceiversModel::ToneRole).toInt(),
             int(Labels::Tone::Good));
    QCOMPARE(model.index(1, ReceiversModel::Result).data(ReceiversModel::ToneRole).toInt(),
             int(Labels::Tone::Bad));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestReceiversModel::amount_isExactYuanRightAligned()
{
    ReceiversModel model;
    model.setReceivers(UiTestData::order().receivers);
    QCOMPARE(model.index(0, ReceiversModel::Amount).data().toString(), u"1.00"_s);
    // Beyond 2^53 fen: still exact.
    QCOMPARE(model.index(1, ReceiversModel::Amount).data().toString(), u"90,071,992,547,409.93"_s);
    QCOMPARE(model.index(2, ReceiversModel::Amount).data().toString(), u"0.05"_s);
    const auto alignment =
        model.index(0, ReceiversModel::Amount).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(alignment & Qt::AlignRight);
    const auto textAlignment =
        model.index(0, ReceiversModel::Account).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(textAlignment & Qt::AlignLeft);
}

void TestReceiversModel::rawRole_keepsFenCodesAndTimes()
{
    ReceiversModel model;
    model.setReceivers(UiTestData::order().receivers);
    QCOMPARE(model.index(1, ReceiversModel::Amount).data(ReceiversModel::RawRole).toLongLong(),
             9007199254740993LL);
    QCOMPARE(model.index(1, ReceiversModel::Type).data(ReceiversModel::RawRole).toString(),
             u"PERSONAL_OPENID"_s);
    QCOMPARE(model.index(1, ReceiversModel::Result).data(ReceiversModel::RawRole).toString(), u"CLOSED"_s);
    QCOMPARE(model.index(1, ReceiversModel::FailReason).data(ReceiversModel::RawRole).toString(),
             u"NO_RELATION"_s);
    const QDateTime created =
        model.index(0, ReceiversModel::CreateTime).data(ReceiversModel::RawRole).toDateTime();
    QCOMPARE(created.offsetFromUtc(), 8 * 3600);
    QCOMPARE(created.toUTC(), QDateTime(QDate(2015, 5, 20), QTime(5, 29, 35), QTimeZone::utc()));
}

void TestReceiversModel::failReason_tooltipCarriesAdvice()
{
    ReceiversModel model;
    model.setReceivers(UiTestData::order().receivers);
    const QString tip = model.index(1, ReceiversModel::FailReason).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"NO_RELATION"_s), qPrintable(tip));
    QVERIFY2(tip.contains(Labels::receiverFailAdvice(u"NO_RELATION"_s)), qPrintable(tip));
    QVERIFY(model.index(0, ReceiversModel::FailReason).data(Qt::ToolTipRole).isNull());
}

// A tooltip has no text format: Qt renders it as HTML when it looks like HTML. The answer's text in
// a tooltip must come out as written (issue 15).
void TestReceiversModel::tooltip_tagsFromTheAnswerShownLiterally()
{
    QList<ReceiverDetail> receivers = UiTestData::order().receivers;
    receivers[0].description = u"<b>分给商户</b><img src=\"x\">"_s;
    receivers[0].account = u"1900000110 & <i>x</i>"_s;
    ReceiversModel model;
    model.setReceivers(receivers);
    for (const int column : {int(ReceiversModel::Description), int(ReceiversModel::Account)}) {
        const QString tip = model.index(0, column).data(Qt::ToolTipRole).toString();
        const QString expected = column == ReceiversModel::Description ? receivers[0].description : receivers[0].account;
        QVERIFY(Qt::mightBeRichText(tip)); // so QToolTip renders it as HTML...
        QTextDocument rendered;
        rendered.setHtml(tip);
        QCOMPARE(rendered.toPlainText(), expected); // ...which shows the text as written
    }
    // Text without anything tag-like stays as it was.
    QCOMPARE(model.index(1, ReceiversModel::Account).data(Qt::ToolTipRole).toString(),
             UiTestData::order().receivers.at(1).account);
}

void TestReceiversModel::headers_translatedAndApiNameInTooltip()
{
    ReceiversModel model;
    for (int c = 0; c < ReceiversModel::ColumnCount; ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    QCOMPARE(model.headerData(ReceiversModel::Amount, Qt::Horizontal).toString(), u"Amount (yuan)"_s);
    QCOMPARE(model.headerData(ReceiversModel::FailReason, Qt::Horizontal, Qt::ToolTipRole).toString(),
             u"fail_reason"_s);
}

void TestReceiversModel::proxySort_usesRawAmountNotText()
{
    ReceiversModel model;
    model.setReceivers(UiTestData::order().receivers);
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setSortRole(ReceiversModel::RawRole);
    proxy.sort(ReceiversModel::Amount, Qt::AscendingOrder);
    // As text "0.05" < "1.00" < "90,07…" would also hold; descending makes the point with the
    // comma-grouped giant first and 0.05 last.
    proxy.sort(ReceiversModel::Amount, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, ReceiversModel::Amount).data(ReceiversModel::RawRole).toLongLong(),
             9007199254740993LL);
    QCOMPARE(proxy.index(2, ReceiversModel::Amount).data(ReceiversModel::RawRole).toLongLong(), 5LL);
    proxy.sort(ReceiversModel::Result, Qt::AscendingOrder); // by code: CLOSED, PENDING, SUCCESS
    QCOMPARE(proxy.index(0, ReceiversModel::Result).data(ReceiversModel::RawRole).toString(), u"CLOSED"_s);
    QCOMPARE(proxy.index(2, ReceiversModel::Result).data(ReceiversModel::RawRole).toString(), u"SUCCESS"_s);
}

void TestReceiversModel::filter_matchesAnyColumn()
{
    ReceiversPanel panel;
    QAbstractItemModelTester tester(panel.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.model()->setReceivers(UiTestData::order().receivers);
    QTest::keyClicks(panel.filterEdit(), u"relation"_s);
    QCOMPARE(panel.proxy()->rowCount(), 1);
    QCOMPARE(panel.proxy()->index(0, ReceiversModel::DetailId).data().toString(),
             u"36011111111111111111112"_s);
    panel.filterEdit()->clear();
    QCOMPARE(panel.proxy()->rowCount(), 3);
}

void TestReceiversModel::toTsv_selectedRowsWithHeaderAndFlattenedCells()
{
    ReceiversModel model;
    auto receivers = UiTestData::order().receivers;
    receivers[2].description = u"line1\nline2\tx"_s;
    model.setReceivers(receivers);
    const QString tsv = model.toTsv({2, 0});
    const QStringList lines = tsv.split(u'\n');
    QCOMPARE(lines.size(), 4); // header, two rows, trailing empty
    QVERIFY(lines.at(0).startsWith(u"Amount (yuan)\tDescription\t"_s));
    QVERIFY2(lines.at(1).startsWith(u"0.05\tline1 line2 x\t"_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(u"1.00\t"_s), qPrintable(lines.at(2)));
    QCOMPARE(lines.at(1).count(u'\t'), ReceiversModel::ColumnCount - 1);
    // Plain yuan without grouping so Excel reads a number.
    QVERIFY(model.toTsv({1}).contains(u"90071992547409.93\t"_s));
}

void TestReceiversModel::panelCopy_putsSelectedRowsOnClipboard()
{
    ReceiversPanel panel;
    panel.model()->setReceivers(UiTestData::order().receivers);
    panel.view()->selectRow(1);
    QCOMPARE(panel.selectedSourceRows(), QList<int>{1});
    panel.copySelection();
    const QString text = QApplication::clipboard()->text();
    QVERIFY2(text.contains(u"36011111111111111111112"_s), qPrintable(text));
    QVERIFY(!text.contains(u"36011111111111111111113"_s));
    panel.view()->clearSelection();
    QCOMPARE(panel.selectedSourceRows().size(), 3); // nothing selected: every visible row
}

QTEST_MAIN(TestReceiversModel)
#include "tst_receiversmodel.moc"
