// Faults as a script sees them: fenzhang-cli run with QProcess against an in-process sandbox.
// Network faults end in exit 3/4/5 with nothing on stdout and an --output file left untouched;
// bad local key files end in exit 2 with a message naming the file, before anything is sent, and
// never echo key material.

#include "clirunner.h"
#include "sandboxfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::testing;

namespace {

QString vectorFile(const char *name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/vectors/") + QLatin1StringView(name);
}

QString keyFixture(const char *name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/keys/") + QLatin1StringView(name);
}

} // namespace

class TestCliFaults final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void networkFault_exitCode_outputUntouched_data();
    void networkFault_exitCode_outputUntouched();
    void tlsWithWrongCa_exit4_nothingReceived();
    void badMerchantKey_exit2_namesFile_nothingSent_data();
    void badMerchantKey_exit2_namesFile_nothingSent();
    void badWechatPayKey_exit2_nothingSent_data();
    void badWechatPayKey_exit2_nothingSent();
    void corruptProfilesFile_exit2_fileKeptAside_nothingSent();
    void keyFileIsDeviceOrFifo_exit2_fast_data();
    void keyFileIsDeviceOrFifo_exit2_fast();
    void expiredPlatformCertificate_warns_stillVerifies();

private:
    CliRun run(const QStringList &arguments, const QString &configHome = {});
    QStringList order(const QString &outOrderNo = {}) const;
    static void replace(QStringList &args, const QString &option, const QString &value);
    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_cli;
};

void TestCliFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cli = qEnvironmentVariable("FENZHANG_CLI"); // set by CTest
    QVERIFY2(QFile::exists(m_cli), "FENZHANG_CLI must name the fenzhang-cli executable");
}

void TestCliFaults::init()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY(m_sandbox->start(false, QStringLiteral(FENZHANG_TEST_DATA "/vectors")));
}

void TestCliFaults::cleanup()
{
    m_sandbox.reset();
}

CliRun TestCliFaults::run(const QStringList &arguments, const QString &configHome)
{
    return runCli(m_cli, arguments, configHome, 120000);
}

QStringList TestCliFaults::order(const QString &outOrderNo) const
{
    return cliOrder(*m_sandbox, outOrderNo);
}

void TestCliFaults::replace(QStringList &args, const QString &option, const QString &value)
{
    args[args.indexOf(option) + 1] = value;
}

void TestCliFaults::networkFault_exitCode_outputUntouched_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stderr
    QTest::newRow("dropped mid-body") << u"SCN-MIDBODY"_s << 4 << QString();
    QTest::newRow("stale answer (clock skew)") << u"SCN-STALE"_s << 5 << u"clock"_s;
    QTest::newRow("unknown serial") << u"SCN-UNKNOWN_SERIAL"_s << 5 << u"PUB_KEY_ID_0000"_s;
    QTest::newRow("unsigned answer") << u"SCN-UNSIGNED"_s << 5 << u"Wechatpay-Signature"_s;
    QTest::newRow("server errors until retries run out") << u"SCN-500-9"_s << 3 << u"SYSTEM_ERROR"_s;
    QTest::newRow("body past the cap") << u"SCN-OVERSIZE"_s << 3 << QString::number(32 * 1024 * 1024);
}

void TestCliFaults::networkFault_exitCode_outputUntouched()
{
    QFETCH(QString, number);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"result.json"_s);
    QFile before(path);
    QVERIFY(before.open(QIODevice::WriteOnly));
    before.write("previous result\n");
    before.close();

    const CliRun cli = run(cliConnection(*m_sandbox) + order(number) +
                           QStringList{u"--format"_s, u"json"_s, u"--output"_s, path});
    QVERIFY2(cli.exitCode == exitCode, cli.err.constData());
    QVERIFY(cli.out.isEmpty());
    QVERIFY(!cli.err.isEmpty());
    QVERIFY2(QString::fromUtf8(cli.err).contains(expected), cli.err.constData());
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), QByteArray("previous result\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"result.json"_s});
}

