// Runs against a real Secret Service: inside dbus-run-session after
// `printf PASS | gnome-keyring-daemon --unlock --components=secrets` (tools/dev test does this).

#include "crypto/credentials.h"
#include "profile/profileconnector.h"
#include "profile/secretstore.h"
#include "profiletestutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

class TestSecretStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // A service of our own so the user's real entries are never touched.
        m_service = u"Fenzhang Desk test "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void defaultService_isFenzhangDesk() { QCOMPARE(SecretStore::defaultService(), u"Fenzhang Desk"_s); }

    void probe_findsKeychainAvailable()
    {
        SecretStore store(m_service, nullptr);
        QCOMPARE(store.status(), SecretStore::Status::Unknown);
        QSignalSpy status(&store, &SecretStore::statusChanged);
        store.probe();
        QVERIFY(status.wait(30000));
        QCOMPARE(store.status(), SecretStore::Status::Available);
        QVERIFY(store.statusText().contains(u"keychain"_s));
    }

    void writeReadDelete_privateKeyPem()
    {
        SecretStore store(m_service, nullptr);
        const QString key = u"profile/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray pem = readAll(vectorPath(u"merchant_private_key.pem"_s));

        QSignalSpy written(&store, &SecretStore::secretWritten);
        store.writeSecret(key, pem);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(0).toString(), key);
        QCOMPARE(written.first().at(1).value<SecretStore::Error>(), SecretStore::Error::None);
        QVERIFY(written.first().at(2).toString().isEmpty());

        QSignalSpy read(&store, &SecretStore::secretRead);
        store.readSecret(key);
        QVERIFY(read.wait(30000));
        QCOMPARE(read.first().at(0).toString(), key);
        QCOMPARE(read.first().at(2).value<SecretStore::Error>(), SecretStore::Error::None);
        QVERIFY(read.first().at(1).toByteArray() == pem); // not QCOMPARE: a failure would print the key
        QVERIFY(read.first().at(3).toString().isEmpty());
        QCOMPARE(store.status(), SecretStore::Status::Available);

        QSignalSpy deleted(&store, &SecretStore::secretDeleted);
        store.deleteSecret(key);
        QVERIFY(deleted.wait(30000));
        QCOMPARE(deleted.first().at(1).value<SecretStore::Error>(), SecretStore::Error::None);

        read.clear();
        store.readSecret(key);
        QVERIFY(read.wait(30000));
        QCOMPARE(read.first().at(2).value<SecretStore::Error>(), SecretStore::Error::NotFound);
        QVERIFY(read.first().at(1).toByteArray().isEmpty());
        QVERIFY(!read.first().at(3).toString().isEmpty());
    }

    void copySecret_duplicatesP12Password()
    {
        SecretStore store(m_service, nullptr);
        const QString from = u"profile/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString to = u"profile/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSignalSpy written(&store, &SecretStore::secretWritten);
        store.writeSecret(from, "not-the-mchid"_ba);
        QVERIFY(written.wait(30000));
        store.copySecret(from, to);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.last().at(0).toString(), to);
        QCOMPARE(written.last().at(1).value<SecretStore::Error>(), SecretStore::Error::None);

        QSignalSpy read(&store, &SecretStore::secretRead);
        store.readSecret(to);
        QVERIFY(read.wait(30000));
        QVERIFY(read.first().at(1).toByteArray() == "not-the-mchid"_ba);

        QSignalSpy deleted(&store, &SecretStore::secretDeleted);
        store.deleteSecret(from);
        store.deleteSecret(to);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 2, 30000);
    }

    void copySecret_missingSource_reportsNotFound()
    {
        SecretStore store(m_service, nullptr);
        QSignalSpy written(&store, &SecretStore::secretWritten);
        store.copySecret(u"profile/none"_s, u"profile/target"_s);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(1).value<SecretStore::Error>(), SecretStore::Error::NotFound);
        QVERIFY(!written.first().at(2).toString().isEmpty());
    }

    void connector_keyFromKeychain_buildsSettings()
    {
        SecretStore store(m_service, nullptr);
        ProfileConnector connector(&store);
        Profile profile = Profile::create(u"Shop"_s);
        profile.mchid = u"1900000001"_s;
        profile.privateKeyFile = u"/moved/apiclient_key.pem"_s;
        profile.certificateFile = vectorPath(u"merchant_certificate.pem"_s);
        profile.secretInKeychain = true;
        const QByteArray pem = readAll(vectorPath(u"merchant_private_key.pem"_s));

        QSignalSpy ready(&connector, &ProfileConnector::ready);
        QSignalSpy failed(&connector, &ProfileConnector::failed);
        // Not stored yet: a clear failure.
        connector.prepare(profile);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.first().at(0).toString(), profile.id);
        QVERIFY(failed.first().at(1).toString().contains(u"Shop"_s));

        QSignalSpy written(&store, &SecretStore::secretWritten);
        store.writeSecret(secretKeyFor(profile), pem);
        QVERIFY(written.wait(30000));
        connector.prepare(profile);
        QVERIFY(ready.wait(30000));
        const auto settings = ready.first().at(1).value<ConnectionSettings>();
        QVERIFY(settings.merchant.privateKeyPem == pem);
        auto credentials = MerchantCredentials::load(settings.merchant);
        QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message));

        QSignalSpy deleted(&store, &SecretStore::secretDeleted);
        store.deleteSecret(secretKeyFor(profile));
        QVERIFY(deleted.wait(30000));
    }

    void connector_withoutKeychain_answersAtOnce()
    {
        SecretStore store(m_service, nullptr);
        ProfileConnector connector(&store);
        Profile profile = Profile::create(u"File"_s);
        profile.mchid = u"1900000001"_s;
        profile.privateKeyFile = vectorPath(u"merchant_private_key.pem"_s);
        QSignalSpy ready(&connector, &ProfileConnector::ready);
        connector.prepare(profile);
        QCOMPARE(ready.count(), 1);
        const auto settings = ready.first().at(1).value<ConnectionSettings>();
        QCOMPARE(settings.merchant.privateKeyFile, profile.privateKeyFile);
        QVERIFY(settings.merchant.privateKeyPem.isEmpty());
    }

private:
    QString m_service;
};

Q_DECLARE_METATYPE(fenzhang::ConnectionSettings)

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
