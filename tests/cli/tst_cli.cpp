// fenzhang-cli as a script sees it: the real executable run with QProcess against an in-process
// sandbox, checking the contract of issue 2 (options, formats, --output, exit codes, stderr).

#include "clirunner.h"
#include "fenzhang_version.h"
#include "lookup/jsonreader.h"
#include "sandboxfixture.h"
#include "xlsxreader.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::testing;

class TestCli final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void help_documentsEveryOption();
    void version_printsVersion();
    void order_table_exit0();
    void return_table_exit0();
    void processing_isSuccess();
    void products_everyLookUp_data();
    void products_everyLookUp();
    void json_exactIntegersVerifiedAndRequestId();
    void csv_startsWithBom();
    void xlsx_writesWorkbookWithExactIds();
    void output_writesFileAtomically();
    void output_untouchedOnFailure();
    void merchantKeyFormats_exit0_data();
    void merchantKeyFormats_exit0();
    void usageOrInvalidInput_exit2_nothingSent_data();
    void usageOrInvalidInput_exit2_nothingSent();
    void apiError_exit3_codeMessageRequestIdOnStderr();
    void notJson_exit3();
    void otherOrdersAnswer_exit3_whatDifferedAndRequestId();
    void hostileMessage_noControlsOnTheTerminal();
    void bothHostsDown_exit4();
    void slowAnswer_timeout_exit4();
    void tlsWithoutCa_exit4();
    void tlsWithCaFile_exit0();
    void verificationFailure_exit5_nothingOnStdout();
    void releaseBuild_noCoreDumps();

private:
    CliRun run(const QStringList &arguments);
    QStringList order(const QString &outOrderNo = {}) const;
    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_cli;
};

void TestCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cli = qEnvironmentVariable("FENZHANG_CLI"); // set by CTest
    if (m_cli.isEmpty())
        m_cli = QStringLiteral(FENZHANG_BINARY_DIR "/app/cli/fenzhang-cli");
    QVERIFY2(QFile::exists(m_cli), "FENZHANG_CLI must name the fenzhang-cli executable");
}

void TestCli::init()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY(m_sandbox->start());
}

void TestCli::cleanup()
{
    m_sandbox.reset();
}

CliRun TestCli::run(const QStringList &arguments)
{
    return runCli(m_cli, arguments);
}

QStringList TestCli::order(const QString &outOrderNo) const
{
    return cliOrder(*m_sandbox, outOrderNo);
}

void TestCli::help_documentsEveryOption()
{
    const CliRun cli = run({u"--help"_s});
    QCOMPARE(cli.exitCode, 0);
    const QString help = QString::fromUtf8(cli.out);
    const QStringList options{u"--profile NAME"_s, u"--mchid ID"_s,
                              u"--serial-no HEX"_s,
                              u"--private-key FILE"_s,
                              u"--wechatpay-public-key-id ID"_s,
                              u"--wechatpay-public-key FILE"_s,
                              u"--platform-certificate FILE"_s,
                              u"--base-url URL"_s,
                              u"--backup-url URL"_s,
                              u"--ca-file FILE"_s,
                              u"--timeout SECONDS"_s,
                              u"--format table|json|csv|xlsx"_s,
                              u"--output FILE"_s,
                              u"--sub-mchid ID"_s,
                              u"--transaction-id ID"_s,
                              u"--out-order-no NO"_s,
                              u"--out-return-no NO"_s,
                              u"--order-id ID"_s,
                              u"--version"_s,
                              u"--help"_s,
                              u"https://api.mch.weixin.qq.com"_s,
                              u"https://api2.mch.weixin.qq.com"_s};
    for (const QString &option : options)
        QVERIFY2(help.contains(option), qPrintable(option));
    QVERIFY(help.contains(u"fenzhang-cli [connection options] [--product P] order   [--sub-mchid ID] "
                          "--transaction-id ID --out-order-no NO"_s));
    QVERIFY(help.contains(u"fenzhang-cli [connection options] [--product P] return  [--sub-mchid ID] "
                          "--out-return-no NO (--order-id ID | --out-order-no NO)"_s));
    // Each field option says which commands and products take it, from the kinds' own descriptions.
    QVERIFY(
        help.contains(u"order, return (--product service-provider|brand): Sub-merchant ID (sub_mchid)"_s));
    QVERIFY(help.contains(u"return (--product brand): WeChat Pay order ID (order_id)"_s));
    QVERIFY(help.contains(u"order, amounts: Transaction ID (transaction_id)"_s));
    QVERIFY(help.contains(u"fenzhang-cli [connection options] [--product P] amounts --transaction-id ID"_s));
    QVERIFY(help.contains(u"--product service-provider|direct|brand"_s));
    // The batch: its three kinds, its own options and the columns each reads.
    QVERIFY(help.contains(u"fenzhang-cli [connection options] [--product P] batch order|return|amounts --input FILE "
                          "--output FILE.xlsx|FILE.csv [--concurrency N] [--qps N]"_s));
    for (const QString &option : {u"--input FILE"_s, u"--concurrency N"_s, u"--qps N"_s})
        QVERIFY2(help.contains(option), qPrintable(option));
    QVERIFY(help.contains(u"  order    sub_mchid,transaction_id,out_order_no\n"_s));
    QVERIFY(help.contains(u"  return   sub_mchid,out_return_no,out_order_no\n"_s));
    QVERIFY(help.contains(u"  amounts  transaction_id\n"_s));
    for (const char *code : {"  0  ", "  2  ", "  3  ", "  4  ", "  5  "})
        QVERIFY2(help.contains(QLatin1StringView(code)), code);
}

