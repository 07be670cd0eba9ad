#include "profile/profilechecker.h"
#include "profiletestutil.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

namespace {

const QString mchid = u"1900000001"_s;
const QString serial = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
constexpr int allPass = -1;

Profile pem(const QString &key, const QString &cert)
{
    Profile profile = Profile::create(u"Check"_s);
    profile.mchid = mchid;
    profile.keyKind = Profile::KeyKind::PemFiles;
    profile.privateKeyFile = key;
    profile.certificateFile = cert;
    profile.publicKeyId = keyId;
    profile.publicKeyFile = vectorPath(u"wechatpay_public_key.pem"_s);
    return profile;
}

Profile p12(const QString &file)
{
    Profile profile = pem({}, {});
    profile.keyKind = Profile::KeyKind::Pkcs12;
    profile.pkcs12File = file;
    return profile;
}

QString describe(const QList<CheckItem> &items)
{
    QStringList lines;
    for (const CheckItem &item : items)
        lines << u"%1 [%2] %3"_s.arg(item.title).arg(int(item.outcome)).arg(item.detail);
    return lines.join(u"\n"_s);
}

} // namespace

Q_DECLARE_METATYPE(fenzhang::Profile)

class TestProfileChecker final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void check_everyFixture_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<int>("failedCheck"); // the one check that must fail, or allPass

        const QString key = vectorPath(u"merchant_private_key.pem"_s);
        const QString cert = vectorPath(u"merchant_certificate.pem"_s);
        using C = CheckItem::Check;

        QTest::newRow("pem-pkcs8") << pem(key, cert) << QByteArray() << allPass;
        QTest::newRow("pem-pkcs1") << pem(vectorPath(u"merchant_private_key_pkcs1.pem"_s), cert)
                                   << QByteArray() << allPass;
        QTest::newRow("p12-aes") << p12(vectorPath(u"merchant_certificate.p12"_s)) << QByteArray() << allPass;
        QTest::newRow("p12-legacy") << p12(vectorPath(u"merchant_certificate_legacy.p12"_s)) << QByteArray()
                                    << allPass;
        QTest::newRow("p12-own-password")
            << p12(keyFixture(u"custom_password.p12"_s)) << "not-the-mchid"_ba << allPass;
        Profile fromKeychain = pem(u"/gone/apiclient_key.pem"_s, cert);
        fromKeychain.secretInKeychain = true;
        QTest::newRow("key-from-keychain") << fromKeychain << readAll(key) << allPass;
        Profile typed = pem(key, {});
        typed.serialNo = serial.toLower();
        QTest::newRow("typed-serial") << typed << QByteArray() << allPass;
        Profile platform = pem(key, cert);
        platform.publicKeyId.clear();
        platform.publicKeyFile.clear();
        platform.platformCertificateFiles = {keyFixture(u"platform_certificate.pem"_s)};
        QTest::newRow("platform-certificate-only") << platform << QByteArray() << allPass;

        QTest::newRow("rsa1024") << pem(keyFixture(u"rsa1024_key.pem"_s), keyFixture(u"rsa1024_cert.pem"_s))
                                 << QByteArray() << int(C::KeySize);
        QTest::newRow("rsa1024-from-keychain")
            << pem({}, keyFixture(u"rsa1024_cert.pem"_s)) << readAll(keyFixture(u"rsa1024_key.pem"_s))
            << int(C::KeySize);
        QTest::newRow("mismatched-cert")
            << pem(key, keyFixture(u"other_cert.pem"_s)) << QByteArray() << int(C::KeyMatchesCertificate);
        QTest::newRow("p12-wrong-password")
            << p12(keyFixture(u"custom_password.p12"_s)) << QByteArray() << int(C::KeyOpens);
        QTest::newRow("p12-typed-wrong-password")
            << p12(vectorPath(u"merchant_certificate.p12"_s)) << "guess"_ba << int(C::KeyOpens);
        QTest::newRow("p12-truncated")
            << p12(keyFixture(u"truncated.p12"_s)) << QByteArray() << int(C::KeyOpens);
        QTest::newRow("garbage-key") << pem(keyFixture(u"garbage.pem"_s), cert) << QByteArray()
                                     << int(C::KeyOpens);
        QTest::newRow("ec-key") << pem(keyFixture(u"ec_key.pem"_s), cert) << QByteArray() << int(C::KeyOpens);
        QTest::newRow("encrypted-key")
            << pem(keyFixture(u"encrypted_key.pem"_s), cert) << QByteArray() << int(C::KeyOpens);
        QTest::newRow("public-key-as-private")
            << pem(vectorPath(u"merchant_public_key.pem"_s), cert) << QByteArray() << int(C::KeyOpens);
        QTest::newRow("garbage-cert")
            << pem(key, keyFixture(u"garbage.pem"_s)) << QByteArray() << int(C::KeyOpens);
        QTest::newRow("missing-key-file")
            << pem(u"/nope/apiclient_key.pem"_s, cert) << QByteArray() << int(C::FilesReadable);
        Profile missingPub = pem(key, cert);
        missingPub.publicKeyFile = u"/nope/pub_key.pem"_s;
        QTest::newRow("missing-public-key-file") << missingPub << QByteArray() << int(C::FilesReadable);
        Profile badId = pem(key, cert);
        badId.publicKeyId = u"PUB_KEY_ID_12"_s;
        QTest::newRow("malformed-key-id") << badId << QByteArray() << int(C::PublicKeyId);
        Profile badPub = pem(key, cert);
        badPub.publicKeyFile = keyFixture(u"garbage.pem"_s);
        QTest::newRow("garbage-public-key") << badPub << QByteArray() << int(C::WechatPayKeys);
        Profile smallPub = pem(key, cert);
        smallPub.publicKeyFile = keyFixture(u"rsa1024_cert.pem"_s);
        QTest::newRow("certificate-as-public-key") << smallPub << QByteArray() << int(C::WechatPayKeys);
        Profile badMchid = pem(key, cert);
        badMchid.mchid = u"19000 1"_s;
        QTest::newRow("mchid-not-digits") << badMchid << QByteArray() << int(C::MerchantId);
        Profile staleSerial = pem(key, cert);
        staleSerial.serialNo = u"ABCDEF"_s;
        QTest::newRow("stored-serial-stale") << staleSerial << QByteArray() << int(C::Serial);
        Profile typedBad = pem(key, {});
        typedBad.serialNo = u"not hex"_s;
        QTest::newRow("typed-serial-not-hex") << typedBad << QByteArray() << int(C::Serial);
    }
    void check_everyFixture()
    {
        QFETCH(Profile, profile);
        QFETCH(QByteArray, secret);
        QFETCH(int, failedCheck);
        const QList<CheckItem> items = ProfileChecker::check(profile, secret);
        QCOMPARE(items.size(), 8);
        const QString all = describe(items);
        for (const CheckItem &item : items) {
            QVERIFY2(!item.title.isEmpty() && !item.detail.isEmpty(), qPrintable(all));
            const bool shouldFail = int(item.check) == failedCheck;
            QVERIFY2((item.outcome == CheckItem::Outcome::Failed) == shouldFail, qPrintable(all));
        }
        QCOMPARE(ProfileChecker::allPassed(items), failedCheck == allPass);
        if (failedCheck == allPass) {
            QCOMPARE(ProfileChecker::find(items, CheckItem::Check::KeyOpens)->outcome,
                     CheckItem::Outcome::Passed);
            QCOMPARE(ProfileChecker::find(items, CheckItem::Check::KeySize)->outcome,
                     CheckItem::Outcome::Passed);
            QVERIFY2(ProfileChecker::find(items, CheckItem::Check::Serial)->detail.contains(serial),
                     qPrintable(all));
        }
        // No message gives the key or a password away.
        const QList<QByteArray> needles = secretNeedles(readAll(vectorPath(u"merchant_private_key.pem"_s)),
                                                        {"not-the-mchid"_ba, "guess"_ba});
        QCOMPARE(secretsIn(all.toUtf8(), needles), QStringList());
    }

    void check_wrongP12Password_saysPassword()
    {
        const QList<CheckItem> items = ProfileChecker::check(p12(keyFixture(u"custom_password.p12"_s)));
        const CheckItem *item = ProfileChecker::find(items, CheckItem::Check::KeyOpens);
        QVERIFY(item);
        QVERIFY2(item->detail.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(item->detail));
        // Later merchant checks were not reached rather than passed.
        QCOMPARE(ProfileChecker::find(items, CheckItem::Check::KeySize)->outcome,
                 CheckItem::Outcome::NotChecked);
    }

    void check_rsa1024_namesTheBits()
    {
        const QList<CheckItem> items =
            ProfileChecker::check(pem(keyFixture(u"rsa1024_key.pem"_s), keyFixture(u"rsa1024_cert.pem"_s)));
        QVERIFY(ProfileChecker::find(items, CheckItem::Check::KeySize)->detail.contains(u"1024"_s));
    }
};

QTEST_GUILESS_MAIN(TestProfileChecker)
#include "tst_profilechecker.moc"