void TestCliFaults::tlsWithWrongCa_exit4_nothingReceived()
{
    SandboxFixture tls;
    QVERIFY(tls.start(true, QStringLiteral(FENZHANG_TEST_DATA "/vectors")));
    QStringList args = cliConnection(tls);
    // The backup is the same server by another name; with a CA that did not issue its certificate
    // both fail, and neither is retried without verification.
    replace(args, u"--backup-url"_s, u"https://localhost:%1"_s.arg(tls.server->url().port()));
    args << u"--ca-file"_s << keyFixture("other_cert.pem");
    const CliRun cli = run(args + order());
    QCOMPARE(cli.exitCode, 4);
    QVERIFY(cli.out.isEmpty());
    QVERIFY2(cli.err.contains("127.0.0.1") && cli.err.contains("localhost"), cli.err.constData());
    QTest::qWait(100);
    QCOMPARE(tls.log.size(), 0);
}

void TestCliFaults::badMerchantKey_exit2_namesFile_nothingSent_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("expected"); // in stderr
    QTest::newRow("not a key") << keyFixture("garbage.pem") << u"garbage.pem"_s;
    QTest::newRow("EC instead of RSA") << keyFixture("ec_key.pem") << u"RSA"_s;
    QTest::newRow("RSA-1024") << keyFixture("rsa1024_key.pem") << u"2048"_s;
    QTest::newRow("encrypted PEM") << keyFixture("encrypted_key.pem") << u"encrypted_key.pem"_s;
    QTest::newRow("p12 whose password is not the mchid")
        << keyFixture("custom_password.p12") << u"password"_s;
    QTest::newRow("truncated p12") << keyFixture("truncated.p12") << u"truncated.p12"_s;
    QTest::newRow("a certificate instead of the key")
        << vectorFile("merchant_certificate.pem") << u"merchant_certificate.pem"_s;
    QTest::newRow("a directory") << QStringLiteral(FENZHANG_TEST_DATA "/keys") << u"keys"_s;
    QTest::newRow("missing") << QStringLiteral(FENZHANG_TEST_DATA "/keys/no_such_key.pem")
                             << u"no_such_key.pem"_s;
}

// No line of the key file's Base64 ever reaches the output.
static bool echoesKeyMaterial(const QString &keyFile, const QByteArray &output)
{
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray text = line.trimmed();
        if (text.size() >= 16 && !text.startsWith("-----") && output.contains(text))
            return true;
    }
    return false;
}

void TestCliFaults::badMerchantKey_exit2_namesFile_nothingSent()
{
    QFETCH(QString, keyFile);
    QFETCH(QString, expected);
    QStringList args = cliConnection(*m_sandbox);
    replace(args, u"--private-key"_s, keyFile);
    const CliRun cli = run(args + order());
    QCOMPARE(cli.exitCode, 2);
    QVERIFY(cli.out.isEmpty());
    const QString err = QString::fromUtf8(cli.err);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(!echoesKeyMaterial(keyFile, cli.err), qPrintable(err));
    QVERIFY2(err.count(u'\n') <= 3, qPrintable(err)); // a message, not a dump
    QTest::qWait(50);
    QCOMPARE(m_sandbox->log.size(), 0);
}

void TestCliFaults::badWechatPayKey_exit2_nothingSent_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::newRow("not a key") << keyFixture("garbage.pem");
    QTest::newRow("a private key") << vectorFile("merchant_private_key.pem");
    QTest::newRow("missing") << QStringLiteral(FENZHANG_TEST_DATA "/keys/no_such_pub_key.pem");
}

