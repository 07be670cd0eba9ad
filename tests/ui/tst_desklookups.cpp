// The desktop app end to end: a real MainWindow whose look-ups go to an in-process sandbox over
// loopback, driven through its widgets the way a clerk would.

#include "answerview.h"
#include "appsettings.h"
#include "badgelabel.h"
#include "demoprofile.h"
#include "errorpanel.h"
#include "fenzhang_version.h"
#include "fieldedit.h"
#include "fieldgrid.h"
#include "format/labels.h"
#include "format/money.h"
#include "historybackend.h"
#include "language.h"
#include "lookup/resultexport.h"
#include "lookup/resultfacts.h"
#include "lookupcontroller.h"
#include "lookuppage.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "orderresultview.h"
#include "processingbar.h"
#include "profileselector.h"
#include "queryform.h"
#include "receiversmodel.h"
#include "receiverspanel.h"
#include "refreshscheduler.h"
#include "remainingamountline.h"
#include "resultmetabar.h"
#include "returnresultview.h"
#include "rogueserver.h"
#include "sandbox/sandboxserver.h"
#include "settingsdialog.h"
#include "stalebanner.h"
#include "testsettings.h"
#include "writeresult.h"
#include "xlsxreader.h"

#include <memory>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTranslator>

using namespace fenzhang;
using fenzhang::test::failure;
using namespace Qt::StringLiterals;
using Stall = fenzhang::testing::RogueServer::Behaviour;

class TestDeskLookups final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void demo_prefillsBothFormsAndIsMarked();
    void pageOfAnyKind_looksUpFromItsDescription();
    void orderLookup_typedIn_showsReceiversAndBadges();
    void orderLookup_exportCsv_byteForByteResultExport();
    void orderLookup_exportWorkbook_typedCellsAndStatus();
    void export_remembersChoice_failureLeavesNothing();
    void export_workbookHeadingsFollowLanguage();
    void orderLookup_ctrlC_copiesSelectedRowsAsTsv();
    void returnLookup_typedIn_showsResult();
    void orderLookup_notFound_showsErrorPanel();
    void orderLookup_tamperedAnswer_notTrustedNoResult();
    void orderLookup_otherOrdersAnswer_notTheAnswerNoResult();
    void orderLookup_tagsInMessage_shownLiterally();
    void orderLookup_processing_refreshUntilFinal();
    void settings_rememberPageAndProfile();
    void pages_named();
    void networkFailure_namesBothHosts();
    void primaryDown_statusLineShowsFailoverAndResultArrives();
    void brokenProfile_saysSoAndSendsNothing();
    void autoRefresh_looksAgainUntilFinal();
    void ctrlEnter_runsLookupFromAnywhere();
    void cancel_stopsSlowLookup();
    void stalledAnswer_guiKeepsRunning_cancelButton_thenLooksUpAgain_data();
    void stalledAnswer_guiKeepsRunning_cancelButton_thenLooksUpAgain();
    void statusLine_namesFailoverAndRetries();
    void about_showsVersion();
    void settingsDialog_savesLanguage();
    void staleResult_markedAtOnce_whenNumbersChangeOrALookupStarts();
    void enterOnInvalidField_statusLineSaysWhy();
    void returnLookup_switchingWays_sendsEachWaysOwnNumber();
    void typeEnterCtrlE_exportsFromTheNumberField();
    void products_formsFollowTheProfile_eachLookUpEndToEnd_data();
    void products_formsFollowTheProfile_eachLookUpEndToEnd();
    void remainingAmount_automaticForFinishedOrder_whenTheProfileWantsIt();
    void remainingAmount_failure_saysWhyWithRequestId();
    void productSwitched_shownResultIsNotAskedAgainAsTheNewProduct();

private:
    void runAndWait(LookupPage *page);
    void typeInto(QueryForm *form, const QString &field, const QString &value);
    // Adds the sandbox's demo profile of this product and makes it current.
    ConnectionProfile useDemo(Product product, bool autoRemainingAmount = false);
    // Clicks the remaining-amount button beside the shown order and waits for the answer.
    LookupResult lookUpRemainingAmount(LookupPage *page);

    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    ConnectionProfile m_demo;
    std::unique_ptr<StaticConnectionProvider> m_provider;
    std::unique_ptr<LookupController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestDeskLookups::initTestCase()
{
    QVERIFY(m_dir.isValid());
    testing::useTestSettings(m_dir.path(), u"test_desklookups"_s);
    QVERIFY2(m_server.start(sandbox::SandboxOptions{}), qPrintable(m_server.errorString()));
    m_demo = DemoProfile::fromSandboxInfo(m_server.info());
    QVERIFY(!m_demo.sampleOrder.outOrderNo.isEmpty());
    QVERIFY(!m_demo.sampleReturn.outReturnNo.isEmpty());
}

void TestDeskLookups::init()
{
    m_provider = std::make_unique<StaticConnectionProvider>();
    m_provider->addProfile(m_demo);
    m_controller = std::make_unique<LookupController>(m_provider.get());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDeskLookups::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_provider.reset();
}

void TestDeskLookups::typeInto(QueryForm *form, const QString &field, const QString &value)
{
    FieldEdit *edit = form->field(field);
    QVERIFY2(edit, qPrintable(field));
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, value);
}

ConnectionProfile TestDeskLookups::useDemo(Product product, bool autoRemainingAmount)
{
    ConnectionProfile demo = DemoProfile::fromSandboxInfo(m_server.info(), product);
    demo.autoRemainingAmount = autoRemainingAmount;
    m_provider->addProfile(demo);
    m_controller->setCurrentProfile(demo.id);
    return demo;
}

LookupResult TestDeskLookups::lookUpRemainingAmount(LookupPage *page)
{
    LookupResult answer;
    bool done = false;
    QObject scope;
    connect(page, &LookupPage::remainingAmountFinished, &scope, [&](const LookupResult &result) {
        answer = result;
        done = true;
    });
    RemainingAmountLine *line = page->orderView()->remainingAmount();
    [&] { QVERIFY(line->button()->isVisible() && line->button()->isEnabled()); }();
    QTest::mouseClick(line->button(), Qt::LeftButton);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
    return answer;
}

void TestDeskLookups::runAndWait(LookupPage *page)
{
    QVERIFY(page->form()->queryButton()->isEnabled());
    QTest::keyClick(page->form()->fields().constLast(), Qt::Key_Return);
    QVERIFY(page->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
}

// A page of a kind without a form or view of its own (the remaining amount): the form from the
// kind's fields, the answer from its description, through the sandbox at the product's endpoint.
void TestDeskLookups::pageOfAnyKind_looksUpFromItsDescription()
{
    const ConnectionProfile brand = useDemo(Product::Brand);
    QStringList targets;
    QObject scope;
    connect(&m_server, &sandbox::SandboxServer::requestHandled, &scope,
            [&targets](const QJsonObject &entry) { targets << entry.value(u"target"_s).toString(); });
    LookupPage page(LookupKind::Amounts, m_controller.get());
    page.setProduct(Product::Brand);
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.objectName(), u"amountsPage"_s);
    QCOMPARE(page.form()->fields().size(), 1);
    QVERIFY(page.answerView());
    typeInto(page.form(), u"transaction_id"_s, brand.sampleOrder.transactionId);
    runAndWait(&page);
    QCOMPARE(page.currentView(), LookupPage::View::Result);
    QVERIFY(page.shownResult()->amounts());
    QCOMPARE(targets.size(), 1);
    QCOMPARE(targets.constFirst(),
             u"/v3/brand/profitsharing/orders/%1/amounts"_s.arg(brand.sampleOrder.transactionId));
    const QString yuan = page.answerView()->value(ResultFacts::tr("Remaining to share (yuan)"));
    QCOMPARE(yuan,
             Money::formatYuan(page.shownResult()->amounts()->unsplitAmount, Money::Grouping::Thousands));
    QCOMPARE(page.answerView()->stateBadge()->toolTip(),
             u"unsplit_amount = %1"_s.arg(page.shownResult()->amounts()->unsplitAmount));
    QCOMPARE(page.suggestedExportName(), u"profitsharing-amounts-"_s + brand.sampleOrder.transactionId);
}

