// The history page over a real HistoryStore: look-ups made against the in-process sandbox, then
// searched, filtered, paged, opened (marked "from history"), run again, exported and cleared; a
// corrupt database file shows a message on the page and can be moved aside.

#include "answerview.h"
#include "batchpage.h"
#include "demoprofile.h"
#include "errorpanel.h"
#include "history/historyexport.h"
#include "historybackend.h"
#include "historymodel.h"
#include "historypage.h"
#include "lookup/resultfacts.h"
#include "lookup/resultstate.h"
#include "lookupcontroller.h"
#include "lookuppage.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "orderresultview.h"
#include "queryform.h"
#include "resultdialog.h"
#include "sandbox/sandboxserver.h"
#include "testsettings.h"
#include "xlsxreader.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace fenzhang;
using namespace Qt::StringLiterals;

class TestHistoryPage final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void afterLookups_listsNewestFirst_modelIsSound();
    void search_byAnyNumber();
    void filter_byStateAndDate();
    void filter_errorsAndUntrusted_shownInWords();
    void paging_fetchesMoreOnDemand();
    void open_marksFromHistory();
    void rerun_addsAnEntry();
    void remainingAmount_openedAndRunAgain();
    void rerun_ordinaryReturn_asksByOutOrderNo();
    void export_allAndSelected();
    void export_workbookSummaryAndAbout();
    void clear_asksAndEmpties();
    void retention_isRememberedAndPurges();
    void corruptDatabase_messageNotCrash_startAfresh();
    void corruptDatabase_lookupsMeanwhileKept_writtenAfterStartAfresh();
    void mainWindow_pagesInSwitcher_singleLookupRecorded();
    void mainWindow_historyUnusable_warnsAndAsksBeforeClosing();

private:
    LookupResult lookUpOrder(const QString &outOrderNo, const QString &transactionId);
    void lookUpSamples();

    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    ConnectionProfile m_demo;
    std::unique_ptr<StaticConnectionProvider> m_provider;
    std::unique_ptr<LookupController> m_controller;
    std::unique_ptr<HistoryBackend> m_history;
    std::unique_ptr<HistoryPage> m_page;
    QString m_path;
    int m_case = 0;
};

void TestHistoryPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    testing::useTestSettings(m_dir.path(), u"test_historypage"_s);
    QVERIFY2(m_server.start(sandbox::SandboxOptions{}), qPrintable(m_server.errorString()));
    m_demo = DemoProfile::fromSandboxInfo(m_server.info());
}

void TestHistoryPage::init()
{
    ++m_case;
    m_path = m_dir.filePath(u"history-%1.sqlite3"_s.arg(m_case));
    m_provider = std::make_unique<StaticConnectionProvider>();
    m_provider->addProfile(m_demo);
    m_controller = std::make_unique<LookupController>(m_provider.get());
    m_controller->setCurrentProfile(m_demo.id);
    m_history = std::make_unique<HistoryBackend>(m_path);
    m_history->setProfile(m_demo.name);
    m_page = std::make_unique<HistoryPage>(m_history.get(), m_controller.get());
    m_page->resize(1200, 700);
}

void TestHistoryPage::cleanup()
{
    m_page.reset();
    m_history.reset();
    m_controller.reset();
    m_provider.reset();
    QSettings().remove(u"history"_s);
}

LookupResult TestHistoryPage::lookUpOrder(const QString &outOrderNo, const QString &transactionId)
{
    QString error;
    LookupJob *job = m_controller->start(OrderQuery{u"1900000109"_s, transactionId, outOrderNo}, &error);
    if (!job)
        return {};
    QSignalSpy finished(job, &LookupJob::finished);
    if (!finished.wait(20000))
        return {};
    const auto result = finished.constFirst().constFirst().value<LookupResult>();
    m_history->record(result, u"single"_s);
    return result;
}

void TestHistoryPage::lookUpSamples()
{
    QCOMPARE(lookUpOrder(u"P20251120101530001"_s, u"4208450740202511201234567890"_s).kind,
             LookupResult::Kind::Ok);
    QCOMPARE(lookUpOrder(u"P20251121090000002"_s, u"4208450740202511211234567891"_s).kind,
             LookupResult::Kind::Ok);
    QCOMPARE(lookUpOrder(u"SCN-404-hist"_s, u"4208450740202511201234567890"_s).kind,
             LookupResult::Kind::ApiError);
    m_history->flush();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->refresh();
}

