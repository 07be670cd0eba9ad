// The batch page end to end: a list pasted from Excel, its column mapping and validation list, a
// run against the in-process sandbox over loopback with live per-row statuses, pause / resume /
// cancel, the export, the summary, the history it writes, and watching PROCESSING rows to final.

#include "batch/batchexport.h"
#include "batch/batchrunner.h"
#include "batch/watcher.h"
#include "batchinputpanel.h"
#include "batchpage.h"
#include "batchrowsmodel.h"
#include "batchsummaryview.h"
#include "demoprofile.h"
#include "format/labels.h"
#include "lookup/resultstate.h"
#include "historybackend.h"
#include "lookupcontroller.h"
#include "messagebox.h"
#include "orderresultview.h"
#include "resultdialog.h"
#include "sandbox/sandboxserver.h"
#include "testsettings.h"
#include "xlsxreader.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace fenzhang;
using namespace Qt::StringLiterals;

namespace {
const QString sub = u"1900000109"_s;
const QString sampleTx = u"4208450740202511201234567890"_s;
const QString sampleNo = u"P20251120101530001"_s;

QString orderLine(const QString &outOrderNo, const QString &transactionId = sampleTx)
{
    return sub + u'\t' + transactionId + u'\t' + outOrderNo;
}
} // namespace

class TestBatchPage final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pasteTsv_headerMapsColumnsAndListsBadRows();
    void pasteWithoutHeader_positionalMappingAndRemap();
    void importCsvFile_gb18030();
    void run_smallBatch_statusesCountsSummaryAndHistory();
    void run_waitsForTheKeychainLikeTheLookupPages();
    void pause_holdsQueueUntilResume();
    void cancel_thenRerunFailed_completes();
    void export_bytesEqualBatchExport();
    void export_workbookWithSummaryAndStatus();
    void openRow_showsResultView();
    void watchProcessing_becomesFinal_signalsAndHistory();
    void amountColumns_wholeAtEachWindowSize();
    void failedReturn_showsReasonAndAdviceInThePane();
    void chineseHeadings_mappedAndCombosWhole();
    void returnRowsInOrderMode_offerOneClickSwitch();
    void directMerchant_rowsWithoutSubMchid_lookedUp();
    void remainingAmounts_batchOfPayments_statesSummaryAndExport();
    void orders_withRemainingAmounts_columnSummaryHistoryAndExport();

private:
    void paste(const QStringList &lines);
    static void verifyWhole(QTableView *view, int column);
    void runToEnd();
    // Switches to the sandbox's demo profile of this product (the service provider's is current).
    void useDemo(Product product);

    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    ConnectionProfile m_demo;
    std::unique_ptr<StaticConnectionProvider> m_provider;
    std::unique_ptr<LookupController> m_controller;
    std::unique_ptr<HistoryBackend> m_history;
    std::unique_ptr<BatchPage> m_page;
    int m_case = 0;
};

void TestBatchPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    testing::useTestSettings(m_dir.path(), u"test_batchpage"_s);
    QVERIFY2(m_server.start(sandbox::SandboxOptions{}), qPrintable(m_server.errorString()));
    m_demo = DemoProfile::fromSandboxInfo(m_server.info());
    m_demo.settings.client.maxRetries = 0;
}

