// Drives the real profile dialog offscreen. Built twice: with a Secret Service (inside
// dbus-run-session, label keychain) and, with FENZHANG_NO_KEYCHAIN, with no D-Bus at all.

#include "filepathedit.h"
#include "importchecklist.h"
#include "profile/secretstore.h"
#include "profiledialog.h"
#include "profiletestutil.h"
#ifdef FENZHANG_HAVE_SANDBOX
#include "sandboxfixture.h"
#endif

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

namespace {
const QString mchid = u"1900000001"_s;
const QString serial = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
} // namespace

class TestProfileDialog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_service = u"Fenzhang Desk test "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void init()
    {
        m_secrets = new SecretStore(m_service, this);
        m_dialog = new ProfileDialog(m_secrets, nullptr);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
        // The dialog asks the keychain whether it answers.
        QTRY_VERIFY_WITH_TIMEOUT(m_secrets->status() != SecretStore::Status::Unknown, 30000);
    }

    void cleanup()
    {
        delete m_dialog;
        delete m_secrets;
    }

    void typing_validatesAsYouGo()
    {
        QPushButton *ok = okButton();
        QVERIFY(!ok->isEnabled());
        QVERIFY(problems().contains(u"name"_s));

        QTest::keyClicks(edit("nameEdit"), u"Head office"_s);
        QTest::keyClicks(edit("mchidEdit"), u"19000x"_s);
        QVERIFY2(problems().contains(u"digits"_s), qPrintable(problems()));
        edit("mchidEdit")->clear();
        QTest::keyClicks(edit("mchidEdit"), mchid);
        QVERIFY(!problems().contains(u"digits"_s));

        choosePem(vectorPath(u"merchant_private_key.pem"_s), vectorPath(u"merchant_certificate.pem"_s));
        QVERIFY(problems().contains(u"WeChat Pay public key"_s));
        QTest::keyClicks(edit("publicKeyIdEdit"), u"PUB_KEY_1"_s);
        QVERIFY2(problems().contains(u"PUB_KEY_ID_"_s), qPrintable(problems()));
        edit("publicKeyIdEdit")->clear();
        QTest::keyClicks(edit("publicKeyIdEdit"), keyId);
        path("publicKeyFileEdit")->setPath(vectorPath(u"wechatpay_public_key.pem"_s));
        QVERIFY2(m_dialog->problems().isEmpty(), qPrintable(problems()));
        QVERIFY(ok->isEnabled());

        edit("primaryUrlEdit")->selectAll();
        QTest::keyClicks(edit("primaryUrlEdit"), u"http://api.mch.weixin.qq.com"_s);
        QVERIFY(problems().contains(u"https://"_s));
        QVERIFY(!ok->isEnabled());
    }

    void pemFiles_serialIsDerivedNotTyped()
    {
        QTest::keyClicks(edit("nameEdit"), u"A"_s);
        choosePem(vectorPath(u"merchant_private_key.pem"_s), vectorPath(u"merchant_certificate.pem"_s));
        QLineEdit *serialEdit = edit("serialEdit");
        QCOMPARE(serialEdit->text(), serial);
        QVERIFY(serialEdit->isReadOnly());
        QCOMPARE(edit("mchidEdit")->text(), mchid); // read from the certificate too

        path("certFileEdit")->setPath(QString());
        QVERIFY(!serialEdit->isReadOnly()); // no certificate: the serial may be typed
        serialEdit->clear();
        QVERIFY(problems().contains(u"serial"_s));
        QTest::keyClicks(serialEdit, serial.toLower());
        QCOMPARE(m_dialog->profile().serialNo, serial);
    }

    void p12_wrongPasswordShownThenFixed()
    {
        QTest::keyClicks(edit("nameEdit"), u"P12"_s);
        QTest::keyClicks(edit("mchidEdit"), mchid);
        QTest::mouseClick(m_dialog->findChild<QRadioButton *>(u"p12Radio"_s), Qt::LeftButton);
        QVERIFY(path("p12FileEdit")->isVisible());
        QVERIFY(!path("keyFileEdit")->isVisible());
        path("p12FileEdit")->setPath(keyFixture(u"custom_password.p12"_s));
        QVERIFY(edit("serialEdit")->text().isEmpty());
        const QString note = m_dialog->findChild<QLabel *>(u"serialNote"_s)->text();
        QVERIFY2(note.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(note));
        QVERIFY(problems().contains(u"certificate could not be read"_s));

        QTest::keyClicks(edit("p12PasswordEdit"), u"not-the-mchid"_s);
        QCOMPARE(edit("serialEdit")->text(), serial);
        QVERIFY(!problems().contains(u"certificate could not be read"_s));
        // The password never shows in any label of the dialog.
        const QList<QLabel *> labels = m_dialog->findChildren<QLabel *>();
        for (const QLabel *label : labels)
            QVERIFY(!label->text().contains(u"not-the-mchid"_s));
    }

    void p12PasswordInKeychain_editWithoutRetyping()
    {
        Profile stored = Profile::create(u"Stored"_s);
        stored.mchid = mchid;
        stored.keyKind = Profile::KeyKind::Pkcs12;
        stored.pkcs12File = keyFixture(u"custom_password.p12"_s);
        stored.serialNo = serial;
        stored.secretInKeychain = true;
        stored.publicKeyId = keyId;
        stored.publicKeyFile = vectorPath(u"wechatpay_public_key.pem"_s);
        m_dialog->setProfile(stored);
        QCOMPARE(edit("serialEdit")->text(), serial);
        QVERIFY2(!problems().contains(u"certificate could not be read"_s), qPrintable(problems()));
        // Another p12 file needs its password again.
        path("p12FileEdit")->setPath(vectorPath(u"merchant_certificate.p12"_s));
        QCOMPARE(edit("serialEdit")->text(), serial); // this one opens with the mchid
        path("p12FileEdit")->setPath(keyFixture(u"truncated.p12"_s));
        QVERIFY(edit("serialEdit")->text().isEmpty());
    }

    void checkProfile_listsEveryItem_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("failedTitle"); // empty: all pass
        QTest::newRow("good") << vectorPath(u"merchant_private_key.pem"_s)
                              << vectorPath(u"merchant_certificate.pem"_s) << QString();
        QTest::newRow("rsa1024") << keyFixture(u"rsa1024_key.pem"_s) << keyFixture(u"rsa1024_cert.pem"_s)
                                 << u"2048"_s;
        QTest::newRow("mismatch") << vectorPath(u"merchant_private_key.pem"_s)
                                  << keyFixture(u"other_cert.pem"_s) << u"matches"_s;
    }
    void checkProfile_listsEveryItem()
    {
        QFETCH(QString, key);
        QFETCH(QString, cert);
        QFETCH(QString, failedTitle);
        QTest::keyClicks(edit("nameEdit"), u"Check"_s);
        QTest::keyClicks(edit("mchidEdit"), mchid);
        choosePem(key, cert);
        QTest::keyClicks(edit("publicKeyIdEdit"), keyId);
        path("publicKeyFileEdit")->setPath(vectorPath(u"wechatpay_public_key.pem"_s));
        m_dialog->findChild<QCheckBox *>(u"keychainCheck"_s)->setChecked(false);

        QSignalSpy finished(m_dialog, &ProfileDialog::checkFinished);
        QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"checkButton"_s), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        auto *view = m_dialog->findChild<QTreeWidget *>(u"checkView"_s);
        QCOMPARE(view->topLevelItemCount(), 8);
        QStringList failed;
        for (int i = 0; i < view->topLevelItemCount(); ++i) {
            if (view->topLevelItem(i)->text(1) == u"Failed"_s)
                failed.append(view->topLevelItem(i)->text(0));
        }
        if (failedTitle.isEmpty()) {
            QCOMPARE(failed, QStringList());
        } else {
            QCOMPARE(failed.size(), 1);
            QVERIFY2(failed.first().contains(failedTitle), qPrintable(failed.first()));
        }
        // Changing the profile clears results that no longer apply.
        QTest::keyClicks(edit("nameEdit"), u" 2"_s);
        QCOMPARE(view->topLevelItemCount(), 0);
        QVERIFY(m_dialog->checkResults().isEmpty());
    }

    void importFolder_fillsFiles()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(vectorPath(u"merchant_private_key.pem"_s), dir.filePath(u"apiclient_key.pem"_s)));
        QVERIFY(
            QFile::copy(vectorPath(u"merchant_certificate.pem"_s), dir.filePath(u"apiclient_cert.pem"_s)));
        QVERIFY(QFile::copy(vectorPath(u"wechatpay_public_key.pem"_s), dir.filePath(keyId + u".pem"_s)));
        QTest::keyClicks(edit("nameEdit"), u"Imported"_s);
        m_dialog->importFolder(dir.path());
        QCOMPARE(edit("nameEdit")->text(), u"Imported"_s);
        QCOMPARE(edit("mchidEdit")->text(), mchid);
        QCOMPARE(edit("serialEdit")->text(), serial);
        QCOMPARE(edit("publicKeyIdEdit")->text(), keyId);
        QCOMPARE(path("keyFileEdit")->path(), dir.filePath(u"apiclient_key.pem"_s));
        QVERIFY2(m_dialog->problems().isEmpty(), qPrintable(problems()));
    }

    void importFolder_listsWhatWasFoundAndWhatIsMissing()
    {
        // The certificate pair without the WeChat Pay public key: found and missing, line by line.
        QTemporaryDir dir;
        QVERIFY(QFile::copy(vectorPath(u"merchant_private_key.pem"_s), dir.filePath(u"apiclient_key.pem"_s)));
        QVERIFY(
            QFile::copy(vectorPath(u"merchant_certificate.pem"_s), dir.filePath(u"apiclient_cert.pem"_s)));
        ImportChecklist *checklist = m_dialog->importChecklist();
        QVERIFY(checklist->isHidden());
        m_dialog->importFolder(dir.path());
        QVERIFY(checklist->isVisible());
        const QList<ImportChecklist::Item> items = checklist->items();
        const auto item = [&items](const QString &needle) {
            for (const ImportChecklist::Item &i : items) {
                if (i.text.contains(needle))
                    return i;
            }
            return ImportChecklist::Item{false, u"<no item with %1>"_s.arg(needle)};
        };
        QVERIFY(item(u"apiclient_key.pem"_s).found);
        QVERIFY(item(u"apiclient_cert.pem"_s).found);
        QVERIFY2(!item(u"pub_key.pem"_s).found && item(u"pub_key.pem"_s).text.contains(u"not found"_s),
                 qPrintable(checklist->text()));
        QVERIFY(!item(u"PUB_KEY_ID_"_s).found);
        QVERIFY(item(mchid).found);
        QVERIFY(item(serial).found);
        QVERIFY2(checklist->text().contains(u"2 item(s) still missing"_s), qPrintable(checklist->text()));

        // The rest added: everything found.
        QVERIFY(QFile::copy(vectorPath(u"wechatpay_public_key.pem"_s), dir.filePath(keyId + u".pem"_s)));
        m_dialog->importFolder(dir.path());
        for (const ImportChecklist::Item &i : checklist->items())
            QVERIFY2(i.found, qPrintable(i.text));
        QVERIFY(checklist->text().contains(keyId));
        QVERIFY(ProfileDialog::folderFilesText().contains(u"pub_key.pem"_s));
    }

    void disabledOk_reasonStaysInSight_andDialogFitsTheScreen()
    {
        // The offscreen screen is smaller than 1366 × 768: the dialog still fits on it, the form
        // scrolls, and the reason OK is grey is outside the scrolling part, shown.
        const QRect available = m_dialog->screen()->availableGeometry();
        QVERIFY2(m_dialog->height() <= available.height() && m_dialog->width() <= available.width(),
                 qPrintable(u"%1x%2 on %3x%4"_s.arg(m_dialog->width())
                                .arg(m_dialog->height())
                                .arg(available.width())
                                .arg(available.height())));
        QVERIFY(!okButton()->isEnabled());
        auto *reason = m_dialog->findChild<QLabel *>(u"problemsLabel"_s);
        QVERIFY(reason);
        QVERIFY(!reason->text().isEmpty());
        QVERIFY(reason->isVisible());
        for (QWidget *w = reason->parentWidget(); w && w != m_dialog; w = w->parentWidget())
            QVERIFY2(!qobject_cast<QScrollArea *>(w), "the reason scrolls with the form");
        const QRect shown = QRect(reason->mapTo(m_dialog, QPoint(0, 0)), reason->size());
        QVERIFY2(m_dialog->rect().contains(shown), "the reason is outside the dialog");
    }

