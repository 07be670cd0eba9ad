#include "profile/profilestore.h"
#include "profile/profiletrust.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

// What an imported profile makes the app trust, and remote key and CA files refused (issue 15).
class TestProfileTrust final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void isRemotePath_data();
    void isRemotePath();
    void describe_namesHostsCaAndEveryKeyFile();
    void remoteFile_refusedForEveryKeyAndCaField_data();
    void remoteFile_refusedForEveryKeyAndCaField();
};

void TestProfileTrust::isRemotePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("remote");
    QTest::newRow("UNC") << u"\\\\server\\share\\apiclient_key.pem"_s << true;
    QTest::newRow("UNC with forward slashes") << u"//server/share/apiclient_key.pem"_s << true;
    QTest::newRow("mixed slashes") << u"\\/server/share/key.pem"_s << true;
    QTest::newRow("long UNC") << u"\\\\?\\UNC\\server\\share\\key.pem"_s << true;
    QTest::newRow("device path") << u"\\\\.\\pipe\\x"_s << true;
    QTest::newRow("leading space") << u"  \\\\server\\share\\key.pem"_s << true;
    QTest::newRow("smb URL") << u"smb://server/share/key.pem"_s << true;
    QTest::newRow("file URL") << u"file:///home/a/key.pem"_s << true;
    QTest::newRow("https URL") << u"https://example.com/ca.pem"_s << true;
    QTest::newRow("Windows drive") << u"C:\\certs\\apiclient_key.pem"_s << false;
    QTest::newRow("Windows drive, slashes") << u"D:/certs/apiclient_key.pem"_s << false;
    QTest::newRow("Unix absolute") << u"/home/clerk/certs/apiclient_key.pem"_s << false;
    QTest::newRow("relative") << u"certs/apiclient_key.pem"_s << false;
    QTest::newRow("Chinese folder") << u"/home/会计/证书/apiclient_key.pem"_s << false;
}

void TestProfileTrust::isRemotePath()
{
    QFETCH(QString, path);
    QFETCH(bool, remote);
    QCOMPARE(ProfileTrust::isRemotePath(path), remote);
}

void TestProfileTrust::describe_namesHostsCaAndEveryKeyFile()
{
    Profile official = Profile::create(u"Shop"_s);
    official.mchid = u"1900000001"_s;
    official.privateKeyFile = u"/k/apiclient_key.pem"_s;
    official.certificateFile = u"/k/apiclient_cert.pem"_s;
    official.publicKeyFile = u"/k/pub_key.pem"_s;
    QCOMPARE(ProfileTrust::unofficialHosts(official), QStringList());

    Profile proxy = official;
    proxy.name = u"Via proxy"_s;
    proxy.primaryUrl = QUrl(u"https://wx-proxy.example.com"_s);
    proxy.caFile = u"/etc/proxy-ca.pem"_s;
    proxy.platformCertificateFiles = {u"/k/wechatpay_1.pem"_s};
    QCOMPARE(ProfileTrust::unofficialHosts(proxy), QStringList{u"https://wx-proxy.example.com"_s});

    const QString text = ProfileTrust::describe({official, proxy});
    for (const QString &needle : {u"Shop"_s, u"Via proxy"_s, u"1900000001"_s, u"https://wx-proxy.example.com"_s,
                                  u"proxy-ca.pem"_s, u"apiclient_key.pem"_s, u"apiclient_cert.pem"_s,
                                  u"pub_key.pem"_s, u"wechatpay_1.pem"_s})
        QVERIFY2(text.contains(needle), qPrintable(needle + u"\n"_s + text));
    QCOMPARE(ProfileTrust::files(proxy).size(), 5);
}

void TestProfileTrust::remoteFile_refusedForEveryKeyAndCaField_data()
{
    QTest::addColumn<QString>("field");
    for (const char *field : {"private_key_file", "certificate_file", "pkcs12_file", "public_key_file",
                              "platform_certificate_files", "ca_file"})
        QTest::newRow(field) << QString::fromLatin1(field);
}

void TestProfileTrust::remoteFile_refusedForEveryKeyAndCaField()
{
    QFETCH(QString, field);
    Profile profile = Profile::create(u"Colleague"_s);
    profile.mchid = u"1900000001"_s;
    profile.privateKeyFile = u"/k/apiclient_key.pem"_s;
    profile.certificateFile = u"/k/apiclient_cert.pem"_s;
    profile.publicKeyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
    profile.publicKeyFile = u"/k/pub_key.pem"_s;
    const QString remote = u"\\\\fileserver\\finance\\evil.pem"_s;
    if (field == u"private_key_file")
        profile.privateKeyFile = remote;
    else if (field == u"certificate_file")
        profile.certificateFile = remote;
    else if (field == u"pkcs12_file") {
        profile.keyKind = Profile::KeyKind::Pkcs12;
        profile.pkcs12File = remote;
    } else if (field == u"public_key_file")
        profile.publicKeyFile = remote;
    else if (field == u"platform_certificate_files")
        profile.platformCertificateFiles = {u"/k/ok.pem"_s, remote};
    else
        profile.caFile = remote;

    const QStringList problems = ProfileTrust::remotePathProblems(profile);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(u"evil.pem"_s), qPrintable(problems.first()));
    // The same rule when the profile is edited...
    QVERIFY(profile.validate().contains(problems.first()));

    // ...and when it is imported: nothing is added.
    ProfileStore store;
    QVERIFY(store.load());
    const int before = int(store.names().size());
    const QByteArray exported = QJsonDocument(QJsonObject{
        {u"format"_s, u"fenzhang-desk-profiles"_s}, {u"version"_s, 1}, {u"profiles"_s, QJsonArray{profile.toJson()}}})
                                   .toJson();
    const auto parsed = ProfileStore::parseExport(exported);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    const auto imported = store.importProfiles(exported);
    QVERIFY(!imported);
    QVERIFY2(imported.error().contains(u"evil.pem"_s), qPrintable(imported.error()));
    QCOMPARE(int(store.names().size()), before);
}

QTEST_GUILESS_MAIN(TestProfileTrust)
#include "tst_profiletrust.moc"