void TestHistoryPage::afterLookups_listsNewestFirst_modelIsSound()
{
    lookUpSamples();
    HistoryModel *model = m_page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->columnCount(), int(HistoryModel::ColumnCount));
    QCOMPARE(model->index(0, HistoryModel::NumberColumn).data().toString(), u"SCN-404-hist"_s);
    QCOMPARE(model->index(2, HistoryModel::StateColumn).data(HistoryModel::RawValueRole).toString(),
             u"FINISHED"_s);
    QCOMPARE(model->index(0, HistoryModel::HttpColumn).data(HistoryModel::RawValueRole).toInt(), 404);
    QCOMPARE(model->index(0, HistoryModel::SourceColumn).data().toString(), u"Single"_s);
    QCOMPARE(model->headerData(HistoryModel::TimeColumn, Qt::Horizontal).toString(), u"Looked up at"_s);
    QVERIFY(m_page->countLabel()->text().contains(u"3"_s));
    QVERIFY(m_page->errorLabel()->isHidden());
}

void TestHistoryPage::search_byAnyNumber()
{
    lookUpSamples();
    // By out_order_no, by transaction_id (shared by two look-ups), by nothing that exists.
    m_page->searchEdit()->setText(u"P20251121090000002"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    m_page->searchEdit()->setText(u"4208450740202511201234567890"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    m_page->searchEdit()->setText(u"NOPE-0000"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 0);
    m_page->searchEdit()->clear();
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
}

void TestHistoryPage::filter_byStateAndDate()
{
    lookUpSamples();
    QComboBox *state = m_page->stateCombo();
    state->setCurrentIndex(state->findData(u"state:PROCESSING"_s));
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->entry(0).outOrderNo, u"P20251121090000002"_s);
    state->setCurrentIndex(state->findData(u"state:FINISHED"_s));
    QCOMPARE(m_page->model()->rowCount(), 1);
    state->setCurrentIndex(0);
    QCOMPARE(m_page->model()->rowCount(), 3);

    // Today is in the range; a range that ended yesterday holds nothing.
    m_page->dateCheck()->setChecked(true);
    QCOMPARE(m_page->model()->rowCount(), 3);
    const QDate today = QDate::currentDate();
    m_page->toEdit()->setDate(today.addDays(-1));
    QCOMPARE(m_page->model()->rowCount(), 0);
    m_page->dateCheck()->setChecked(false);
    QCOMPARE(m_page->model()->rowCount(), 3);
}

void TestHistoryPage::filter_errorsAndUntrusted_shownInWords()
{
    lookUpSamples();
    // An answer that did not verify and one that could not be read, through the real client.
    QCOMPARE(lookUpOrder(u"SCN-TAMPER-hist"_s, u"4208450740202511201234567890"_s).kind,
             LookupResult::Kind::VerificationFailed);
    QCOMPARE(lookUpOrder(u"SCN-NOT_JSON-hist"_s, u"4208450740202511201234567890"_s).kind,
             LookupResult::Kind::BadAnswer);
    m_history->flush();
    m_page->refresh();
    QCOMPARE(m_page->model()->rowCount(), 5);
    for (int row = 0; row < m_page->model()->rowCount(); ++row) {
        const QString state = m_page->model()->index(row, HistoryModel::StateColumn).data().toString();
        QVERIFY2(!state.contains(u'_') && !state.isEmpty(), qPrintable(state)); // no bad_answer, no API word
    }
    QCOMPARE(m_page->model()->index(0, HistoryModel::StateColumn).data().toString(), u"Unreadable answer"_s);

    QComboBox *state = m_page->stateCombo();
    const auto choose = [state](const QString &text) {
        const int index = state->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        state->setCurrentIndex(index);
    };
    choose(u"Any error (no result)"_s);
    QCOMPARE(m_page->model()->rowCount(), 3);
    choose(u"Not trusted or unreadable answer"_s);
    QCOMPARE(m_page->model()->rowCount(), 2);
    choose(u"WeChat Pay answered with an error"_s);
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->entry(0).outOrderNo, u"SCN-404-hist"_s);
    choose(u"No answer"_s);
    QCOMPARE(m_page->model()->rowCount(), 0);
}