#ifdef FENZHANG_HAVE_SANDBOX
    void checkProfile_knownOrder_looksItUp_data()
    {
        QTest::addColumn<QString>("scenario"); // empty: the sandbox's sample order
        QTest::addColumn<bool>("breakKey");
        QTest::addColumn<QString>("result");
        QTest::addColumn<Product>("product");
        QTest::newRow("found") << QString() << false << u"Passed"_s << Product::ServiceProvider;
        QTest::newRow("unknown") << u"SCN-404"_s << false << u"Failed"_s << Product::ServiceProvider;
        QTest::newRow("offline-check-failed") << QString() << true << u"Not checked"_s << Product::ServiceProvider;
        // Issue 18: the known order is looked up as the profile's product.
        QTest::newRow("direct merchant's order") << QString() << false << u"Passed"_s << Product::Direct;
        QTest::newRow("brand's order") << QString() << false << u"Passed"_s << Product::Brand;
        QTest::newRow("a brand's order asked as a direct merchant")
            << u"brand"_s << false << u"Failed"_s << Product::Direct;
    }
    void checkProfile_knownOrder_looksItUp()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, breakKey);
        QFETCH(QString, result);
        QFETCH(Product, product);
        testing::SandboxFixture sandbox;
        QVERIFY(sandbox.start());
        QTest::keyClicks(edit("nameEdit"), u"Sandbox"_s);
        QTest::keyClicks(edit("mchidEdit"), sandbox.infoString("mchid"));
        choosePem(breakKey ? keyFixture(u"rsa1024_key.pem"_s) : sandbox.infoString("merchant_private_key"),
                  sandbox.infoString("merchant_certificate"));
        QTest::keyClicks(edit("publicKeyIdEdit"), sandbox.infoString("wechatpay_public_key_id"));
        path("publicKeyFileEdit")->setPath(sandbox.infoString("wechatpay_public_key"));
        edit("primaryUrlEdit")->setText(sandbox.server->url().toString());
        edit("backupUrlEdit")->clear();
        auto *productCombo = m_dialog->findChild<QComboBox *>(u"productCombo"_s);
        productCombo->setCurrentIndex(productCombo->findData(int(product)));
        QCOMPARE(m_dialog->findChild<QLabel *>(u"productNote"_s)->text(), Products::explanation(product));
        QCOMPARE(edit("knownSubMchidEdit")->isVisibleTo(m_dialog), Products::hasSubMchid(product));
        const OrderQuery order = scenario == u"brand"_s ? sandbox.sampleOrderOf(Product::Brand)
                                 : scenario.isEmpty()   ? sandbox.sampleOrderOf(product)
                                                        : sandbox.scenarioOrder(scenario);
        if (Products::hasSubMchid(product))
            QTest::keyClicks(edit("knownSubMchidEdit"), order.subMchid);
        QTest::keyClicks(edit("knownTransactionIdEdit"), order.transactionId);
        QTest::keyClicks(edit("knownOutOrderNoEdit"), order.outOrderNo);

        QSignalSpy finished(m_dialog, &ProfileDialog::checkFinished);
        QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"checkButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        auto *view = m_dialog->findChild<QTreeWidget *>(u"checkView"_s);
        QCOMPARE(view->topLevelItemCount(), 9);
        QTreeWidgetItem *last = view->topLevelItem(8);
        QVERIFY2(last->text(1) == result, qPrintable(last->text(2)));
        QVERIFY(m_dialog->findChild<QPushButton *>(u"checkButton"_s)->isEnabled());
        QCOMPARE(m_dialog->profile().product, product);
    }
