// The profile list dialog with a real store and keychain (inside dbus-run-session, label keychain).

#include "filepathedit.h"
#include "messagebox.h"
#include "profile/profilechecker.h"
#include "profile/profilestore.h"
#include "profile/secretstore.h"
#include "profiledialog.h"
#include "profilemanagerdialog.h"
#include "profiletestutil.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

namespace {
QStringList g_messages;
void collectMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;

Profile good(const QString &name)
{
    Profile profile = Profile::create(name);
    profile.mchid = u"1900000001"_s;
    profile.serialNo = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
    profile.privateKeyFile = vectorPath(u"merchant_private_key.pem"_s);
    profile.certificateFile = vectorPath(u"merchant_certificate.pem"_s);
    profile.publicKeyId = keyId;
    profile.publicKeyFile = vectorPath(u"wechatpay_public_key.pem"_s);
    return profile;
}
} // namespace

class TestProfileManager final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_service = u"Fenzhang Desk test "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = new ProfileStore(m_dir.filePath(u"profiles-%1.json"_s.arg(++m_counter)), this);
        QVERIFY(m_store->load());
        m_secrets = new SecretStore(m_service, this);
        m_manager = new ProfileManagerDialog(m_store, m_secrets);
        m_manager->setConfirmHandler([](const QString &) { return true; });
        m_manager->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_manager));
    }

    void cleanup()
    {
        delete m_manager;
        delete m_secrets;
        delete m_store;
    }

    void emptyManager_saysWhatAProfileNeeds()
    {
        QVERIFY(m_store->profiles().isEmpty());
        QVERIFY(m_manager->isShowingEmptyHelp());
        const QString help = m_manager->emptyHelpText();
        for (const QString &needle :
             {u"apiclient_key.pem"_s, u"apiclient_cert.pem"_s, u"apiclient_cert.p12"_s, u"pub_key.pem"_s,
              u"PUB_KEY_ID_"_s, u"mchid"_s})
            QVERIFY2(help.contains(needle), qPrintable(needle));
        auto *fromFolder = m_manager->findChild<QPushButton *>(u"newFromFolderButton"_s);
        QVERIFY(fromFolder && fromFolder->isVisible());
        // The JSON import is named as such, and points to where the WeChat Pay files go instead.
        auto *json = m_manager->findChild<QPushButton *>(u"importJsonButton"_s);
        QVERIFY(json);
        QVERIFY2(json->text().contains(u"JSON"_s), qPrintable(json->text()));
        QVERIFY(json->toolTip().contains(u"Import from folder"_s));

        QVERIFY(m_store->add(good(u"Head office"_s)));
        QVERIFY(!m_manager->isShowingEmptyHelp());
        QVERIFY(m_manager->findChild<QListWidget *>(u"profileList"_s)->isVisible());
    }

    void newProfile_throughTheDialog_isStored()
    {
        ProfileDialog *editor = m_manager->newProfile();
        QVERIFY(editor);
        QTest::keyClicks(editor->findChild<QLineEdit *>(u"nameEdit"_s), u"Head office"_s);
        editor->findChild<FilePathEdit *>(u"keyFileEdit"_s)
            ->setPath(vectorPath(u"merchant_private_key.pem"_s));
        editor->findChild<FilePathEdit *>(u"certFileEdit"_s)
            ->setPath(vectorPath(u"merchant_certificate.pem"_s));
        QTest::keyClicks(editor->findChild<QLineEdit *>(u"publicKeyIdEdit"_s), keyId);
        editor->findChild<FilePathEdit *>(u"publicKeyFileEdit"_s)
            ->setPath(vectorPath(u"wechatpay_public_key.pem"_s));
        editor->findChild<QCheckBox *>(u"keychainCheck"_s)->setChecked(false);
        QVERIFY2(editor->problems().isEmpty(), qPrintable(editor->problems().join(u" | "_s)));
        editor->accept();
        QCOMPARE(m_store->names(), QStringList{u"Head office"_s});
        QCOMPARE(m_store->profiles().first().mchid, u"1900000001"_s); // from the certificate
        QCOMPARE(list()->count(), 1);
        QVERIFY(m_manager->statusText().contains(u"Saved"_s));
    }

    void renameInList_conflictReverts()
    {
        QVERIFY(m_store->add(good(u"A"_s)));
        QVERIFY(m_store->add(good(u"B"_s)));
        list()->item(0)->setText(u"Alpha"_s);
        QCOMPARE(m_store->names(), (QStringList{u"Alpha"_s, u"B"_s}));
        list()->item(0)->setText(u"b"_s);
        QCOMPARE(m_store->names(), (QStringList{u"Alpha"_s, u"B"_s}));
        QCOMPARE(list()->item(0)->text(), u"Alpha"_s);
        QVERIFY(m_manager->statusText().contains(u"already"_s));
    }

    void duplicateAndDelete_keepKeychainInStep()
    {
        Profile original = good(u"Shop"_s);
        original.secretInKeychain = true;
        QVERIFY(m_store->add(original));
        QSignalSpy written(m_secrets, &SecretStore::secretWritten);
        m_secrets->writeSecret(secretKeyFor(original), readAll(vectorPath(u"merchant_private_key.pem"_s)));
        QVERIFY(written.wait(30000));

        m_manager->selectProfile(original.id);
        m_manager->duplicateSelected();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_store->byName(u"Shop (copy)"_s) && m_store->byName(u"Shop (copy)"_s)->secretInKeychain, 30000);
        const Profile copy = *m_store->byName(u"Shop (copy)"_s);
        QVERIFY(copy.id != original.id);
        QVERIFY(secretOf(copy) == readAll(vectorPath(u"merchant_private_key.pem"_s)));

        m_manager->selectProfile(copy.id);
        QSignalSpy deleted(m_secrets, &SecretStore::secretDeleted);
        m_manager->deleteSelected();
        QVERIFY(!m_store->byId(copy.id));
        QVERIFY(deleted.wait(30000));
        QVERIFY(secretOf(copy).isEmpty());
        QVERIFY(!secretOf(original).isEmpty()); // the original keeps its own

        m_manager->setConfirmHandler([](const QString &) { return false; });
        m_manager->selectProfile(original.id);
        m_manager->deleteSelected();
        QVERIFY(m_store->byId(original.id)); // not confirmed: kept
        m_manager->setConfirmHandler([](const QString &) { return true; });
        m_manager->deleteSelected();
        QVERIFY(deleted.wait(30000));
        QVERIFY(secretOf(original).isEmpty());
    }

    void makeDefault_marksItBold()
    {
        QVERIFY(m_store->add(good(u"A"_s)));
        QVERIFY(m_store->add(good(u"B"_s)));
        m_manager->selectProfile(m_store->byName(u"B"_s)->id);
        m_manager->makeSelectedDefault();
        QCOMPARE(m_store->defaultProfile()->name, u"B"_s);
        QVERIFY(list()->item(1)->font().bold());
        QVERIFY(!list()->item(0)->font().bold());
    }

    void exportThenImport_withoutSecrets()
    {
        Profile shop = good(u"Shop"_s);
        shop.secretInKeychain = true;
        QVERIFY(m_store->add(shop));
        const QString path = m_dir.filePath(u"export-%1.json"_s.arg(m_counter));
        QVERIFY(m_manager->exportTo(path, {shop.id}));
        QVERIFY(m_manager->statusText().contains(u"without keys"_s));
        const QList<QByteArray> needles = secretNeedles(readAll(vectorPath(u"merchant_private_key.pem"_s)));
        QCOMPARE(secretsIn(readAll(path), needles), QStringList());

        MessageBox::setNextAnswer(MessageBox::Button::Yes);
        QVERIFY(m_manager->importFrom(path));
        QCOMPARE(m_store->names(), (QStringList{u"Shop"_s, u"Shop (2)"_s}));
        QVERIFY(!m_store->byName(u"Shop (2)"_s)->secretInKeychain);
        QVERIFY(!m_manager->importFrom(m_dir.filePath(u"missing.json"_s)));
        QVERIFY(m_manager->statusText().contains(u"does not exist"_s));
    }

    // Importing a colleague's file shows what it would trust and asks; No adds nothing (issue 15).
    void import_showsWhatIsTrustedAndAsks()
    {
        Profile proxy = good(u"Colleague"_s);
        proxy.primaryUrl = QUrl(u"https://wx-proxy.example.com"_s);
        proxy.caFile = vectorPath(u"merchant_certificate.pem"_s);
        QVERIFY(m_store->add(proxy));
        const QString path = m_dir.filePath(u"colleague-%1.json"_s.arg(m_counter));
        QVERIFY(m_manager->exportTo(path, {proxy.id}));
        const QStringList before = m_store->names();

        MessageBox::setNextAnswer(MessageBox::Button::No);
        QVERIFY(!m_manager->importFrom(path));
        QCOMPARE(m_store->names(), before);
        const QString question = MessageBox::lastText();
        for (const QString &needle :
             {u"Colleague"_s, u"https://wx-proxy.example.com"_s, QDir::toNativeSeparators(proxy.caFile),
              QDir::toNativeSeparators(proxy.privateKeyFile), QDir::toNativeSeparators(proxy.certificateFile),
              QDir::toNativeSeparators(proxy.publicKeyFile)})
            QVERIFY2(question.contains(needle), qPrintable(needle + u"\n"_s + question));
        QVERIFY(m_manager->statusText().contains(u"Nothing was imported"_s));

        MessageBox::setNextAnswer(MessageBox::Button::Yes);
        QVERIFY(m_manager->importFrom(path));
        QCOMPARE(m_store->names().size(), before.size() + 1);
    }

    // A key or CA file on a share or at a URL is refused with a message naming it; nothing is asked
    // and nothing added.
    void import_refusesRemoteKeyAndCaFiles_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("remote");
        QTest::newRow("key on UNC share") << u"privateKeyFile"_s << u"\\\\server\\share\\apiclient_key.pem"_s;
        QTest::newRow("CA on //server") << u"caFile"_s << u"//server/share/ca.pem"_s;
        QTest::newRow("public key at URL") << u"publicKeyFile"_s << u"https://example.com/pub_key.pem"_s;
    }

    void import_refusesRemoteKeyAndCaFiles()
    {
        QFETCH(QString, field);
        QFETCH(QString, remote);
        const QString path = m_dir.filePath(u"remote-%1.json"_s.arg(m_counter));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QJsonObject profile = good(u"Remote"_s).toJson();
        profile.insert(field, remote);
        file.write(QJsonDocument(QJsonObject{{u"format"_s, u"fenzhang-desk-profiles"_s},
                                             {u"version"_s, 1},
                                             {u"profiles"_s, QJsonArray{profile}}})
                       .toJson());
        file.close();
        const QStringList before = m_store->names();
        MessageBox::setNextAnswer(MessageBox::Button::Ok); // the warning
        QVERIFY(!m_manager->importFrom(path));
        QCOMPARE(m_store->names(), before);
        const QString warning = MessageBox::lastText();
        QVERIFY2(warning.contains(u"Nothing was imported"_s), qPrintable(warning));
        QVERIFY2(warning.contains(QDir::toNativeSeparators(remote)), qPrintable(warning));
        QVERIFY2(warning.contains(u"another computer"_s), qPrintable(warning));
    }

    // The whole flow with a real key: nothing secret in any file the app wrote nor in any log line.
    void keychainFlow_leavesNoSecretOnDiskOrInLogs()
    {
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
        ProfileDialog *editor = m_manager->newProfile();
        QTest::keyClicks(editor->findChild<QLineEdit *>(u"nameEdit"_s), u"Real key"_s);
        editor->findChild<FilePathEdit *>(u"keyFileEdit"_s)
            ->setPath(vectorPath(u"merchant_private_key.pem"_s));
        editor->findChild<FilePathEdit *>(u"certFileEdit"_s)
            ->setPath(vectorPath(u"merchant_certificate.pem"_s));
        QTest::keyClicks(editor->findChild<QLineEdit *>(u"publicKeyIdEdit"_s), keyId);
        editor->findChild<FilePathEdit *>(u"publicKeyFileEdit"_s)
            ->setPath(vectorPath(u"wechatpay_public_key.pem"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_secrets->status() == SecretStore::Status::Available, 30000);
        QVERIFY(editor->findChild<QCheckBox *>(u"keychainCheck"_s)->isChecked());
        editor->checkProfile();
        QVERIFY(ProfileChecker::allPassed(editor->checkResults()));
        editor->accept();
        QTRY_VERIFY_WITH_TIMEOUT(m_store->byName(u"Real key"_s).has_value(), 30000);
        const Profile saved = *m_store->byName(u"Real key"_s);
        QVERIFY(saved.secretInKeychain);
        QVERIFY(m_manager->exportTo(m_dir.filePath(u"flow-export.json"_s), {saved.id}));
        m_manager->selectProfile(saved.id);
        m_manager->deleteSelected();
        QTRY_VERIFY_WITH_TIMEOUT(secretOf(saved).isEmpty(), 30000);
        qInstallMessageHandler(previous);

        const QList<QByteArray> needles = secretNeedles(readAll(vectorPath(u"merchant_private_key.pem"_s)));
        QCOMPARE(filesWithSecrets(m_dir.path(), needles), QStringList());
        QCOMPARE(
            filesWithSecrets(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation), needles),
            QStringList());
        QCOMPARE(secretsIn(g_messages.join(u'\n').toUtf8(), needles), QStringList());
        QCOMPARE(secretsIn(m_manager->statusText().toUtf8(), needles), QStringList());
    }

private:
    QListWidget *list() const { return m_manager->findChild<QListWidget *>(u"profileList"_s); }

    QByteArray secretOf(const Profile &profile)
    {
        QSignalSpy read(m_secrets, &SecretStore::secretRead);
        m_secrets->readSecret(secretKeyFor(profile));
        if (!read.wait(30000))
            return {};
        return read.first().at(1).toByteArray();
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_service;
    ProfileStore *m_store = nullptr;
    SecretStore *m_secrets = nullptr;
    ProfileManagerDialog *m_manager = nullptr;
};

QTEST_MAIN(TestProfileManager)
#include "tst_profilemanager.moc"