void TestHistoryPage::paging_fetchesMoreOnDemand()
{
    QVERIFY(m_history->ensureOpen());
    QList<HistoryEntry> entries;
    for (int i = 0; i < 7; ++i) {
        HistoryEntry e;
        e.lookedUpAt = QDateTime::currentDateTime().addSecs(-i);
        e.profile = u"p"_s;
        e.source = u"batch"_s;
        e.subMchid = u"1900000109"_s;
        e.transactionId = u"4208450740202511201234567890"_s;
        e.outOrderNo = u"PAGE%1"_s.arg(i);
        e.resultKind = u"ok"_s;
        e.state = u"FINISHED"_s;
        entries.append(e);
    }
    QVERIFY(m_history->store()->addAll(entries));
    HistoryModel model(m_history.get());
    model.setPageSize(3);
    model.refresh();
    QCOMPARE(model.totalCount(), 7);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 6);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 7);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.entry(0).outOrderNo, u"PAGE0"_s);
    QCOMPARE(model.entry(6).outOrderNo, u"PAGE6"_s);

    // The same under the model tester (which fetches more by itself when the model resets).
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 7);
}

void TestHistoryPage::open_marksFromHistory()
{
    lookUpSamples();
    const int finishedRow = 2;
    const HistoryEntry entry = m_page->model()->entry(finishedRow);
    m_page->table()->setCurrentIndex(m_page->model()->index(finishedRow, 0));
    QTest::keyClick(m_page->table(), Qt::Key_Return);
    QTRY_VERIFY(m_page->lastDialog());
    ResultDialog *dialog = m_page->lastDialog();
    QVERIFY(dialog->historyNote().contains(u"From history, looked up at"_s));
    QVERIFY(dialog->historyNote().contains(entry.lookedUpAt.toString(u"yyyy-MM-dd"_s)));
    QVERIFY(dialog->orderView()->isVisibleTo(dialog));
    QVERIFY(dialog->orderView()->totalsText().contains(u"%"_s) ||
            !dialog->orderView()->totalsText().isEmpty());

    // The 404 comes back as the error it was.
    m_page->openRow(0);
    QTRY_VERIFY(m_page->lastDialog() && m_page->lastDialog() != dialog);
    QVERIFY(!m_page->lastDialog()->orderView()->isVisibleTo(m_page->lastDialog()));
    QVERIFY(m_page->lastDialog()->errorPanel()->isVisibleTo(m_page->lastDialog()));
}

void TestHistoryPage::rerun_addsAnEntry()
{
    lookUpSamples();
    m_page->table()->selectRow(2);
    QSignalSpy rerun(m_page.get(), &HistoryPage::rerunFinished);
    m_page->rerunSelected();
    QVERIFY(rerun.wait(20000));
    QTRY_COMPARE(m_page->model()->totalCount(), 4);
    QCOMPARE(m_page->model()->entry(0).outOrderNo, u"P20251120101530001"_s);
    QVERIFY(m_page->lastDialog());
    QVERIFY(m_page->lastDialog()->historyNote().isEmpty());
}