void TestDeskLookups::demo_prefillsBothFormsAndIsMarked()
{
    QVERIFY(m_window->isDemo());
    QVERIFY(m_window->windowTitle().contains(u"DEMO"_s));
    QVERIFY(m_window->findChild<QLabel *>(u"demoBanner"_s)->isVisible());
    m_window->prefillSamples();
    const OrderQuery order = *m_window->orderPage()->form()->currentQuery().order();
    QCOMPARE(order.subMchid, m_demo.sampleOrder.subMchid);
    QCOMPARE(order.transactionId, m_demo.sampleOrder.transactionId);
    QCOMPARE(order.outOrderNo, m_demo.sampleOrder.outOrderNo);
    QVERIFY(m_window->orderPage()->form()->queryButton()->isEnabled());
    const ReturnQuery ret = *m_window->returnPage()->form()->currentQuery().returnOrder();
    QCOMPARE(ret.subMchid, m_demo.sampleReturn.subMchid);
    QCOMPARE(ret.outReturnNo, m_demo.sampleReturn.outReturnNo);
    QCOMPARE(ret.orderId, m_demo.sampleReturn.orderId);
    QCOMPARE(ret.outOrderNo, m_demo.sampleReturn.outOrderNo);
    QVERIFY(m_window->returnPage()->form()->queryButton()->isEnabled());

    // The "press Enter" hint is for the look-up forms: the batch and history tabs drop it.
    const QString hint = m_window->statusBar()->currentMessage();
    QVERIFY(hint.contains(u"Enter"_s));
    m_window->setCurrentPage(MainWindow::Page::Return);
    QCOMPARE(m_window->statusBar()->currentMessage(), hint);
    m_window->setCurrentPage(MainWindow::Page::Batch);
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
    m_window->setCurrentPage(MainWindow::Page::Order);

    // Enter, straight away, runs the sample look-up: the focus is in the filled-in form.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus && m_window->orderPage()->form()->isAncestorOf(focus));
    QTest::keyClick(focus, Qt::Key_Return);
    QVERIFY(m_window->orderPage()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->orderPage()->isBusy(), 20000);
    QCOMPARE(m_window->orderPage()->currentView(), LookupPage::View::Result);
}

void TestDeskLookups::orderLookup_typedIn_showsReceiversAndBadges()
{
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"sub_mchid"_s, m_demo.sampleOrder.subMchid);
    typeInto(page->form(), u"transaction_id"_s, m_demo.sampleOrder.transactionId);
    typeInto(page->form(), u"out_order_no"_s, m_demo.sampleOrder.outOrderNo);
    runAndWait(page);

    QCOMPARE(page->currentView(), LookupPage::View::Result);
    QVERIFY(page->shownResult().has_value());
    const LookupResult &result = *page->shownResult();
    QCOMPARE(result.kind, LookupResult::Kind::Ok);
    const OrderResult &order = *result.order();
    QCOMPARE(order.outOrderNo, m_demo.sampleOrder.outOrderNo);

    OrderResultView *view = page->orderView();
    QCOMPARE(view->stateBadge()->text(), Labels::orderState(order.state));
    QCOMPARE(view->stateBadge()->tone(), Labels::orderStateTone(order.state));
    QCOMPARE(view->metaBar()->verificationBadge()->text(), u"Signature verified"_s);
    QCOMPARE(view->metaBar()->verificationBadge()->tone(), Labels::Tone::Good);
    QVERIFY(!view->metaBar()->requestId().isEmpty());
    QCOMPARE(view->metaBar()->requestId(), QString::fromLatin1(result.response.requestId));

    ReceiversModel *model = view->receivers()->model();
    QCOMPARE(model->rowCount(), order.receivers.size());
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const ReceiverDetail &r = order.receivers.at(row);
        QCOMPARE(model->index(row, ReceiversModel::Amount).data().toString(),
                 Money::formatYuan(r.amount, Money::Grouping::Thousands));
        QCOMPARE(model->index(row, ReceiversModel::Type).data().toString(), Labels::receiverType(r.type));
        QCOMPARE(model->index(row, ReceiversModel::Result).data().toString(),
                 Labels::receiverResult(r.result));
        QCOMPARE(model->index(row, ReceiversModel::Result).data(ReceiversModel::ToneRole).toInt(),
                 int(Labels::receiverResultTone(r.result)));
        QCOMPARE(model->index(row, ReceiversModel::DetailId).data().toString(), r.detailId);
        QCOMPARE(model->index(row, ReceiversModel::Account).data().toString(), r.account);
    }
    QVERIFY(m_window->exportAction()->isEnabled());
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"HTTP 200"_s));
}

void TestDeskLookups::orderLookup_exportCsv_byteForByteResultExport()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    runAndWait(page);
    QVERIFY(page->shownResult());

    QBuffer expected;
    expected.open(QIODevice::WriteOnly);
    QCOMPARE(failure(ResultExport::writeCsv(*page->shownResult(), &expected)), QString());

    const QString path = m_dir.filePath(u"order.csv"_s);
    MessageBox::setNextSaveFileName(path);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray written = file.readAll();
    QCOMPARE(written, expected.data());
    QVERIFY(written.startsWith("\xEF\xBB\xBF")); // BOM for Excel

    // A cancelled dialog writes nothing.
    QFile::remove(path);
    MessageBox::setNextSaveFileName(QString());
    m_window->exportAction()->trigger();
    QVERIFY(!QFile::exists(path));
}

void TestDeskLookups::orderLookup_exportWorkbook_typedCellsAndStatus()
{
    AppSettings::reset(AppSettings::Key::ExportFormat); // first export: the workbook is the default
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    runAndWait(page);
    QVERIFY(page->shownResult());
    const OrderResult &order = *page->shownResult()->order();

    // A name typed without a suffix gets the chosen format's.
    const QString typed = m_dir.filePath(u"order-book"_s);
    MessageBox::setNextSaveFileName(typed);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    const QString path = typed + u".xlsx"_s;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"Excel workbook"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        u"Exported %1 row"_s.arg(order.receivers.size())));

    const test::XlsxBook book = test::readXlsx(path);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    const test::XlsxSheet *sheet = book.sheet(u"Receivers"_s);
    QVERIFY(sheet);
    QCOMPARE(sheet->rows.size(), order.receivers.size() + 1);
    for (qsizetype i = 0; i < order.receivers.size(); ++i) {
        const int row = int(i) + 1;
        QCOMPARE(sheet->at(row, u"WeChat Pay transaction ID"_s).value, order.transactionId);
        QCOMPARE(sheet->at(row, u"WeChat Pay transaction ID"_s).type, u"str"_s);
        QCOMPARE(sheet->at(row, u"WeChat sharing order no."_s).value, order.orderId);
        QCOMPARE(sheet->at(row, u"Detail ID"_s).value, order.receivers.at(i).detailId);
        QCOMPARE(sheet->at(row, u"Detail ID"_s).type, u"str"_s);
        QCOMPARE(sheet->at(row, u"Amount (fen)"_s).type, u"int"_s);
        QCOMPARE(sheet->at(row, u"Amount (fen)"_s).value, QString::number(order.receivers.at(i).amount));
        QCOMPARE(sheet->at(row, u"Amount (yuan)"_s).format, u"0.00"_s);
    }
    const test::XlsxSheet *about = book.sheet(u"About"_s);
    QVERIFY(about);
    QCOMPARE(about->rows.at(2).at(1).value, m_demo.name); // Profile
    QCOMPARE(about->rows.at(3).at(1).value, m_demo.settings.merchant.mchid);
    QCOMPARE(AppSettings::value(AppSettings::Key::ExportFormat).toString(), u"xlsx"_s);
}