void TestBatchPage::init()
{
    ++m_case;
    m_provider = std::make_unique<StaticConnectionProvider>();
    m_provider->addProfile(m_demo);
    m_controller = std::make_unique<LookupController>(m_provider.get());
    m_controller->setCurrentProfile(m_demo.id);
    m_history = std::make_unique<HistoryBackend>(m_dir.filePath(u"history-%1.sqlite3"_s.arg(m_case)));
    m_page = std::make_unique<BatchPage>(m_controller.get(), m_history.get());
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestBatchPage::cleanup()
{
    m_page.reset();
    m_history.reset();
    m_controller.reset();
    m_provider.reset();
}

void TestBatchPage::paste(const QStringList &lines)
{
    QSignalSpy imported(m_page->input(), &BatchInputPanel::importChanged);
    m_page->input()->setText(lines.join(u"\r\n"_s));
    QVERIFY(imported.wait(10000));
    QVERIFY(!m_page->input()->isImporting());
}

void TestBatchPage::useDemo(Product product)
{
    ConnectionProfile demo = DemoProfile::fromSandboxInfo(m_server.info(), product);
    demo.settings.client.maxRetries = 0;
    m_provider->addProfile(demo);
    m_controller->setCurrentProfile(demo.id);
    QCOMPARE(m_page->input()->product(), product);
}

void TestBatchPage::runToEnd()
{
    QSignalSpy finished(m_page.get(), &BatchPage::batchFinished);
    QVERIFY(m_page->runButton()->isEnabled());
    QTest::mouseClick(m_page->runButton(), Qt::LeftButton);
    QVERIFY(m_page->runner());
    QVERIFY(finished.wait(30000));
}

// Every cell of the column fits its width, and the column is inside the viewport (not scrolled away).
void TestBatchPage::verifyWhole(QTableView *view, int column)
{
    const QFontMetrics metrics = view->fontMetrics();
    int widest = 0;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        widest =
            std::max(widest, metrics.horizontalAdvance(view->model()->index(row, column).data().toString()));
    QVERIFY(widest > 0);
    QVERIFY2(view->columnWidth(column) >= widest,
             qPrintable(u"%1 column %2: width %3 < text %4"_s.arg(view->objectName())
                            .arg(column)
                            .arg(view->columnWidth(column))
                            .arg(widest)));
    QVERIFY2(view->columnViewportPosition(column) >= 0 &&
                 view->columnViewportPosition(column) + view->columnWidth(column) <=
                     view->viewport()->width(),
             qPrintable(u"%1 column %2 at %3+%4 outside %5"_s.arg(view->objectName())
                            .arg(column)
                            .arg(view->columnViewportPosition(column))
                            .arg(view->columnWidth(column))
                            .arg(view->viewport()->width())));
    // Models give Qt::Alignment, QTableWidgetItem an int.
    const QVariant alignment = view->model()->index(0, column).data(Qt::TextAlignmentRole);
    const Qt::Alignment flags = alignment.metaType() == QMetaType::fromType<Qt::Alignment>()
                                    ? alignment.value<Qt::Alignment>()
                                    : Qt::Alignment(alignment.toInt());
    QVERIFY(flags.testFlag(Qt::AlignRight));
}

void TestBatchPage::pasteTsv_headerMapsColumnsAndListsBadRows()
{
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(sampleNo), orderLine(u"P2"_s),
           u"19000001O9\t4208450740202511201234567890\tP3"_s, orderLine(sampleNo)});
    BatchInputPanel *input = m_page->input();
    const BatchImport &import = input->currentImport();
    QVERIFY2(import.ok(), qPrintable(import.error));
    QVERIFY(import.hasHeader);
    QCOMPARE(input->mappingCombo(u"sub_mchid"_s)->currentData().toInt(), 0);
    QCOMPARE(input->mappingCombo(u"transaction_id"_s)->currentData().toInt(), 1);
    QCOMPARE(input->mappingCombo(u"out_order_no"_s)->currentData().toInt(), 2);
    QVERIFY(input->mappingCombo(u"out_return_no"_s)->isHidden());
    QVERIFY(input->preview()->rowCount() >= 4);
    QCOMPARE(input->preview()->item(1, 2)->text(), sampleNo);

    // Row 4 (a letter O in sub_mchid) and row 5 (a duplicate of row 2) are listed, not sent.
    QListWidget *problems = input->problems();
    QCOMPARE(problems->count(), 2);
    QCOMPARE(problems->item(0)->data(Qt::UserRole).toInt(), 4);
    QVERIFY(problems->item(0)->text().contains(u"sub_mchid"_s));
    QCOMPARE(problems->item(1)->data(Qt::UserRole).toInt(), 5);
    QVERIFY(problems->item(1)->text().contains(u"2"_s));
    QCOMPARE(import.validCount(), 2);
    QVERIFY(m_page->runButton()->isEnabled());
}

void TestBatchPage::pasteWithoutHeader_positionalMappingAndRemap()
{
    // Columns in another order than the API's: the mapping combos put it right.
    paste({sampleNo + u'\t' + sub + u'\t' + sampleTx,
           u"P20251121090000002\t"_s + sub + u"\t4208450740202511211234567891"_s});
    BatchInputPanel *input = m_page->input();
    QVERIFY(!input->currentImport().hasHeader);
    QCOMPARE(input->currentImport().validCount(), 0); // positional: sub_mchid read from column 1
    QVERIFY(!m_page->runButton()->isEnabled());

    QSignalSpy imported(input, &BatchInputPanel::importChanged);
    input->setColumn(u"sub_mchid"_s, 1);
    QVERIFY(imported.wait(10000));
    input->setColumn(u"transaction_id"_s, 2);
    QVERIFY(imported.wait(10000));
    input->setColumn(u"out_order_no"_s, 0);
    QVERIFY(imported.wait(10000));
    QTRY_VERIFY(!input->isImporting());
    QCOMPARE(input->currentImport().mapping.outOrderNo, 0);
    QCOMPARE(input->currentImport().validCount(), 2);
    QCOMPARE(input->currentImport().rows.constFirst().query.order()->outOrderNo, sampleNo);
    QVERIFY(input->preview()->horizontalHeaderItem(0)->text().contains(u"out_order_no"_s));
    QVERIFY(m_page->runButton()->isEnabled());
}