void TestCli::version_printsVersion()
{
    const CliRun cli = run({u"--version"_s});
    QCOMPARE(cli.exitCode, 0);
    QCOMPARE(cli.out, QByteArray("fenzhang-cli " FENZHANG_VERSION "\n"));
}

void TestCli::order_table_exit0()
{
    const CliRun cli = run(cliConnection(*m_sandbox) + order());
    QCOMPARE(cli.exitCode, 0);
    QVERIFY2(cli.err.isEmpty(), cli.err.constData());
    const QString text = QString::fromUtf8(cli.out);
    const OrderQuery sample = m_sandbox->sampleOrder();
    QVERIFY(text.contains(sample.outOrderNo));
    QVERIFY(text.contains(sample.transactionId));
    QVERIFY(text.contains(u"FINISHED"_s));
    QVERIFY(text.contains(u"Receivers"_s));
    QVERIFY(text.contains(u"verified"_s));
    QCOMPARE(m_sandbox->log.size(), 1);
    QVERIFY(text.contains(m_sandbox->log.at(0).value("request_id"_L1).toString()));
}

void TestCli::return_table_exit0()
{
    const ReturnQuery sample = m_sandbox->sampleReturn();
    QStringList args = cliConnection(*m_sandbox);
    // samples.return is a chain brand's return: --product brand, as before products existed.
    args << u"--product"_s << u"brand"_s << u"return"_s << u"--sub-mchid"_s << sample.subMchid
         << u"--out-return-no"_s << sample.outReturnNo;
    if (!sample.orderId.isEmpty())
        args << u"--order-id"_s << sample.orderId;
    else
        args << u"--out-order-no"_s << sample.outOrderNo;
    const CliRun cli = run(args);
    QCOMPARE(cli.exitCode, 0);
    const QString text = QString::fromUtf8(cli.out);
    QVERIFY(text.contains(sample.outReturnNo));
    QVERIFY(text.contains(u"SUCCESS"_s));
}

void TestCli::processing_isSuccess()
{
    const CliRun cli = run(cliConnection(*m_sandbox) + order(u"SCN-PROCESSING-1"_s));
    QCOMPARE(cli.exitCode, 0);
    QVERIFY(QString::fromUtf8(cli.out).contains(u"PROCESSING"_s));
}