void TestDeskLookups::export_remembersChoice_failureLeavesNothing()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    runAndWait(page);

    // Choosing CSV (by its extension) is remembered for the next export.
    const QString csv = m_dir.filePath(u"remembered.csv"_s);
    MessageBox::setNextSaveFileName(csv);
    m_window->exportAction()->trigger();
    QVERIFY(QFile::exists(csv));
    QCOMPARE(AppSettings::value(AppSettings::Key::ExportFormat).toString(), u"csv"_s);
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"(CSV)"_s));

    // A folder that does not exist: the failure says why and that nothing was written.
    const QString bad = m_dir.filePath(u"no/such/folder/result.xlsx"_s);
    MessageBox::setNextSaveFileName(bad);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    m_window->exportAction()->trigger();
    QVERIFY(!QFile::exists(bad));
    QVERIFY2(MessageBox::lastText().contains(u"No file was written"_s), qPrintable(MessageBox::lastText()));
    QVERIFY(MessageBox::lastText().contains(QDir::toNativeSeparators(bad)));
    QCOMPARE(AppSettings::value(AppSettings::Key::ExportFormat).toString(), u"xlsx"_s);
}

void TestDeskLookups::export_workbookHeadingsFollowLanguage()
{
    const QString deskDir = QStringLiteral(FENZHANG_BINARY_DIR) + u"/app/desk"_s;
    QTranslator translator;
    if (!translator.load(u"fenzhang_zh_CN"_s, Language::translationDirectories(deskDir).constFirst()))
        QSKIP("the desktop app's translations are not built");
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    runAndWait(page);
    QCoreApplication::installTranslator(&translator);
    const QString path = m_dir.filePath(u"zh.xlsx"_s);
    MessageBox::setNextSaveFileName(path);
    m_window->exportAction()->trigger();
    QCoreApplication::removeTranslator(&translator);
    const test::XlsxBook book = test::readXlsx(path);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    QCOMPARE(book.sheets.size(), 2);
    const test::XlsxSheet &sheet = book.sheets.at(0);
    QCOMPARE(sheet.name, u"接收方"_s);
    QCOMPARE(sheet.at(1, u"微信支付订单号"_s).value, page->shownResult()->order()->transactionId);
    QCOMPARE(sheet.at(1, u"金额（分）"_s).type, u"int"_s);
    QCOMPARE(book.sheets.at(1).name, u"说明"_s);

    // The CSV keeps the API names whatever the language: it is for programs.
    QCoreApplication::installTranslator(&translator);
    const QString csv = m_dir.filePath(u"zh.csv"_s);
    MessageBox::setNextSaveFileName(csv);
    m_window->exportAction()->trigger();
    QCoreApplication::removeTranslator(&translator);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readLine().startsWith("\xEF\xBB\xBFsub_mchid,transaction_id,out_order_no,order_id,"));
}

void TestDeskLookups::orderLookup_ctrlC_copiesSelectedRowsAsTsv()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    runAndWait(page);
    ReceiversPanel *panel = page->orderView()->receivers();
    panel->view()->setFocus();
    panel->view()->selectRow(0);
    QApplication::clipboard()->clear();
    m_window->copyAction()->trigger();
    const QString tsv = QApplication::clipboard()->text();
    const QStringList lines = tsv.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const int sourceRow = panel->proxy()->mapToSource(panel->proxy()->index(0, 0)).row();
    QVERIFY2(lines.at(1).contains(page->shownResult()->order()->receivers.at(sourceRow).detailId),
             qPrintable(tsv));
}

void TestDeskLookups::returnLookup_typedIn_showsResult()
{
    m_window->setCurrentPage(MainWindow::Page::Return);
    LookupPage *page = m_window->returnPage();
    QCOMPARE(m_window->currentPage(), page);
    typeInto(page->form(), u"sub_mchid"_s, m_demo.sampleReturn.subMchid);
    typeInto(page->form(), u"out_return_no"_s, m_demo.sampleReturn.outReturnNo);
    if (!m_demo.sampleReturn.orderId.isEmpty()) {
        page->form()->choose(u"order_id"_s);
        typeInto(page->form(), u"order_id"_s, m_demo.sampleReturn.orderId);
    } else {
        page->form()->choose(u"out_order_no"_s);
        typeInto(page->form(), u"out_order_no"_s, m_demo.sampleReturn.outOrderNo);
    }
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Result);
    const ReturnResult &ret = *page->shownResult()->returnOrder();
    QCOMPARE(ret.outReturnNo, m_demo.sampleReturn.outReturnNo);
    QCOMPARE(page->returnView()->resultBadge()->text(), Labels::returnResult(ret.result));
    QCOMPARE(page->returnView()->resultBadge()->tone(), Labels::returnResultTone(ret.result));
    QCOMPARE(page->returnView()->findChild<QLabel *>(u"amountValue"_s)->text(),
             Money::formatYuan(ret.amount, Money::Grouping::Thousands));
    QCOMPARE(page->returnView()->processingWarning()->isHidden(), ret.isFinal());
    QCOMPARE(page->returnView()->metaBar()->verificationBadge()->tone(), Labels::Tone::Good);
}

void TestDeskLookups::orderLookup_notFound_showsErrorPanel()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"out_order_no"_s, u"SCN-404"_s);
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QVERIFY(!page->shownResult());
    ErrorPanel *panel = page->errorPanel();
    QVERIFY2(panel->title().contains(Labels::errorCode(u"RESOURCE_NOT_EXISTS"_s)),
             qPrintable(panel->title()));
    QCOMPARE(panel->advice(), Labels::errorAdvice(u"RESOURCE_NOT_EXISTS"_s));
    QVERIFY(panel->detailsText().contains(u"HTTP status: 404"_s));
    QVERIFY(panel->detailsText().contains(u"Code: RESOURCE_NOT_EXISTS"_s));
    QVERIFY(!panel->detailsText().contains(u"Request-ID: (none)"_s));
    QVERIFY(!m_window->exportAction()->isEnabled());
}

// WeChat Pay's message is text, never HTML: an answer whose message carries <b> and <img> (sandbox
// SCN-HOSTILE) shows the tags as written in the error panel (issue 15).
void TestDeskLookups::orderLookup_tagsInMessage_shownLiterally()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"out_order_no"_s, u"SCN-HOSTILE"_s);
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QVERIFY(!page->shownResult());
    auto *message = page->errorPanel()->findChild<QLabel *>(u"errorMessage"_s);
    QVERIFY(message);
    QVERIFY2(message->text().contains(u"<b>bold</b><img src=\"x\">"_s), qPrintable(message->text()));
    QVERIFY(Qt::mightBeRichText(message->text())); // what an AutoText label would render as HTML
    QCOMPARE(message->textFormat(), Qt::PlainText);
    for (auto *label : page->errorPanel()->findChildren<QLabel *>()) {
        if (label->text().contains(u"<b>"_s))
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
    // What the label paints is the text itself: drawn as plain text it needs the width of the
    // tags, which a rich-text rendering ("bold" and an image) would not.
    message->setWordWrap(false);
    const int plainWidth = message->fontMetrics().horizontalAdvance(message->text());
    QVERIFY2(message->sizeHint().width() >= plainWidth, qPrintable(QString::number(message->sizeHint().width())));
    QLabel rich(message->text());
    rich.setFont(message->font());
    rich.setTextFormat(Qt::RichText);
    QVERIFY(rich.sizeHint().width() < plainWidth);
}

void TestDeskLookups::orderLookup_tamperedAnswer_notTrustedNoResult()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"out_order_no"_s, u"SCN-TAMPER"_s);
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QVERIFY(!page->shownResult());
    QVERIFY2(page->errorPanel()->title().contains(u"not trusted"_s), qPrintable(page->errorPanel()->title()));
    QVERIFY(!m_window->exportAction()->isEnabled());
    QVERIFY(!m_window->copyAction()->isEnabled());
}

