#include "api/clientconfig.h"
#include "fenzhang_version.h"

#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestClientConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults_areValid();
    void validate_plainHttp_onlyForLoopback_data();
    void validate_plainHttp_onlyForLoopback();
    void validate_backupUrl_isCheckedToo();
    void validate_emptyBackup_meansNoFailover();
    void validate_caFile();
    void validate_badNumbers_rejected();
    void defaultUserAgent_namesAppOsAndQt();
};

void TestClientConfig::defaults_areValid()
{
    const ClientConfig config;
    QCOMPARE(config.primaryUrl, QUrl(u"https://api.mch.weixin.qq.com"_s));
    QCOMPARE(config.backupUrl, QUrl(u"https://api2.mch.weixin.qq.com"_s));
    QCOMPARE(config.maxBodyBytes, qint64(32 * 1024 * 1024));
    QCOMPARE(config.maxRetries, 3);
    QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
}

void TestClientConfig::validate_plainHttp_onlyForLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https public") << u"https://api.mch.weixin.qq.com"_s << true;
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080"_s << true;
    QTest::newRow("http 127.1.2.3") << u"http://127.1.2.3:8080"_s << true;
    QTest::newRow("http ::1") << u"http://[::1]:8080"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:8080"_s << true;
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST"_s << true;
    QTest::newRow("http public host") << u"http://api.mch.weixin.qq.com"_s << false;
    QTest::newRow("http private address") << u"http://192.168.1.10:8080"_s << false;
    QTest::newRow("http 128.0.0.1") << u"http://128.0.0.1"_s << false;
    QTest::newRow("http localhost.example.com") << u"http://localhost.example.com"_s << false;
    QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false;
    QTest::newRow("no host") << u"https://"_s << false;
}

void TestClientConfig::validate_plainHttp_onlyForLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    ClientConfig config;
    config.primaryUrl = QUrl(url);
    config.backupUrl = QUrl();
    const QString problem = config.validate();
    QCOMPARE(problem.isEmpty(), accepted);
}

void TestClientConfig::validate_backupUrl_isCheckedToo()
{
    ClientConfig config;
    config.backupUrl = QUrl(u"http://api2.mch.weixin.qq.com"_s);
    const QString problem = config.validate();
    QVERIFY(!problem.isEmpty());
    QVERIFY2(problem.contains(u"api2.mch.weixin.qq.com"_s), qPrintable(problem));
}

void TestClientConfig::validate_emptyBackup_meansNoFailover()
{
    ClientConfig config;
    config.backupUrl = QUrl();
    QVERIFY(config.validate().isEmpty());
}

void TestClientConfig::validate_caFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ClientConfig config;
    config.caFile = dir.filePath(u"missing.pem"_s);
    QVERIFY(config.validate().contains(u"missing.pem"_s));

    QFile junk(dir.filePath(u"junk.pem"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a certificate\n");
    junk.close();
    config.caFile = junk.fileName();
    QVERIFY(!config.validate().isEmpty());

    config.caFile = QStringLiteral(FENZHANG_TEST_DATA "/vectors/merchant_certificate.pem");
    QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
}

void TestClientConfig::validate_badNumbers_rejected()
{
    ClientConfig config;
    config.timeoutMs = 0;
    QVERIFY(!config.validate().isEmpty());
    config = {};
    config.maxBodyBytes = 0;
    QVERIFY(!config.validate().isEmpty());
    config = {};
    config.maxRetries = -1;
    QVERIFY(!config.validate().isEmpty());
}

void TestClientConfig::defaultUserAgent_namesAppOsAndQt()
{
    const QByteArray agent = ClientConfig::defaultUserAgent();
    QVERIFY2(agent.startsWith("fenzhang-desk/" FENZHANG_VERSION " ("), agent.constData());
    QVERIFY2(agent.endsWith(QByteArray(") Qt/"_ba + qVersion())), agent.constData());
    QVERIFY(agent.contains(QSysInfo::currentCpuArchitecture().toLatin1()));
    for (const char c : agent)
        QVERIFY(c >= 0x20 && c <= 0x7e);
}

QTEST_GUILESS_MAIN(TestClientConfig)
#include "tst_clientconfig.moc"
