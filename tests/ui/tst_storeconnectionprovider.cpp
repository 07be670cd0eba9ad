// The desktop's profile selector source: saved profiles next to fixed ones, prepared when picked.

#include "api/lookupservice.h"
#include "lookupcontroller.h"
#include "profile/profilestore.h"
#include "profile/secretstore.h"
#include "storeconnectionprovider.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {
QString vector(const char *name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/vectors/") + QLatin1StringView(name);
}

Profile savedProfile()
{
    Profile profile = Profile::create(u"Shop A"_s);
    profile.mchid = u"1900000001"_s;
    profile.keyKind = Profile::KeyKind::PemFiles;
    profile.privateKeyFile = vector("merchant_private_key.pem");
    profile.certificateFile = vector("merchant_certificate.pem");
    profile.publicKeyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
    profile.publicKeyFile = vector("wechatpay_public_key.pem");
    return profile;
}
} // namespace

class TestStoreConnectionProvider final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixedAndSavedProfiles_listedInOrder()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(u"profiles.json"_s), nullptr);
        QVERIFY(store.load());
        QVERIFY(store.add(savedProfile()));
        SecretStore secrets;
        StoreConnectionProvider provider(&store, &secrets);
        ConnectionProfile demo;
        demo.id = u"demo"_s;
        demo.name = u"DEMO"_s;
        demo.demo = true;
        provider.addFixedProfile(demo);

        const QList<ConnectionProfile> all = provider.profiles();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).id, u"demo"_s);
        QCOMPARE(all.at(1).name, u"Shop A"_s);
        QCOMPARE(all.at(1).settings.merchant.mchid, u"1900000001"_s);
        QVERIFY(all.at(1).unavailableReason.isEmpty()); // key read from its file, no keychain
    }

    void pickingASavedProfile_preparesIt_andTheControllerBuildsAClient()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(u"profiles.json"_s), nullptr);
        QVERIFY(store.load());
        Profile profile = savedProfile();
        profile.primaryUrl = QUrl(u"http://127.0.0.1:1"_s); // nothing listens; nothing leaves the machine
        profile.backupUrl = QUrl();
        QVERIFY(store.add(profile));
        const QString id = store.byName(u"Shop A"_s)->id;
        SecretStore secrets;
        StoreConnectionProvider provider(&store, &secrets);
        LookupController controller(&provider);
        QSignalSpy ready(&provider, &ConnectionProvider::profileReady);

        controller.setCurrentProfile(id);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready.at(0).at(0).toString(), id);
        QString error;
        LookupJob *job = controller.start(
            OrderQuery{u"1900000109"_s, u"4208450740201411110007820472"_s, u"P20150806125346"_s}, &error);
        QVERIFY2(job, qPrintable(error)); // the client was built from the prepared settings
        job->cancel();
    }

    void editingTheStore_isSeenByTheSelector()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(u"profiles.json"_s), nullptr);
        QVERIFY(store.load());
        SecretStore secrets;
        StoreConnectionProvider provider(&store, &secrets);
        QSignalSpy changed(&provider, &ConnectionProvider::profilesChanged);
        QVERIFY(provider.profiles().isEmpty());
        QVERIFY(store.add(savedProfile()));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(provider.profiles().size(), 1);
    }
};

QTEST_MAIN(TestStoreConnectionProvider)
#include "tst_storeconnectionprovider.moc"