// Issue 15.1: another order's genuinely signed answer is not shown as this order's result: the
// error panel says it is not the answer to this question, names what differed and the Request-ID,
// in English and in Chinese.
void TestDeskLookups::orderLookup_otherOrdersAnswer_notTheAnswerNoResult()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"out_order_no"_s, u"SCN-OTHER"_s);
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QVERIFY(!page->shownResult());
    QVERIFY(!m_window->exportAction()->isEnabled());
    ErrorPanel *panel = page->errorPanel();
    QVERIFY2(panel->title().contains(u"not the answer to this question"_s), qPrintable(panel->title()));
    const QString message = panel->findChild<QLabel *>(u"errorMessage"_s)->text();
    QVERIFY2(message.contains(u"out_order_no: asked SCN-OTHER, answered "_s + m_demo.sampleOrder.outOrderNo),
             qPrintable(message));
    QVERIFY(panel->detailsText().contains(u"Request-ID: "_s));
    QVERIFY(!panel->detailsText().contains(u"Request-ID: (none)"_s));

    QTranslator chinese;
    QVERIFY(chinese.load(u"fenzhang_zh_CN"_s, QStringLiteral(FENZHANG_BINARY_DIR) + u"/app/desk/translations"_s));
    QCoreApplication::installTranslator(&chinese);
    typeInto(page->form(), u"out_order_no"_s, u"SCN-OTHER-zh"_s);
    runAndWait(page);
    const QString title = panel->title();
    QCoreApplication::removeTranslator(&chinese);
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QVERIFY2(title.contains(u"不是本次查询的应答"_s), qPrintable(title));
}

void TestDeskLookups::orderLookup_processing_refreshUntilFinal()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"out_order_no"_s, u"SCN-PROCESSING-1-desk"_s);
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Result);
    QCOMPARE(page->shownResult()->order()->state, u"PROCESSING"_s);
    QCOMPARE(page->orderView()->stateBadge()->tone(), Labels::Tone::Pending);
    QVERIFY(page->processingBar()->isVisible());
    QVERIFY(m_window->refreshAction()->isEnabled());

    QTest::mouseClick(page->processingBar()->refreshButton(), Qt::LeftButton);
    QVERIFY(page->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    QCOMPARE(page->shownResult()->order()->state, u"FINISHED"_s);
    QVERIFY(!page->processingBar()->isVisible());
    QVERIFY(!m_window->refreshAction()->isEnabled());
}

void TestDeskLookups::settings_rememberPageAndProfile()
{
    m_window->setCurrentPage(MainWindow::Page::Return);
    m_window->saveSettings();
    QCOMPARE(AppSettings::value(AppSettings::Key::LastPage).toInt(), 1);
    QCOMPARE(AppSettings::value(AppSettings::Key::LastProfile).toString(), QString(DemoProfile::Id));
    cleanup();
    init();
    m_window->restoreSettings();
    QCOMPARE(m_window->currentPage(), m_window->returnPage());
    // Nothing secret was written: no key paths' contents, no password-like keys.
    QFile ini(QSettings().fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray text = ini.readAll();
    QVERIFY(!text.contains("PRIVATE KEY"));
    QVERIFY(!text.contains("merchant_private_key"));
    // A page number this version does not have (a newer one saved it) opens the order page.
    AppSettings::setValue(AppSettings::Key::LastPage, 9);
    cleanup();
    init();
    m_window->restoreSettings();
    QCOMPARE(m_window->shownPage(), MainWindow::Page::Order);
    AppSettings::setValue(AppSettings::Key::LastPage, int(MainWindow::Page::History));
    m_window->restoreSettings();
    QCOMPARE(m_window->shownPage(), MainWindow::Page::History);
    QCOMPARE(m_window->pages()->currentWidget(), m_window->pageWidget(MainWindow::Page::History));
    AppSettings::reset(AppSettings::Key::LastPage);
}

void TestDeskLookups::pages_named()
{
    QVERIFY(MainWindow::pageNamed(u"order"_s) == MainWindow::Page::Order);
    QVERIFY(MainWindow::pageNamed(u"return"_s) == MainWindow::Page::Return);
    QVERIFY(MainWindow::pageNamed(u"batch"_s) == MainWindow::Page::Batch);
    QVERIFY(MainWindow::pageNamed(u"history"_s) == MainWindow::Page::History);
    QVERIFY(!MainWindow::pageNamed(u"Orders"_s));
    // Each page is its tab, in this order, and the window's title follows the page shown.
    for (const auto page : {MainWindow::Page::Order, MainWindow::Page::Return, MainWindow::Page::Batch,
                            MainWindow::Page::History}) {
        m_window->setCurrentPage(page);
        QCOMPARE(m_window->pages()->currentIndex(), int(page));
        QCOMPARE(m_window->pages()->currentWidget(), m_window->pageWidget(page));
        QVERIFY(m_window->windowTitle().contains(m_window->pageTitle(page)));
    }
}

namespace {

// A loopback port nobody listens on: connections to it are refused at once.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort(); // closed again when server goes out of scope
}

} // namespace

void TestDeskLookups::networkFailure_namesBothHosts()
{
    ConnectionProfile down = m_demo;
    down.id = u"down"_s;
    down.name = u"Both hosts down"_s;
    down.demo = false;
    const quint16 primary = closedPort();
    const quint16 backup = closedPort();
    QVERIFY(primary && backup && primary != backup);
    down.settings.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(primary));
    down.settings.client.backupUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(backup));
    m_provider->addProfile(down);

    ProfileSelector *selector = m_window->profileSelector();
    selector->setCurrentIndex(selector->findData(u"down"_s));
    QCOMPARE(m_controller->currentProfileId(), u"down"_s);
    QVERIFY(!m_window->isDemo());
    QVERIFY(m_window->findChild<QLabel *>(u"demoBanner"_s)->isHidden());

    m_window->orderPage()->form()->setQuery(m_demo.sampleOrder);
    runAndWait(m_window->orderPage());
    ErrorPanel *panel = m_window->orderPage()->errorPanel();
    QCOMPARE(m_window->orderPage()->currentView(), LookupPage::View::Error);
    const QString message = panel->findChild<QLabel *>(u"errorMessage"_s)->text();
    QVERIFY2(message.contains(QString::number(primary)) && message.contains(QString::number(backup)),
             qPrintable(message));
    QVERIFY(panel->detailsText().contains(u"Attempts: 2"_s));
}

void TestDeskLookups::primaryDown_statusLineShowsFailoverAndResultArrives()
{
    ConnectionProfile failover = m_demo;
    failover.id = u"failover"_s;
    failover.name = u"Primary down"_s;
    failover.demo = false;
    const quint16 primary = closedPort();
    QVERIFY(primary);
    failover.settings.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(primary));
    failover.settings.client.backupUrl = m_demo.settings.client.primaryUrl;
    m_provider->addProfile(failover);
    m_controller->setCurrentProfile(u"failover"_s);

    QSignalSpy status(m_controller.get(), &LookupController::statusMessage);
    m_window->orderPage()->form()->setQuery(m_demo.sampleOrder);
    runAndWait(m_window->orderPage());
    QCOMPARE(m_window->orderPage()->currentView(), LookupPage::View::Result);
    QVERIFY(status.size() >= 2);
    const QString second = status.at(1).at(0).toString();
    QVERIFY2(second.contains(u"Primary host unreachable"_s), qPrintable(second));
}