#endif

    void product_chosenExplainedAndKept()
    {
        auto *combo = m_dialog->findChild<QComboBox *>(u"productCombo"_s);
        auto *note = m_dialog->findChild<QLabel *>(u"productNote"_s);
        auto *autoRemaining = m_dialog->findChild<QCheckBox *>(u"autoRemainingCheck"_s);
        QVERIFY(combo && note && autoRemaining);
        // A new profile is a service provider's (the default), without automatic remaining amounts.
        QCOMPARE(Product(combo->currentData().toInt()), Product::ServiceProvider);
        QCOMPARE(note->text(), Products::explanation(Product::ServiceProvider));
        QVERIFY(!autoRemaining->isChecked());
        QCOMPARE(combo->count(), 3);
        for (int i = 0; i < combo->count(); ++i)
            QCOMPARE(combo->itemText(i), Products::label(Product(combo->itemData(i).toInt())));

        combo->setCurrentIndex(combo->findData(int(Product::Direct)));
        QCOMPARE(note->text(), Products::explanation(Product::Direct));
        QVERIFY(!edit("knownSubMchidEdit")->isVisibleTo(m_dialog));
        QTest::mouseClick(autoRemaining, Qt::LeftButton, {}, QPoint(8, autoRemaining->height() / 2));
        QVERIFY(autoRemaining->isChecked());
        Profile p = m_dialog->profile();
        QCOMPARE(p.product, Product::Direct);
        QVERIFY(p.autoRemainingAmount);

        // Opening a saved brand profile shows its product.
        p.product = Product::Brand;
        p.autoRemainingAmount = false;
        m_dialog->setProfile(p);
        QCOMPARE(Product(combo->currentData().toInt()), Product::Brand);
        QCOMPARE(note->text(), Products::explanation(Product::Brand));
        QVERIFY(!autoRemaining->isChecked());
        QVERIFY(edit("knownSubMchidEdit")->isVisibleTo(m_dialog));
    }