void TestBatchPage::importCsvFile_gb18030()
{
    const QString path = m_dir.filePath(u"returns-gb18030.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // "备注" (remark) in GB18030 in a fourth column; the numbers are ASCII.
    file.write("sub_mchid,out_return_no,order_id,\xb1\xb8\xd7\xa2\r\n"
               "1900000109,R20251121100000001,30000000012025112012345678901234,\xb2\xe2\xca\xd4\r\n");
    file.close();
    useDemo(Product::Brand); // returns named by order_id: a chain brand's
    m_page->input()->setKind(LookupKind::Return);
    QSignalSpy imported(m_page->input(), &BatchInputPanel::importChanged);
    m_page->input()->importFile(path);
    QTRY_VERIFY(!m_page->input()->isImporting());
    const BatchImport &import = m_page->input()->currentImport();
    QVERIFY2(import.ok(), qPrintable(import.error));
    QCOMPARE(import.encoding, TextDecoding::Encoding::Gb18030);
    QCOMPARE(import.kind, LookupKind::Return);
    QCOMPARE(import.validCount(), 1);
    QCOMPARE(m_page->input()->preview()->item(0, 3)->text(), u"备注"_s);
    QVERIFY(!m_page->input()->mappingCombo(u"out_return_no"_s)->isHidden());
    QVERIFY(m_page->input()->mappingCombo(u"transaction_id"_s)->isHidden());
}

void TestBatchPage::run_smallBatch_statusesCountsSummaryAndHistory()
{
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(sampleNo),
           orderLine(u"P20251121090000002"_s, u"4208450740202511211234567891"_s), orderLine(u"SCN-404-run"_s),
           u"19000001O9\t4208450740202511201234567890\tP3"_s});
    runToEnd();
    BatchRowsModel *model = m_page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->columnCount(), int(BatchRowsModel::ColumnCount));
    const auto status = [model](int row) {
        return BatchRunner::RowStatus(model->index(row, 0).data(BatchRowsModel::StatusRole).toInt());
    };
    QCOMPARE(status(0), BatchRunner::RowStatus::Succeeded);
    QCOMPARE(status(1), BatchRunner::RowStatus::Processing);
    QCOMPARE(status(2), BatchRunner::RowStatus::Failed);
    QCOMPARE(status(3), BatchRunner::RowStatus::Invalid);
    QCOMPARE(model->index(0, BatchRowsModel::RowNumberColumn).data(BatchRowsModel::RawValueRole).toInt(), 2);
    QCOMPARE(model->index(0, BatchRowsModel::StateColumn).data(BatchRowsModel::RawValueRole).toString(),
             u"FINISHED"_s);
    QVERIFY(model->index(2, BatchRowsModel::DetailColumn).data().toString().contains(u"404"_s));
    QVERIFY(model->index(3, BatchRowsModel::DetailColumn).data().toString().contains(u"sub_mchid"_s));
    QCOMPARE(model->headerData(BatchRowsModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);

    const BatchRunner::Counts &c = m_page->runner()->counts();
    QCOMPARE(c.total, 3);
    QCOMPARE(c.succeeded, 1);
    QCOMPARE(c.processing, 1);
    QCOMPARE(c.failed, 1);
    QCOMPARE(c.invalid, 1);
    QCOMPARE(m_page->progressBar()->value(), 3);
    QCOMPARE(m_page->progressBar()->maximum(), 3);
    QVERIFY(m_page->countsLabel()->text().contains(u"3 of 3 done"_s));
    QVERIFY(m_page->rerunButton()->isEnabled());
    QVERIFY(m_page->watchButton()->isEnabled());
    QVERIFY(m_page->exportButton()->isEnabled());

    // The summary matches BatchExport's and is on screen.
    const BatchSummary expected =
        BatchExport::summarize(LookupKind::Order, BatchExport::rowsOf(*m_page->runner()));
    QCOMPARE(m_page->summaryView()->summary().answered, expected.answered);
    QCOMPARE(m_page->summaryView()->summary().failed, expected.failed);
    QVERIFY(m_page->summaryView()->rowCount() >= 2 + int(expected.byState.size()));

    // Three look-ups were sent: three history entries, source "batch".
    QVERIFY(m_history->ensureOpen());
    m_history->flush();
    HistoryFilter all;
    QCOMPARE(m_history->store()->count(all).value(), 3);
    const auto entries = m_history->store()->search(all).value();
    for (const HistoryEntry &entry : entries)
        QCOMPARE(entry.source, u"batch"_s);
}