// Issue 18: a 剩余待分金额 look-up opens as what it was and runs again from the history.
void TestHistoryPage::remainingAmount_openedAndRunAgain()
{
    QString error;
    LookupJob *job = m_controller->start(
        AmountsQuery{u"4208450740202511211234567891"_s, Product::ServiceProvider}, &error);
    QVERIFY2(job, qPrintable(error));
    QSignalSpy finished(job, &LookupJob::finished);
    QVERIFY(finished.wait(20000));
    const auto result = finished.constFirst().constFirst().value<LookupResult>();
    QCOMPARE(result.kind, LookupResult::Kind::Ok);
    m_history->record(result, u"single"_s);
    m_history->flush();
    m_page->show();
    m_page->refresh();
    QTRY_COMPARE(m_page->model()->totalCount(), 1);
    QCOMPARE(m_page->model()->entry(0).lookup, LookupKind::Amounts);
    // Listed as what it is: the payment's number, the money still frozen in words and in yuan.
    HistoryModel *model = m_page->model();
    QCOMPARE(model->index(0, HistoryModel::LookupColumn).data().toString(), u"Remaining amount"_s);
    QCOMPARE(model->index(0, HistoryModel::NumberColumn).data().toString(), u"4208450740202511211234567891"_s);
    QCOMPARE(model->index(0, HistoryModel::StateColumn).data().toString(),
             ResultState::label(LookupKind::Amounts, u"frozen"_s));
    QCOMPARE(model->index(0, HistoryModel::AmountColumn).data().toString(), u"92.00"_s);
    // And so in the history's export: lookup "amounts", summed as money still to split.
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    QVERIFY(HistoryExport::writeCsv({model->entry(0)}, &csv));
    const QList<QByteArray> lines = csv.data().split('\n');
    QVERIFY2(lines.size() > 1 && lines.at(1).contains(",amounts,single,"), lines.value(1).constData());
    QVERIFY2(lines.at(1).contains(",frozen,"), lines.at(1).constData());

    m_page->openRow(0);
    QTRY_VERIFY(m_page->lastDialog());
    ResultDialog *dialog = m_page->lastDialog();
    QVERIFY(dialog->historyNote().contains(u"From history"_s));
    QVERIFY(dialog->answerView()->isVisibleTo(dialog));
    QVERIFY(!dialog->errorPanel()->isVisibleTo(dialog));
    QCOMPARE(dialog->answerView()->value(ResultFacts::tr("Remaining to share (yuan)")),
             u"92.00"_s); // 9200 fen still frozen (docs/sandbox.md)

    m_page->table()->selectRow(0);
    QSignalSpy rerun(m_page.get(), &HistoryPage::rerunFinished);
    m_page->rerunSelected();
    QVERIFY(rerun.wait(20000));
    const auto again = rerun.constFirst().constFirst().value<LookupResult>();
    QCOMPARE(again.kind, LookupResult::Kind::Ok);
    QCOMPARE(again.lookup(), LookupKind::Amounts);
    QCOMPARE(again.amounts()->unsplitAmount, 9200);
    QTRY_COMPARE(m_page->model()->totalCount(), 2);
    QVERIFY(m_page->lastDialog()->answerView()->isVisibleTo(m_page->lastDialog()));
    QVERIFY(m_page->lastDialog()->historyNote().isEmpty());
}

// An ordinary (普通分账) return's answer carries order_id too; run again, it is asked by out_order_no
// as the product requires, not refused as invalid.
void TestHistoryPage::rerun_ordinaryReturn_asksByOutOrderNo()
{
    QString error;
    LookupJob *job = m_controller->start(ReturnQuery{u"1900000109"_s, u"R20251127100000011"_s, QString(),
                                                     u"P20251120101530001"_s, Product::ServiceProvider},
                                         &error);
    QVERIFY2(job, qPrintable(error));
    QSignalSpy finished(job, &LookupJob::finished);
    QVERIFY(finished.wait(20000));
    const auto first = finished.constFirst().constFirst().value<LookupResult>();
    QCOMPARE(first.kind, LookupResult::Kind::Ok);
    QVERIFY(!first.returnOrder()->orderId.isEmpty());
    m_history->record(first, u"single"_s);
    m_history->flush();
    m_page->show();
    m_page->refresh();
    QTRY_COMPARE(m_page->model()->totalCount(), 1);

    m_page->table()->selectRow(0);
    QSignalSpy rerun(m_page.get(), &HistoryPage::rerunFinished);
    m_page->rerunSelected();
    QVERIFY(rerun.wait(20000));
    const auto again = rerun.constFirst().constFirst().value<LookupResult>();
    QCOMPARE(again.kind, LookupResult::Kind::Ok);
    QCOMPARE(again.product(), Product::ServiceProvider);
    QVERIFY(again.query.returnOrder()->orderId.isEmpty());
    QCOMPARE(again.query.returnOrder()->outOrderNo, u"P20251120101530001"_s);
    QCOMPARE(again.returnOrder()->outReturnNo, u"R20251127100000011"_s);
}

