#include "answerview.h"
#include "badgelabel.h"
#include "errorpanel.h"
#include "format/labels.h"
#include "lookup/queryfields.h"
#include "lookup/resultfacts.h"
#include "lookup/resultstate.h"
#include "orderresultview.h"
#include "rawview.h"
#include "receiverdetailpane.h"
#include "receiversmodel.h"
#include "receiverspanel.h"
#include "resultmetabar.h"
#include "returnresultview.h"
#include "uitestdata.h"

#include <limits>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace fenzhang;
using namespace Qt::StringLiterals;

namespace {

QString labelText(QWidget &w, const QString &name)
{
    auto *label = w.findChild<QLabel *>(name);
    return label ? label->text() : u"<missing %1>"_s.arg(name);
}

LookupResult okReturn(const QString &result, const QString &failReason = {})
{
    LookupResult r;
    r.kind = LookupResult::Kind::Ok;
    r.query = Query::blank(LookupKind::Return, Product::ServiceProvider);
    ReturnResult ret;
    ret.subMchid = u"1900000109"_s;
    ret.orderId = u"3008450740201411110007820472"_s;
    ret.outOrderNo = u"P20150806125346"_s;
    ret.outReturnNo = u"R20190516"_s;
    ret.returnNo = u"3008450740201411110007820473"_s;
    ret.returnMchid = u"86693852"_s;
    ret.amount = 10;
    ret.result = result;
    ret.failReason = failReason;
    ret.finishTime = WxTime::parse(u"2015-05-20T13:29:35+08:00"_s);
    r.query = ReturnQuery{ret.subMchid, ret.outReturnNo, ret.orderId, {}};
    r.answer = ret;
    r.response.verified = true;
    r.response.httpStatus = 200;
    r.response.requestId = "REQ-RETURN-1";
    return r;
}

} // namespace

class TestResultViews final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void orderView_showsHeaderBadgeAndReceivers();
    void orderView_totalsPerResult();
    void orderView_processingBadgeIsPending();
    void orderView_totalTooLargeToAddUpSaysSo();
    void receivers_detailPaneShowsReasonAndAdvice();
    void receivers_amountAndReasonWholeAtEachWidth_data();
    void receivers_amountAndReasonWholeAtEachWidth();
    void metaBar_copiesRequestId();
    void metaBar_unverifiedIsRedWarning();
    void rawTab_prettyBodyAndNoAuthorization();
    void returnView_successHasNoProcessingWarning();
    void returnView_processingShowsRetryWarning();
    void returnView_failShowsReasonAndAdvice();
    void errorPanel_apiErrorShowsCodeStatusRequestIdAndAdvice();
    void errorPanel_systemErrorSaysHowOftenTried();
    void errorPanel_networkFailureNamesBothHosts();
    void errorPanel_verificationFailureSaysNotTrusted();
    void errorPanel_oneHostIsNotCalledBoth();
    void errorPanel_notFound_noEmptyDetail();
    void answerView_showsAnyKindFromItsDescription();
    void answerView_remainingAmount();
};

void TestResultViews::orderView_showsHeaderBadgeAndReceivers()
{
    OrderResultView view;
    view.setResult(UiTestData::okOrder());
    QCOMPARE(view.stateBadge()->text(), Labels::orderState(u"FINISHED"_s));
    QCOMPARE(view.stateBadge()->tone(), Labels::Tone::Good);
    QCOMPARE(labelText(view, u"orderIdValue"_s), u"3008450740201411110007820472"_s);
    QCOMPARE(labelText(view, u"transactionIdValue"_s), u"4208450740201411110007820472"_s);
    QCOMPARE(labelText(view, u"outOrderNoValue"_s), u"P20150806125346"_s);
    QCOMPARE(labelText(view, u"subMchidValue"_s), u"1900000109"_s);
    QCOMPARE(view.receivers()->model()->rowCount(), 3);
    QCOMPARE(view.tabs()->count(), 2);
    view.clear();
    QCOMPARE(view.receivers()->model()->rowCount(), 0);
    QVERIFY(labelText(view, u"orderIdValue"_s).isEmpty());
}