// The batch page builds its connection by the look-up pages' rules (ProfileConnection): while the
// profile's key is still being read from the keychain nothing is built or sent and the user is
// told why; once it has arrived the same batch runs.
void TestBatchPage::run_waitsForTheKeychainLikeTheLookupPages()
{
    ConnectionProfile reading = m_demo;
    reading.id = u"reading"_s;
    reading.name = u"Key in the keychain"_s;
    reading.demo = false;
    reading.unavailableReason = u"The private key is still being read from the keychain."_s;
    m_provider->addProfile(reading);
    m_controller->setCurrentProfile(reading.id);
    int requests = 0;
    connect(&m_server, &sandbox::SandboxServer::requestHandled, this, [&requests] { ++requests; });

    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(sampleNo)});
    QVERIFY(m_page->runButton()->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(m_page->runButton(), Qt::LeftButton);
    QCOMPARE(MessageBox::lastText(), reading.unavailableReason);
    QVERIFY(!m_page->isBusy());
    QVERIFY(!m_page->runner()); // nothing built, so nothing can be sent

    reading.unavailableReason.clear(); // the keychain has answered
    m_provider->setProfiles({m_demo, reading});
    Q_EMIT m_provider->profileReady(reading.id);
    runToEnd();
    QCOMPARE(m_page->runner()->counts().succeeded, 1);
    QCOMPARE(requests, 1);
    disconnect(&m_server, &sandbox::SandboxServer::requestHandled, this, nullptr);
}

void TestBatchPage::pause_holdsQueueUntilResume()
{
    QStringList lines = {u"sub_mchid\ttransaction_id\tout_order_no"_s};
    for (int i = 0; i < 4; ++i)
        lines.append(orderLine(u"SCN-SLOW-300-p%1"_s.arg(i)));
    paste(lines);
    m_page->concurrencySpin()->setValue(1);
    m_page->rateSpin()->setValue(0);
    QSignalSpy finished(m_page.get(), &BatchPage::batchFinished);
    QVERIFY(m_page->run());
    QVERIFY(m_page->pauseButton()->isEnabled());
    QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
    QVERIFY(m_page->runner()->isPaused());
    QCOMPARE(m_page->pauseButton()->text(), u"&Resume"_s);
    // The look-up under way ends; nothing new starts while paused.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->runner()->counts().running, 0, 10000);
    const int answered = m_page->runner()->counts().answered();
    QCOMPARE(answered, 1);
    QCOMPARE(m_page->runner()->counts().pending, 3);
    QVERIFY(m_page->countsLabel()->text().contains(u"paused"_s));
    QVERIFY(finished.isEmpty());

    QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
    QVERIFY(!m_page->runner()->isPaused());
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_page->runner()->counts().succeeded, 4);
}

void TestBatchPage::cancel_thenRerunFailed_completes()
{
    QStringList lines = {u"sub_mchid\ttransaction_id\tout_order_no"_s};
    for (int i = 0; i < 4; ++i)
        lines.append(orderLine(u"SCN-SLOW-300-c%1"_s.arg(i)));
    paste(lines);
    m_page->concurrencySpin()->setValue(1);
    m_page->rateSpin()->setValue(0);
    m_page->remainingCheck()->setChecked(true); // a cancelled pass asks no remaining amounts after it
    QSignalSpy finished(m_page.get(), &BatchPage::batchFinished);
    QVERIFY(m_page->run());
    // One order answered first: without the cancel its payment would be asked next.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->runner()->counts().succeeded >= 1, 10000);
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QCOMPARE(m_page->remainingRunner()->rowCount(), 0);
    QCOMPARE(m_page->model()->index(0, BatchRowsModel::RemainingColumn).data().toString(), QString());
    const BatchRunner::Counts &c = m_page->runner()->counts();
    QCOMPARE(c.cancelled + c.answered(), 4);
    QVERIFY(c.cancelled >= 2);
    QVERIFY(m_page->countsLabel()->text().contains(u"cancelled"_s));
    QVERIFY(m_page->rerunButton()->isEnabled());

    finished.clear();
    QTest::mouseClick(m_page->rerunButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_page->runner()->counts().succeeded, 4);
    QCOMPARE(m_page->runner()->counts().cancelled, 0);
    QVERIFY(!m_page->rerunButton()->isEnabled());
    // The re-run went to the end: its payment (all four orders share one) was asked once.
    QCOMPARE(m_page->remainingRunner()->rowCount(), 1);
    QCOMPARE(m_page->remainingRunner()->counts().succeeded, 1);
    QVERIFY(m_page->model()->index(0, BatchRowsModel::RemainingColumn).data(BatchRowsModel::RawValueRole).isValid());
}

void TestBatchPage::export_bytesEqualBatchExport()
{
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(sampleNo), orderLine(u"SCN-404-exp"_s),
           u"x\ty\tz"_s});
    runToEnd();
    const QString path = m_dir.filePath(u"batch-export.csv"_s);
    MessageBox::setNextSaveFileName(path);
    QTest::mouseClick(m_page->exportButton(), Qt::LeftButton);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();

    QBuffer expected;
    expected.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Order, BatchExport::rowsOf(*m_page->runner()), &expected));
    QCOMPARE(written, expected.data());
    QVERIFY(written.startsWith("\xEF\xBB\xBF"));
    QVERIFY(written.contains(sampleNo.toLatin1()));

    // Cancelled in the save dialog: nothing is written.
    QFile::remove(path);
    MessageBox::setNextSaveFileName(QString());
    m_page->exportResults();
    QVERIFY(!QFile::exists(path));
}