void TestDeskLookups::brokenProfile_saysSoAndSendsNothing()
{
    ConnectionProfile broken = m_demo;
    broken.id = u"broken"_s;
    broken.name = u"Missing key file"_s;
    broken.demo = false;
    broken.settings.merchant.privateKeyFile = m_dir.filePath(u"no-such-key.pem"_s);
    m_provider->addProfile(broken);
    m_controller->setCurrentProfile(u"broken"_s);
    QCOMPARE(m_window->profileSelector()->currentProfileId(), u"broken"_s);

    LookupPage *page = m_window->orderPage();
    page->form()->setQuery(m_demo.sampleOrder);
    QTest::keyClick(page->form()->fields().constLast(), Qt::Key_Return);
    QVERIFY(!page->isBusy());
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QCOMPARE(page->errorPanel()->title(), u"The profile could not be used"_s);
    QVERIFY2(
        page->errorPanel()->findChild<QLabel *>(u"errorMessage"_s)->text().contains(u"no-such-key.pem"_s),
        qPrintable(page->errorPanel()->findChild<QLabel *>(u"errorMessage"_s)->text()));
}

void TestDeskLookups::autoRefresh_looksAgainUntilFinal()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    page->processingBar()->scheduler()->setDelays({0}); // no waiting in a test
    page->processingBar()->setAutoRefresh(true);
    QSignalSpy finished(page, &LookupPage::lookupFinished);
    typeInto(page->form(), u"out_order_no"_s, u"SCN-PROCESSING-2-auto"_s);
    QTest::keyClick(page->form()->fields().constLast(), Qt::Key_Return);
    // PROCESSING, PROCESSING, then FINISHED: three answers, the last two asked for by the timer.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
    QCOMPARE(page->shownResult()->order()->state, u"FINISHED"_s);
    QVERIFY(!page->processingBar()->isVisible());
    QVERIFY(!page->processingBar()->scheduler()->isPending());
    page->processingBar()->setAutoRefresh(false);
}

void TestDeskLookups::ctrlEnter_runsLookupFromAnywhere()
{
    m_window->prefillSamples();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTabWidget *pages = m_window->pages();
    pages->tabBar()->setFocus();
    QTest::keyClick(pages->tabBar(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_window->orderPage()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->orderPage()->isBusy(), 20000);
    QCOMPARE(m_window->orderPage()->currentView(), LookupPage::View::Result);
}

void TestDeskLookups::cancel_stopsSlowLookup()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"out_order_no"_s, u"SCN-SLOW-8000-cancel"_s);
    QTest::keyClick(page->form()->fields().constLast(), Qt::Key_Return);
    QVERIFY(page->isBusy());
    QVERIFY(page->form()->cancelButton()->isVisible());
    QVERIFY(m_window->cancelAction()->isEnabled());
    QTest::keyClick(page->form()->fields().constLast(), Qt::Key_Escape);
    QTRY_VERIFY(!page->isBusy());
    QVERIFY(!page->shownResult());
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Look-up cancelled."_s);
    QVERIFY(page->form()->queryButton()->isEnabled());
}

void TestDeskLookups::stalledAnswer_guiKeepsRunning_cancelButton_thenLooksUpAgain_data()
{
    // How the answer stalls: the sandbox holding it back (SCN-SLOW), or a server on both hosts
    // that never sends the headers, or starts them and never ends them.
    QTest::addColumn<bool>("rogue");
    QTest::addColumn<Stall>("stall");
    QTest::addColumn<QString>("number");
    QTest::newRow("sandbox answer held back") << false << Stall::Silent << u"SCN-SLOW-600000-gui"_s;
    QTest::newRow("headers never come") << true << Stall::Silent << u"P-STALL-SILENT"_s;
    QTest::newRow("headers never end") << true << Stall::HeadersNeverEnd << u"P-STALL-HEADERS"_s;
}

void TestDeskLookups::stalledAnswer_guiKeepsRunning_cancelButton_thenLooksUpAgain()
{
    QFETCH(bool, rogue);
    QFETCH(Stall, stall);
    QFETCH(QString, number);
    testing::RogueServer primary(stall);
    testing::RogueServer backup(stall);
    QVERIFY(primary.listen());
    QVERIFY(backup.listen());

    // A per-attempt timeout far beyond the test's: only Cancel can end this look-up.
    ConnectionProfile patient = m_demo;
    patient.id = u"patient"_s;
    patient.name = u"Patient"_s;
    patient.demo = false;
    patient.settings.client.timeoutMs = 3600 * 1000;
    if (rogue) {
        patient.settings.client.primaryUrl = primary.url();
        patient.settings.client.backupUrl = backup.url();
    }
    m_provider->addProfile(patient);
    ProfileSelector *selector = m_window->profileSelector();
    selector->setCurrentIndex(selector->findData(u"patient"_s));
    QCOMPARE(m_controller->currentProfileId(), u"patient"_s);

    LookupPage *page = m_window->orderPage();
    QueryForm *form = page->form();
    page->form()->setQuery(m_demo.sampleOrder);
    typeInto(form, u"out_order_no"_s, number);
    QCOMPARE(page->currentView(), LookupPage::View::Empty);

    // The GUI thread's event loop, observed from the inside: a timer that counts its ticks.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    QSignalSpy finished(page, &LookupPage::lookupFinished);

    QVERIFY(form->queryButton()->isEnabled());
    QTest::mouseClick(form->queryButton(), Qt::LeftButton);
    QVERIFY(page->isBusy());

    // Busy, and says so: Cancel offered (button and menu), no second look-up, fields locked.
    QVERIFY(form->isBusy());
    QVERIFY(form->cancelButton()->isVisible());
    QVERIFY(form->cancelButton()->isEnabled());
    QVERIFY(!form->queryButton()->isEnabled());
    QVERIFY(form->field(u"out_order_no"_s)->isReadOnly());
    QVERIFY(m_window->cancelAction()->isEnabled());
    QVERIFY(!m_window->runAction()->isEnabled());
    QVERIFY(!m_window->profileSelector()->isEnabled()); // no switching the client away mid-flight

    // The request is out and its answer stalls, yet the GUI thread keeps running: the status line
    // names the host, the ticker keeps firing, and the other page still takes typing.
    if (rogue)
        QTRY_COMPARE_WITH_TIMEOUT(primary.requests(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(u"127.0.0.1"_s), 20000);
    const int ticksAtRequest = ticks;
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= ticksAtRequest + 10, 20000);
    QVERIFY(page->isBusy());
    QVERIFY(finished.isEmpty());
    FieldEdit *otherField = m_window->returnPage()->form()->field(u"out_return_no"_s);
    otherField->clear();
    QTest::keyClicks(otherField, u"R-TYPED-WHILE-BUSY"_s);
    QCOMPARE(otherField->text(), u"R-TYPED-WHILE-BUSY"_s);
    QVERIFY(page->isBusy());

    // Cancel, clicked: the look-up ends as cancelled, says so, and shows nothing as a result.
    QTest::mouseClick(form->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    QCOMPARE(finished.size(), 1);
    const auto result = finished.constFirst().constFirst().value<LookupResult>();
    QCOMPARE(result.kind, LookupResult::Kind::Cancelled);
    QVERIFY(result.order() == nullptr);
    QVERIFY(!result.response.verified);
    QVERIFY(!page->shownResult());
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QCOMPARE(page->errorPanel()->title(), u"Look-up cancelled"_s);
    QVERIFY2(page->errorPanel()->advice().contains(u"no result"_s), qPrintable(page->errorPanel()->advice()));
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Look-up cancelled."_s);
    QVERIFY(!m_window->exportAction()->isEnabled());
    QVERIFY(!m_window->copyAction()->isEnabled());
    QVERIFY(!m_window->refreshAction()->isEnabled());
    // A cancelled look-up is not history.
    m_window->history()->flush();
    QVERIFY(m_window->history()->ensureOpen());
    HistoryFilter filter;
    filter.number = number;
    QCOMPARE(m_window->history()->store()->count(filter).value(), 0);
    if (rogue) {
        QCOMPARE(primary.requests(), 1); // not retried behind the user's back
        QCOMPARE(backup.requests(), 0);
    }

    // Usable again: the form is editable and runs a second look-up that gets its answer.
    QVERIFY(!form->isBusy());
    QVERIFY(form->cancelButton()->isHidden());
    QVERIFY(!form->field(u"out_order_no"_s)->isReadOnly());
    QVERIFY(!m_window->cancelAction()->isEnabled());
    QVERIFY(m_window->profileSelector()->isEnabled());
    if (rogue) {
        selector->setCurrentIndex(selector->findData(m_demo.id));
        QCOMPARE(m_controller->currentProfileId(), m_demo.id);
    }
    typeInto(form, u"out_order_no"_s, m_demo.sampleOrder.outOrderNo);
    runAndWait(page);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(page->currentView(), LookupPage::View::Result);
    QVERIFY(page->shownResult());
    QCOMPARE(page->shownResult()->kind, LookupResult::Kind::Ok);
    QCOMPARE(page->shownResult()->order()->outOrderNo, m_demo.sampleOrder.outOrderNo);
    QVERIFY(m_window->exportAction()->isEnabled());
}

void TestDeskLookups::statusLine_namesFailoverAndRetries()
{
    const QString failover = LookupController::attemptText(QUrl(u"https://api2.mch.weixin.qq.com"_s), 2,
                                                           ApiJob::AttemptReason::FailoverAfterNetworkError);
    QVERIFY2(failover.contains(u"backup"_s) && failover.contains(u"api2.mch.weixin.qq.com"_s),
             qPrintable(failover));
    QVERIFY(LookupController::attemptText(QUrl(u"https://api.mch.weixin.qq.com"_s), 3,
                                          ApiJob::AttemptReason::RetryAfterServerError)
                .contains(u"3"_s));
    // A real look-up reports its first attempt on the status line while it runs.
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"out_order_no"_s, u"SCN-SLOW-3000-status"_s);
    QTest::keyClick(page->form()->fields().constLast(), Qt::Key_Return);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"127.0.0.1"_s));
    page->cancel();
    QTRY_VERIFY(!page->isBusy());
}