void TestCli::json_exactIntegersVerifiedAndRequestId()
{
    const CliRun cli =
        run(cliConnection(*m_sandbox) + order(u"SCN-BIG_AMOUNT"_s) + QStringList{u"--format"_s, u"json"_s});
    QCOMPARE(cli.exitCode, 0);
    // Read with the project's exact reader: a double would turn 2^53 + 1 into 2^53.
    const auto json = JsonValue::parse(cli.out);
    QVERIFY2(json.hasValue(), cli.out.constData());
    QVERIFY(json->isObject());
    const JsonValue *receivers = json->member(u"receivers");
    QVERIFY(receivers && receivers->isArray());
    QCOMPARE(receivers->array().size(), 2);
    QCOMPARE(receivers->array().at(0).member(u"amount")->numberText(), QByteArray("9007199254740993"));
    QCOMPARE(receivers->array().at(1).member(u"amount")->numberText(), QByteArray("9223372036854775807"));
    QVERIFY(json->member(u"verified")->toBool());
    QCOMPARE(json->member(u"out_order_no")->toString(), u"SCN-BIG_AMOUNT"_s);
    QCOMPARE(m_sandbox->log.size(), 1);
    QCOMPARE(json->member(u"request_id")->toString(), m_sandbox->log.at(0).value("request_id"_L1).toString());
}

void TestCli::csv_startsWithBom()
{
    const CliRun cli = run(cliConnection(*m_sandbox) + order() + QStringList{u"--format"_s, u"csv"_s});
    QCOMPARE(cli.exitCode, 0);
    QVERIFY(cli.out.startsWith("\xEF\xBB\xBF"));
    QVERIFY(cli.out.contains("\r\n"));
    QVERIFY(cli.out.contains(m_sandbox->sampleOrder().outOrderNo.toUtf8()));
}

void TestCli::xlsx_writesWorkbookWithExactIds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"big.xlsx"_s);
    const CliRun cli = run(cliConnection(*m_sandbox) + order(u"SCN-BIG_AMOUNT"_s) +
                           QStringList{u"--format"_s, u"xlsx"_s, u"--output"_s, path});
    QCOMPARE(cli.exitCode, 0);
    QVERIFY(cli.out.isEmpty());
    const test::XlsxBook book = test::readXlsx(path);
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error));
    const test::XlsxSheet *sheet = book.sheet(u"Receivers"_s);
    QVERIFY(sheet);
    QCOMPARE(sheet->rows.size(), 3);
    QCOMPARE(sheet->at(1, u"WeChat Pay transaction ID"_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"WeChat Pay transaction ID"_s).value.size(), 28);
    QCOMPARE(sheet->at(1, u"Amount (fen)"_s).value, u"9007199254740993"_s);
    QCOMPARE(sheet->at(1, u"Amount (fen)"_s).type, u"str"_s);
    QCOMPARE(sheet->at(2, u"Amount (fen)"_s).value, u"9223372036854775807"_s);
    QCOMPARE(sheet->at(2, u"Amount (yuan)"_s).value, u"92233720368547758.07"_s);
    QCOMPARE(m_sandbox->log.size(), 1);
    QCOMPARE(sheet->at(1, u"Request-ID"_s).value, m_sandbox->log.at(0).value("request_id"_L1).toString());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"big.xlsx"_s});
}

void TestCli::output_writesFileAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"result.json"_s);
    const CliRun cli =
        run(cliConnection(*m_sandbox) + order() + QStringList{u"--format"_s, u"json"_s, u"--output"_s, path});
    QCOMPARE(cli.exitCode, 0);
    QVERIFY(cli.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    const auto json = JsonValue::parse(written);
    QVERIFY2(json.hasValue(), written.constData());
    QVERIFY(json->member(u"verified")->toBool());
    QCOMPARE(json->member(u"out_order_no")->toString(), m_sandbox->sampleOrder().outOrderNo);
    // Nothing but the result is left behind (QSaveFile's temporary is gone).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"result.json"_s});
}

void TestCli::output_untouchedOnFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"result.csv"_s);
    QFile before(path);
    QVERIFY(before.open(QIODevice::WriteOnly));
    before.write("previous result\n");
    before.close();
    const CliRun cli = run(cliConnection(*m_sandbox) + order(u"SCN-TAMPER"_s) +
                           QStringList{u"--format"_s, u"csv"_s, u"--output"_s, path});
    QCOMPARE(cli.exitCode, 5);
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), QByteArray("previous result\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"result.csv"_s});
}