void TestBatchPage::export_workbookWithSummaryAndStatus()
{
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(sampleNo), orderLine(u"SCN-404-exp"_s)});
    runToEnd();
    QSignalSpy status(m_page.get(), &BatchPage::statusMessage);
    const QString path = m_dir.filePath(u"batch-export.xlsx"_s);
    MessageBox::setNextSaveFileName(path);
    QTest::mouseClick(m_page->exportButton(), Qt::LeftButton);
    QCOMPARE(status.size(), 1);
    QVERIFY2(status.at(0).at(0).toString().contains(u"Excel workbook"_s), qPrintable(status.at(0).at(0).toString()));

    const test::XlsxBook book = test::readXlsx(path);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    const test::XlsxSheet *batch = book.sheet(u"Batch"_s);
    QVERIFY(batch);
    const BatchRunner &runner = *m_page->runner();
    QVERIFY(runner.hasResult(0));
    const OrderResult &order = *runner.result(0).order();
    QCOMPARE(batch->rows.size(), order.receivers.size() + 2); // header, receivers, the 404 row
    QCOMPARE(batch->at(1, u"WeChat Pay transaction ID"_s).value, order.transactionId);
    QCOMPARE(batch->at(1, u"WeChat Pay transaction ID"_s).type, u"str"_s);
    QCOMPARE(batch->at(1, u"Detail ID"_s).value, order.receivers.at(0).detailId);
    QCOMPARE(batch->at(1, u"Amount (fen)"_s).type, u"int"_s);
    const int last = int(batch->rows.size()) - 1;
    QCOMPARE(batch->at(last, u"Error code"_s).value, u"RESOURCE_NOT_EXISTS"_s);
    QVERIFY(!batch->at(last, u"What to do about the error"_s).value.isEmpty());
    const test::XlsxSheet *summary = book.sheet(u"Summary"_s);
    QVERIFY(summary);
    QCOMPARE(summary->at(1, u"Code"_s).value, order.state);
    QCOMPARE(summary->at(1, u"Count"_s).value, u"1"_s);
    QVERIFY(book.sheet(u"About"_s));
}

void TestBatchPage::openRow_showsResultView()
{
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(sampleNo)});
    runToEnd();
    QTableView *table = m_page->table();
    table->setCurrentIndex(m_page->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY(m_page->lastDialog());
    QVERIFY(m_page->lastDialog()->orderView()->isVisibleTo(m_page->lastDialog()));
    QVERIFY(m_page->lastDialog()->historyNote().isEmpty());
    m_page->lastDialog()->close();
}

void TestBatchPage::watchProcessing_becomesFinal_signalsAndHistory()
{
    // Two PROCESSING answers, then FINISHED: the batch sees PROCESSING once, the watcher the rest.
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(u"SCN-PROCESSING-2-watch"_s)});
    runToEnd();
    QCOMPARE(m_page->runner()->counts().processing, 1);
    QVERIFY(m_page->watchButton()->isEnabled());
    m_page->watcher()->setScheduler([](int, QObject *context, std::function<void()> callback) {
        QTimer::singleShot(0, context, std::move(callback));
    });
    QSignalSpy final(m_page.get(), &BatchPage::watchFinished);
    QTest::mouseClick(m_page->watchButton(), Qt::LeftButton);
    QVERIFY(final.wait(20000));
    const auto result = final.constFirst().constFirst().value<LookupResult>();
    QVERIFY(result.isFinal());
    QCOMPARE(result.order()->state, u"FINISHED"_s);
    QVERIFY(m_page->watcher()->watchIds().isEmpty());

    HistoryFilter watched;
    watched.number = u"SCN-PROCESSING-2-watch"_s;
    m_history->flush();
    const auto entries = m_history->store()->search(watched).value();
    QStringList sources;
    for (const HistoryEntry &entry : entries)
        sources.append(entry.source);
    QVERIFY2(sources.count(u"watch"_s) >= 1, qPrintable(sources.join(u',')));
    QCOMPARE(sources.count(u"batch"_s), 1);
    QCOMPARE(entries.constFirst().state, u"FINISHED"_s); // newest first
}

void TestBatchPage::amountColumns_wholeAtEachWindowSize()
{
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s, orderLine(sampleNo),
           orderLine(u"P20251121090000002"_s, u"4208450740202511211234567891"_s),
           orderLine(u"P20251122143000003"_s, u"4208450740202511221234567892"_s),
           orderLine(u"SCN-404-sizes"_s)});
    runToEnd();
    // The page inside the main window at 1440×900, 1280×720 and 1024×700 (menus, tabs and status
    // bar take the rest).
    for (const QSize window : {QSize(1440, 900), QSize(1280, 720), QSize(1024, 700)}) {
        m_page->resize(window - QSize(24, 150));
        QCoreApplication::processEvents();
        verifyWhole(m_page->table(), BatchRowsModel::AmountColumn);
        verifyWhole(m_page->summaryView(), BatchSummaryView::AmountColumn);
        verifyWhole(m_page->summaryView(), BatchSummaryView::CountColumn);
        if (QTest::currentTestFailed())
            qWarning() << "at" << window;
    }
}

