// fenzhang-cli batch, run as a process against the in-process sandbox: the CSV it writes, its exit
// codes, nothing on stdout, no progress when stderr is not a terminal.

#include "sandboxservice.h"
#include "xlsxreader.h"

#include <utility>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestCliBatch final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void batchOrder_writesCsv_exit0();
    void batchOrder_xlsxOutput_writesWorkbook();
    void batchOrder_badRow_exit2_nothingSent();
    void batch_products_askTheirOwnEndpoints();
    void batchAmounts_csvAndWorkbook();
    void batchOrder_remainingAmount_columnsAndSummary();
    void remainingAmount_onlyWithBatchOrder_exit2();
    void batchAmounts_brand_askTheBrandEndpoint();
    void batchAmounts_badRow_exit2_nothingSent();
    void batch_missingInput_exit2();
    void batch_hugeRetryAfter_finishesWithEveryRow();
    void batch_otherOrdersAnswer_exit3_rowWithoutIt();
    void batch_inputIsFifoOrTooLarge_exit2_fast();

private:
    int runCli(const QStringList &arguments);
    QString writeInput(const char *name, const QByteArray &bytes);
    QStringList connectionArguments() const;
    std::unique_ptr<testing::SandboxService> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

void TestCliBatch::init()
{
    m_sandbox = std::make_unique<testing::SandboxService>();
    QVERIFY(m_sandbox->start());
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestCliBatch::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
}

QStringList TestCliBatch::connectionArguments() const
{
    const ConnectionSettings &s = m_sandbox->settings();
    return {u"--mchid"_s,
            s.merchant.mchid,
            u"--private-key"_s,
            s.merchant.privateKeyFile,
            u"--serial-no"_s,
            m_sandbox->server()->info().value(u"serial_no"_s).toString(),
            u"--wechatpay-public-key-id"_s,
            s.wechatpay.publicKeyId,
            u"--wechatpay-public-key"_s,
            s.wechatpay.publicKeyFile,
            u"--base-url"_s,
            m_sandbox->server()->url().toString(),
            u"--backup-url"_s,
            QString()};
}

// The sandbox lives on this thread's event loop: wait for the process without blocking it.
int TestCliBatch::runCli(const QStringList &arguments)
{
    QProcess cli;
    QSignalSpy finished(&cli, &QProcess::finished);
    cli.start(QStringLiteral(FENZHANG_CLI_EXECUTABLE), connectionArguments() + arguments);
    if (!cli.waitForStarted() || !finished.wait(60000))
        return -1;
    m_stdout = cli.readAllStandardOutput();
    m_stderr = cli.readAllStandardError();
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

QString TestCliBatch::writeInput(const char *name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(QString::fromLatin1(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestCliBatch::batchOrder_writesCsv_exit0()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    const QString output = m_dir->filePath(u"out.csv"_s);
    QFile in(input);
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("sub_mchid,transaction_id,out_order_no\n"
             "1900000109,4208450740202511201234567890,P20251120101530001\n"
             "1900000109,4208450740202511201234567890,SCN-404-cli\n");
    in.close();
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--input"_s, input, u"--output"_s, output, u"--concurrency"_s,
                     u"2"_s, u"--qps"_s, u"0"_s}),
             0);
    QVERIFY(m_stdout.isEmpty());
    QVERIFY2(!m_stderr.contains('\r'), m_stderr.constData()); // no progress line: not a terminal
    QCOMPARE(m_sandbox->log().size(), 2);
    QFile out(output);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 3 + 1 + 1); // header, three receivers, the 404, the end
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFrow,sub_mchid,"));
    QVERIFY(lines.at(1).startsWith("2,1900000109,4208450740202511201234567890,P20251120101530001,"));
    QVERIFY(lines.at(4).contains(",api_error,404,RESOURCE_NOT_EXISTS,"));
}