void TestResultViews::orderView_totalsPerResult()
{
    OrderResultView view;
    view.setResult(UiTestData::okOrder());
    const QString totals = view.totalsText();
    QVERIFY2(totals.contains(u"Total: 3 receiver(s), 90,071,992,547,410.98 yuan"_s), qPrintable(totals));
    QVERIFY2(totals.contains(Labels::receiverResult(u"SUCCESS"_s) + u": 1 receiver(s), 1.00 yuan"_s),
             qPrintable(totals));
    QVERIFY2(totals.contains(Labels::receiverResult(u"PENDING"_s) + u": 1 receiver(s), 0.05 yuan"_s),
             qPrintable(totals));
}

void TestResultViews::orderView_processingBadgeIsPending()
{
    OrderResultView view;
    view.setResult(UiTestData::okOrder(UiTestData::order(u"PROCESSING"_s)));
    QCOMPARE(view.stateBadge()->text(), Labels::orderState(u"PROCESSING"_s));
    QCOMPARE(view.stateBadge()->tone(), Labels::Tone::Pending);
}

void TestResultViews::orderView_totalTooLargeToAddUpSaysSo()
{
    // Two receivers whose sum passes INT64_MAX: the total stops there and says why, never a number.
    OrderResult o = UiTestData::order();
    o.receivers = {UiTestData::receiver(std::numeric_limits<qint64>::max() - 1, u"MERCHANT_ID"_s,
                                        u"1900000110"_s, u"SUCCESS"_s, {}, u"1"_s),
                   UiTestData::receiver(5, u"MERCHANT_ID"_s, u"1900000111"_s, u"SUCCESS"_s, {}, u"2"_s)};
    OrderResultView view;
    view.setResult(UiTestData::okOrder(o));
    const QString totals = view.totalsText();
    QVERIFY2(totals.contains(u"Total: 2 receiver(s), too large to add up"_s), qPrintable(totals));
    QVERIFY2(!totals.contains(u"92,233,720,368,547,758.07"_s), qPrintable(totals));
}

void TestResultViews::receivers_detailPaneShowsReasonAndAdvice()
{
    ReceiversPanel panel;
    panel.resize(1000, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.model()->setReceivers(UiTestData::order().receivers);
    // The first receiver with a failure reason is shown at once, without selecting it.
    const QString text = panel.detailPane()->text();
    QVERIFY2(text.contains(Labels::receiverFailReason(u"NO_RELATION"_s)) && text.contains(u"NO_RELATION"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s), qPrintable(text));
    QVERIFY2(panel.detailPane()->adviceText().contains(Labels::receiverFailAdvice(u"NO_RELATION"_s)),
             qPrintable(panel.detailPane()->adviceText()));
    QVERIFY(panel.view()->selectionModel()->selectedRows().isEmpty());

    // Another receiver chosen with the keyboard: its own details, no advice for a success.
    panel.view()->setFocus();
    panel.view()->setCurrentIndex(panel.proxy()->index(0, 0));
    QVERIFY2(panel.detailPane()->text().contains(u"1900000110"_s), qPrintable(panel.detailPane()->text()));
    QVERIFY(panel.detailPane()->adviceText().isEmpty());
    panel.model()->clear();
    QVERIFY(panel.detailPane()->adviceText().isEmpty());
}

void TestResultViews::receivers_amountAndReasonWholeAtEachWidth_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("1440") << 1400;
    QTest::newRow("1280") << 1240;
    QTest::newRow("1024") << 990;
}