void TestCli::merchantKeyFormats_exit0_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<bool>("withSerial");
    QTest::newRow("PKCS#8 PEM") << u"merchant_private_key.pem"_s << true;
    QTest::newRow("PKCS#1 PEM") << u"merchant_private_key_pkcs1.pem"_s << true;
    QTest::newRow("p12 (AES), serial from its certificate") << u"merchant_certificate.p12"_s << false;
    QTest::newRow("p12 (legacy RC2-40)") << u"merchant_certificate_legacy.p12"_s << false;
}

void TestCli::merchantKeyFormats_exit0()
{
    QFETCH(QString, keyFile);
    QFETCH(bool, withSerial);
    const QString vectors = QStringLiteral(FENZHANG_TEST_DATA "/vectors");
    SandboxFixture sandbox;
    QVERIFY(sandbox.start(false, vectors));
    QStringList args = cliConnection(sandbox);
    args[args.indexOf(u"--private-key"_s) + 1] = vectors + u'/' + keyFile;
    if (!withSerial)
        args.remove(args.indexOf(u"--serial-no"_s), 2);
    const CliRun cli = run(args + order());
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    QCOMPARE(sandbox.log.size(), 1);
    QCOMPARE(SandboxFixture::authorizationField(sandbox.log.at(0), u"serial_no"_s),
             sandbox.infoString("serial_no"));
}

void TestCli::products_everyLookUp_data()
{
    QTest::addColumn<QString>("product"); // the sandbox's samples key and the --product value
    QTest::addColumn<QString>("kind");    // order | return | amounts
    for (const char *product : {"service_provider", "direct", "brand"}) {
        for (const char *kind : {"order", "return", "amounts"})
            QTest::addRow("%s %s", product, kind) << QString::fromLatin1(product) << QString::fromLatin1(kind);
    }
}

void TestCli::products_everyLookUp()
{
    QFETCH(QString, product);
    QFETCH(QString, kind);
    const QJsonObject sample =
        m_sandbox->info.value("samples"_L1).toObject().value(product).toObject().value(kind).toObject();
    QVERIFY(!sample.isEmpty());
    QStringList args = cliConnection(*m_sandbox);
    args << u"--product"_s << QString(product).replace(u'_', u'-') << kind << u"--format"_s << u"json"_s;
    for (auto it = sample.begin(); it != sample.end(); ++it)
        args << u"--"_s + QString(it.key()).replace(u'_', u'-') << it.value().toString();
    const CliRun cli = run(args);
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    const QJsonObject answer = QJsonDocument::fromJson(cli.out).object();
    QCOMPARE(answer.value("verified"_L1).toBool(), true);
    // The answer to this question: every number asked is in the answer as asked.
    for (auto it = sample.begin(); it != sample.end(); ++it)
        QCOMPARE(answer.value(it.key()).toString(), it.value().toString());
    // The product's own endpoint and answer.
    QCOMPARE(m_sandbox->log.size(), 1);
    const QString target = m_sandbox->log.at(0).value("target"_L1).toString();
    QCOMPARE(target.startsWith(u"/v3/brand/"_s), product == "brand"_L1);
    QCOMPARE(answer.contains("sub_mchid"_L1), product != "direct"_L1 && kind != "amounts"_L1);
    if (kind == "order"_L1)
        QVERIFY(answer.contains(product == "brand"_L1 ? "status"_L1 : "state"_L1));
    if (kind == "return"_L1)
        QVERIFY(answer.contains(product == "brand"_L1 ? "return_no"_L1 : "return_id"_L1));
    if (kind == "amounts"_L1)
        QVERIFY(answer.value("unsplit_amount"_L1).isDouble());
}

