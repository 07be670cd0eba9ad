#include "crypto/credentials.h"
#include "profile/profile.h"
#include "profiletestutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

namespace {
const QString mchid = u"1900000001"_s;
const QString serial = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;

Profile pemProfile()
{
    Profile profile = Profile::create(u"Shop A"_s);
    profile.mchid = mchid;
    profile.serialNo = serial;
    profile.keyKind = Profile::KeyKind::PemFiles;
    profile.privateKeyFile = vectorPath(u"merchant_private_key.pem"_s);
    profile.certificateFile = vectorPath(u"merchant_certificate.pem"_s);
    profile.publicKeyId = keyId;
    profile.publicKeyFile = vectorPath(u"wechatpay_public_key.pem"_s);
    return profile;
}
} // namespace

Q_DECLARE_METATYPE(fenzhang::Profile)

class TestProfile final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void create_hasIdAndDefaultHosts()
    {
        const Profile a = Profile::create(u"A"_s);
        const Profile b = Profile::create(u"B"_s);
        QVERIFY(!a.id.isEmpty());
        QVERIFY(a.id != b.id);
        QCOMPARE(a.primaryUrl, ClientConfig().primaryUrl);
        QCOMPARE(a.backupUrl, ClientConfig().backupUrl);
        QCOMPARE(a.timeoutMs, ClientConfig().timeoutMs);
        QCOMPARE(a.primaryUrl.toString(), u"https://api.mch.weixin.qq.com"_s);
    }

    void toConnectionSettings_pemFiles_namesTheFiles()
    {
        Profile profile = pemProfile();
        profile.primaryUrl = QUrl(u"http://127.0.0.1:8443"_s);
        profile.backupUrl = QUrl();
        profile.timeoutMs = 5000;
        profile.caFile = u"/etc/ca.pem"_s;
        profile.platformCertificateFiles = {keyFixture(u"platform_certificate.pem"_s)};
        const ConnectionSettings settings = profile.toConnectionSettings();
        QCOMPARE(settings.merchant.mchid, mchid);
        QCOMPARE(settings.merchant.privateKeyFile, profile.privateKeyFile);
        QCOMPARE(settings.merchant.certificateFile, profile.certificateFile);
        QVERIFY(settings.merchant.privateKeyPem.isEmpty());
        QVERIFY(settings.merchant.pkcs12File.isEmpty());
        QVERIFY(settings.merchant.serialNo.isEmpty()); // derived from the certificate
        QCOMPARE(settings.wechatpay.publicKeyId, keyId);
        QCOMPARE(settings.wechatpay.publicKeyFile, profile.publicKeyFile);
        QCOMPARE(settings.wechatpay.platformCertificateFiles, profile.platformCertificateFiles);
        QCOMPARE(settings.client.primaryUrl, QUrl(u"http://127.0.0.1:8443"_s));
        QVERIFY(settings.client.backupUrl.isEmpty());
        QCOMPARE(settings.client.timeoutMs, 5000);
        QCOMPARE(settings.client.caFile, u"/etc/ca.pem"_s);

        auto credentials = MerchantCredentials::load(settings.merchant);
        QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message));
        QCOMPARE(credentials->serialNo, serial);
        QVERIFY(VerifierKeyRing::load(settings.wechatpay));
    }

    void toConnectionSettings_keyFromKeychain_loadsFromMemory()
    {
        Profile profile = pemProfile();
        profile.privateKeyFile = u"/gone/apiclient_key.pem"_s; // only where it came from
        profile.secretInKeychain = true;
        const QByteArray pem = readAll(vectorPath(u"merchant_private_key.pem"_s));
        const ConnectionSettings settings = profile.toConnectionSettings(pem);
        QCOMPARE(settings.merchant.privateKeyPem, pem);
        QVERIFY(settings.merchant.privateKeyFile.isEmpty());
        auto credentials = MerchantCredentials::load(settings.merchant);
        QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message));
        QCOMPARE(credentials->serialNo, serial);
        QCOMPARE(credentials->privateKey.bits(), 2048);
    }

    void credentials_badPemInMemory_isClearAndSecretFree()
    {
        MerchantKeySource source;
        source.mchid = mchid;
        source.certificateFile = vectorPath(u"merchant_certificate.pem"_s);
        source.privateKeyPem = readAll(keyFixture(u"garbage.pem"_s));
        auto credentials = MerchantCredentials::load(source);
        QVERIFY(!credentials);
        QCOMPARE(credentials.error().kind, KeyError::Kind::WrongFormat);
        QVERIFY(credentials.error().message.contains(u"keychain"_s));

        // A 1024-bit key from memory is refused like one from a file.
        source.certificateFile = keyFixture(u"rsa1024_cert.pem"_s);
        source.privateKeyPem = readAll(keyFixture(u"rsa1024_key.pem"_s));
        credentials = MerchantCredentials::load(source);
        QVERIFY(!credentials);
        QCOMPARE(credentials.error().kind, KeyError::Kind::KeyTooSmall);
    }

    void toConnectionSettings_pkcs12_passesPassword()
    {
        Profile profile = pemProfile();
        profile.keyKind = Profile::KeyKind::Pkcs12;
        profile.pkcs12File = keyFixture(u"custom_password.p12"_s);
        ConnectionSettings settings = profile.toConnectionSettings("not-the-mchid"_ba);
        QCOMPARE(settings.merchant.pkcs12File, profile.pkcs12File);
        QCOMPARE(settings.merchant.pkcs12Password, u"not-the-mchid"_s);
        QVERIFY(settings.merchant.privateKeyFile.isEmpty());
        QVERIFY(settings.merchant.certificateFile.isEmpty());
        QVERIFY(MerchantCredentials::load(settings.merchant));

        settings = profile.toConnectionSettings();
        QVERIFY(settings.merchant.pkcs12Password.isEmpty()); // the mchid, inside load()
        auto credentials = MerchantCredentials::load(settings.merchant);
        QVERIFY(!credentials);
        QCOMPARE(credentials.error().kind, KeyError::Kind::WrongPassword);
    }

    void json_roundTrip_keepsEverything()
    {
        Profile profile = pemProfile();
        profile.secretInKeychain = true;
        profile.platformCertificateFiles = {u"/a/wechatpay_1.pem"_s, u"/a/wechatpay_2.pem"_s};
        profile.backupUrl = QUrl();
        profile.timeoutMs = 15000;
        profile.caFile = u"/a/ca.pem"_s;
        profile.product = Product::Direct;
        profile.autoRemainingAmount = true;
        const QByteArray bytes = QJsonDocument(profile.toJson()).toJson();
        const Profile back = Profile::fromJson(QJsonDocument::fromJson(bytes).object());
        QCOMPARE(back, profile);

        Profile p12 = Profile::create(u"P12"_s);
        p12.keyKind = Profile::KeyKind::Pkcs12;
        p12.pkcs12File = u"C:/keys/apiclient_cert.p12"_s;
        QCOMPARE(Profile::fromJson(p12.toJson()), p12);
        QCOMPARE(back.product, Product::Direct);
        QVERIFY(back.autoRemainingAmount);
    }

    void json_beforeProducts_isAServiceProviderWithoutAutomaticAmounts()
    {
        QJsonObject old = pemProfile().toJson();
        old.remove(u"product"_s);
        old.remove(u"autoRemainingAmount"_s);
        const Profile back = Profile::fromJson(old);
        QCOMPARE(back.product, Product::ServiceProvider);
        QVERIFY(!back.autoRemainingAmount);
    }

    void json_hasNoSecretFields()
    {
        const QStringList keys = pemProfile().toJson().keys();
        for (const QString &key : keys) {
            QVERIFY2(!key.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(key));
            QVERIFY2(!key.contains(u"pem"_s, Qt::CaseInsensitive) || key.endsWith(u"File"_s),
                     qPrintable(key));
        }
    }

    void validate_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::addColumn<QString>("problem"); // a word of the expected problem; empty: valid
        const Profile good = pemProfile();
        QTest::newRow("good") << good << QString();
        Profile p = good;
        p.name = u"  "_s;
        QTest::newRow("no-name") << p << u"name"_s;
        p = good;
        p.mchid = u"19x"_s;
        QTest::newRow("mchid-letters") << p << u"digits"_s;
        p = good;
        p.privateKeyFile.clear();
        QTest::newRow("no-key") << p << u"apiclient_key.pem"_s;
        p.secretInKeychain = true;
        QTest::newRow("key-in-keychain") << p << QString();
        p = good;
        p.certificateFile.clear();
        p.serialNo.clear();
        QTest::newRow("no-cert-no-serial") << p << u"apiclient_cert.pem"_s;
        p.serialNo = serial;
        QTest::newRow("no-cert-typed-serial") << p << QString();
        p = good;
        p.keyKind = Profile::KeyKind::Pkcs12;
        QTest::newRow("p12-missing") << p << u"apiclient_cert.p12"_s;
        p = good;
        p.publicKeyId = u"PUB_KEY_1"_s;
        QTest::newRow("bad-key-id") << p << u"PUB_KEY_ID_"_s;
        p = good;
        p.publicKeyFile.clear();
        QTest::newRow("id-without-file") << p << u"pub_key.pem"_s;
        p.publicKeyId.clear();
        QTest::newRow("nothing-to-verify") << p << u"verify"_s;
        p.platformCertificateFiles = {u"/a/wechatpay.pem"_s};
        QTest::newRow("platform-cert-only") << p << QString();
        p = good;
        p.primaryUrl = QUrl(u"http://api.mch.weixin.qq.com"_s);
        QTest::newRow("plain-http") << p << u"https://"_s;
        p.primaryUrl = QUrl(u"http://127.0.0.1:9000"_s);
        QTest::newRow("plain-http-loopback") << p << QString();
        p = good;
        p.timeoutMs = 500;
        QTest::newRow("timeout-too-short") << p << u"timeout"_s;
    }
    void validate()
    {
        QFETCH(Profile, profile);
        QFETCH(QString, problem);
        const QStringList problems = profile.validate();
        if (problem.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u" | "_s)));
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
        }
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