void TestHistoryPage::export_allAndSelected()
{
    lookUpSamples();
    QSignalSpy status(m_page.get(), &HistoryPage::statusMessage);
    const QString all = m_dir.filePath(u"history-all.csv"_s);
    MessageBox::setNextSaveFileName(all);
    m_page->exportHistory();
    QFile file(all);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(bytes.count("\r\n"), 4); // header + 3
    QVERIFY(bytes.contains("P20251121090000002"));
    QCOMPARE(status.size(), 1);
    QVERIFY2(status.at(0).at(0).toString().contains(u"Exported 3 row(s)"_s), qPrintable(status.at(0).at(0).toString()));

    // One row selected: the page asks; the default answer (the first) is still all matching.
    m_page->table()->selectRow(1);
    const QString again = m_dir.filePath(u"history-again.csv"_s);
    MessageBox::setNextChoice(0);
    MessageBox::setNextSaveFileName(again);
    m_page->exportHistory();
    QVERIFY2(MessageBox::lastText().contains(u"3 look-up(s) match the search; 1 selected"_s),
             qPrintable(MessageBox::lastText()));
    QFile againFile(again);
    QVERIFY(againFile.open(QIODevice::ReadOnly));
    QCOMPARE(againFile.readAll().count("\r\n"), 4);
    QVERIFY(status.constLast().at(0).toString().contains(u"All look-ups matching the search"_s));

    // Only the selected row, and byte for byte what HistoryExport writes for it.
    const QString one = m_dir.filePath(u"history-one.csv"_s);
    MessageBox::setNextChoice(1);
    MessageBox::setNextSaveFileName(one);
    m_page->exportHistory();
    QFile oneFile(one);
    QVERIFY(oneFile.open(QIODevice::ReadOnly));
    QBuffer expected;
    expected.open(QIODevice::WriteOnly);
    QVERIFY(HistoryExport::writeCsv({m_page->model()->entry(1)}, &expected));
    QCOMPARE(oneFile.readAll(), expected.data());
    QVERIFY(status.constLast().at(0).toString().contains(u"Exported 1 row(s)"_s));
    QVERIFY(status.constLast().at(0).toString().contains(u"Only the selected"_s));

    // Cancel in the question: nothing is asked for or written.
    const QString none = m_dir.filePath(u"history-none.csv"_s);
    MessageBox::setNextChoice(-1);
    MessageBox::setNextSaveFileName(none);
    m_page->exportHistory();
    QVERIFY(!QFile::exists(none));
    // The save dialog was never opened: its pre-set answer is still waiting (and is used up here).
    QCOMPARE(MessageBox::saveFileName(nullptr, {}, {}, {}), none);
}

void TestHistoryPage::export_workbookSummaryAndAbout()
{
    lookUpSamples();
    const QString path = m_dir.filePath(u"history.xlsx"_s);
    MessageBox::setNextSaveFileName(path);
    m_page->exportHistory();
    const test::XlsxBook book = test::readXlsx(path);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    const test::XlsxSheet *history = book.sheet(u"History"_s);
    QVERIFY(history);
    QCOMPARE(history->rows.size(), 4);
    for (int row = 1; row <= 3; ++row) {
        const HistoryEntry entry = m_page->model()->entry(row - 1);
        QCOMPARE(history->at(row, u"Merchant sharing order no."_s).value, entry.outOrderNo);
        QCOMPARE(history->at(row, u"Merchant sharing order no."_s).type, u"str"_s);
        QCOMPARE(history->at(row, u"Request-ID"_s).value, entry.requestId);
        if (!entry.transactionId.isEmpty())
            QCOMPARE(history->at(row, u"WeChat Pay transaction ID"_s).value, entry.transactionId);
        if (!entry.state.isEmpty()) {
            QCOMPARE(history->at(row, u"Amount (fen)"_s).type, u"int"_s);
            QCOMPARE(history->at(row, u"Amount (fen)"_s).value, QString::number(entry.totalFen));
        }
        QCOMPARE(history->at(row, u"HTTP status"_s).type, u"int"_s);
    }
    const test::XlsxSheet *summary = book.sheet(u"Summary"_s);
    QVERIFY(summary);
    QVERIFY(summary->rows.size() >= 2);
    int counted = 0;
    for (qsizetype row = 1; row < summary->rows.size(); ++row) {
        const QString group = summary->rows.at(row).at(0).value;
        if (group != u"receiver_result"_s)
            counted += summary->rows.at(row).at(3).value.toInt();
    }
    QCOMPARE(counted, 3); // every look-up in one state or result-kind line
    const test::XlsxSheet *about = book.sheet(u"About"_s);
    QVERIFY(about);
    QVERIFY(about->rows.at(1).at(1).value.contains(u"3 look-up(s)"_s));
}