void TestCliBatch::batch_products_askTheirOwnEndpoints()
{
    // A direct merchant's orders: no sub_mchid column; a service provider's order asked as direct
    // is not found (the other product's records).
    const QString direct = m_dir->filePath(u"direct.csv"_s);
    QFile in(direct);
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("transaction_id,out_order_no\n"
             "4208450740202511251234567895,P20251125093000011\n"
             "4208450740202511201234567890,P20251120101530001\n");
    in.close();
    const QString directOut = m_dir->filePath(u"direct-out.csv"_s);
    QCOMPARE(runCli({u"--product"_s, u"direct"_s, u"batch"_s, u"order"_s, u"--input"_s, direct, u"--output"_s,
                     directOut, u"--qps"_s, u"0"_s}),
             0);
    QFile out(directOut);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray csv = out.readAll();
    QVERIFY(csv.contains("P20251125093000011"));
    QVERIFY(csv.contains(",ok,"));
    QVERIFY(csv.contains(",api_error,404,RESOURCE_NOT_EXISTS,"));
    const QList<QJsonObject> log = m_sandbox->log();
    QVERIFY(!log.isEmpty());
    for (const QJsonObject &entry : log)
        QVERIFY2(!entry.value("target"_L1).toString().contains(u"sub_mchid"_s),
                 qPrintable(entry.value("target"_L1).toString()));

    // The same file with a sub_mchid column is refused as a direct merchant's: nothing sent.
    const QString withSub = m_dir->filePath(u"with-sub.csv"_s);
    QFile in2(withSub);
    QVERIFY(in2.open(QIODevice::WriteOnly));
    in2.write("sub_mchid,transaction_id,out_order_no\n1900000109,4208450740202511251234567895,P20251125093000011\n");
    in2.close();
    QCOMPARE(runCli({u"--product"_s, u"direct"_s, u"batch"_s, u"order"_s, u"--input"_s, withSub, u"--output"_s,
                     m_dir->filePath(u"x.csv"_s)}),
             2);
    QVERIFY(QString::fromUtf8(m_stderr).contains(u"sub_mchid"_s));

    // A service provider's returns (普通分账): named by out_order_no, at return-orders.
    const QString returns = m_dir->filePath(u"returns.csv"_s);
    QFile in3(returns);
    QVERIFY(in3.open(QIODevice::WriteOnly));
    in3.write("sub_mchid,out_return_no,out_order_no\n1900000109,R20251127100000011,P20251120101530001\n");
    in3.close();
    const QString returnsOut = m_dir->filePath(u"returns-out.csv"_s);
    QCOMPARE(runCli({u"batch"_s, u"return"_s, u"--input"_s, returns, u"--output"_s, returnsOut}), 0);
    QFile out3(returnsOut);
    QVERIFY(out3.open(QIODevice::ReadOnly));
    const QByteArray returnCsv = out3.readAll();
    QVERIFY(returnCsv.contains("R20251127100000011"));
    QVERIFY(returnCsv.contains(",SUCCESS,"));
    // Under the ordinary return's own names: return_id, its description and create_time.
    const QByteArray returnHeader = returnCsv.left(returnCsv.indexOf('\n'));
    QVERIFY2(returnHeader.startsWith("\xEF\xBB\xBFrow,sub_mchid,out_return_no,order_id,out_order_no,return_id,"
                                     "return_mchid,result,result_label,amount_yuan,amount_fen,description,"),
             returnHeader.constData());
    QVERIFY2(returnHeader.contains(",create_time,finish_time,"), returnHeader.constData());
    QVERIFY(!returnHeader.contains(",return_no,"));
}