void TestResultViews::receivers_amountAndReasonWholeAtEachWidth()
{
    QFETCH(int, width);
    ReceiversPanel panel;
    panel.resize(width, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.model()->setReceivers(UiTestData::order().receivers);
    QTableView *view = panel.view();
    const QFontMetrics metrics = view->fontMetrics();
    for (int column : {int(ReceiversModel::Amount), int(ReceiversModel::FailReason)}) {
        int widest = 0;
        for (int row = 0; row < panel.proxy()->rowCount(); ++row)
            widest = std::max(widest,
                              metrics.horizontalAdvance(panel.proxy()->index(row, column).data().toString()));
        QVERIFY2(view->columnWidth(column) >= widest,
                 qPrintable(u"column %1: %2 < %3"_s.arg(column).arg(view->columnWidth(column)).arg(widest)));
        // Whole and on screen, not scrolled out of sight.
        QVERIFY(view->columnViewportPosition(column) + view->columnWidth(column) <=
                view->viewport()->width());
    }
    // Times are as wide as they need, no wider; descriptions and accounts take the room left over.
    for (int column : {int(ReceiversModel::CreateTime), int(ReceiversModel::FinishTime)}) {
        const int needed = metrics.horizontalAdvance(panel.proxy()->index(0, column).data().toString());
        QVERIFY2(
            view->columnWidth(column) < needed + 40,
            qPrintable(
                u"time column %1 is %2 for %3"_s.arg(column).arg(view->columnWidth(column)).arg(needed)));
    }
    // The OpenID gives way last: it is narrowed only once the detail ID, type and description
    // are down to their minimum.
    const int account = metrics.horizontalAdvance(u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s);
    if (view->columnWidth(ReceiversModel::Account) < account) {
        for (int column :
             {int(ReceiversModel::DetailId), int(ReceiversModel::Type), int(ReceiversModel::Description)})
            QVERIFY2(view->columnWidth(column) <= 110,
                     qPrintable(u"column %1 is %2 while the account is cut"_s.arg(column).arg(
                         view->columnWidth(column))));
    }
    QVERIFY(panel.proxy()
                ->index(0, ReceiversModel::Amount)
                .data(Qt::TextAlignmentRole)
                .value<Qt::Alignment>()
                .testFlag(Qt::AlignRight));
}

void TestResultViews::metaBar_copiesRequestId()
{
    OrderResultView view;
    view.setResult(UiTestData::okOrder());
    QCOMPARE(view.metaBar()->requestId(), u"08F78BB5AF0610D8830D9E00"_s);
    QVERIFY(labelText(view, u"requestIdLabel"_s).contains(u"08F78BB5AF0610D8830D9E00"_s));
    QApplication::clipboard()->clear();
    QTest::mouseClick(view.findChild<QToolButton *>(u"copyRequestId"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"08F78BB5AF0610D8830D9E00"_s);
    QCOMPARE(view.metaBar()->verificationBadge()->text(), u"Signature verified"_s);
    QCOMPARE(view.metaBar()->verificationBadge()->tone(), Labels::Tone::Good);
    QVERIFY2(labelText(view, u"lookedUpLabel"_s).contains(u"2026-11-24 12:00:00 +08:00"_s),
             qPrintable(labelText(view, u"lookedUpLabel"_s)));
}

void TestResultViews::metaBar_unverifiedIsRedWarning()
{
    ResultMetaBar bar;
    LookupResult r = UiTestData::okOrder();
    r.response.verified = false;
    bar.setResult(r);
    QCOMPARE(bar.verificationBadge()->tone(), Labels::Tone::Bad);
    QVERIFY(bar.verificationBadge()->text().contains(u"NOT"_s));
}

void TestResultViews::rawTab_prettyBodyAndNoAuthorization()
{
    OrderResultView view;
    view.setResult(UiTestData::okOrder());
    const QString raw = view.rawView()->toPlainText();
    QVERIFY2(raw.contains(u"\"amount\": 9007199254740993"_s), qPrintable(raw)); // exact, not 9007199254740992
    QVERIFY(raw.contains(u"HTTP 200"_s));
    QVERIFY(raw.contains(u"Request-ID: 08F78BB5AF0610D8830D9E00"_s));
    QVERIFY(raw.contains(u"Wechatpay-Serial: PUB_KEY_ID_0000"_s));
    QVERIFY2(!raw.contains(u"Authorization"_s, Qt::CaseInsensitive), qPrintable(raw));
    QVERIFY(!raw.contains(u"secret"_s));
}

void TestResultViews::returnView_successHasNoProcessingWarning()
{
    ReturnResultView view;
    view.setResult(okReturn(u"SUCCESS"_s));
    QCOMPARE(view.resultBadge()->text(), Labels::returnResult(u"SUCCESS"_s));
    QCOMPARE(view.resultBadge()->tone(), Labels::Tone::Good);
    QVERIFY(view.processingWarning()->isHidden());
    QCOMPARE(labelText(view, u"amountValue"_s), u"0.10"_s);
    QCOMPARE(labelText(view, u"returnMchidValue"_s), u"86693852"_s);
    QCOMPARE(labelText(view, u"returnNoValue"_s), u"3008450740201411110007820473"_s);
    QCOMPARE(labelText(view, u"outReturnNoValue"_s), u"R20190516"_s);
    QVERIFY(labelText(view, u"finishTimeValue"_s).contains(u"+08:00"_s));
    QVERIFY(labelText(view, u"failReasonValue"_s).isEmpty());
}

void TestResultViews::returnView_processingShowsRetryWarning()
{
    ReturnResultView view;
    view.setResult(okReturn(u"PROCESSING"_s));
    QVERIFY(!view.processingWarning()->isHidden());
    QVERIFY(view.processingWarning()->text().contains(u"out_return_no"_s));
    QCOMPARE(view.resultBadge()->tone(), Labels::Tone::Pending);
    view.setResult(okReturn(u"SUCCESS"_s));
    QVERIFY(view.processingWarning()->isHidden());
}

void TestResultViews::returnView_failShowsReasonAndAdvice()
{
    ReturnResultView view;
    view.setResult(okReturn(u"FAIL"_s, u"ACCOUNT_ABNORMAL"_s));
    QCOMPARE(view.resultBadge()->tone(), Labels::Tone::Bad);
    const QString reason = labelText(view, u"failReasonValue"_s);
    QVERIFY2(reason.contains(Labels::returnFailReason(u"ACCOUNT_ABNORMAL"_s)), qPrintable(reason));
    QVERIFY(reason.contains(u"ACCOUNT_ABNORMAL"_s));
    QCOMPARE(view.findChild<QLabel *>(u"failReasonValue"_s)->toolTip(),
             Labels::returnFailAdvice(u"ACCOUNT_ABNORMAL"_s));
}

void TestResultViews::errorPanel_apiErrorShowsCodeStatusRequestIdAndAdvice()
{
    LookupResult r;
    r.kind = LookupResult::Kind::ApiError;
    r.response.outcome = ApiResponse::Outcome::ApiError;
    r.response.httpStatus = 404;
    r.response.requestId = "REQ-404";
    r.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    r.response.errorMessage = u"记录不存在"_s;
    r.response.errorDetail = R"({"field":"out_order_no"})";
    r.response.attempts = 1;
    ErrorPanel panel;
    panel.setResult(r);
    QVERIFY2(panel.title().contains(Labels::errorCode(u"RESOURCE_NOT_EXISTS"_s)), qPrintable(panel.title()));
    QCOMPARE(panel.advice(), Labels::errorAdvice(u"RESOURCE_NOT_EXISTS"_s));
    const QString details = panel.detailsText();
    QVERIFY(details.contains(u"Code: RESOURCE_NOT_EXISTS"_s));
    QVERIFY(details.contains(u"记录不存在"_s));
    QVERIFY(details.contains(u"HTTP status: 404"_s));
    QVERIFY(details.contains(u"Request-ID: REQ-404"_s));
    QVERIFY2(details.contains(u"\"field\": \"out_order_no\""_s), qPrintable(details));
    QVERIFY(labelText(panel, u"errorMessage"_s).contains(u"404"_s));

    QApplication::clipboard()->clear();
    QTest::mouseClick(panel.findChild<QPushButton *>(u"copyErrorDetails"_s), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY(copied.contains(u"Request-ID: REQ-404"_s));
    QVERIFY(copied.contains(panel.title()));
}

void TestResultViews::errorPanel_systemErrorSaysHowOftenTried()
{
    LookupResult r;
    r.kind = LookupResult::Kind::ApiError;
    r.response.httpStatus = 500;
    r.response.errorCode = u"SYSTEM_ERROR"_s;
    r.response.attempts = 4;
    ErrorPanel panel;
    panel.setResult(r);
    QVERIFY2(panel.advice().contains(u"4"_s), qPrintable(panel.advice()));
    QVERIFY(panel.advice().contains(Labels::errorAdvice(u"SYSTEM_ERROR"_s)));
}

void TestResultViews::errorPanel_networkFailureNamesBothHosts()
{
    LookupResult r;
    r.kind = LookupResult::Kind::NetworkError;
    r.response.hostsTried = {u"api.mch.weixin.qq.com"_s, u"api2.mch.weixin.qq.com"_s};
    r.response.networkError = u"Connection refused"_s;
    r.response.attempts = 2;
    ErrorPanel panel;
    panel.setResult(r);
    const QString message = labelText(panel, u"errorMessage"_s);
    QVERIFY2(message.contains(u"api.mch.weixin.qq.com"_s) && message.contains(u"api2.mch.weixin.qq.com"_s),
             qPrintable(message));
    QVERIFY(message.contains(u"Connection refused"_s));
}

void TestResultViews::errorPanel_oneHostIsNotCalledBoth()
{
    LookupResult r;
    r.kind = LookupResult::Kind::NetworkError;
    r.response.hostsTried = {u"127.0.0.1:40123"_s};
    r.response.networkError = u"Connection refused"_s;
    ErrorPanel panel;
    panel.setResult(r);
    const QString one = labelText(panel, u"errorMessage"_s);
    QCOMPARE(one, u"No answer from 127.0.0.1:40123. Connection refused"_s);

    r.response.hostsTried = {u"api.mch.weixin.qq.com"_s, u"api2.mch.weixin.qq.com"_s};
    panel.setResult(r);
    QCOMPARE(labelText(panel, u"errorMessage"_s),
             u"Neither api.mch.weixin.qq.com nor api2.mch.weixin.qq.com answered. Connection refused"_s);
}

void TestResultViews::errorPanel_notFound_noEmptyDetail()
{
    LookupResult r;
    r.kind = LookupResult::Kind::ApiError;
    r.response.httpStatus = 404;
    r.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    r.response.errorMessage = u"记录不存在"_s;
    r.response.requestId = "REQ-404";
    for (const QByteArray &empty : {QByteArray("{}"), QByteArray(" { } ").replace(' ', ""), QByteArray("[]"),
                                    QByteArray("null"), QByteArray()}) {
        r.response.errorDetail = empty;
        ErrorPanel panel;
        panel.setResult(r);
        QVERIFY2(!panel.detailsText().contains(u"Detail:"_s), qPrintable(panel.detailsText()));
        QVERIFY(panel.detailsText().contains(u"REQ-404"_s));
    }
    r.response.errorDetail = R"({"field":"sub_mchid"})";
    ErrorPanel panel;
    panel.setResult(r);
    QVERIFY2(panel.detailsText().contains(u"Detail:"_s) && panel.detailsText().contains(u"sub_mchid"_s),
             qPrintable(panel.detailsText()));
}

void TestResultViews::errorPanel_verificationFailureSaysNotTrusted()
{
    LookupResult r;
    r.kind = LookupResult::Kind::VerificationFailed;
    r.response.httpStatus = 200;
    r.response.requestId = "REQ-TAMPERED";
    r.response.verification.status = Verification::Status::BadSignature;
    r.response.verification.detail = u"The signature does not match the body."_s;
    r.response.body = R"({"state":"FINISHED","secret_amount":123})";
    ErrorPanel panel;
    panel.setResult(r);
    QVERIFY(panel.title().contains(u"not trusted"_s));
    QVERIFY(panel.advice().contains(u"No result is shown"_s));
    QCOMPARE(labelText(panel, u"errorMessage"_s), u"The signature does not match the body."_s);
    QVERIFY(panel.detailsText().contains(u"REQ-TAMPERED"_s));
    QVERIFY(!panel.detailsText().contains(u"secret_amount"_s)); // nothing of the untrusted body
}

// The view of a kind without a view of its own shows every kind from its description alone: an
// order with its receivers as lines, a return with the product's own numbers, nothing left over from
// the answer shown before.
void TestResultViews::answerView_showsAnyKindFromItsDescription()
{
    AnswerView view;
    view.resize(900, 600);
    view.show();
    const LookupResult order = UiTestData::okOrder();
    view.setResult(order);
    QCOMPARE(view.title(), LookupKinds::dialogTitle(LookupKind::Order));
    QCOMPARE(view.stateBadge()->text(), Labels::orderState(u"FINISHED"_s));
    QCOMPARE(view.value(QueryFields::label(u"transaction_id")), u"4208450740201411110007820472"_s);
    QCOMPARE(view.value(QueryFields::label(u"out_order_no")), u"P20150806125346"_s);
    QVERIFY(view.lines()->isVisible());
    QCOMPARE(view.lines()->rowCount(), 3);
    const ResultFacts facts = ResultFacts::of(order);
    QCOMPARE(view.lines()->columnCount(), facts.lineHeader.size());
    QCOMPARE(view.lines()->item(1, 1)->text(), facts.lines.at(1).at(1)); // 90,071,992,547,409.93: exact
    QVERIFY(view.lines()->item(1, 1)->text().endsWith(u"409.93"_s));
    QVERIFY(view.lines()->item(1, 5)->text().contains(u"NO_RELATION"_s));
    QVERIFY(view.findChild<QLabel *>(u"answerNotes"_s)
                ->text()
                .contains(Labels::receiverFailAdvice(u"NO_RELATION"_s)));

    view.setResult(okReturn(u"FAILED"_s, u"BALANCE_NOT_ENOUGH"_s));
    QCOMPARE(view.title(), LookupKinds::dialogTitle(LookupKind::Return));
    QCOMPARE(view.stateBadge()->toolTip(), u"FAILED"_s);
    QVERIFY(view.value(ResultFacts::tr("Failure reason")).contains(u"BALANCE_NOT_ENOUGH"_s));
    QCOMPARE(view.value(ResultFacts::tr("WeChat Pay return No. (%1)").arg(u"return_id"_s)),
             u"3008450740201411110007820473"_s);                          // the ordinary answer's name for it
    QVERIFY(view.value(QueryFields::label(u"transaction_id")).isEmpty()); // the order's, gone
    auto *notes = view.findChild<QLabel *>(u"answerNotes"_s);
    QVERIFY(notes);
    QTRY_VERIFY(notes->isVisible()); // the new grid is shown by the event loop
    QVERIFY(notes->text().contains(Labels::returnFailAdvice(u"BALANCE_NOT_ENOUGH"_s)));
    QVERIFY(!view.lines()->isVisible());
    QVERIFY(ResultFacts::of(okReturn(u"SUCCESS"_s)).linesTitle.isEmpty());
}

void TestResultViews::answerView_remainingAmount()
{
    LookupResult result;
    result.kind = LookupResult::Kind::Ok;
    result.query = AmountsQuery{u"4208450740201411110007820472"_s, Product::Brand};
    AmountsResult amounts;
    amounts.transactionId = u"4208450740201411110007820472"_s;
    amounts.unsplitAmount = 9200;
    result.answer = amounts;
    result.response.verified = true;
    result.response.requestId = "REQ-AMOUNTS-1";
    AnswerView view;
    view.show();
    view.setResult(UiTestData::okOrder()); // an answer with lines first: they must go
    QTRY_VERIFY(view.lines()->isVisible());
    view.setResult(result);
    QCOMPARE(view.title(), LookupKinds::dialogTitle(LookupKind::Amounts));
    QCOMPARE(view.stateBadge()->text(), ResultState::label(LookupKind::Amounts, AmountsResult::frozenCode()));
    QCOMPARE(view.stateBadge()->toolTip(), u"unsplit_amount = 9200"_s); // what WeChat Pay said
    QCOMPARE(view.value(ResultFacts::tr("Remaining to share (yuan)")), u"92.00"_s);
    QCOMPARE(view.value(QueryFields::label(u"transaction_id")), u"4208450740201411110007820472"_s);
    QVERIFY(!view.lines()->isVisible());
    view.clear();
    QVERIFY(view.title().isEmpty());
    QVERIFY(view.value(ResultFacts::tr("Remaining to share (yuan)")).isEmpty());
}

QTEST_MAIN(TestResultViews)
#include "tst_resultviews.moc"