void TestCliFaults::badWechatPayKey_exit2_nothingSent()
{
    QFETCH(QString, keyFile);
    QStringList args = cliConnection(*m_sandbox);
    replace(args, u"--wechatpay-public-key"_s, keyFile);
    const CliRun cli = run(args + order());
    QCOMPARE(cli.exitCode, 2);
    QVERIFY(cli.out.isEmpty());
    QVERIFY2(cli.err.contains(QFileInfo(keyFile).fileName().toUtf8()), cli.err.constData());
    QVERIFY2(!echoesKeyMaterial(keyFile, cli.err), cli.err.constData());
    QTest::qWait(50);
    QCOMPARE(m_sandbox->log.size(), 0);
}

void TestCliFaults::corruptProfilesFile_exit2_fileKeptAside_nothingSent()
{
    QTemporaryDir config;
    QVERIFY(config.isValid());
    const QString path = config.filePath(u"FenzhangDesk/fenzhang-desk/profiles.json"_s);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    const QByteArray damaged = R"({"format":"fenzhang-desk-profiles","version":1,"profiles":[{"name":"Sh)"_ba;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(damaged);
    file.close();

    const CliRun cli = run(QStringList{u"--profile"_s, u"Shop"_s} + order(), config.path());
    QCOMPARE(cli.exitCode, 2);
    QVERIFY(cli.out.isEmpty());
    QVERIFY2(cli.err.contains("profiles.json"), cli.err.constData());
    QFile kept(path + u".corrupt"_s);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), damaged); // nothing lost
    QTest::qWait(50);
    QCOMPARE(m_sandbox->log.size(), 0);
}

// Issue 15.9: /dev/zero reports size 0 and never ends; opening a FIFO blocks until someone writes.
// Both are refused before they are opened, so the CLI ends at once with exit 2 and nothing sent.
void TestCliFaults::keyFileIsDeviceOrFifo_exit2_fast_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<bool>("fifo");
    QTest::newRow("--private-key /dev/zero") << u"--private-key"_s << false;
    QTest::newRow("--private-key FIFO") << u"--private-key"_s << true;
    QTest::newRow("--wechatpay-public-key FIFO") << u"--wechatpay-public-key"_s << true;
}

void TestCliFaults::keyFileIsDeviceOrFifo_exit2_fast()
{
#ifdef Q_OS_UNIX
    QFETCH(QString, option);
    QFETCH(bool, fifo);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = u"/dev/zero"_s;
    if (fifo) {
        path = dir.filePath(u"apiclient_key.pem"_s);
        QCOMPARE(QProcess::execute(u"mkfifo"_s, {path}), 0);
    }
    QStringList args = cliConnection(*m_sandbox);
    replace(args, option, path);
    QElapsedTimer timer;
    timer.start();
    const CliRun cli = runCli(m_cli, args + order(), {}, 30000);
    QVERIFY(timer.elapsed() < 30000);
    QCOMPARE(cli.exitCode, 2);
    QVERIFY(cli.out.isEmpty());
    const QString err = QString::fromUtf8(cli.err);
    QVERIFY2(err.contains(u"not a regular file"_s), qPrintable(err));
    QVERIFY2(err.contains(QDir::toNativeSeparators(path)), qPrintable(err));
    QVERIFY(m_sandbox->log.isEmpty());
#else
    QSKIP("/dev/zero and FIFOs are Unix things");
#endif
}

// Issue 15.11: a platform certificate past notAfter is a warning on stderr; the look-up goes on.
void TestCliFaults::expiredPlatformCertificate_warns_stillVerifies()
{
    const CliRun cli = run(cliConnection(*m_sandbox) +
                           QStringList{u"--platform-certificate"_s, keyFixture("expired_platform_certificate.pem")} +
                           order());
    QCOMPARE(cli.exitCode, 0);
    QVERIFY(!cli.out.isEmpty());
    const QString err = QString::fromUtf8(cli.err);
    QVERIFY2(err.contains(u"warning"_s) && err.contains(u"5E1A2B3C4D5E6F7081"_s), qPrintable(err));
    QVERIFY2(err.contains(u"expired"_s), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_clifaults.moc"