// 剩余待分金额 for a list of payments: one line per transaction, the unknown one with its 404, the
// same rows in the CSV and the workbook, and the money still frozen totalled on the Summary sheet.
void TestCliBatch::batchAmounts_csvAndWorkbook()
{
    // The sandbox's ordinary payments: 9200 fen (split PROCESSING), 3600 (closed receivers), 0; and one
    // it does not know. The header is the merchant platform's Chinese heading.
    const QString input = writeInput("amounts.csv", "\xE5\xBE\xAE\xE4\xBF\xA1\xE6\x94\xAF\xE4\xBB\x98\xE8\xAE\xA2"
                                                    "\xE5\x8D\x95\xE5\x8F\xB7\n" // 微信支付订单号
                                                    "4208450740202511211234567891\n"
                                                    "4208450740202511221234567892\n"
                                                    "4208450740202511201234567890\n"
                                                    "4208450740202512019999999999\n");
    QVERIFY(!input.isEmpty());
    const QString csvPath = m_dir->filePath(u"amounts-out.csv"_s);
    QCOMPARE(runCli({u"batch"_s, u"amounts"_s, u"--input"_s, input, u"--output"_s, csvPath, u"--concurrency"_s,
                     u"2"_s, u"--qps"_s, u"0"_s}),
             0); // the 404 is that row's answer, in its own columns
    QVERIFY(m_stdout.isEmpty());
    const QString summary = QString::fromUtf8(m_stderr);
    QVERIFY2(summary.contains(u"4 rows: 3 answered, 1 without a result."_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"Transactions by amount still to split:"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"frozen (Money still to split): 2, 128.00 yuan"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"none (Nothing left to split): 1, 0.00 yuan"_s), qPrintable(summary));
    const QList<QJsonObject> log = m_sandbox->log();
    QCOMPARE(log.size(), 4);
    for (const QJsonObject &entry : log) {
        const QString target = entry.value("target"_L1).toString();
        QVERIFY2(target.startsWith(u"/v3/profitsharing/transactions/"_s) && target.endsWith(u"/amounts"_s),
                 qPrintable(target));
    }

    QFile out(csvPath);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 4 + 1); // header, one line per transaction, the end
    QCOMPARE(lines.at(0), "\xEF\xBB\xBFrow,transaction_id,unsplit_amount_yuan,unsplit_amount_fen,request_id,verified,"
                          "looked_up_at,error_kind,http_status,error_code,error_message,error_advice\r"_ba);
    // Rows in input order whatever order the answers came in; the Request-ID is the sandbox's.
    const auto cells = [&](int line) { return QString::fromUtf8(lines.at(line)).split(u','); };
    QCOMPARE(cells(1).mid(0, 4), (QStringList{u"2"_s, u"4208450740202511211234567891"_s, u"92.00"_s, u"9200"_s}));
    QCOMPARE(cells(2).mid(0, 4), (QStringList{u"3"_s, u"4208450740202511221234567892"_s, u"36.00"_s, u"3600"_s}));
    QCOMPARE(cells(3).mid(0, 4), (QStringList{u"4"_s, u"4208450740202511201234567890"_s, u"0.00"_s, u"0"_s}));
    for (int line = 1; line <= 3; ++line) {
        QVERIFY2(!cells(line).at(4).isEmpty(), lines.at(line).constData());
        QCOMPARE(cells(line).at(5), u"true"_s);
        QCOMPARE(cells(line).mid(7, 4), (QStringList{u"ok"_s, u"200"_s, QString(), QString()}));
    }
    QCOMPARE(cells(4).mid(0, 4), (QStringList{u"5"_s, u"4208450740202512019999999999"_s, QString(), QString()}));
    QVERIFY2(!cells(4).at(4).isEmpty(), lines.at(4).constData()); // the error's Request-ID too
    QCOMPARE(cells(4).mid(7, 4),
             (QStringList{u"api_error"_s, u"404"_s, u"RESOURCE_NOT_EXISTS"_s, u"记录不存在"_s}));

    // The workbook: the same rows, numbers as numbers, the transaction as text with every digit.
    const QString xlsxPath = m_dir->filePath(u"amounts-out.xlsx"_s);
    QCOMPARE(runCli({u"batch"_s, u"amounts"_s, u"--input"_s, input, u"--output"_s, xlsxPath, u"--qps"_s, u"0"_s}),
             0);
    const test::XlsxBook book = test::readXlsx(xlsxPath);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    QCOMPARE(book.title, u"Batch of 4 remaining-amount look-up(s)"_s);
    const test::XlsxSheet *batch = book.sheet(u"Batch"_s);
    QVERIFY(batch);
    QCOMPARE(batch->rows.size(), 1 + 4);
    const QString id = u"WeChat Pay transaction ID"_s;
    const QString fen = u"Still to split (fen)"_s;
    const QString yuan = u"Still to split (yuan)"_s;
    QCOMPARE(batch->at(1, id).type, u"str"_s);
    QCOMPARE(batch->at(1, id).value, u"4208450740202511211234567891"_s);
    QCOMPARE(batch->at(1, fen).type, u"int"_s);
    QCOMPARE(batch->at(1, fen).value, u"9200"_s);
    QCOMPARE(batch->at(1, yuan).type, u"float"_s);
    QCOMPARE(batch->at(1, yuan).value, u"92.0"_s);
    QCOMPARE(batch->at(1, yuan).format, u"0.00"_s);
    QCOMPARE(batch->at(2, fen).value, u"3600"_s);
    QCOMPARE(batch->at(3, fen).value, u"0"_s);
    QCOMPARE(batch->at(3, fen).type, u"int"_s);
    QCOMPARE(batch->at(4, id).value, u"4208450740202512019999999999"_s);
    QCOMPARE(batch->at(4, id).type, u"str"_s);
    QCOMPARE(batch->at(4, fen).type, u"empty"_s);
    QCOMPARE(batch->at(4, u"Error code"_s).value, u"RESOURCE_NOT_EXISTS"_s);
    QCOMPARE(batch->at(4, u"HTTP status"_s).value, u"404"_s);
    QVERIFY(!batch->at(4, u"Request-ID"_s).value.isEmpty());
    QCOMPARE(batch->at(1, u"Request-ID"_s).type, u"str"_s);

    const test::XlsxSheet *totals = book.sheet(u"Summary"_s);
    QVERIFY(totals);
    QCOMPARE(totals->rows.size(), 1 + 4); // frozen, none, answered, without a result
    QCOMPARE(totals->at(1, u"Group"_s).value, u"unsplit_amount"_s);
    QCOMPARE(totals->at(1, u"Code"_s).value, u"frozen"_s);
    QCOMPARE(totals->at(1, u"Meaning"_s).value, u"Money still to split"_s);
    QCOMPARE(totals->at(1, u"Count"_s).value, u"2"_s);
    QCOMPARE(totals->at(1, u"Amount (fen)"_s).type, u"int"_s);
    QCOMPARE(totals->at(1, u"Amount (fen)"_s).value, u"12800"_s);
    QCOMPARE(totals->at(1, u"Amount (yuan)"_s).value, u"128.0"_s);
    QCOMPARE(totals->at(2, u"Code"_s).value, u"none"_s);
    QCOMPARE(totals->at(2, u"Count"_s).value, u"1"_s);
    QCOMPARE(totals->at(2, u"Amount (fen)"_s).value, u"0"_s);
    QCOMPARE(totals->at(4, u"Code"_s).value, u"without_result"_s);
    QCOMPARE(totals->at(4, u"Count"_s).value, u"1"_s);
}

