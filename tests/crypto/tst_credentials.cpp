#include "crypto/credentials.h"
#include "crypto/secretwipe.h"
#include "vectors.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::keyFixture;
using fenzhang::test::vectorPath;

namespace {
const QString mchid = u"1900000001"_s;
const QString serial = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
} // namespace

class TestCredentials final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void merchant_everyFileFormat_loads_data()
    {
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("certFile");
        QTest::addColumn<QString>("p12File");
        QTest::addColumn<QString>("typedSerial");
        QTest::newRow("pkcs8+cert") << vectorPath(u"merchant_private_key.pem"_s)
                                    << vectorPath(u"merchant_certificate.pem"_s) << QString() << QString();
        QTest::newRow("pkcs1+cert") << vectorPath(u"merchant_private_key_pkcs1.pem"_s)
                                    << vectorPath(u"merchant_certificate.pem"_s) << QString() << QString();
        QTest::newRow("pkcs8+typed-serial") << vectorPath(u"merchant_private_key.pem"_s) << QString() << QString()
                                            << u"5157f09efdc096de15ebe81a47057a7232f1b8e1"_s;
        QTest::newRow("p12-aes") << QString() << QString() << vectorPath(u"merchant_certificate.p12"_s) << QString();
        QTest::newRow("p12-legacy") << QString() << QString() << vectorPath(u"merchant_certificate_legacy.p12"_s)
                                    << QString();
        QTest::newRow("p12-given-as-key-file") << vectorPath(u"merchant_certificate.p12"_s) << QString() << QString()
                                               << QString();
    }
    void merchant_everyFileFormat_loads()
    {
        QFETCH(QString, keyFile);
        QFETCH(QString, certFile);
        QFETCH(QString, p12File);
        QFETCH(QString, typedSerial);
        MerchantKeySource source;
        source.mchid = mchid;
        source.privateKeyFile = keyFile;
        source.certificateFile = certFile;
        source.pkcs12File = p12File;
        source.serialNo = typedSerial;
        auto credentials = MerchantCredentials::load(source);
        QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message));
        QCOMPARE(credentials->serialNo, serial);
        QCOMPARE(credentials->mchid, mchid);
        QCOMPARE(credentials->privateKey.bits(), 2048);
    }

    void merchant_errors_areClear_data()
    {
        QTest::addColumn<QString>("mchidValue");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("certFile");
        QTest::addColumn<QString>("p12File");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("typedSerial");
        QTest::addColumn<int>("kind");
        const QString key = vectorPath(u"merchant_private_key.pem"_s);
        const QString cert = vectorPath(u"merchant_certificate.pem"_s);
        QTest::newRow("no-mchid") << QString() << key << cert << QString() << QString() << QString()
                                  << int(KeyError::Kind::MissingInput);
        QTest::newRow("mchid-not-digits") << u"19000x"_s << key << cert << QString() << QString() << QString()
                                          << int(KeyError::Kind::WrongFormat);
        QTest::newRow("no-key") << mchid << QString() << cert << QString() << QString() << QString()
                                << int(KeyError::Kind::MissingInput);
        QTest::newRow("missing-key-file") << mchid << u"/nope/apiclient_key.pem"_s << cert << QString() << QString()
                                          << QString() << int(KeyError::Kind::FileMissing);
        QTest::newRow("key-not-matching-cert") << mchid << key << keyFixture(u"other_cert.pem"_s) << QString()
                                               << QString() << QString() << int(KeyError::Kind::KeyMismatch);
        QTest::newRow("typed-serial-not-matching-cert") << mchid << key << cert << QString() << QString()
                                                        << u"ABCDEF"_s << int(KeyError::Kind::KeyMismatch);
        QTest::newRow("key-too-small") << mchid << keyFixture(u"rsa1024_key.pem"_s)
                                       << keyFixture(u"rsa1024_cert.pem"_s) << QString() << QString() << QString()
                                       << int(KeyError::Kind::KeyTooSmall);
        QTest::newRow("no-serial-no-cert") << mchid << key << QString() << QString() << QString() << QString()
                                           << int(KeyError::Kind::MissingInput);
        QTest::newRow("serial-not-hex") << mchid << key << QString() << QString() << QString() << u"XYZ"_s
                                        << int(KeyError::Kind::WrongFormat);
        QTest::newRow("p12-wrong-password") << mchid << QString() << QString()
                                            << keyFixture(u"custom_password.p12"_s) << QString() << QString()
                                            << int(KeyError::Kind::WrongPassword);
        QTest::newRow("ec-key") << mchid << keyFixture(u"ec_key.pem"_s) << QString() << QString() << QString()
                                << serial << int(KeyError::Kind::NotRsa);
    }
    void merchant_errors_areClear()
    {
        QFETCH(QString, mchidValue);
        QFETCH(QString, keyFile);
        QFETCH(QString, certFile);
        QFETCH(QString, p12File);
        QFETCH(QString, password);
        QFETCH(QString, typedSerial);
        QFETCH(int, kind);
        MerchantKeySource source{mchidValue, keyFile, certFile, p12File, password, typedSerial};
        auto credentials = MerchantCredentials::load(source);
        QVERIFY(!credentials);
        QCOMPARE(int(credentials.error().kind), kind);
        QVERIFY(!credentials.error().message.isEmpty());
    }

    void merchant_p12WithItsOwnPassword_loads()
    {
        MerchantKeySource source;
        source.mchid = mchid;
        source.pkcs12File = keyFixture(u"custom_password.p12"_s);
        source.pkcs12Password = u"not-the-mchid"_s;
        auto credentials = MerchantCredentials::load(source);
        QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message));
        QCOMPARE(credentials->serialNo, serial);
    }

    // Issue 15: once the key is built, the PEM handed in is wiped: every copy sharing its buffer
    // reads zeros, no copy of the source holds it, and the built key keeps working.
    void build_wipesThePemHandedIn()
    {
        QFile file(vectorPath(u"merchant_private_key.pem"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        MerchantKeySource source;
        source.mchid = mchid;
        source.privateKeyPem = Secret::ownCopy(original);
        source.certificateFile = vectorPath(u"merchant_certificate.pem"_s);
        const QByteArray sharing = source.privateKeyPem; // shares the buffer, as copies of settings do
        const MerchantKeySource copyBefore = source;
        QVERIFY(sharing.constData() == source.privateKeyPem.constData());

        source.build();

        QVERIFY(source.privateKeyPem.isEmpty());
        QCOMPARE(sharing.size(), original.size());
        QVERIFY(std::all_of(sharing.begin(), sharing.end(), [](char c) { return c == 0; }));
        QVERIFY(std::all_of(copyBefore.privateKeyPem.begin(), copyBefore.privateKeyPem.end(),
                            [](char c) { return c == 0; }));
        QVERIFY(original.contains("PRIVATE KEY")); // the caller's own bytes are the caller's
        auto credentials = MerchantCredentials::load(source);
        QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message));
        QCOMPARE(credentials->serialNo, serial);
        QCOMPARE(credentials->privateKey.bits(), 2048);
        const MerchantKeySource copyAfter = source; // later copies share the built key, not a secret
        QVERIFY(copyAfter.privateKeyPem.isEmpty());
        QVERIFY(MerchantCredentials::load(copyAfter));
    }

    void build_wipesTheP12Password_andKeepsAnError()
    {
        MerchantKeySource source;
        source.mchid = mchid;
        source.pkcs12File = keyFixture(u"custom_password.p12"_s);
        source.pkcs12Password = QString::fromLatin1("not-the-mchid"); // a buffer of its own
        const QString sharing = source.pkcs12Password;
        source.build();
        QVERIFY(source.pkcs12Password.isEmpty());
        QVERIFY(std::all_of(sharing.begin(), sharing.end(), [](QChar c) { return c.unicode() == 0; }));
        QVERIFY(MerchantCredentials::load(source));

        MerchantKeySource wrong;
        wrong.mchid = mchid;
        wrong.pkcs12File = keyFixture(u"custom_password.p12"_s);
        wrong.pkcs12Password = u"wrong"_s;
        wrong.build();
        QVERIFY(wrong.pkcs12Password.isEmpty());
        const auto failed = MerchantCredentials::load(wrong);
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, KeyError::Kind::WrongPassword);
    }

    void wipe_leavesDataItDoesNotOwnAlone()
    {
        static const char text[] = "not owned";
        QByteArray raw = QByteArray::fromRawData(text, 9);
        Secret::wipe(raw);
        QVERIFY(raw.isEmpty());
        QCOMPARE(QByteArray(text), "not owned"_ba);

        QByteArray shared = "secret"_ba + QByteArray::number(42);
        QByteArray keeper = shared;
        Secret::wipeIfLast(shared); // someone else still holds it: released, not wiped
        QCOMPARE(keeper, "secret42"_ba);
        QByteArray last = keeper;
        keeper = QByteArray();
        Secret::wipeIfLast(last); // the only holder now: wiped and released
        QVERIFY(last.isEmpty());
    }

    void keyRing_publicKeyAndCertificate_findBySerial()
    {
        WechatPayKeySource source;
        source.publicKeyId = keyId;
        source.publicKeyFile = vectorPath(u"wechatpay_public_key.pem"_s);
        source.platformCertificateFiles = {keyFixture(u"platform_certificate.pem"_s)};
        auto ring = VerifierKeyRing::load(source);
        QVERIFY2(ring, qPrintable(ring ? QString() : ring.error().message));
        QVERIFY(!ring->find(keyId).isNull());
        QVERIFY(!ring->find(u"3C1A2B3C4D5E6F708192A3B4C5D6E7F809"_s).isNull());
        QVERIFY(!ring->find(u"3c1a2b3c4d5e6f708192a3b4c5d6e7f809"_s).isNull());
        QVERIFY(ring->find(u"PUB_KEY_ID_0000000000000000000000000000000000"_s).isNull());
        QCOMPARE(ring->preferredSerial(), keyId);
        QCOMPARE(ring->serials().size(), 2);
    }

    void keyRing_certificateOnly_prefersItsSerial()
    {
        WechatPayKeySource source;
        source.platformCertificateFiles = {keyFixture(u"platform_certificate.pem"_s)};
        auto ring = VerifierKeyRing::load(source);
        QVERIFY(ring);
        QCOMPARE(ring->preferredSerial(), u"3C1A2B3C4D5E6F708192A3B4C5D6E7F809"_s);
    }

    // Issue 15.11: the verifying keys are held to the same 2048-bit floor as the merchant key.
    void keyRing_keysUnder2048Bits_refused()
    {
        WechatPayKeySource certificate;
        certificate.platformCertificateFiles = {keyFixture(u"rsa1024_cert.pem"_s)};
        auto ring = VerifierKeyRing::load(certificate);
        QVERIFY(!ring);
        QCOMPARE(ring.error().kind, KeyError::Kind::KeyTooSmall);
        QVERIFY2(ring.error().message.contains(u"1024"_s), qPrintable(ring.error().message));

        WechatPayKeySource publicKey;
        publicKey.publicKeyId = keyId;
        publicKey.publicKeyFile = keyFixture(u"rsa1024_pub.pem"_s);
        ring = VerifierKeyRing::load(publicKey);
        QVERIFY(!ring);
        QCOMPARE(ring.error().kind, KeyError::Kind::KeyTooSmall);
    }

    // Past notAfter a platform certificate still verifies (WeChat Pay says so), with a warning.
    void keyRing_expiredPlatformCertificate_loadsWithWarning()
    {
        WechatPayKeySource source;
        source.platformCertificateFiles = {keyFixture(u"expired_platform_certificate.pem"_s)};
        auto ring = VerifierKeyRing::load(source);
        QVERIFY2(ring, qPrintable(ring ? QString() : ring.error().message));
        QVERIFY(!ring->find(u"5E1A2B3C4D5E6F7081"_s).isNull());
        QCOMPARE(ring->warnings().size(), 1);
        QVERIFY2(ring->warnings().constFirst().contains(u"5E1A2B3C4D5E6F7081"_s),
                 qPrintable(ring->warnings().constFirst()));

        source.platformCertificateFiles = {keyFixture(u"platform_certificate.pem"_s)};
        ring = VerifierKeyRing::load(source);
        QVERIFY(ring);
        QVERIFY(ring->warnings().isEmpty());
    }

    void keyRing_errors_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        const QString pub = vectorPath(u"wechatpay_public_key.pem"_s);
        QTest::newRow("nothing") << QString() << QString() << int(KeyError::Kind::MissingInput);
        QTest::newRow("key-without-id") << QString() << pub << int(KeyError::Kind::MissingInput);
        QTest::newRow("id-without-key") << keyId << QString() << int(KeyError::Kind::MissingInput);
        QTest::newRow("malformed-id") << u"PUB_KEY_0119"_s << pub << int(KeyError::Kind::InvalidKeyId);
        QTest::newRow("id-with-space") << u"PUB_KEY_ID_0119 0000"_s << pub << int(KeyError::Kind::InvalidKeyId);
        QTest::newRow("not-a-key") << keyId << keyFixture(u"garbage.pem"_s) << int(KeyError::Kind::WrongFormat);
        QTest::newRow("missing-file") << keyId << u"/nope/pub_key.pem"_s << int(KeyError::Kind::FileMissing);
    }
    void keyRing_errors()
    {
        QFETCH(QString, id);
        QFETCH(QString, file);
        QFETCH(int, kind);
        WechatPayKeySource source;
        source.publicKeyId = id;
        source.publicKeyFile = file;
        auto ring = VerifierKeyRing::load(source);
        QVERIFY(!ring);
        QCOMPARE(int(ring.error().kind), kind);
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