#ifndef FENZHANG_NO_KEYCHAIN
    void accept_storesKeyInKeychain_thenEditingOffRemovesIt()
    {
        QCOMPARE(m_secrets->status(), SecretStore::Status::Available);
        fillGoodPemProfile(u"Keychain"_s);
        auto *keychain = m_dialog->findChild<QCheckBox *>(u"keychainCheck"_s);
        QVERIFY(keychain->isEnabled());
        QVERIFY(keychain->isChecked()); // offered by default
        QVERIFY(!m_dialog->findChild<QLabel *>(u"keychainStatus"_s)->text().isEmpty());

        QSignalSpy accepted(m_dialog, &QDialog::accepted);
        QTest::mouseClick(okButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 30000);
        const Profile saved = m_dialog->profile();
        QVERIFY(saved.secretInKeychain);

        QSignalSpy read(m_secrets, &SecretStore::secretRead);
        m_secrets->readSecret(secretKeyFor(saved));
        QVERIFY(read.wait(30000));
        QVERIFY(read.first().at(1).toByteArray() == readAll(vectorPath(u"merchant_private_key.pem"_s)));

        // Editing: the check reads the key from the keychain even when the file is gone.
        ProfileDialog edit(m_secrets, nullptr);
        Profile moved = saved;
        moved.privateKeyFile = u"/gone/apiclient_key.pem"_s;
        edit.setProfile(moved);
        edit.show();
        QSignalSpy finished(&edit, &ProfileDialog::checkFinished);
        edit.checkProfile();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(ProfileChecker::allPassed(edit.checkResults()));

        // Unticking the keychain removes the secret on OK.
        edit.findChild<FilePathEdit *>(u"keyFileEdit"_s)->setPath(vectorPath(u"merchant_private_key.pem"_s));
        edit.findChild<QCheckBox *>(u"keychainCheck"_s)->setChecked(false);
        QSignalSpy editAccepted(&edit, &QDialog::accepted);
        edit.accept();
        QTRY_COMPARE_WITH_TIMEOUT(editAccepted.count(), 1, 30000);
        QVERIFY(!edit.profile().secretInKeychain);
        read.clear();
        m_secrets->readSecret(secretKeyFor(saved));
        QVERIFY(read.wait(30000));
        QCOMPARE(read.first().at(2).value<SecretStore::Error>(), SecretStore::Error::NotFound);
    }