namespace {

// The lines of an RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks).
QList<QStringList> csvLines(const QString &text)
{
    QList<QStringList> lines;
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            cells.append(std::exchange(cell, QString()));
        } else if (c == u'\n') {
            cells.append(std::exchange(cell, QString()));
            lines.append(std::exchange(cells, QStringList()));
        } else if (c != u'\r') {
            cell += c;
        }
    }
    return lines;
}

} // namespace

// batch order --remaining-amount: the orders, then each answered order's payment once at the
// amounts endpoint; the money still frozen in columns beside the order's and totalled in the summary.
void TestCliBatch::batchOrder_remainingAmount_columnsAndSummary()
{
    const QString input = writeInput("orders.csv", "sub_mchid,transaction_id,out_order_no\n"
                                                   "1900000109,4208450740202511201234567890,P20251120101530001\n"
                                                   "1900000109,4208450740202511211234567891,P20251121090000002\n"
                                                   "1900000109,4208450740202511221234567892,P20251122143000003\n"
                                                   "1900000109,4208450740202511201234567890,SCN-404-cli\n");
    QVERIFY(!input.isEmpty());
    const QString csvPath = m_dir->filePath(u"orders-out.csv"_s);
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--remaining-amount"_s, u"--input"_s, input, u"--output"_s, csvPath,
                     u"--qps"_s, u"0"_s}),
             0);
    QVERIFY(m_stdout.isEmpty());
    const QString summary = QString::fromUtf8(m_stderr);
    QVERIFY2(summary.contains(u"Looking up the remaining amount of 3 payment(s)"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"Orders by state:"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"Transactions by amount still to split:"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"frozen (Money still to split): 2, 128.00 yuan"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"none (Nothing left to split): 1, 0.00 yuan"_s), qPrintable(summary));
    // Four orders, then three payments (the 404's was not asked: its order has no answer).
    const QList<QJsonObject> log = m_sandbox->log();
    QCOMPARE(log.size(), 4 + 3);
    QStringList amountsTargets;
    for (const QJsonObject &entry : log) {
        const QString target = entry.value("target"_L1).toString();
        if (target.endsWith(u"/amounts"_s))
            amountsTargets.append(target);
    }
    amountsTargets.sort();
    QCOMPARE(amountsTargets, (QStringList{u"/v3/profitsharing/transactions/4208450740202511201234567890/amounts"_s,
                                          u"/v3/profitsharing/transactions/4208450740202511211234567891/amounts"_s,
                                          u"/v3/profitsharing/transactions/4208450740202511221234567892/amounts"_s}));

    QFile out(csvPath);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QStringList> lines = csvLines(QString::fromUtf8(out.readAll().mid(3)));
    const QStringList header = lines.at(0);
    // The remaining amount's columns come after the order's, before the row's error.
    const qsizetype yuan = header.indexOf(u"unsplit_amount_yuan"_s);
    QVERIFY(yuan > header.indexOf(u"looked_up_at"_s));
    QCOMPARE(header.mid(yuan, 5), (QStringList{u"unsplit_amount_yuan"_s, u"unsplit_amount_fen"_s,
                                               u"unsplit_request_id"_s, u"unsplit_error"_s, u"error_kind"_s}));
    const qsizetype outOrderNo = header.indexOf(u"out_order_no"_s);
    int withAmount = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList &cells = lines.at(i);
        QCOMPARE(cells.size(), header.size());
        const QString order = cells.at(outOrderNo);
        const QStringList remaining = cells.mid(yuan, 4);
        if (order == u"SCN-404-cli"_s) {
            QCOMPARE(remaining, (QStringList{QString(), QString(), QString(), QString()}));
            continue;
        }
        // Every receiver line of an order carries its payment's amount.
        const QString fen = order == u"P20251121090000002"_s   ? u"9200"_s
                            : order == u"P20251122143000003"_s ? u"3600"_s
                                                               : u"0"_s;
        QCOMPARE(remaining.at(1), fen);
        QCOMPARE(remaining.at(0), order == u"P20251121090000002"_s   ? u"92.00"_s
                                  : order == u"P20251122143000003"_s ? u"36.00"_s
                                                                     : u"0.00"_s);
        QVERIFY2(!remaining.at(2).isEmpty(), qPrintable(cells.join(u','))); // the amounts answer's Request-ID
        QCOMPARE(remaining.at(3), QString());
        ++withAmount;
    }
    QVERIFY(withAmount >= 3);

    // The workbook: the columns typed (amounts numbers), the summary with the frozen total.
    const QString xlsxPath = m_dir->filePath(u"orders-out.xlsx"_s);
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--remaining-amount"_s, u"--input"_s, input, u"--output"_s, xlsxPath,
                     u"--qps"_s, u"0"_s}),
             0);
    const test::XlsxBook book = test::readXlsx(xlsxPath);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    const test::XlsxSheet *batch = book.sheet(u"Batch"_s);
    QVERIFY(batch);
    QCOMPARE(batch->at(1, u"Still to split (fen)"_s).type, u"int"_s);
    QCOMPARE(batch->at(1, u"Still to split (yuan)"_s).type, u"float"_s);
    QCOMPARE(batch->at(1, u"Still to split: Request-ID"_s).type, u"str"_s);
    const test::XlsxSheet *totals = book.sheet(u"Summary"_s);
    QVERIFY(totals);
    bool frozenLine = false;
    for (int row = 1; row < totals->rows.size(); ++row) {
        if (totals->at(row, u"Group"_s).value == u"unsplit_amount"_s &&
            totals->at(row, u"Code"_s).value == u"frozen"_s) {
            QCOMPARE(totals->at(row, u"Count"_s).value, u"2"_s);
            QCOMPARE(totals->at(row, u"Amount (fen)"_s).value, u"12800"_s);
            frozenLine = true;
        }
    }
    QVERIFY(frozenLine);
}