void TestCli::usageOrInvalidInput_exit2_nothingSent_data()
{
    QTest::addColumn<QStringList>("arguments"); // appended to the connection options
    QTest::addColumn<QString>("expected");      // in stderr
    QTest::newRow("no command") << QStringList{} << u"order, return, amounts or batch"_s;
    QTest::newRow("unknown command") << QStringList{u"refund"_s} << u"refund"_s;
    QTest::newRow("unknown option") << QStringList{u"order"_s, u"--sandbox"_s} << u"sandbox"_s;
    QTest::newRow("order without --transaction-id")
        << QStringList{u"order"_s, u"--sub-mchid"_s, u"1900000109"_s, u"--out-order-no"_s, u"P1"_s}
        << u"--transaction-id"_s;
    QTest::newRow("invalid sub_mchid")
        << QStringList{u"order"_s, u"--sub-mchid"_s,    u"19x"_s, u"--transaction-id"_s,
                       u"4208"_s,  u"--out-order-no"_s, u"P1"_s}
        << u"--sub-mchid"_s;
    QTest::newRow("invalid out_order_no")
        << QStringList{u"order"_s, u"--sub-mchid"_s,    u"1900000109"_s, u"--transaction-id"_s,
                       u"4208"_s,  u"--out-order-no"_s, u"P 1"_s}
        << u"--out-order-no"_s;
    QTest::newRow("brand return with both numbers")
        << QStringList{u"--product"_s, u"brand"_s, u"return"_s, u"--sub-mchid"_s, u"1900000109"_s,
                       u"--out-return-no"_s, u"R1"_s, u"--order-id"_s, u"3008"_s, u"--out-order-no"_s, u"P1"_s}
        << u"exactly one"_s;
    QTest::newRow("ordinary return by order_id")
        << QStringList{u"return"_s, u"--sub-mchid"_s, u"1900000109"_s, u"--out-return-no"_s, u"R1"_s,
                       u"--order-id"_s, u"3008"_s}
        << u"--order-id applies only to chain-brand returns"_s;
    QTest::newRow("ordinary return without out_order_no")
        << QStringList{u"return"_s, u"--sub-mchid"_s, u"1900000109"_s, u"--out-return-no"_s, u"R1"_s}
        << u"--out-order-no"_s;
    QTest::newRow("direct merchant with sub_mchid")
        << QStringList{u"--product"_s, u"direct"_s, u"order"_s, u"--sub-mchid"_s, u"1900000109"_s,
                       u"--transaction-id"_s, u"4208"_s, u"--out-order-no"_s, u"P1"_s}
        << u"--sub-mchid"_s;
    QTest::newRow("service provider without sub_mchid")
        << QStringList{u"--product"_s, u"service-provider"_s, u"return"_s, u"--out-return-no"_s, u"R1"_s,
                       u"--out-order-no"_s, u"P1"_s}
        << u"needs --sub-mchid"_s;
    QTest::newRow("unknown product") << QStringList{u"--product"_s, u"ordinary"_s, u"order"_s} << u"ordinary"_s;
    QTest::newRow("amounts with sub_mchid")
        << QStringList{u"amounts"_s, u"--sub-mchid"_s, u"1900000109"_s, u"--transaction-id"_s, u"4208"_s}
        << u"--sub-mchid"_s;
    QTest::newRow("amounts without transaction_id") << QStringList{u"amounts"_s} << u"--transaction-id"_s;
    QTest::newRow("amounts invalid transaction_id")
        << QStringList{u"amounts"_s, u"--transaction-id"_s, u"42x"_s} << u"--transaction-id"_s;
    QTest::newRow("bad format") << QStringList{u"--format"_s, u"xml"_s, u"order"_s} << u"xml"_s;
    QTest::newRow("xlsx without --output")
        << QStringList{u"--format"_s,     u"xlsx"_s, u"order"_s,          u"--sub-mchid"_s, u"1900000109"_s,
                       u"--transaction-id"_s, u"4208450740201411110007820472"_s, u"--out-order-no"_s, u"P1"_s}
        << u"--output FILE.xlsx"_s;
    QTest::newRow("bad timeout") << QStringList{u"--timeout"_s, u"soon"_s, u"order"_s} << u"soon"_s;
    QTest::newRow("plain http to a public host")
        << QStringList{u"--base-url"_s, u"http://api.mch.weixin.qq.com"_s, u"order"_s} << u"http://"_s;
    QTest::newRow("missing key file")
        << QStringList{u"--private-key"_s, u"/nonexistent/apiclient_key.pem"_s, u"order"_s}
        << u"apiclient_key.pem"_s;
}