void TestHistoryPage::clear_asksAndEmpties()
{
    lookUpSamples();
    MessageBox::setNextAnswer(QMessageBox::No);
    m_page->clearHistory();
    QCOMPARE(m_page->model()->totalCount(), 3);
    QVERIFY(MessageBox::lastText().contains(u"3"_s));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_page->clearHistory();
    QCOMPARE(m_page->model()->totalCount(), 0);
    QCOMPARE(m_history->store()->count({}).value(), 0);
}

void TestHistoryPage::retention_isRememberedAndPurges()
{
    QCOMPARE(m_page->retentionSpin()->value(), HistoryBackend::defaultRetentionDays);
    QVERIFY(m_history->ensureOpen());
    HistoryEntry old;
    old.lookedUpAt = QDateTime::currentDateTime().addDays(-40);
    old.source = u"single"_s;
    old.outOrderNo = u"OLD1"_s;
    old.resultKind = u"ok"_s;
    QVERIFY(m_history->store()->add(old));
    m_page->retentionSpin()->setValue(30);
    Q_EMIT m_page->retentionSpin()->editingFinished();
    QCOMPARE(m_history->retentionDays(), 30);
    QCOMPARE(m_history->store()->count({}).value(), 0);
    HistoryBackend again(m_path);
    QCOMPARE(again.retentionDays(), 30);
}

void TestHistoryPage::corruptDatabase_messageNotCrash_startAfresh()
{
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->refresh();
    QVERIFY(!m_page->errorLabel()->isHidden());
    QVERIFY(!m_page->errorLabel()->text().isEmpty());
    QCOMPARE(m_page->model()->rowCount(), 0);
    QPushButton *afresh = nullptr;
    for (QPushButton *button : m_page->findChildren<QPushButton *>()) {
        if (button->text() == u"Start a new history file"_s)
            afresh = button;
    }
    QVERIFY(afresh);
    QVERIFY(!afresh->isHidden());

    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(afresh, Qt::LeftButton);
    QVERIFY(m_page->errorLabel()->isHidden());
    QVERIFY(afresh->isHidden());
    QVERIFY(m_history->store()->isOpen());
}