// --remaining-amount belongs to batch order: anywhere else it is a usage error and nothing is sent.
void TestCliBatch::remainingAmount_onlyWithBatchOrder_exit2()
{
    const QString returns = writeInput("returns.csv", "sub_mchid,out_return_no,out_order_no\n"
                                                      "1900000109,R20251120000001,P20251120101530001\n");
    QCOMPARE(runCli({u"batch"_s, u"return"_s, u"--remaining-amount"_s, u"--input"_s, returns, u"--output"_s,
                     m_dir->filePath(u"r.csv"_s)}),
             2);
    QVERIFY2(m_stderr.contains("--remaining-amount"), m_stderr.constData());
    QCOMPARE(runCli({u"order"_s, u"--remaining-amount"_s, u"--sub-mchid"_s, u"1900000109"_s, u"--transaction-id"_s,
                     u"4208450740202511201234567890"_s, u"--out-order-no"_s, u"P20251120101530001"_s}),
             2);
    QVERIFY2(m_stderr.contains("--remaining-amount"), m_stderr.constData());
    QVERIFY(m_sandbox->log().isEmpty());
    QVERIFY(!QFile::exists(m_dir->filePath(u"r.csv"_s)));
}

// A brand's payments are asked at the brand endpoint; an ordinary payment is not found there.
void TestCliBatch::batchAmounts_brand_askTheBrandEndpoint()
{
    const QString input = writeInput("brand.csv", "transaction_id\n"
                                                  "4208450740202511291234567898\n"
                                                  "4208450740202511211234567891\n");
    QVERIFY(!input.isEmpty());
    const QString output = m_dir->filePath(u"brand-out.csv"_s);
    QCOMPARE(runCli({u"--product"_s, u"brand"_s, u"batch"_s, u"amounts"_s, u"--input"_s, input, u"--output"_s,
                     output, u"--qps"_s, u"0"_s}),
             0);
    for (const QJsonObject &entry : m_sandbox->log()) {
        const QString target = entry.value("target"_L1).toString();
        QVERIFY2(target.startsWith(u"/v3/brand/profitsharing/orders/"_s), qPrintable(target));
    }
    QFile out(output);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 2 + 1);
    QVERIFY2(lines.at(1).startsWith("2,4208450740202511291234567898,150.00,15000,"), lines.at(1).constData());
    QVERIFY2(lines.at(2).startsWith("3,4208450740202511211234567891,,,"), lines.at(2).constData());
    QVERIFY2(lines.at(2).contains(",api_error,404,RESOURCE_NOT_EXISTS,"), lines.at(2).constData());
}