void TestDeskLookups::about_showsVersion()
{
    MessageBox::setNextAnswer(QMessageBox::Ok);
    m_window->showAbout();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral(FENZHANG_VERSION)),
             qPrintable(MessageBox::lastText()));
}

void TestDeskLookups::settingsDialog_savesLanguage()
{
    SettingsDialog dialog;
    QComboBox *combo = dialog.languageCombo();
    combo->setCurrentIndex(combo->findData(u"en"_s));
    dialog.save();
    QCOMPARE(AppSettings::value(AppSettings::Key::Language).toString(), u"en"_s);
    combo->setCurrentIndex(combo->findData(QString()));
    dialog.save();
    QCOMPARE(AppSettings::value(AppSettings::Key::Language).toString(), QString());
    SettingsDialog again;
    QCOMPARE(again.languageCombo()->currentData().toString(), QString());
}

// Issue 16.4: the previous order's result stayed readable under new numbers, also while they
// were being looked up.
void TestDeskLookups::staleResult_markedAtOnce_whenNumbersChangeOrALookupStarts()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Result);
    StaleBanner *banner = page->staleBanner();
    QVERIFY(banner->isHidden());
    QVERIFY(!page->isStale());
    QVERIFY(m_window->exportAction()->isEnabled());
    QVERIFY(page->orderView()->isEnabled()); // not dimmed

    // One more character: the result on screen is no longer the answer to the form.
    FieldEdit *outOrderNo = page->form()->field(u"out_order_no"_s);
    QTest::keyClicks(outOrderNo, u"9"_s);
    QVERIFY(page->isStale());
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(m_demo.sampleOrder.outOrderNo), qPrintable(banner->text()));
    QVERIFY(!page->orderView()->isEnabled()); // dimmed (greyed out)
    QVERIFY(!m_window->exportAction()->isEnabled()); // Ctrl+E would write the old answer
    // Back to the numbers it answers: it is current again.
    QTest::keyClick(outOrderNo, Qt::Key_Backspace);
    QVERIFY(!page->isStale());
    QVERIFY(banner->isHidden());
    QVERIFY(m_window->exportAction()->isEnabled());

    // Other numbers looked up: marked the moment the look-up starts, not when it ends.
    typeInto(page->form(), u"out_order_no"_s, u"SCN-404"_s);
    QTest::keyClick(outOrderNo, Qt::Key_Return);
    QVERIFY(page->isBusy());
    QVERIFY(page->isStale());
    QVERIFY(banner->isVisible());
    const QString whileRunning = banner->text();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    // The answer (an error panel) is for the numbers in the form: nothing is stale.
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    QVERIFY(!page->isStale());
    QVERIFY(banner->isHidden());
    QVERIFY(whileRunning != banner->text());

    // An error panel for other numbers is stale the same way.
    QTest::keyClicks(outOrderNo, u"X"_s);
    QVERIFY(page->isStale());
}

void TestDeskLookups::enterOnInvalidField_statusLineSaysWhy()
{
    m_window->prefillSamples();
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"transaction_id"_s, u"12ab"_s);
    FieldEdit *last = page->form()->field(u"out_order_no"_s);
    last->setFocus();
    QTest::keyClick(last, Qt::Key_Return);
    QVERIFY(!page->isBusy());
    FieldEdit *wrong = page->form()->field(u"transaction_id"_s);
    QTRY_COMPARE(QApplication::focusWidget(), wrong);
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(wrong->error()) && message.contains(u"transaction_id"_s), qPrintable(message));
}

// Issue 16.5, against the sandbox: each way of naming the original order sends its own field.
void TestDeskLookups::returnLookup_switchingWays_sendsEachWaysOwnNumber()
{
    // Only a chain brand names the order either way.
    const ConnectionProfile brand = useDemo(Product::Brand);
    QVERIFY(!brand.sampleReturn.orderId.isEmpty());
    // The sample return's order by the merchant's number (the demo's sample order).
    const QString outOrderNo = brand.sampleReturn.outOrderNo.isEmpty() ? brand.sampleOrder.outOrderNo
                                                                        : brand.sampleReturn.outOrderNo;
    QStringList targets;
    QObject scope; // the connection ends with this function, before `targets` does
    connect(&m_server, &sandbox::SandboxServer::requestHandled, &scope,
            [&targets](const QJsonObject &entry) { targets << entry.value(u"target"_s).toString(); });

    m_window->setCurrentPage(MainWindow::Page::Return);
    LookupPage *page = m_window->returnPage();
    QueryForm *form = page->form();
    typeInto(form, u"sub_mchid"_s, brand.sampleReturn.subMchid);
    typeInto(form, u"out_return_no"_s, brand.sampleReturn.outReturnNo);
    form->choose(u"order_id"_s);
    typeInto(form, u"order_id"_s, brand.sampleReturn.orderId);
    // The clerk switches to out_order_no: an empty field of its own, Query waits for it.
    form->choiceBox(u"order_id"_s)->setCurrentIndex(1);
    QCOMPARE(form->chosenField(u"order_id"_s)->apiName(), u"out_order_no"_s);
    QVERIFY(form->chosenField(u"order_id"_s)->text().isEmpty());
    QVERIFY(!form->queryButton()->isEnabled());
    typeInto(form, u"out_order_no"_s, outOrderNo);
    runAndWait(page);
    QCOMPARE(targets.size(), 1);
    QVERIFY2(targets.constLast().contains(u"out_order_no="_s + outOrderNo), qPrintable(targets.constLast()));
    QVERIFY2(!targets.constLast().contains(u"order_id="_s), qPrintable(targets.constLast()));

    // And back: the order_id typed before is still there and is what goes.
    form->choiceBox(u"order_id"_s)->setCurrentIndex(0);
    QCOMPARE(form->chosenField(u"order_id"_s)->text(), brand.sampleReturn.orderId);
    QVERIFY(page->isStale()); // what is shown was asked by out_order_no
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Result);
    QCOMPARE(targets.size(), 2);
    QVERIFY2(targets.constLast().contains(u"order_id="_s + brand.sampleReturn.orderId), qPrintable(targets.constLast()));
    QVERIFY2(!targets.constLast().contains(u"out_order_no="_s), qPrintable(targets.constLast()));
    QCOMPARE(page->shownResult()->returnOrder()->outReturnNo, brand.sampleReturn.outReturnNo);
}