void TestHistoryPage::corruptDatabase_lookupsMeanwhileKept_writtenAfterStartAfresh()
{
    const QByteArray garbage = QByteArray("not a database, ") + QByteArray(8192, 'x');
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    // Look-ups go on while the history cannot be opened; the page says why.
    QCOMPARE(lookUpOrder(u"P20251120101530001"_s, u"4208450740202511201234567890"_s).kind,
             LookupResult::Kind::Ok);
    QCOMPARE(lookUpOrder(u"SCN-404-afresh"_s, u"4208450740202511201234567890"_s).kind,
             LookupResult::Kind::ApiError);
    m_history->flush();
    QVERIFY(m_history->isCorrupt());
    QVERIFY(!m_history->error().isEmpty());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->refresh();
    QVERIFY(!m_page->errorLabel()->isHidden());
    QCOMPARE(m_page->model()->totalCount(), 0);

    QPushButton *afresh = nullptr;
    for (QPushButton *button : m_page->findChildren<QPushButton *>()) {
        if (button->text() == u"Start a new history file"_s)
            afresh = button;
    }
    QVERIFY(afresh);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(afresh, Qt::LeftButton);
    QVERIFY(m_page->errorLabel()->isHidden());

    // Nothing lost: the damaged file is kept as it was, and both look-ups are in the new history.
    const QFileInfo info(m_path);
    const QStringList aside =
        info.dir().entryList({info.fileName() + u".broken-*"_s}, QDir::Files, QDir::Name);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(MessageBox::lastText().contains(aside.constFirst()), qPrintable(MessageBox::lastText()));
    QFile kept(info.dir().filePath(aside.constFirst()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);
    QCOMPARE(m_page->model()->totalCount(), 2);
    QCOMPARE(m_page->model()->entry(0).outOrderNo, u"SCN-404-afresh"_s);
    QCOMPARE(m_page->model()->entry(1).outOrderNo, u"P20251120101530001"_s);
    QCOMPARE(m_page->model()->entry(1).source, u"single"_s);
    QCOMPARE(m_page->model()->entry(1).profile, m_demo.name);
}

void TestHistoryPage::mainWindow_pagesInSwitcher_singleLookupRecorded()
{
    QFile::remove(HistoryStore::defaultPath());
    MainWindow window(m_controller.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.pages()->count(), 4);
    QCOMPARE(window.pages()->widget(2), window.batchPage());
    QCOMPARE(window.pages()->widget(3), window.historyPage());

    // A single look-up on the order page lands in the history as "single".
    window.prefillSamples();
    LookupPage *order = window.orderPage();
    QVERIFY(order->form()->submit());
    QTRY_VERIFY_WITH_TIMEOUT(!order->isBusy(), 20000);
    const QString done = window.statusBar()->currentMessage();
    QVERIFY2(done.startsWith(u"Done"_s), qPrintable(done));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.pages()->currentWidget(), window.historyPage());
    // The order tab's message stays with the order tab.
    QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!window.runAction()->isEnabled());
    QCOMPARE(window.historyPage()->model()->totalCount(), 1);
    QCOMPARE(window.historyPage()->model()->entry(0).source, u"single"_s);
    QCOMPARE(window.historyPage()->model()->entry(0).outOrderNo, m_demo.sampleOrder.outOrderNo);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.pages()->currentWidget(), window.batchPage());
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.statusBar()->currentMessage(), done);
}

void TestHistoryPage::mainWindow_historyUnusable_warnsAndAsksBeforeClosing()
{
    const QString path = HistoryStore::defaultPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    MainWindow window(m_controller.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *warning = window.findChild<QToolButton *>(u"historyWarning"_s);
    QVERIFY(warning);
    QVERIFY(warning->isHidden());

    // A look-up on the order page cannot be written: the status bar says so on every tab.
    window.prefillSamples();
    QVERIFY(window.orderPage()->form()->submit());
    QTRY_VERIFY_WITH_TIMEOUT(!window.orderPage()->isBusy(), 20000);
    QTRY_VERIFY(!warning->isHidden());
    QVERIFY(warning->toolTip().contains(window.history()->error()));
    window.setCurrentPage(MainWindow::Page::Batch);
    QVERIFY(!warning->isHidden());
    QTest::mouseClick(warning, Qt::LeftButton);
    QCOMPARE(window.pages()->currentWidget(), window.historyPage());

    // Closing asks first; Cancel keeps the window open on the History tab.
    window.setCurrentPage(MainWindow::Page::Order);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(MessageBox::lastText().startsWith(u"1 look-up"_s));
    QVERIFY(MessageBox::lastText().contains(u"could not be saved to the history"_s));
    QCOMPARE(window.pages()->currentWidget(), window.historyPage());

    // After a new history file the look-up is saved, the warning goes and closing asks nothing.
    QPushButton *afresh = nullptr;
    for (QPushButton *button : window.historyPage()->findChildren<QPushButton *>()) {
        if (button->text() == u"Start a new history file"_s)
            afresh = button;
    }
    QVERIFY(afresh);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(afresh, Qt::LeftButton);
    QVERIFY(warning->isHidden());
    QCOMPARE(window.historyPage()->model()->totalCount(), 1);
    MessageBox::setNextAnswer(QMessageBox::Cancel); // would keep it open if it were asked
    QVERIFY(window.close());

    for (const QString &aside : QFileInfo(path).dir().entryList({QFileInfo(path).fileName() + u".broken-*"_s}))
        QFile::remove(QFileInfo(path).dir().filePath(aside));
    QFile::remove(path);
}

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