#else
    void noKeychain_saysSoAndKeepsOnlyThePath()
    {
        QCOMPARE(m_secrets->status(), SecretStore::Status::Unavailable);
        fillGoodPemProfile(u"No keychain"_s);
        auto *keychain = m_dialog->findChild<QCheckBox *>(u"keychainCheck"_s);
        QVERIFY(!keychain->isEnabled());
        QVERIFY(!keychain->isChecked());
        const QString status = m_dialog->findChild<QLabel *>(u"keychainStatus"_s)->text();
        QVERIFY2(status.contains(u"No system keychain"_s), qPrintable(status));
        QSignalSpy accepted(m_dialog, &QDialog::accepted);
        QTest::mouseClick(okButton(), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        const Profile saved = m_dialog->profile();
        QVERIFY(!saved.secretInKeychain);
        QCOMPARE(saved.privateKeyFile, vectorPath(u"merchant_private_key.pem"_s));
    }
#endif

private:
    QLineEdit *edit(const char *name) const
    {
        auto *found = m_dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no such line edit");
        return found;
    }
    FilePathEdit *path(const char *name) const
    {
        auto *found = m_dialog->findChild<FilePathEdit *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no such path edit");
        return found;
    }
    QPushButton *okButton() const
    {
        return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    QString problems() const
    {
        return m_dialog->findChild<QLabel *>(u"problemsLabel"_s)->text();
    }
    void choosePem(const QString &key, const QString &cert)
    {
        QTest::mouseClick(m_dialog->findChild<QRadioButton *>(u"pemRadio"_s), Qt::LeftButton);
        path("keyFileEdit")->setPath(key);
        path("certFileEdit")->setPath(cert);
    }
    void fillGoodPemProfile(const QString &name)
    {
        QTest::keyClicks(edit("nameEdit"), name);
        QTest::keyClicks(edit("mchidEdit"), mchid);
        choosePem(vectorPath(u"merchant_private_key.pem"_s), vectorPath(u"merchant_certificate.pem"_s));
        QTest::keyClicks(edit("publicKeyIdEdit"), keyId);
        path("publicKeyFileEdit")->setPath(vectorPath(u"wechatpay_public_key.pem"_s));
        QVERIFY2(m_dialog->problems().isEmpty(), qPrintable(problems()));
    }

    QString m_service;
    SecretStore *m_secrets = nullptr;
    ProfileDialog *m_dialog = nullptr;
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
