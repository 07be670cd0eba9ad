#include "profile/profilestore.h"
#include "profiletestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

namespace {

Profile sample(const QString &name)
{
    Profile profile = Profile::create(name);
    profile.mchid = u"1900000001"_s;
    profile.serialNo = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
    profile.privateKeyFile = vectorPath(u"merchant_private_key.pem"_s);
    profile.certificateFile = vectorPath(u"merchant_certificate.pem"_s);
    profile.secretInKeychain = true;
    profile.publicKeyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
    profile.publicKeyFile = vectorPath(u"wechatpay_public_key.pem"_s);
    return profile;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

class TestProfileStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cfg%1/profiles.json"_s.arg(++m_counter));
    }

    void defaultFilePath_isInAppConfigFolder()
    {
        QVERIFY(ProfileStore::defaultFilePath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)));
        QVERIFY(ProfileStore::defaultFilePath().endsWith(u"/profiles.json"_s));
    }

    void loadMissingFile_isEmptyAndFine()
    {
        ProfileStore store(m_path, nullptr);
        const auto loaded = store.load();
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error()));
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(!store.defaultProfile());
    }

    void addEditDuplicateRenameDelete_persist()
    {
        {
            ProfileStore store(m_path, nullptr);
            QVERIFY(store.load());
            QSignalSpy changed(&store, &ProfileStore::profilesChanged);
            QVERIFY(store.add(sample(u"Shop A"_s)));
            QVERIFY(store.add(sample(u"Shop B"_s)));
            QCOMPARE(changed.count(), 2);
            QVERIFY(QFile::exists(m_path));

            Profile b = *store.byName(u"shop b"_s);
            b.timeoutMs = 20000;
            QVERIFY(store.update(b));
            auto copy = store.duplicate(b.id);
            QVERIFY(copy);
            QVERIFY(copy->id != b.id);
            QCOMPARE(copy->name, u"Shop B (copy)"_s);
            QCOMPARE(copy->timeoutMs, 20000);
            QVERIFY(store.rename(store.byName(u"Shop A"_s)->id, u"Shop Alpha"_s));
            QVERIFY(store.setDefaultProfile(b.id));
            QVERIFY(store.remove(copy->id));
        }
        ProfileStore reloaded(m_path, nullptr);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.names(), (QStringList{u"Shop Alpha"_s, u"Shop B"_s}));
        QCOMPARE(reloaded.byName(u"Shop B"_s)->timeoutMs, 20000);
        QCOMPARE(reloaded.defaultProfile()->name, u"Shop B"_s);
        const Profile original = sample(u"Shop B"_s);
        Profile b = *reloaded.byName(u"Shop B"_s);
        b.id = original.id;
        b.timeoutMs = original.timeoutMs;
        QCOMPARE(b, original); // every field survives the file
    }

    void add_refusesEmptyAndTakenNames()
    {
        ProfileStore store(m_path, nullptr);
        QVERIFY(store.add(sample(u"Shop"_s)));
        const auto taken = store.add(sample(u"SHOP "_s));
        QVERIFY(!taken);
        QVERIFY(taken.error().contains(u"already"_s));
        const auto nameless = store.add(sample(u" "_s));
        QVERIFY(!nameless);
        QVERIFY(!nameless.error().isEmpty());
        QVERIFY(store.add(sample(u"Other"_s)));
        QVERIFY(!store.rename(store.byName(u"Other"_s)->id, u"shop"_s));
        QCOMPARE(store.uniqueName(u"Shop"_s), u"Shop (2)"_s);
        QCOMPARE(store.profiles().size(), 2);
    }

    void removeDefault_fallsBackToFirst()
    {
        ProfileStore store(m_path, nullptr);
        QVERIFY(store.add(sample(u"A"_s)));
        QVERIFY(store.add(sample(u"B"_s)));
        const QString b = store.byName(u"B"_s)->id;
        QVERIFY(store.setDefaultProfile(b));
        QCOMPARE(store.defaultProfile()->name, u"B"_s);
        QVERIFY(store.remove(b));
        QCOMPARE(store.defaultProfile()->name, u"A"_s);
        QVERIFY(!store.setDefaultProfile(b));
    }

    void loadCorruptFile_usesDefaultsAndKeepsFileAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("truncated-json")
            << R"({"format":"fenzhang-desk-profiles","version":1,"profiles":[{"name":)"_ba;
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe", 4);
        QTest::newRow("other-json") << R"({"hello":"world"})"_ba;
        QTest::newRow("newer-version")
            << R"({"format":"fenzhang-desk-profiles","version":99,"profiles":[]})"_ba;
        QTest::newRow("nameless-profile")
            << R"({"format":"fenzhang-desk-profiles","version":1,"profiles":[{"mchid":"1"}]})"_ba;
    }
    void loadCorruptFile_usesDefaultsAndKeepsFileAside()
    {
        QFETCH(QByteArray, content);
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        writeFile(m_path, content);
        ProfileStore store(m_path, nullptr);
        const auto loaded = store.load();
        QVERIFY(!loaded);
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(loaded.error().contains(u".corrupt"_s));
        QVERIFY(!QFile::exists(m_path));
        QCOMPARE(readAll(m_path + u".corrupt"_s), content); // nothing lost

        // Saving again starts a fresh file and leaves the kept one alone.
        QVERIFY(store.add(sample(u"New"_s)));
        QCOMPARE(readAll(m_path + u".corrupt"_s), content);
        ProfileStore reloaded(m_path, nullptr);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.names(), QStringList{u"New"_s});

        // A second corrupt file does not overwrite the first one kept aside.
        writeFile(m_path, "{"_ba);
        QVERIFY(!reloaded.load());
        QCOMPARE(readAll(m_path + u".corrupt"_s), content);
        QCOMPARE(readAll(m_path + u".2.corrupt"_s), "{"_ba);
    }

    void save_isAtomic_noTemporaryLeftBehind()
    {
        ProfileStore store(m_path, nullptr);
        QVERIFY(store.add(sample(u"A"_s)));
        QVERIFY(store.add(sample(u"B"_s)));
        const QStringList entries =
            QDir(QFileInfo(m_path).absolutePath()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(entries, QStringList{u"profiles.json"_s});
        const QJsonObject root = QJsonDocument::fromJson(readAll(m_path)).object();
        QCOMPARE(root.value(u"format"_s).toString(), u"fenzhang-desk-profiles"_s);
        QCOMPARE(root.value(u"version"_s).toInt(), 1);
    }

    void save_unwritableFolder_reportsError()
    {
        const QString folder = QFileInfo(m_path).absolutePath();
        QVERIFY(QDir().mkpath(folder));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
        if (QFileInfo(folder).isWritable())
            QSKIP("running as a user who can write anywhere");
        ProfileStore store(m_path, nullptr);
        const auto added = store.add(sample(u"A"_s));
        QVERIFY(!added);
        QVERIFY(added.error().contains(u"Could not save"_s));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void exportImport_roundTrip_newIdsUniqueNamesNoKeychainClaim()
    {
        ProfileStore source(m_path, nullptr);
        QVERIFY(source.add(sample(u"Shop A"_s)));
        QVERIFY(source.add(sample(u"Shop B"_s)));
        const Profile a = *source.byName(u"Shop A"_s);
        const QByteArray exported = source.exportProfiles({a.id});
        QVERIFY(exported.contains("Shop A"));
        QVERIFY(!exported.contains("Shop B"));

        ProfileStore target(m_dir.filePath(u"other/profiles.json"_s), nullptr);
        QVERIFY(target.add(sample(u"Shop A"_s)));
        auto added = target.importProfiles(exported);
        QVERIFY2(added, qPrintable(added ? QString() : added.error()));
        QCOMPARE(added->size(), 1);
        const Profile imported = added->first();
        QCOMPARE(imported.name, u"Shop A (2)"_s);
        QVERIFY(imported.id != a.id);
        QVERIFY(!imported.secretInKeychain); // the secret stayed behind
        QCOMPARE(imported.privateKeyFile, a.privateKeyFile);
        QCOMPARE(imported.publicKeyId, a.publicKeyId);
        QCOMPARE(imported.serialNo, a.serialNo);
        QCOMPARE(target.profiles().size(), 2);
    }

    void import_badData_isRefusedAndChangesNothing()
    {
        ProfileStore store(m_path, nullptr);
        QVERIFY(store.add(sample(u"A"_s)));
        auto added = store.importProfiles("not json"_ba);
        QVERIFY(!added);
        QVERIFY(!added.error().isEmpty());
        added = store.importProfiles(R"({"format":"fenzhang-desk-profiles","version":2,"profiles":[]})"_ba);
        QVERIFY(!added);
        QVERIFY(added.error().contains(u"newer"_s));
        QCOMPARE(store.profiles().size(), 1);
    }

    // The store and the export hold paths only; search them for the key itself and p12 passwords.
    void exportAndStoreFile_holdNoSecret()
    {
        ProfileStore store(m_path, nullptr);
        Profile pem = sample(u"PEM"_s);
        QVERIFY(store.add(pem));
        Profile p12 = sample(u"P12"_s);
        p12.keyKind = Profile::KeyKind::Pkcs12;
        p12.pkcs12File = keyFixture(u"custom_password.p12"_s);
        QVERIFY(store.add(p12));
        const QList<QByteArray> needles =
            secretNeedles(readAll(vectorPath(u"merchant_private_key.pem"_s)), {"not-the-mchid"_ba});
        const QByteArray exported =
            store.exportProfiles({store.byName(u"PEM"_s)->id, store.byName(u"P12"_s)->id});
        QVERIFY(exported.contains("custom_password.p12")); // the needles would be found if present
        QCOMPARE(secretsIn(exported, needles), QStringList());
        QCOMPARE(secretsIn(readAll(m_path), needles), QStringList());
        // The needles do find the key where it is.
        QVERIFY(!secretsIn(readAll(vectorPath(u"merchant_private_key.pem"_s)), needles).isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