namespace {
class ClaimsCtrlE final : public QObject {
public:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_E && key->modifiers() == Qt::ControlModifier)
                event->accept();
        }
        return false;
    }
};
} // namespace

// Issue 16.7: type → Enter → Ctrl+E, the cursor still in the number field.
void TestDeskLookups::typeEnterCtrlE_exportsFromTheNumberField()
{
    LookupPage *page = m_window->orderPage();
    typeInto(page->form(), u"sub_mchid"_s, m_demo.sampleOrder.subMchid);
    typeInto(page->form(), u"transaction_id"_s, m_demo.sampleOrder.transactionId);
    FieldEdit *field = page->form()->field(u"out_order_no"_s);
    field->setFocus();
    QTest::keyClicks(field, m_demo.sampleOrder.outOrderNo);
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(page->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    QCOMPARE(page->currentView(), LookupPage::View::Result);
    QTRY_COMPARE(QApplication::focusWidget(), field);
    // The line edit's own binding for the key (end of line with Linux's key scheme) must not
    // swallow it. The offscreen platform uses another scheme, so the field claims the key here
    // exactly as QLineEdit does under X11: by accepting the ShortcutOverride.
    ClaimsCtrlE claim;
    field->installEventFilter(&claim);
    field->setCursorPosition(0);

    const QString path = m_dir.filePath(u"typed-enter-ctrl-e.csv"_s);
    QFile::remove(path);
    MessageBox::setNextSaveFileName(path);
    QTest::keyClick(field, Qt::Key_E, Qt::ControlModifier);
    QVERIFY2(QFile::exists(path), "Ctrl+E in the number field did not export");
    QVERIFY(m_window->statusBar()->currentMessage().contains(QDir::toNativeSeparators(path)));
    QCOMPARE(field->text(), m_demo.sampleOrder.outOrderNo); // the field itself is untouched

    // With nothing to export the key is the field's again (no dialog, no file).
    QTest::keyClicks(field, u"7"_s); // other numbers: the result is stale, export is off
    QVERIFY(!m_window->exportAction()->isEnabled());
    QFile::remove(path);
    MessageBox::setNextSaveFileName(path);
    QTest::keyClick(field, Qt::Key_E, Qt::ControlModifier);
    QVERIFY(!QFile::exists(path));
    MessageBox::setNextSaveFileName(QString());
}

// Issue 18: each product's profile makes the forms ask its numbers, and its order, return and
// remaining amount are looked up at its endpoints in the sandbox.
void TestDeskLookups::products_formsFollowTheProfile_eachLookUpEndToEnd_data()
{
    QTest::addColumn<Product>("product");
    QTest::addColumn<QString>("orderPath");
    QTest::addColumn<QString>("returnPath");
    QTest::addColumn<QString>("amountsPath");
    QTest::newRow("service provider") << Product::ServiceProvider << u"/v3/profitsharing/orders/"_s
                                      << u"/v3/profitsharing/return-orders/"_s
                                      << u"/v3/profitsharing/transactions/"_s;
    QTest::newRow("direct merchant") << Product::Direct << u"/v3/profitsharing/orders/"_s
                                     << u"/v3/profitsharing/return-orders/"_s
                                     << u"/v3/profitsharing/transactions/"_s;
    QTest::newRow("chain brand") << Product::Brand << u"/v3/brand/profitsharing/orders?"_s
                                 << u"/v3/brand/profitsharing/returnorders?"_s
                                 << u"/v3/brand/profitsharing/orders/"_s;
}

void TestDeskLookups::products_formsFollowTheProfile_eachLookUpEndToEnd()
{
    QFETCH(Product, product);
    QFETCH(QString, orderPath);
    QFETCH(QString, returnPath);
    QFETCH(QString, amountsPath);
    QStringList targets;
    QObject scope;
    connect(&m_server, &sandbox::SandboxServer::requestHandled, &scope,
            [&targets](const QJsonObject &entry) { targets << entry.value(u"target"_s).toString(); });
    m_controller->setCurrentProfile(m_demo.id);
    const ConnectionProfile demo = useDemo(product);
    const bool subMchid = Products::hasSubMchid(product);
    if (product == Product::ServiceProvider) // the same product as before: filled as at start-up
        m_window->prefillSamples();

    // The forms ask this product's numbers, filled with its sample ones.
    LookupPage *orderPage = m_window->orderPage();
    QCOMPARE(orderPage->product(), product);
    QCOMPARE(orderPage->form()->fields().contains(orderPage->form()->field(u"sub_mchid"_s)), subMchid);
    QCOMPARE(orderPage->form()->currentQuery().order()->outOrderNo, demo.sampleOrder.outOrderNo);
    LookupPage *returnPage = m_window->returnPage();
    QCOMPARE(returnPage->form()->fields().contains(returnPage->form()->field(u"sub_mchid"_s)), subMchid);
    QCOMPARE(returnPage->form()->choiceBox(u"order_id"_s)->isVisibleTo(returnPage),
             product == Product::Brand);
    QCOMPARE(returnPage->form()->fields().contains(returnPage->form()->field(u"order_id"_s)),
             product == Product::Brand);
    QCOMPARE(returnPage->form()->currentQuery().returnOrder()->outReturnNo, demo.sampleReturn.outReturnNo);

    // The order, at this product's endpoint.
    runAndWait(orderPage);
    QCOMPARE(orderPage->currentView(), LookupPage::View::Result);
    QVERIFY2(targets.constLast().startsWith(orderPath), qPrintable(targets.constLast()));
    QCOMPARE(targets.constLast().contains(u"sub_mchid="_s), subMchid);
    QCOMPARE(orderPage->shownResult()->product(), product);
    QCOMPARE(orderPage->orderView()->findChild<QLabel *>(u"subMchidValue"_s)->isVisibleTo(orderPage), subMchid);

    // Its payment's remaining amount, one click beside the order.
    RemainingAmountLine *line = orderPage->orderView()->remainingAmount();
    QVERIFY2(line->text().contains(u"not looked up"_s), qPrintable(line->text()));
    const LookupResult amounts = lookUpRemainingAmount(orderPage);
    QCOMPARE(amounts.kind, LookupResult::Kind::Ok);
    QCOMPARE(amounts.lookup(), LookupKind::Amounts);
    QVERIFY2(targets.constLast().startsWith(amountsPath + demo.sampleOrder.transactionId + u"/amounts"_s),
             qPrintable(targets.constLast()));
    QCOMPARE(amounts.amounts()->transactionId, demo.sampleOrder.transactionId);
    QVERIFY2(line->text().contains(
                 Money::formatYuan(amounts.amounts()->unsplitAmount, Money::Grouping::Thousands)),
             qPrintable(line->text()));
    QCOMPARE(line->button()->text(), u"Look up again"_s);

    // The return, at this product's endpoint.
    m_window->setCurrentPage(MainWindow::Page::Return);
    runAndWait(returnPage);
    QCOMPARE(returnPage->currentView(), LookupPage::View::Result);
    QVERIFY2(targets.constLast().startsWith(returnPath), qPrintable(targets.constLast()));
    QCOMPARE(targets.constLast().contains(u"sub_mchid="_s), subMchid);
    QCOMPARE(returnPage->shownResult()->returnOrder()->outReturnNo, demo.sampleReturn.outReturnNo);
    QCOMPARE(returnPage->shownResult()->product(), product);
    // 普通分账 names WeChat Pay's return number return_id and has the reason and creation time.
    auto *grid = returnPage->returnView()->findChild<FieldGrid *>();
    QVERIFY(grid);
    QVERIFY2(grid->caption(returnPage->returnView()->findChild<QLabel *>(u"returnNoValue"_s))
                 .contains(product == Product::Brand ? u"return_no"_s : u"return_id"_s),
             "caption of the return number");
    QCOMPARE(returnPage->returnView()->findChild<QLabel *>(u"createTimeValue"_s)->isVisibleTo(returnPage),
             product != Product::Brand);
    QCOMPARE(targets.size(), 3);
}

void TestDeskLookups::remainingAmount_automaticForFinishedOrder_whenTheProfileWantsIt()
{
    // The direct merchant's sample order is FINISHED with 22.00 yuan still frozen (docs/sandbox.md).
    LookupResult amounts;
    QObject scope;
    connect(m_window->orderPage(), &LookupPage::remainingAmountFinished, &scope,
            [&amounts](const LookupResult &result) { amounts = result; });
    useDemo(Product::Direct, true);
    LookupPage *page = m_window->orderPage();
    runAndWait(page);
    QCOMPARE(page->shownResult()->order()->state, u"FINISHED"_s);
    QTRY_COMPARE_WITH_TIMEOUT(amounts.kind, LookupResult::Kind::Ok, 20000);
    QCOMPARE(amounts.amounts()->unsplitAmount, 2200);
    QTRY_VERIFY(page->orderView()->remainingAmount()->text().contains(u"22.00"_s));

    // The order's workbook says it on its About sheet, with the answer's Request-ID.
    const QString path = m_dir.filePath(u"direct-order.xlsx"_s);
    MessageBox::setNextSaveFileName(path);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    const test::XlsxBook book = test::readXlsx(path);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    const test::XlsxSheet *about = book.sheet(u"About"_s);
    QVERIFY(about);
    const auto note = std::find_if(about->rows.cbegin(), about->rows.cend(), [](const auto &row) {
        return !row.isEmpty() && row.at(0).value.startsWith(u"Remaining to share"_s);
    });
    QVERIFY2(note != about->rows.cend(), "no remaining-amount line on the About sheet");
    const QString detail = note->at(1).value;
    QVERIFY2(detail.contains(u"22.00 yuan (2200 fen)"_s) &&
                 detail.contains(QString::fromLatin1(amounts.response.requestId)) &&
                 detail.contains(amounts.amounts()->transactionId),
             qPrintable(detail));
    // And on every receiver line, in columns of its own: the amount a number, its Request-ID as text.
    const test::XlsxSheet *receivers = book.sheets.isEmpty() ? nullptr : &book.sheets.first();
    QVERIFY(receivers);
    QVERIFY(receivers->rows.size() >= 2);
    for (int row = 1; row < int(receivers->rows.size()); ++row) {
        QCOMPARE(receivers->at(row, u"Still to split (fen)"_s).type, u"int"_s);
        QCOMPARE(receivers->at(row, u"Still to split (fen)"_s).value, u"2200"_s);
        QCOMPARE(receivers->at(row, u"Still to split (yuan)"_s).type, u"float"_s);
        QCOMPARE(receivers->at(row, u"Still to split: Request-ID"_s).value,
                 QString::fromLatin1(amounts.response.requestId));
    }
    // The CSV too, the same cells under the API's names.
    const QString csvPath = m_dir.filePath(u"direct-order.csv"_s);
    MessageBox::setNextSaveFileName(csvPath);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> csvLines = csv.readAll().split('\n');
    QVERIFY2(csvLines.at(0).trimmed().endsWith(",looked_up_at,unsplit_amount_yuan,unsplit_amount_fen,unsplit_request_id,"
                                               "unsplit_error"),
             csvLines.at(0).constData());
    QVERIFY2(csvLines.at(1).trimmed().endsWith(QByteArray(",22.00,2200," + amounts.response.requestId + ",")),
             csvLines.at(1).constData());

    // Without the profile's wish nothing is asked by itself.
    amounts = {};
    useDemo(Product::Brand, false);
    runAndWait(page);
    QCOMPARE(page->shownResult()->order()->state, u"FINISHED"_s);
    QTest::qWait(200);
    QCOMPARE(amounts.lookup(), LookupKind::Order); // untouched: default-constructed
    QVERIFY(!page->isRemainingAmountBusy());
    QVERIFY2(page->orderView()->remainingAmount()->text().contains(u"not looked up"_s),
             qPrintable(page->orderView()->remainingAmount()->text()));
}

void TestDeskLookups::remainingAmount_failure_saysWhyWithRequestId()
{
    // A payment that is not a profit-sharing one: the sandbox answers 400 INVALID_REQUEST
    // (docs/sandbox.md), through the controller the page uses.
    useDemo(Product::ServiceProvider);
    QString error;
    LookupJob *job = m_controller->start(
        AmountsQuery{u"4208450740202511301234567899"_s, Product::ServiceProvider}, &error);
    QVERIFY2(job, qPrintable(error));
    LookupResult failed;
    connect(job, &LookupJob::finished, this, [&failed](const LookupResult &result) { failed = result; });
    QTRY_COMPARE_WITH_TIMEOUT(failed.kind, LookupResult::Kind::ApiError, 20000);
    QVERIFY(!failed.response.requestId.isEmpty());

    RemainingAmountLine line;
    line.setBusy();
    QVERIFY(line.isBusy());
    QVERIFY(!line.button()->isEnabled());
    line.setResult(failed);
    QVERIFY(!line.isBusy());
    QVERIFY(line.button()->isEnabled());
    const QString text = line.text();
    QVERIFY2(text.contains(QString::fromLatin1(failed.response.requestId)), qPrintable(text));
    QVERIFY2(text.contains(Labels::errorCode(u"INVALID_REQUEST"_s)), qPrintable(text));
    // What to do is there too, on hover and for screen readers.
    auto *value = line.findChild<QLabel *>(u"remainingAmountValue"_s);
    QCOMPARE(value->accessibleDescription(), Labels::errorAdvice(u"INVALID_REQUEST"_s));
    QVERIFY(value->toolTip().contains(Labels::errorAdvice(u"INVALID_REQUEST"_s)));
}

// A brand's order on screen, then the profile becomes a direct merchant's: neither Refresh nor the
// remaining amount may send the brand's question with the direct merchant's keys.
void TestDeskLookups::productSwitched_shownResultIsNotAskedAgainAsTheNewProduct()
{
    QStringList targets;
    QObject scope;
    connect(&m_server, &sandbox::SandboxServer::requestHandled, &scope,
            [&targets](const QJsonObject &entry) { targets << entry.value(u"target"_s).toString(); });
    useDemo(Product::Brand);
    LookupPage *page = m_window->orderPage();
    runAndWait(page);
    QCOMPARE(page->currentView(), LookupPage::View::Result);
    QCOMPARE(targets.size(), 1);

    useDemo(Product::Direct);
    QVERIFY(page->isStale());
    page->refresh();
    QVERIFY(!page->isBusy());
    // The stale result is dimmed and its button out of reach; asked all the same (a shortcut, a
    // start-up option), the page refuses and says why.
    QVERIFY(!page->orderView()->remainingAmount()->button()->isEnabled());
    page->lookUpRemainingAmount();
    QVERIFY(!page->isRemainingAmountBusy());
    QVERIFY2(page->orderView()->remainingAmount()->text().contains(u"another profit-sharing product"_s),
             qPrintable(page->orderView()->remainingAmount()->text()));
    QTest::qWait(100);
    QCOMPARE(targets.size(), 1); // nothing sent
}

QTEST_MAIN(TestDeskLookups)
#include "tst_desklookups.moc"