// The amounts rows are checked like the others: any bad one and nothing is sent; the output is
// not written.
void TestCliBatch::batchAmounts_badRow_exit2_nothingSent()
{
    const QString input = writeInput("bad.csv", "transaction_id\n"
                                                "4208450740202511211234567891\n"
                                                "42084507402025x\n");
    QVERIFY(!input.isEmpty());
    const QString output = m_dir->filePath(u"bad-out.csv"_s);
    QCOMPARE(runCli({u"batch"_s, u"amounts"_s, u"--input"_s, input, u"--output"_s, output}), 2);
    QVERIFY2(m_stderr.contains("Row 3: transaction_id:"), m_stderr.constData());
    QVERIFY(m_sandbox->log().isEmpty());
    QVERIFY(!QFile::exists(output));

    // A header that names no transaction_id column: which one is missing, nothing sent.
    const QString orders = writeInput("orders.csv", "sub_mchid,out_order_no\n1900000109,P20251120101530001\n");
    QCOMPARE(runCli({u"batch"_s, u"amounts"_s, u"--input"_s, orders, u"--output"_s, output}), 2);
    QVERIFY2(m_stderr.contains("No column is mapped to transaction_id."), m_stderr.constData());
    QVERIFY(m_sandbox->log().isEmpty());

    // A kind the batch does not know is a usage error that names the three.
    QCOMPARE(runCli({u"batch"_s, u"amount"_s, u"--input"_s, input, u"--output"_s, output}), 2);
    QVERIFY2(m_stderr.contains("batch order|return|amounts "), m_stderr.constData());
}