void TestBatchPage::failedReturn_showsReasonAndAdviceInThePane()
{
    useDemo(Product::Brand);
    m_page->input()->setKind(LookupKind::Return);
    paste({u"sub_mchid\tout_return_no\torder_id"_s,
           u"1900000109\tR20251122150000003\t30000000012025112212345678903456"_s});
    runToEnd();
    BatchRowsModel *model = m_page->model();
    QCOMPARE(model->index(0, BatchRowsModel::StateColumn).data(BatchRowsModel::RawValueRole).toString(),
             u"FAIL"_s);
    const QString reason = model->index(0, BatchRowsModel::DetailColumn).data().toString();
    QVERIFY2(reason.contains(u"ACCOUNT_ABNORMAL"_s) &&
                 reason.contains(Labels::returnFailReason(u"ACCOUNT_ABNORMAL"_s)),
             qPrintable(reason));
    m_page->table()->setCurrentIndex(model->index(0, BatchRowsModel::StatusColumn));
    const QString pane = m_page->rowDetailText();
    QVERIFY2(pane.contains(reason) && pane.contains(Labels::returnFailAdvice(u"ACCOUNT_ABNORMAL"_s)),
             qPrintable(pane));
    QVERIFY2(pane.contains(u"R20251122150000003"_s), qPrintable(pane));
}

void TestBatchPage::chineseHeadings_mappedAndCombosWhole()
{
    paste({u"子商户号\t微信支付订单号\t商户分账单号"_s, orderLine(sampleNo)});
    BatchInputPanel *input = m_page->input();
    const BatchImport &import = input->currentImport();
    QVERIFY2(import.ok(), qPrintable(import.error));
    QVERIFY(import.hasHeader);
    QCOMPARE(import.validCount(), 1);
    QComboBox *combo = input->mappingCombo(u"transaction_id"_s);
    QCOMPARE(combo->currentData().toInt(), 1);
    QCOMPARE(combo->itemText(2), u"Column 2 (微信支付订单号)"_s);
    for (const QString &field : ColumnMapping::fieldsFor(LookupKind::Order, Product::ServiceProvider)) {
        QComboBox *box = input->mappingCombo(field);
        for (int i = 0; i < box->count(); ++i) {
            const int text = box->fontMetrics().horizontalAdvance(box->itemText(i));
            QVERIFY2(box->width() > text,
                     qPrintable(u"%1: %2 in %3"_s.arg(box->itemText(i)).arg(text).arg(box->width())));
        }
    }
    // Without a heading the choice shows the first value in each column.
    paste({orderLine(sampleNo)});
    QCOMPARE(input->mappingCombo(u"sub_mchid"_s)->itemText(1), u"Column 1 (e.g. 1900000109)"_s);
}

