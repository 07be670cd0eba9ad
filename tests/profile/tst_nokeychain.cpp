// Runs with DBUS_SESSION_BUS_ADDRESS pointing nowhere: no Secret Service (nor KWallet) answers.
// The store must say so clearly and nothing secret may land in a file the app wrote.

#include "profile/profilestore.h"
#include "profile/secretstore.h"
#include "profiletestutil.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

class TestNoKeychain final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Everything the app (or QtKeychain, or QSettings) could write goes under m_home.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"data"_s)));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home.filePath(u"cache"_s)));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).startsWith(m_home.path()));
    }

    void keychainUnavailable_clearErrorAndNothingInPlainText()
    {
        const QByteArray pem = readAll(vectorPath(u"merchant_private_key.pem"_s));
        const QList<QByteArray> needles = secretNeedles(pem, {"not-the-mchid"_ba});

        SecretStore secrets(nullptr);
        QSignalSpy status(&secrets, &SecretStore::statusChanged);
        secrets.probe();
        QVERIFY(status.wait(30000));
        QCOMPARE(secrets.status(), SecretStore::Status::Unavailable);
        QVERIFY2(secrets.statusText().contains(u"No system keychain"_s), qPrintable(secrets.statusText()));

        Profile profile = Profile::create(u"Shop"_s);
        profile.mchid = u"1900000001"_s;
        profile.privateKeyFile = vectorPath(u"merchant_private_key.pem"_s);
        profile.certificateFile = vectorPath(u"merchant_certificate.pem"_s);

        QSignalSpy written(&secrets, &SecretStore::secretWritten);
        secrets.writeSecret(secretKeyFor(profile), pem);
        QVERIFY(written.wait(30000));
        QVERIFY(written.first().at(1).value<SecretStore::Error>() != SecretStore::Error::None);
        const QString message = written.first().at(2).toString();
        QVERIFY2(message.contains(u"keychain"_s), qPrintable(message));
        QCOMPARE(secretsIn(message.toUtf8(), needles), QStringList());

        secrets.writeSecret(u"profile/p12"_s, "not-the-mchid"_ba);
        QVERIFY(written.wait(30000));
        QVERIFY(written.last().at(1).value<SecretStore::Error>() != SecretStore::Error::None);

        QSignalSpy read(&secrets, &SecretStore::secretRead);
        secrets.readSecret(secretKeyFor(profile));
        QVERIFY(read.wait(30000));
        QVERIFY(read.first().at(1).toByteArray().isEmpty());
        QVERIFY(read.first().at(2).value<SecretStore::Error>() != SecretStore::Error::None);

        // The app keeps only the key file's path.
        ProfileStore store(nullptr);
        profile.secretInKeychain = false;
        QVERIFY(store.add(profile));
        QVERIFY(QFile::exists(store.filePath()));
        QVERIFY(store.filePath().startsWith(m_home.path()));

        QCOMPARE(filesWithSecrets(m_home.path(), needles), QStringList());
        // The scan does see a secret where there is one.
        QFile planted(m_home.filePath(u"planted.txt"_s));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write("x\"not-the-mchid\"y");
        planted.close();
        QCOMPARE(filesWithSecrets(m_home.path(), needles).size(), 1);
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