void TestCliBatch::batchOrder_xlsxOutput_writesWorkbook()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    const QString output = m_dir->filePath(u"out.xlsx"_s);
    QFile in(input);
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("sub_mchid,transaction_id,out_order_no\n"
             "1900000109,4208450740202511201234567890,P20251120101530001\n"
             "1900000109,4208450740202511201234567890,SCN-BIG_AMOUNT\n");
    in.close();
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--input"_s, input, u"--output"_s, output, u"--qps"_s, u"0"_s}), 0);
    QVERIFY(m_stdout.isEmpty());
    const test::XlsxBook book = test::readXlsx(output);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    const test::XlsxSheet *batch = book.sheet(u"Batch"_s);
    QVERIFY(batch);
    QCOMPARE(batch->at(1, u"WeChat Pay transaction ID"_s).value, u"4208450740202511201234567890"_s);
    QCOMPARE(batch->at(1, u"WeChat Pay transaction ID"_s).type, u"str"_s);
    QCOMPARE(batch->at(1, u"Amount (fen)"_s).type, u"int"_s);
    // SCN-BIG_AMOUNT: 2^53 + 1 and INT64_MAX fen, kept exact as text.
    QStringList big;
    for (qsizetype row = 1; row < batch->rows.size(); ++row) {
        if (batch->at(int(row), u"Merchant sharing order no."_s).value == u"SCN-BIG_AMOUNT"_s)
            big.append(batch->at(int(row), u"Amount (fen)"_s).type + u':' + batch->at(int(row), u"Amount (fen)"_s).value);
    }
    QCOMPARE(big, (QStringList{u"str:9007199254740993"_s, u"str:9223372036854775807"_s}));
    QVERIFY(book.sheet(u"Summary"_s));
    const test::XlsxSheet *about = book.sheet(u"About"_s);
    QVERIFY(about);
    QCOMPARE(about->rows.at(3).at(1).value, m_sandbox->settings().merchant.mchid);
}

void TestCliBatch::batchOrder_badRow_exit2_nothingSent()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    QFile in(input);
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("sub_mchid,transaction_id,out_order_no\n1900000109,42084507402025x,P1\n");
    in.close();
    QCOMPARE(
        runCli({u"batch"_s, u"order"_s, u"--input"_s, input, u"--output"_s, m_dir->filePath(u"out.csv"_s)}),
        2);
    QVERIFY(m_stderr.contains("Row 2: transaction_id:"));
    QVERIFY(m_sandbox->log().isEmpty());
    QVERIFY(!QFile::exists(m_dir->filePath(u"out.csv"_s)));
}