void TestBatchPage::returnRowsInOrderMode_offerOneClickSwitch()
{
    useDemo(Product::Brand); // returns named by order_id
    QCOMPARE(m_page->input()->kind(), LookupKind::Order);
    paste({u"sub_mchid\tout_return_no\torder_id"_s,
           u"1900000109\tR20251121100000001\t30000000012025112012345678901234"_s});
    BatchInputPanel *input = m_page->input();
    QVERIFY(!input->currentImport().ok());
    QVERIFY(input->kindSuggestion()->isVisible());
    QVERIFY(input->switchKindButton()->isVisible());
    QVERIFY(!m_page->runButton()->isEnabled());

    QSignalSpy imported(input, &BatchInputPanel::importChanged);
    QTest::mouseClick(input->switchKindButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(input->kind(), LookupKind::Return);
    QVERIFY2(input->currentImport().ok(), qPrintable(input->currentImport().error));
    QCOMPARE(input->currentImport().validCount(), 1);
    QVERIFY(!input->kindSuggestion()->isVisible());
    QVERIFY(m_page->runButton()->isEnabled());
}

void TestBatchPage::directMerchant_rowsWithoutSubMchid_lookedUp()
{
    // Pasted as a service provider: the rows lack sub_mchid, so none can be sent.
    paste({u"transaction_id\tout_order_no"_s, u"4208450740202511251234567895\tP20251125093000011"_s,
           u"4208450740202511261234567896\tP20251126110000012"_s});
    BatchInputPanel *input = m_page->input();
    QVERIFY(!input->currentImport().ok() || input->currentImport().validCount() == 0);
    QVERIFY(input->mappingCombo(u"sub_mchid"_s)->isVisible());

    // The direct merchant's profile: the same rows are read again as its look-ups.
    QSignalSpy imported(input, &BatchInputPanel::importChanged);
    useDemo(Product::Direct);
    QVERIFY(imported.wait(10000));
    QVERIFY2(input->currentImport().ok(), qPrintable(input->currentImport().error));
    QCOMPARE(input->currentImport().validCount(), 2);
    QVERIFY(!input->mappingCombo(u"sub_mchid"_s)->isVisible());
    runToEnd();
    BatchRowsModel *model = m_page->model();
    QCOMPARE(model->index(0, BatchRowsModel::StateColumn).data(BatchRowsModel::RawValueRole).toString(),
             u"FINISHED"_s);
    QCOMPARE(model->index(1, BatchRowsModel::StateColumn).data(BatchRowsModel::RawValueRole).toString(),
             u"PROCESSING"_s);
    // The history keeps them as a direct merchant's.
    QVERIFY(m_history->ensureOpen());
    m_history->flush();
    const auto entries = m_history->store()->search(HistoryFilter{}).value();
    QCOMPARE(entries.size(), 2);
    for (const HistoryEntry &entry : entries) {
        QCOMPARE(entry.product, Product::Direct);
        QVERIFY(entry.subMchid.isEmpty());
    }
}

// Issue 18: 剩余待分金额 for a list of payments (docs/sandbox.md: 9200, 3600 and 0 fen frozen).
void TestBatchPage::remainingAmounts_batchOfPayments_statesSummaryAndExport()
{
    m_page->input()->setKind(LookupKind::Amounts);
    paste({u"transaction_id"_s, u"4208450740202511211234567891"_s, u"4208450740202511221234567892"_s,
           u"4208450740202511201234567890"_s, u"4208450740202511301234567899"_s});
    BatchInputPanel *input = m_page->input();
    QVERIFY2(input->currentImport().ok(), qPrintable(input->currentImport().error));
    QCOMPARE(input->currentImport().validCount(), 4);
    QVERIFY(input->mappingCombo(u"transaction_id"_s)->isVisible());
    QVERIFY(!input->mappingCombo(u"sub_mchid"_s)->isVisible());
    QVERIFY(!input->mappingCombo(u"out_order_no"_s)->isVisible());
    runToEnd();

    BatchRowsModel *model = m_page->model();
    QCOMPARE(model->headerData(BatchRowsModel::NumberColumn, Qt::Horizontal).toString(), u"Transaction ID"_s);
    QCOMPARE(model->index(0, BatchRowsModel::NumberColumn).data().toString(), u"4208450740202511211234567891"_s);
    QCOMPARE(model->index(0, BatchRowsModel::AmountColumn).data(BatchRowsModel::RawValueRole).toLongLong(), 9200);
    QCOMPARE(model->index(0, BatchRowsModel::StateColumn).data().toString(),
             ResultState::label(LookupKind::Amounts, u"frozen"_s));
    QCOMPARE(model->index(2, BatchRowsModel::AmountColumn).data(BatchRowsModel::RawValueRole).toLongLong(), 0);
    QCOMPARE(model->index(2, BatchRowsModel::StateColumn).data().toString(),
             ResultState::label(LookupKind::Amounts, u"none"_s));
    // Not a profit-sharing payment: WeChat Pay's error, in words, with nothing in the amount.
    QVERIFY(!model->index(3, BatchRowsModel::AmountColumn).data(BatchRowsModel::RawValueRole).isValid());
    QVERIFY2(model->index(3, BatchRowsModel::DetailColumn).data().toString().contains(u"INVALID_REQUEST"_s),
             qPrintable(model->index(3, BatchRowsModel::DetailColumn).data().toString()));

    const BatchSummary &summary = m_page->summaryView()->summary();
    QCOMPARE(summary.kind, LookupKind::Amounts);
    QCOMPARE(summary.answered, 3);
    QCOMPARE(summary.failed, 1);
    QCOMPARE(summary.byState.size(), 2);
    QCOMPARE(summary.byState.at(0).count, 2);
    QCOMPARE(summary.byState.at(0).amount, 12800);
    QCOMPARE(summary.byState.at(1).count, 1);

    // The export button writes the core's batch export of these rows.
    const QString path = m_dir.filePath(u"amounts.csv"_s);
    MessageBox::setNextSaveFileName(path);
    QTest::mouseClick(m_page->exportButton(), Qt::LeftButton);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QBuffer expected;
    expected.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Amounts, BatchExport::rowsOf(*m_page->runner()), &expected));
    QCOMPARE(written, expected.data());
    QVERIFY2(written.contains("4208450740202511211234567891"), written.constData());
    QVERIFY2(written.contains("92.00"), written.constData());
}

