// BatchCommand (the CLI's `batch`) against the in-process sandbox: the output CSV, exit codes for
// good and bad input, nothing sent for bad input or an unwritable output, option parsing.

#include "batchcommand.h"
#include "sandboxservice.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write test input");
    file.write(bytes);
}

QList<QByteArray> csvLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestBatchCommand final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void parse_options_data();
    void parse_options();
    void run_orders_everyRowAnswered_exit0();
    void run_returns_exit0();
    void run_badRow_exit2_nothingSent();
    void run_noHeader_exit2();
    void run_unwritableOutput_exit2_nothingSent();

private:
    int run(const BatchCommandOptions &options);
    std::unique_ptr<testing::SandboxService> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_err;
};

void TestBatchCommand::init()
{
    m_sandbox = std::make_unique<testing::SandboxService>();
    QVERIFY(m_sandbox->start());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_err.clear();
}

void TestBatchCommand::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
}

int TestBatchCommand::run(const BatchCommandOptions &options)
{
    QBuffer err(&m_err);
    err.open(QIODevice::WriteOnly);
    BatchCommand command(m_sandbox->service());
    return command.run(options, &err);
}

void TestBatchCommand::parse_options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<double>("qps");
    const QStringList base = {u"cli"_s,    u"batch"_s,    u"order"_s,  u"--input"_s,
                              u"in.csv"_s, u"--output"_s, u"out.csv"_s};
    QTest::newRow("defaults") << base << true << 4 << 10.0;
    QTest::newRow("both") << base + QStringList{u"--concurrency"_s, u"8"_s, u"--qps"_s, u"0"_s} << true << 8
                          << 0.0;
    QTest::newRow("bad concurrency") << base + QStringList{u"--concurrency"_s, u"0"_s} << false << 0 << 0.0;
    QTest::newRow("bad qps") << base + QStringList{u"--qps"_s, u"fast"_s} << false << 0 << 0.0;
    QTest::newRow("no output") << QStringList{u"cli"_s, u"batch"_s, u"order"_s, u"--input"_s, u"in.csv"_s}
                               << false << 0 << 0.0;
    QTest::newRow("unknown kind") << QStringList{u"cli"_s, u"batch"_s,    u"refund"_s, u"--input"_s,
                                                 u"a"_s,   u"--output"_s, u"b"_s}
                                  << false << 0 << 0.0;
}

void TestBatchCommand::parse_options()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ok);
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(u"output"_s, u"out"_s, u"FILE"_s)); // the CLI's own
    BatchCommand::addOptions(parser);
    QVERIFY(parser.parse(arguments));
    BatchCommandOptions options;
    QString error;
    QCOMPARE(BatchCommand::parse(parser, parser.positionalArguments().mid(1), &options, &error), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (ok) {
        QFETCH(int, concurrency);
        QFETCH(double, qps);
        QCOMPARE(options.concurrency, concurrency);
        QCOMPARE(options.qps, qps);
        QCOMPARE(options.inputFile, u"in.csv"_s);
        QCOMPARE(options.outputFile, u"out.csv"_s);
    }
}