// Issue 15.2: a 429 asking for 99999999 s used to park its row for ever (and overflow an int on
// the way), so the batch never ended and wrote nothing. Now the wait is clamped, found longer than
// the row's budget, and the 429 is that row's answer: every row is written and the batch ends.
void TestCliBatch::batch_hugeRetryAfter_finishesWithEveryRow()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    const QString output = m_dir->filePath(u"out.csv"_s);
    QFile in(input);
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("sub_mchid,transaction_id,out_order_no\n"
             "1900000109,4208450740202511201234567890,SCN-RETRY_AFTER-99999999\n"
             "1900000109,4208450740202511201234567890,P20251120101530001\n"
             "1900000109,4208450740202511201234567890,SCN-404-huge\n");
    in.close();
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--input"_s, input, u"--output"_s, output, u"--concurrency"_s,
                     u"1"_s, u"--qps"_s, u"0"_s}),
             0);
    QCOMPARE(m_sandbox->statusesFor(u"SCN-RETRY_AFTER-99999999"_s), QList<int>({429}));
    QCOMPARE(m_sandbox->log().size(), 3);
    QFile out(output);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 1 + 3 + 1 + 1); // header, the 429, three receivers, the 404, the end
    QVERIFY2(lines.at(1).startsWith("2,1900000109,4208450740202511201234567890,SCN-RETRY_AFTER-99999999,"),
             lines.at(1).constData());
    QVERIFY2(lines.at(1).contains(",api_error,429,FREQUENCY_LIMITED,"), lines.at(1).constData());
    QVERIFY(lines.at(2).startsWith("3,1900000109,4208450740202511201234567890,P20251120101530001,"));
    QVERIFY(lines.at(5).contains(",api_error,404,RESOURCE_NOT_EXISTS,"));
}

// Issue 15.1: another order's genuinely signed answer fills nothing of the row it was returned for.
void TestCliBatch::batch_otherOrdersAnswer_exit3_rowWithoutIt()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    const QString output = m_dir->filePath(u"out.csv"_s);
    QFile in(input);
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("sub_mchid,transaction_id,out_order_no\n"
             "1900000109,4208450740202511201234567890,P20251120101530001\n"
             "1900000109,4208450740202511201234567890,SCN-OTHER-b\n");
    in.close();
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--input"_s, input, u"--output"_s, output, u"--qps"_s, u"0"_s}), 3);
    QFile out(output);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 3 + 1 + 1); // header, the sample's three receivers, the other row, the end
    // order_id, state and every receiver column empty: only the question's own numbers.
    QVERIFY2(lines.at(4).startsWith("3,1900000109,4208450740202511201234567890,SCN-OTHER-b,,,,"),
             lines.at(4).constData());
    QVERIFY2(lines.at(4).contains(",not_the_answer,200,"), lines.at(4).constData());
    QVERIFY(!lines.at(4).contains("MERCHANT_ID"));
}

// Issue 15.9: a FIFO as --input is refused at once instead of blocking in open(); a file past the
// cap is refused before it is read.
void TestCliBatch::batch_inputIsFifoOrTooLarge_exit2_fast()
{
#ifdef Q_OS_UNIX
    const QString fifo = m_dir->filePath(u"rows.csv"_s);
    QCOMPARE(QProcess::execute(u"mkfifo"_s, {fifo}), 0);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--input"_s, fifo, u"--output"_s, m_dir->filePath(u"out.csv"_s)}),
             2);
    QVERIFY(timer.elapsed() < 30000);
    QVERIFY2(m_stderr.contains("not a regular file"), m_stderr.constData());
    QVERIFY(m_sandbox->log().isEmpty());

    // A file past the 64 MiB cap (sparse: no disk is used) is refused before it is read.
    const QString huge = m_dir->filePath(u"huge.csv"_s);
    QFile file(huge);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(64LL * 1024 * 1024 + 1));
    file.close();
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--input"_s, huge, u"--output"_s, m_dir->filePath(u"out.csv"_s)}),
             2);
    QVERIFY2(m_stderr.contains("is larger than"), m_stderr.constData());
    QVERIFY(m_sandbox->log().isEmpty());
#else
    QSKIP("FIFOs are a Unix thing");
#endif
}

void TestCliBatch::batch_missingInput_exit2()
{
    QCOMPARE(runCli({u"batch"_s, u"return"_s, u"--output"_s, m_dir->filePath(u"out.csv"_s)}), 2);
    QVERIFY(m_stderr.contains("--input"));
    QCOMPARE(runCli({u"batch"_s, u"order"_s, u"--input"_s, u"x.csv"_s, u"--output"_s, u"y.csv"_s,
                     u"--sub-mchid"_s, u"1900000109"_s}),
             2);
    QVERIFY(m_sandbox->log().isEmpty());
}

QTEST_GUILESS_MAIN(TestCliBatch)
#include "tst_clibatch.moc"
