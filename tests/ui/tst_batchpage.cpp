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
#include "historybackend.h"
#include "lookupcontroller.h"
#include "messagebox.h"
#include "orderresultview.h"
#include "resultdialog.h"
#include "sandbox/sandboxserver.h"
#include "testsettings.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QComboBox>
#include <QDoubleSpinBox>
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
    void openRow_showsResultView();
    void watchProcessing_becomesFinal_signalsAndHistory();

private:
    void paste(const QStringList &lines);
    void runToEnd();

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

void TestBatchPage::runToEnd()
{
    QSignalSpy finished(m_page.get(), &BatchPage::batchFinished);
    QVERIFY(m_page->runButton()->isEnabled());
    QTest::mouseClick(m_page->runButton(), Qt::LeftButton);
    QVERIFY(m_page->runner());
    QVERIFY(finished.wait(30000));
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
    QCOMPARE(input->currentImport().rows.constFirst().order.outOrderNo, sampleNo);
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
    QSignalSpy finished(m_page.get(), &BatchPage::batchFinished);
    QVERIFY(m_page->run());
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    const BatchRunner::Counts &c = m_page->runner()->counts();
    QCOMPARE(c.cancelled + c.answered(), 4);
    QVERIFY(c.cancelled >= 3);
    QVERIFY(m_page->countsLabel()->text().contains(u"cancelled"_s));
    QVERIFY(m_page->rerunButton()->isEnabled());

    finished.clear();
    QTest::mouseClick(m_page->rerunButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_page->runner()->counts().succeeded, 4);
    QCOMPARE(m_page->runner()->counts().cancelled, 0);
    QVERIFY(!m_page->rerunButton()->isEnabled());
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
    QString error;
    QVERIFY(
        BatchExport::writeCsv(LookupKind::Order, BatchExport::rowsOf(*m_page->runner()), &expected, &error));
    QCOMPARE(written, expected.data());
    QVERIFY(written.startsWith("\xEF\xBB\xBF"));
    QVERIFY(written.contains(sampleNo.toLatin1()));

    // Cancelled in the save dialog: nothing is written.
    QFile::remove(path);
    MessageBox::setNextSaveFileName(QString());
    m_page->exportCsv();
    QVERIFY(!QFile::exists(path));
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
    QCOMPARE(result.order->state, u"FINISHED"_s);
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

QTEST_MAIN(TestBatchPage)
#include "tst_batchpage.moc"