void TestBatchCommand::run_orders_everyRowAnswered_exit0()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    const QString output = m_dir->filePath(u"out.csv"_s);
    writeFile(input, "sub_mchid,transaction_id,out_order_no\r\n"
                     "1900000109,4208450740202511201234567890,P20251120101530001\r\n" // demo: 3 receivers
                     "1900000109,4208450740202511201234567890,SCN-404-c\r\n"
                     "1900000109,4208450740202511201234567890,SCN-PROCESSING-5-c\r\n"
                     "1900000109,4208450740202511201234567890,P20251120101530001\r\n"_ba); // duplicate
    BatchCommandOptions options;
    options.inputFile = input;
    options.outputFile = output;
    options.qps = 0;
    QCOMPARE(run(options), int(BatchCommand::ExitSuccess));
    QCOMPARE(m_sandbox->log().size(), 3);

    const QList<QByteArray> lines = csvLines(output);
    QCOMPARE(lines.size(), 1 + 3 + 1 + 2 + 1); // header, 3 receivers, 404, 2 receivers, duplicate
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFrow,sub_mchid,transaction_id,out_order_no,order_id,state,"));
    QVERIFY(lines.at(0).endsWith(",error_kind,http_status,error_code,error_message,error_advice\r"));
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(lines.at(i).startsWith("2,1900000109,4208450740202511201234567890,P20251120101530001,"));
        QVERIFY(lines.at(i).contains(",FINISHED,"));
        QVERIFY(lines.at(i).endsWith(",ok,200,,,\r"));
    }
    QVERIFY(lines.at(1).contains(",128.00,12800,"));
    QVERIFY(lines.at(4).startsWith("3,1900000109,4208450740202511201234567890,SCN-404-c,"));
    QVERIFY(lines.at(4).contains(",api_error,404,RESOURCE_NOT_EXISTS,"));
    QVERIFY(lines.at(5).startsWith("4,") && lines.at(5).contains(",PROCESSING,"));
    QVERIFY(lines.at(7).startsWith("5,") && lines.at(7).contains(",duplicate,"));

    const QString err = QString::fromUtf8(m_err);
    QVERIFY2(err.contains(u"Row 5 is the same as row 2"_s), qPrintable(err));
    QVERIFY2(err.contains(u"4 rows: 2 answered, 2 without a result."_s), qPrintable(err));
    QVERIFY(!err.contains(u'\r')); // no progress: not a terminal
}

void TestBatchCommand::run_returns_exit0()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    const QString output = m_dir->filePath(u"out.csv"_s);
    writeFile(input,
              "sub_mchid,out_return_no,out_order_no\n1900000109,SCN-PROCESSING-0-r,P20251120101530001\n"_ba);
    BatchCommandOptions options;
    options.lookup = LookupKind::Return;
    options.inputFile = input;
    options.outputFile = output;
    QCOMPARE(run(options), int(BatchCommand::ExitSuccess));
    const QList<QByteArray> lines = csvLines(output);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFrow,sub_mchid,out_return_no,order_id,out_order_no,"));
    QVERIFY(lines.at(1).startsWith("2,1900000109,SCN-PROCESSING-0-r,"));
    QVERIFY(lines.at(1).endsWith(",ok,200,,,\r"));
}

void TestBatchCommand::run_badRow_exit2_nothingSent()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    const QString output = m_dir->filePath(u"out.csv"_s);
    writeFile(input, "sub_mchid,transaction_id,out_order_no\n"
                     "1900000109,4208450740202511201234567890,P1\n"
                     "19000x0109,4208450740202511201234567890,P2\n"_ba);
    BatchCommandOptions options;
    options.inputFile = input;
    options.outputFile = output;
    QCOMPARE(run(options), int(BatchCommand::ExitBadInput));
    QVERIFY(m_sandbox->log().isEmpty());
    QVERIFY(!QFile::exists(output));
    QVERIFY2(QString::fromUtf8(m_err).contains(u"Row 3: sub_mchid:"_s), m_err.constData());
}

void TestBatchCommand::run_noHeader_exit2()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    writeFile(input, "1900000109,4208450740202511201234567890,P1\n"_ba);
    BatchCommandOptions options;
    options.inputFile = input;
    options.outputFile = m_dir->filePath(u"out.csv"_s);
    QCOMPARE(run(options), int(BatchCommand::ExitBadInput));
    QVERIFY(QString::fromUtf8(m_err).contains(u"sub_mchid,transaction_id,out_order_no"_s));
    QVERIFY(m_sandbox->log().isEmpty());

    options.inputFile = m_dir->filePath(u"missing.csv"_s);
    QCOMPARE(run(options), int(BatchCommand::ExitBadInput));
}

void TestBatchCommand::run_unwritableOutput_exit2_nothingSent()
{
    const QString input = m_dir->filePath(u"in.csv"_s);
    writeFile(input,
              "sub_mchid,transaction_id,out_order_no\n1900000109,4208450740202511201234567890,P1\n"_ba);
    BatchCommandOptions options;
    options.inputFile = input;
    options.outputFile = m_dir->filePath(u"no/such/dir/out.csv"_s);
    QCOMPARE(run(options), int(BatchCommand::ExitBadInput));
    QVERIFY(m_sandbox->log().isEmpty());
}

QTEST_GUILESS_MAIN(TestBatchCommand)
#include "tst_batchcommand.moc"
