#include "profile/profileimport.h"
#include "profiletestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

namespace {
const QString mchid = u"1900000001"_s;
const QString serial = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;

void copyInto(const QTemporaryDir &dir, const QString &from, const QString &name)
{
    QVERIFY(QFile::copy(from, dir.filePath(name)));
}
} // namespace

class TestProfileImport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folderWithPemPair_prefersPemAndDerivesSerialAndMchid()
    {
        QTemporaryDir dir;
        copyInto(dir, vectorPath(u"merchant_certificate.p12"_s), u"apiclient_cert.p12"_s);
        copyInto(dir, vectorPath(u"merchant_private_key.pem"_s), u"apiclient_key.pem"_s);
        copyInto(dir, vectorPath(u"merchant_certificate.pem"_s), u"apiclient_cert.pem"_s);
        copyInto(dir, vectorPath(u"wechatpay_public_key.pem"_s), u"pub_key.pem"_s);
        QFile note(dir.filePath(u"key id.txt"_s));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("公钥ID: " + keyId.toUtf8() + "\n");
        note.close();

        const ImportedFiles files = ProfileImport::scanFolder(dir.path());
        QCOMPARE(files.pkcs12File, dir.filePath(u"apiclient_cert.p12"_s));
        QCOMPARE(files.publicKeyId, keyId);

        Profile profile = Profile::create(u"Imported"_s);
        ProfileImport::apply(files, profile);
        QCOMPARE(profile.keyKind, Profile::KeyKind::PemFiles);
        QCOMPARE(profile.privateKeyFile, dir.filePath(u"apiclient_key.pem"_s));
        QCOMPARE(profile.certificateFile, dir.filePath(u"apiclient_cert.pem"_s));
        QVERIFY(profile.pkcs12File.isEmpty());
        QCOMPARE(profile.publicKeyFile, dir.filePath(u"pub_key.pem"_s));
        QCOMPARE(profile.publicKeyId, keyId);
        QCOMPARE(profile.serialNo, serial);
        QCOMPARE(profile.mchid, mchid); // from the certificate's subject
        QVERIFY2(profile.validate().isEmpty(), qPrintable(profile.validate().join(u" | "_s)));
    }

    void folderWithP12Only_usesMchidAsPassword()
    {
        QTemporaryDir dir;
        copyInto(dir, vectorPath(u"merchant_certificate_legacy.p12"_s), u"apiclient_cert.p12"_s);
        copyInto(dir, vectorPath(u"wechatpay_public_key.pem"_s), keyId + u".pem"_s);
        Profile profile = Profile::create(u"P12"_s);
        profile.mchid = mchid;
        ProfileImport::apply(ProfileImport::scanFolder(dir.path()), profile);
        QCOMPARE(profile.keyKind, Profile::KeyKind::Pkcs12);
        QCOMPARE(profile.pkcs12File, dir.filePath(u"apiclient_cert.p12"_s));
        QCOMPARE(profile.serialNo, serial);
        QCOMPARE(profile.publicKeyId, keyId); // read from the file name
        QCOMPARE(profile.publicKeyFile, dir.filePath(keyId + u".pem"_s));
    }

    void p12WithOwnPassword_needsIt()
    {
        Profile profile = Profile::create(u"P12"_s);
        profile.mchid = mchid;
        ProfileImport::apply(ProfileImport::scanFiles({keyFixture(u"custom_password.p12"_s)}), profile);
        QCOMPARE(profile.keyKind, Profile::KeyKind::Pkcs12);
        QVERIFY(profile.serialNo.isEmpty());
        auto derived = ProfileImport::deriveSerial(profile);
        QVERIFY(!derived);
        QCOMPARE(derived.error().kind, KeyError::Kind::WrongPassword);
        derived = ProfileImport::deriveSerial(profile, u"not-the-mchid"_s);
        QVERIFY(derived);
        QCOMPARE(*derived, serial);
    }

    void findPublicKeyId_inTextAndFileNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::newRow("file-name") << QString(keyId + u".pem"_s) << keyId;
        QTest::newRow("sentence") << QString(u"微信支付公钥ID："_s + keyId + u"（请妥善保管）"_s) << keyId;
        QTest::newRow("none") << u"pub_key.pem"_s << QString();
        QTest::newRow("too-short") << u"PUB_KEY_ID_123"_s << QString();
    }
    void findPublicKeyId_inTextAndFileNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QCOMPARE(ProfileImport::findPublicKeyId(text), id);
    }

    void emptyFolder_findsNothing()
    {
        QTemporaryDir dir;
        QVERIFY(ProfileImport::scanFolder(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileImport)
#include "tst_profileimport.moc"
