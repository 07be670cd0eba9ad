#include "crypto/keyloader.h"
#include "vectors.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::keyFixture;
using fenzhang::test::vectorPath;

class TestKeyLoader final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pkcs8AndPkcs1_loadTheSameKey()
    {
        auto pkcs8 = KeyLoader::privateKeyFromPemFile(vectorPath(u"merchant_private_key.pem"_s));
        auto pkcs1 = KeyLoader::privateKeyFromPemFile(vectorPath(u"merchant_private_key_pkcs1.pem"_s));
        QVERIFY2(pkcs8, qPrintable(pkcs8 ? QString() : pkcs8.error().message));
        QVERIFY2(pkcs1, qPrintable(pkcs1 ? QString() : pkcs1.error().message));
        QCOMPARE(pkcs8->bits(), 2048);
        QVERIFY(pkcs8->isRsa());
        QCOMPARE(pkcs8->publicKey().der(), pkcs1->publicKey().der());
    }

    void publicKey_matchesPrivateKey()
    {
        auto pub = KeyLoader::publicKeyFromPemFile(vectorPath(u"merchant_public_key.pem"_s));
        auto key = KeyLoader::privateKeyFromPemFile(vectorPath(u"merchant_private_key.pem"_s));
        QVERIFY(pub && key);
        QCOMPARE(pub->der(), key->publicKey().der());
        QVERIFY(!pub->der().isEmpty());
    }

    void certificate_serialIsUpperHexLikeOpenssl()
    {
        auto cert = KeyLoader::certificateFromPemFile(vectorPath(u"merchant_certificate.pem"_s));
        QVERIFY(cert);
        QCOMPARE(cert->serialHex(), fenzhang::test::vectors().value(u"merchant_serial_no"_s).toString());
        QVERIFY(cert->notAfter() > cert->notBefore());
        QVERIFY(!cert->subject().isEmpty());
    }

    void pkcs12_aesAndLegacyRc2_bothLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("aes") << u"merchant_certificate.p12"_s;
        QTest::newRow("legacy-rc2-40") << u"merchant_certificate_legacy.p12"_s;
    }
    void pkcs12_aesAndLegacyRc2_bothLoad()
    {
        QFETCH(QString, file);
        auto p12 = KeyLoader::pkcs12FromFile(vectorPath(file), u"1900000001"_s);
        QVERIFY2(p12, qPrintable(p12 ? QString() : p12.error().message));
        QCOMPARE(p12->certificate.serialHex(), u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s);
        auto pub = KeyLoader::publicKeyFromPemFile(vectorPath(u"merchant_public_key.pem"_s));
        QCOMPARE(p12->privateKey.publicKey().der(), pub->der());
    }

    void pkcs12_wrongPassword_isReportedAsSuch()
    {
        auto p12 = KeyLoader::pkcs12FromFile(vectorPath(u"merchant_certificate.p12"_s), u"S3cr3t-Pa55"_s);
        QVERIFY(!p12);
        QCOMPARE(p12.error().kind, KeyError::Kind::WrongPassword);
        QVERIFY(p12.error().message.contains(u"merchant_certificate.p12"_s));
        QVERIFY(!p12.error().message.contains(u"S3cr3t-Pa55"_s)); // never echo the password
    }

    void pkcs12_truncated_isWrongFormat()
    {
        auto p12 = KeyLoader::pkcs12FromFile(keyFixture(u"truncated.p12"_s), u"1900000001"_s);
        QVERIFY(!p12);
        QCOMPARE(p12.error().kind, KeyError::Kind::WrongFormat);
    }

    void missingFile_namesTheFile()
    {
        auto key = KeyLoader::privateKeyFromPemFile(u"/nonexistent/apiclient_key.pem"_s);
        QVERIFY(!key);
        QCOMPARE(key.error().kind, KeyError::Kind::FileMissing);
        QVERIFY(key.error().message.contains(u"apiclient_key.pem"_s));
    }

    void unreadableFile_isReported()
    {
        QTemporaryDir dir;
        auto key = KeyLoader::privateKeyFromPemFile(dir.path()); // a directory cannot be read as a file
        QVERIFY(!key);
        QCOMPARE(key.error().kind, KeyError::Kind::FileUnreadable);
    }

    void badPrivateKeys_areRejected_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::newRow("garbage") << keyFixture(u"garbage.pem"_s) << int(KeyError::Kind::WrongFormat);
        QTest::newRow("certificate-not-key") << vectorPath(u"merchant_certificate.pem"_s)
                                             << int(KeyError::Kind::WrongFormat);
        QTest::newRow("encrypted") << keyFixture(u"encrypted_key.pem"_s) << int(KeyError::Kind::WrongFormat);
        QTest::newRow("ec-key") << keyFixture(u"ec_key.pem"_s) << int(KeyError::Kind::NotRsa);
        QTest::newRow("p12-as-pem") << vectorPath(u"merchant_certificate.p12"_s) << int(KeyError::Kind::WrongFormat);
    }
    void badPrivateKeys_areRejected()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        auto key = KeyLoader::privateKeyFromPemFile(path);
        QVERIFY(!key);
        QCOMPARE(int(key.error().kind), kind);
        QVERIFY(!key.error().message.isEmpty());
    }

    void badCertificate_isRejected()
    {
        auto cert = KeyLoader::certificateFromPemFile(keyFixture(u"garbage.pem"_s));
        QVERIFY(!cert);
        QCOMPARE(cert.error().kind, KeyError::Kind::WrongFormat);
    }

    void signAndVerify_roundTrip()
    {
        auto key = KeyLoader::privateKeyFromPemFile(vectorPath(u"merchant_private_key.pem"_s));
        const QByteArray signature = key->signSha256("hello");
        QCOMPARE(signature.size(), 256);
        QVERIFY(key->publicKey().verifySha256("hello", signature));
        QVERIFY(!key->publicKey().verifySha256("hellO", signature));
        QVERIFY(!key->publicKey().verifySha256("hello", QByteArray(256, 'x')));
        QVERIFY(!key->publicKey().verifySha256("hello", {}));
    }
};

QTEST_GUILESS_MAIN(TestKeyLoader)
#include "tst_keyloader.moc"