void TestCli::usageOrInvalidInput_exit2_nothingSent()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    // Later options of the same name are reported as repeated, so replace instead of append.
    QStringList args = cliConnection(*m_sandbox);
    for (qsizetype i = 0; i + 1 < arguments.size(); ++i) {
        const qsizetype at = args.indexOf(arguments.at(i));
        if (arguments.at(i).startsWith(u"--"_s) && at >= 0 && at + 1 < args.size()) {
            args[at + 1] = arguments.at(i + 1);
            arguments.remove(i, 2);
            --i;
        }
    }
    args += arguments;
    if (arguments.contains(u"order"_s) && !arguments.contains(u"--sub-mchid"_s))
        args += order().mid(1);
    const CliRun cli = run(args);
    QCOMPARE(cli.exitCode, 2);
    QVERIFY(cli.out.isEmpty());
    QVERIFY2(QString::fromUtf8(cli.err).contains(expected), cli.err.constData());
    QTest::qWait(50);
    QCOMPARE(m_sandbox->log.size(), 0);
}

void TestCli::apiError_exit3_codeMessageRequestIdOnStderr()
{
    const CliRun cli = run(cliConnection(*m_sandbox) + order(u"SCN-404"_s));
    QCOMPARE(cli.exitCode, 3);
    QVERIFY(cli.out.isEmpty());
    const QString err = QString::fromUtf8(cli.err);
    QVERIFY2(err.contains(u"RESOURCE_NOT_EXISTS"_s), qPrintable(err));
    QVERIFY2(err.contains(u"记录不存在"_s), qPrintable(err));
    QCOMPARE(m_sandbox->log.size(), 1);
    const QString requestId = m_sandbox->log.at(0).value("request_id"_L1).toString();
    QVERIFY(!requestId.isEmpty());
    QVERIFY2(err.contains(u"Request-ID: "_s + requestId), qPrintable(err));
}

// An error answer whose message carries ESC sequences and U+202E (sandbox SCN-HOSTILE) is printed
// with every one of them replaced: nothing on stderr can clear the screen, recolour or reorder it.
void TestCli::hostileMessage_noControlsOnTheTerminal()
{
    const CliRun cli = run(cliConnection(*m_sandbox) + order(u"SCN-HOSTILE"_s));
    QCOMPARE(cli.exitCode, 3);
    QVERIFY(cli.out.isEmpty());
    QVERIFY2(!cli.err.contains('\x1b'), cli.err.constData());
    QVERIFY2(!cli.err.contains("\xE2\x80\xAE"), cli.err.constData()); // U+202E in UTF-8
    const QString err = QString::fromUtf8(cli.err);
    QVERIFY2(err.contains(u"message: \uFFFD[2J\uFFFD[H\uFFFD[32mOK verified FINISHED\uFFFD[0m \uFFFD<b>bold</b>"_s),
             qPrintable(err));
    QVERIFY2(err.contains(u"PARAM_ERROR"_s), qPrintable(err));
    for (const char c : cli.err)
        QVERIFY2(uchar(c) >= 0x20 || c == '\n', "a control character reached stderr");
}

void TestCli::notJson_exit3()
{
    const CliRun cli = run(cliConnection(*m_sandbox) + order(u"SCN-NOT_JSON"_s));
    QCOMPARE(cli.exitCode, 3);
    QVERIFY(cli.out.isEmpty());
    QVERIFY(cli.err.contains("Request-ID: "));
}

// Issue 15.1: the sandbox answers with another order's genuinely signed body. It used to be printed
// as this order's result with exit 0; now nothing is printed, stderr names what differed and the
// Request-ID, and the exit code is 3.
void TestCli::otherOrdersAnswer_exit3_whatDifferedAndRequestId()
{
    const CliRun cli = run(cliConnection(*m_sandbox) + order(u"SCN-OTHER"_s));
    QCOMPARE(cli.exitCode, 3);
    QVERIFY(cli.out.isEmpty());
    const QString err = QString::fromUtf8(cli.err);
    QVERIFY2(err.contains(u"not the answer to this question"_s), qPrintable(err));
    QVERIFY2(err.contains(u"out_order_no differs: asked SCN-OTHER, answered "_s), qPrintable(err));
    QCOMPARE(m_sandbox->log.size(), 1);
    const QString requestId = m_sandbox->log.at(0).value("request_id"_L1).toString();
    QVERIFY(!requestId.isEmpty());
    QVERIFY2(err.contains(u"Request-ID: "_s + requestId), qPrintable(err));

    const CliRun json = run(cliConnection(*m_sandbox) + order(u"SCN-OTHER-j"_s) + QStringList{u"--format"_s, u"json"_s});
    QCOMPARE(json.exitCode, 3);
    QVERIFY(json.out.isEmpty());
}