// Issue 18: an order batch that also asks each payment's 剩余待分金额 after its orders: the column
// beside the orders, the summary's frozen total, the history and the export.
void TestBatchPage::orders_withRemainingAmounts_columnSummaryHistoryAndExport()
{
    QCheckBox *check = m_page->remainingCheck();
    QVERIFY(check->isVisible());
    // Only orders have payments to ask about: the box is beside the kind, for orders only.
    m_page->input()->setKind(LookupKind::Return);
    QVERIFY(!check->isVisible());
    check->setChecked(true);
    QVERIFY(!m_page->input()->withRemaining());
    check->setChecked(false);
    m_page->input()->setKind(LookupKind::Order);
    QVERIFY(check->isVisible());
    paste({u"sub_mchid\ttransaction_id\tout_order_no"_s,
           u"1900000109\t4208450740202511201234567890\tP20251120101530001"_s,
           u"1900000109\t4208450740202511211234567891\tP20251121090000002"_s,
           u"1900000109\t4208450740202511221234567892\tP20251122143000003"_s,
           u"1900000109\t4208450740202511231234567893\tSCN-404-page"_s});
    QVERIFY(check->isEnabled());
    check->setChecked(true);
    runToEnd();
    QVERIFY(!m_page->isBusy());
    QVERIFY(check->isEnabled());

    BatchRowsModel *model = m_page->model();
    QVERIFY(!m_page->table()->isColumnHidden(BatchRowsModel::RemainingColumn));
    QCOMPARE(model->headerData(BatchRowsModel::RemainingColumn, Qt::Horizontal).toString(), u"Remaining (yuan)"_s);
    const auto fen = [&](int row) {
        return model->index(row, BatchRowsModel::RemainingColumn).data(BatchRowsModel::RawValueRole);
    };
    QCOMPARE(fen(0).toLongLong(), 0);
    QCOMPARE(fen(1).toLongLong(), 9200);
    QCOMPARE(fen(2).toLongLong(), 3600);
    QCOMPARE(model->index(1, BatchRowsModel::RemainingColumn).data().toString(), u"92.00"_s);
    QVERIFY(!fen(3).isValid()); // the order was not found: its payment was not asked
    QCOMPARE(model->index(3, BatchRowsModel::RemainingColumn).data().toString(), QString());
    m_page->table()->setCurrentIndex(model->index(1, 0));
    QVERIFY2(m_page->rowDetailText().contains(u"Remaining amount (剩余待分金额): 92.00 yuan (Request-ID "_s),
             qPrintable(m_page->rowDetailText()));
    verifyWhole(m_page->table(), BatchRowsModel::RemainingColumn);

    // The summary: the orders as before, and the payments' frozen money once each.
    const BatchSummary &summary = m_page->summaryView()->summary();
    QCOMPARE(summary.kind, LookupKind::Order);
    QCOMPARE(summary.byRemaining.size(), 2);
    QCOMPARE(summary.byRemaining.at(0).value, u"frozen"_s);
    QCOMPARE(summary.byRemaining.at(0).count, 2);
    QCOMPARE(summary.byRemaining.at(0).amount, 12800);
    QCOMPARE(summary.byRemaining.at(1).count, 1);
    bool shown = false;
    for (int row = 0; row < m_page->summaryView()->rowCount(); ++row) {
        const QTableWidgetItem *label = m_page->summaryView()->item(row, 1);
        shown = shown || (label && label->text() == ResultState::label(LookupKind::Amounts, u"frozen"_s));
    }
    QVERIFY(shown);

    // Four orders and three payments in the history, as what they are.
    QVERIFY(m_history->ensureOpen());
    m_history->flush();
    const auto entries = m_history->store()->search(HistoryFilter{}).value();
    QCOMPARE(entries.size(), 4 + 3);
    int amounts = 0;
    for (const HistoryEntry &entry : entries)
        amounts += entry.lookup == LookupKind::Amounts ? 1 : 0;
    QCOMPARE(amounts, 3);

    // The export: the core's batch export of the orders with their remaining amounts.
    const QString path = m_dir.filePath(u"orders-remaining.csv"_s);
    MessageBox::setNextSaveFileName(path);
    QTest::mouseClick(m_page->exportButton(), Qt::LeftButton);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(written.contains(",unsplit_amount_yuan,unsplit_amount_fen,unsplit_request_id,unsplit_error,"),
             written.left(600).constData());
    QVERIFY2(written.contains(",92.00,9200,"), written.constData());

    // Without the box ticked the next run asks no payments and hides the column.
    check->setChecked(false);
    runToEnd();
    QVERIFY(m_page->table()->isColumnHidden(BatchRowsModel::RemainingColumn));
    QVERIFY(m_page->summaryView()->summary().byRemaining.isEmpty());
    m_history->flush();
    QCOMPARE(m_history->store()->search(HistoryFilter{}).value().size(), 4 + 3 + 4);
}

QTEST_MAIN(TestBatchPage)
#include "tst_batchpage.moc"