void TestCli::bothHostsDown_exit4()
{
    const quint16 first = closedLoopbackPort();
    const quint16 second = closedLoopbackPort();
    QStringList args = cliConnection(*m_sandbox);
    args[args.indexOf(u"--base-url"_s) + 1] = u"http://127.0.0.1:%1"_s.arg(first);
    args[args.indexOf(u"--backup-url"_s) + 1] = u"http://localhost:%1"_s.arg(second);
    const CliRun cli = run(args + order());
    QCOMPARE(cli.exitCode, 4);
    QVERIFY(cli.out.isEmpty());
    const QString err = QString::fromUtf8(cli.err);
    QVERIFY2(err.contains(u"127.0.0.1:%1"_s.arg(first)), qPrintable(err));
    QVERIFY2(err.contains(u"localhost:%1"_s.arg(second)), qPrintable(err));
}

void TestCli::slowAnswer_timeout_exit4()
{
    QStringList args = cliConnection(*m_sandbox);
    args[args.indexOf(u"--timeout"_s) + 1] = u"0.3"_s;
    const CliRun cli = run(args + order(u"SCN-SLOW-5000"_s));
    QCOMPARE(cli.exitCode, 4);
    QVERIFY(cli.out.isEmpty());
    QVERIFY2(cli.err.contains("300 ms"), cli.err.constData());
}

void TestCli::tlsWithoutCa_exit4()
{
    SandboxFixture tls;
    QVERIFY(tls.start(true));
    const CliRun cli = run(cliConnection(tls) + order());
    QCOMPARE(cli.exitCode, 4);
    QVERIFY(cli.out.isEmpty());
    QTest::qWait(50);
    QCOMPARE(tls.log.size(), 0);
}

void TestCli::tlsWithCaFile_exit0()
{
    SandboxFixture tls;
    QVERIFY(tls.start(true));
    const CliRun cli =
        run(cliConnection(tls) + QStringList{u"--ca-file"_s, tls.infoString("ca_file")} + order());
    QCOMPARE(cli.exitCode, 0);
    QCOMPARE(tls.log.size(), 1);
}

void TestCli::verificationFailure_exit5_nothingOnStdout()
{
    const CliRun cli =
        run(cliConnection(*m_sandbox) + order(u"SCN-TAMPER"_s) + QStringList{u"--format"_s, u"json"_s});
    QCOMPARE(cli.exitCode, 5);
    QVERIFY(cli.out.isEmpty());
    QVERIFY2(cli.err.contains("signature"), cli.err.constData());
    QVERIFY(cli.err.contains("Request-ID: "));
}

// Issue 15: a release build of the CLI runs with core dumps off (RLIMIT_CORE 0, set first thing in
// main), seen from outside in /proc while it waits for a slow answer.
void TestCli::releaseBuild_noCoreDumps()
{
#if !defined(Q_OS_LINUX) || !defined(NDEBUG)
    QSKIP("Checked on Linux in release-like builds (NDEBUG), where fenzhang-cli disables core dumps");
#else
    QProcess process;
    process.start(m_cli, cliConnection(*m_sandbox) + order(u"SCN-SLOW-3000"_s));
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    const QString limits = u"/proc/%1/limits"_s.arg(process.processId());
    const auto coreLimit = [&limits] {
        QFile file(limits);
        if (!file.open(QIODevice::ReadOnly))
            return QStringList();
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith("Max core file size"))
                return QString::fromLatin1(line.mid(18)).split(u' ', Qt::SkipEmptyParts).mid(0, 2);
        }
        return QStringList();
    };
    QTRY_COMPARE_WITH_TIMEOUT(coreLimit(), (QStringList{u"0"_s, u"0"_s}), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 60000);
    QCOMPARE(process.exitCode(), 0);
#endif
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
