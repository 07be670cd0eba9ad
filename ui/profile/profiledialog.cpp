#include "profiledialog.h"

#include "crypto/keyloader.h"
#include "filepathedit.h"
#include "importchecklist.h"
#include "knownorderbox.h"
#include "profile/profileimport.h"
#include "profile/profilelookupcheck.h"
#include "profile/secretstore.h"
#include "profilecheckview.h"
#include "wechatpaysettingswidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const char *const p12Filter =
    QT_TRANSLATE_NOOP("ProfileDialog", "Merchant certificate (*.p12 *.pfx);;All files (*)");
const char *const pemFilter =
    QT_TRANSLATE_NOOP("ProfileDialog", "PEM files (*.pem *.crt *.cer);;All files (*)");

} // namespace

ProfileDialog::ProfileDialog(SecretStore *secrets, QWidget *parent) : QDialog(parent), m_secrets(secrets)
{
    setWindowTitle(tr("Merchant profile"));
    buildUi();

    connect(m_secrets, &SecretStore::statusChanged, this, &ProfileDialog::updateKeychainStatus);
    connect(m_secrets, &SecretStore::secretWritten, this,
            [this](const QString &key, SecretStore::Error error, const QString &message) {
                if (key != m_pendingKey)
                    return;
                m_pendingKey.clear();
                setBusy(false);
                if (error != SecretStore::Error::None) {
                    m_problemsLabel->setText(
                        tr("%1\nUntick \"system keychain\" to keep only the key file's path.").arg(message));
                    return;
                }
                finishAccept(m_pendingProfile);
            });
    connect(m_secrets, &SecretStore::secretDeleted, this,
            [this](const QString &key, SecretStore::Error error, const QString &message) {
                if (key != m_pendingKey)
                    return;
                m_pendingKey.clear();
                setBusy(false);
                if (error != SecretStore::Error::None) {
                    m_problemsLabel->setText(message);
                    return;
                }
                finishAccept(m_pendingProfile);
            });
    connect(m_secrets, &SecretStore::secretRead, this,
            [this](const QString &key, const QByteArray &secret, SecretStore::Error error,
                   const QString &message) {
                if (key != m_pendingKey)
                    return;
                m_pendingKey.clear();
                setBusy(false);
                runCheck(profile(), secret);
                if (error != SecretStore::Error::None)
                    m_problemsLabel->setText(message);
            });

    m_lookupCheck = new ProfileLookupCheck(this);
    connect(m_lookupCheck, &ProfileLookupCheck::finished, this, &ProfileDialog::lookupFinished);

    setProfile(Profile::create(QString()));
    if (m_secrets->status() == SecretStore::Status::Unknown)
        m_secrets->probe();
}

void ProfileDialog::buildUi()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    auto *merchant = new QGroupBox(tr("Merchant"));
    auto *merchantForm = new QFormLayout(merchant);
    merchantForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_name = new QLineEdit;
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("A name you recognise, like \"Head office\""));
    m_mchid = new QLineEdit;
    m_mchid->setObjectName(u"mchidEdit"_s);
    m_mchid->setPlaceholderText(tr("Service provider merchant id, like 1900000001"));
    merchantForm->addRow(tr("&Name:"), m_name);
    merchantForm->addRow(tr("&Merchant id (mchid):"), m_mchid);
    // Which product decides the endpoints and the numbers the forms ask; one line on each.
    m_product = new QComboBox;
    m_product->setObjectName(u"productCombo"_s);
    for (const Product product : Products::all())
        m_product->addItem(Products::label(product), int(product));
    m_productNote = new QLabel;
    m_productNote->setObjectName(u"productNote"_s);
    m_productNote->setWordWrap(true);
    m_productNote->setForegroundRole(QPalette::PlaceholderText);
    merchantForm->addRow(tr("&Product:"), m_product);
    merchantForm->addRow(QString(), m_productNote);
    m_autoRemaining = new QCheckBox(tr("Look up the remaining amount (剩余待分金额) by itself when an order is finished"));
    m_autoRemaining->setObjectName(u"autoRemainingCheck"_s);
    merchantForm->addRow(QString(), m_autoRemaining);
    layout->addWidget(merchant);
    layout->addWidget(buildKeyGroup());
    m_checklist = new ImportChecklist;
    layout->addWidget(m_checklist);
    m_wechatPay = new WechatPaySettingsWidget;
    layout->addWidget(m_wechatPay);

    // Why OK is grey stays in sight under the scrolling form, whatever the screen's height.
    m_problemsLabel = new QLabel;
    m_problemsLabel->setObjectName(u"problemsLabel"_s);
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextFormat(Qt::PlainText); // file names, OpenSSL's and the keychain's words
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_checkButton = new QPushButton(tr("Chec&k profile"));
    m_checkButton->setObjectName(u"checkButton"_s);
    m_checkView = new ProfileCheckView;
    m_checkView->setObjectName(u"checkView"_s);
    m_checkView->setAccessibleName(tr("Profile check results"));
    m_knownOrder = new KnownOrderBox;
    layout->addWidget(m_knownOrder);
    layout->addWidget(m_checkButton, 0, Qt::AlignLeft);
    layout->addWidget(m_checkView);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(scroll, 1);
    outer->addWidget(m_problemsLabel);
    outer->addWidget(m_buttons);
    fitToScreen();

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_checkButton, &QPushButton::clicked, this, &ProfileDialog::checkProfile);
    for (QLineEdit *edit : {m_name})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::revalidate);
    for (QLineEdit *edit : {m_mchid, m_p12Password, m_serial})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::updateDerived);
    for (FilePathEdit *edit : {m_p12File, m_keyFile, m_certFile})
        connect(edit, &FilePathEdit::pathChanged, this, &ProfileDialog::updateDerived);
    connect(m_wechatPay, &WechatPaySettingsWidget::changed, this, &ProfileDialog::revalidate);
    connect(m_keychain, &QCheckBox::toggled, this, &ProfileDialog::revalidate);
    connect(m_p12Radio, &QRadioButton::toggled, this, &ProfileDialog::updateKeyKind);
    connect(m_product, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateProduct);
    // Check results (the known order was asked as the product chosen then) are about another profile now.
    connect(m_product, &QComboBox::currentIndexChanged, this, &ProfileDialog::revalidate);
    connect(m_autoRemaining, &QCheckBox::toggled, this, &ProfileDialog::revalidate);
}

void ProfileDialog::updateProduct()
{
    const Product product = Product(m_product->currentData().toInt());
    m_productNote->setText(Products::explanation(product));
    m_product->setAccessibleDescription(Products::explanation(product));
    m_mchid->setPlaceholderText(product == Product::Direct ? tr("Your merchant id, like 1900000001")
                                                           : tr("Service provider merchant id, like 1900000001"));
    m_knownOrder->setProduct(product);
}

QWidget *ProfileDialog::buildKeyGroup()
{
    auto *group = new QGroupBox(tr("Merchant API certificate and private key"));
    auto *form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    auto *kindRow = new QHBoxLayout;
    m_p12Radio = new QRadioButton(tr("apiclient_cert.p12"));
    m_p12Radio->setObjectName(u"p12Radio"_s);
    m_pemRadio = new QRadioButton(tr("apiclient_key.pem + apiclient_cert.pem"));
    m_pemRadio->setObjectName(u"pemRadio"_s);
    auto *importButton = new QPushButton(tr("Import from &folder…"));
    importButton->setObjectName(u"importFolderButton"_s);
    importButton->setToolTip(folderFilesText());
    kindRow->addWidget(m_p12Radio);
    kindRow->addWidget(m_pemRadio);
    kindRow->addStretch();
    kindRow->addWidget(importButton);
    form->addRow(tr("Files:"), kindRow);
    connect(importButton, &QPushButton::clicked, this, &ProfileDialog::chooseFolder);

    m_p12File = new FilePathEdit(tr(p12Filter));
    m_p12File->setObjectName(u"p12FileEdit"_s);
    m_p12File->setPlaceholderText(u"apiclient_cert.p12"_s);
    m_p12Password = new QLineEdit;
    m_p12Password->setObjectName(u"p12PasswordEdit"_s);
    m_p12Password->setEchoMode(QLineEdit::Password);
    m_p12Password->setPlaceholderText(tr("Leave empty: the mchid, as WeChat Pay issues it"));
    m_keyFile = new FilePathEdit(tr(pemFilter));
    m_keyFile->setObjectName(u"keyFileEdit"_s);
    m_keyFile->setPlaceholderText(u"apiclient_key.pem"_s);
    m_certFile = new FilePathEdit(tr(pemFilter));
    m_certFile->setObjectName(u"certFileEdit"_s);
    m_certFile->setPlaceholderText(u"apiclient_cert.pem"_s);
    m_serial = new QLineEdit;
    m_serial->setObjectName(u"serialEdit"_s);
    m_serialNote = new QLabel;
    m_serialNote->setObjectName(u"serialNote"_s);
    m_serialNote->setWordWrap(true);
    m_serialNote->setTextFormat(Qt::PlainText);

    form->addRow(tr("Certificate (.p12):"), m_p12File);
    form->addRow(tr("p12 password:"), m_p12Password);
    form->addRow(tr("Private key:"), m_keyFile);
    form->addRow(tr("Certificate:"), m_certFile);
    m_p12Widgets = {m_p12File, m_p12Password, form->labelForField(m_p12File),
                    form->labelForField(m_p12Password)};
    m_pemWidgets = {m_keyFile, m_certFile, form->labelForField(m_keyFile), form->labelForField(m_certFile)};
    form->addRow(tr("Certificate serial:"), m_serial);
    form->addRow(QString(), m_serialNote);

    m_keychain = new QCheckBox;
    m_keychain->setObjectName(u"keychainCheck"_s);
    m_keychainStatus = new QLabel;
    m_keychainStatus->setObjectName(u"keychainStatus"_s);
    m_keychainStatus->setWordWrap(true);
    m_keychainStatus->setTextFormat(Qt::PlainText);
    form->addRow(tr("Secret:"), m_keychain);
    form->addRow(QString(), m_keychainStatus);
    return group;
}

void ProfileDialog::setProfile(const Profile &profile)
{
    m_original = profile;
    m_saved = profile;
    m_updating = true;
    m_name->setText(profile.name);
    m_mchid->setText(profile.mchid);
    m_product->setCurrentIndex(m_product->findData(int(profile.product)));
    m_autoRemaining->setChecked(profile.autoRemainingAmount);
    m_p12Radio->setChecked(profile.keyKind == Profile::KeyKind::Pkcs12);
    m_pemRadio->setChecked(profile.keyKind == Profile::KeyKind::PemFiles);
    m_p12File->setPath(profile.pkcs12File);
    m_p12Password->clear();
    m_keyFile->setPath(profile.privateKeyFile);
    m_certFile->setPath(profile.certificateFile);
    m_serial->setText(profile.serialNo);
    // A new profile offers the keychain; an existing one shows what it has.
    m_keychain->setChecked(profile.name.isEmpty() || profile.secretInKeychain);
    m_wechatPay->setFrom(profile);
    m_checkView->clear();
    m_checkResults.clear();
    m_updating = false;
    updateKeyKind();
    updateProduct();
    updateKeychainStatus();
}

Profile ProfileDialog::profile() const
{
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    p.mchid = m_mchid->text().trimmed();
    p.product = Product(m_product->currentData().toInt());
    p.autoRemainingAmount = m_autoRemaining->isChecked();
    p.keyKind = m_p12Radio->isChecked() ? Profile::KeyKind::Pkcs12 : Profile::KeyKind::PemFiles;
    p.pkcs12File = p.keyKind == Profile::KeyKind::Pkcs12 ? m_p12File->path() : QString();
    p.privateKeyFile = p.keyKind == Profile::KeyKind::PemFiles ? m_keyFile->path() : QString();
    p.certificateFile = p.keyKind == Profile::KeyKind::PemFiles ? m_certFile->path() : QString();
    p.serialNo = m_serial->text().trimmed().toUpper();
    const bool keychain = m_keychain->isChecked() && m_keychain->isEnabled();
    if (p.keyKind == Profile::KeyKind::PemFiles)
        p.secretInKeychain = keychain;
    else // a p12 opened with the mchid has no secret to keep
        p.secretInKeychain =
            keychain && (!m_p12Password->text().isEmpty() ||
                         (m_original.secretInKeychain && m_original.keyKind == Profile::KeyKind::Pkcs12));
    m_wechatPay->applyTo(p);
    return result() == QDialog::Accepted ? m_saved : p;
}

void ProfileDialog::setTakenNames(const QStringList &names)
{
    m_takenNames = names;
    revalidate();
}

QString ProfileDialog::folderFilesText()
{
    return tr("Reads apiclient_key.pem + apiclient_cert.pem (or apiclient_cert.p12) and pub_key.pem "
              "(PUB_KEY_ID_….pem) from one folder and fills in the fields.");
}

void ProfileDialog::fitToScreen()
{
    // 720 × 820 where there is room; on a 1366 × 768 (or 1024 × 700) screen the form scrolls and
    // the buttons, with the reason OK is grey, stay on screen.
    QSize size(720, 820);
    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        size = size.boundedTo(available.size() - QSize(40, 80));
    }
    resize(size);
}

void ProfileDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this,
        tr("Choose the folder with apiclient_key.pem, apiclient_cert.pem (or apiclient_cert.p12) and "
           "pub_key.pem"),
        QDir::homePath());
    if (!folder.isEmpty())
        importFolder(folder);
}

void ProfileDialog::importFolder(const QString &folder)
{
    const ImportedFiles files = ProfileImport::scanFolder(folder);
    if (files.isEmpty()) {
        m_checklist->clear();
        m_serialNote->setText(
            tr("No WeChat Pay files were found in %1 (apiclient_cert.p12, apiclient_key.pem, "
               "apiclient_cert.pem, pub_key.pem).")
                .arg(QDir::toNativeSeparators(folder)));
        return;
    }
    Profile p = profile();
    ProfileImport::apply(files, p, m_p12Password->text());
    const Profile original = m_original;
    const QString password = m_p12Password->text();
    const bool keychain = m_keychain->isChecked();
    setProfile(p);
    m_original = original;
    m_saved = original;
    m_p12Password->setText(password);
    m_keychain->setChecked(keychain);
    m_checklist->showFor(folder, files, profile());
}

void ProfileDialog::updateKeyKind()
{
    const bool p12 = m_p12Radio->isChecked();
    for (QWidget *widget : std::as_const(m_p12Widgets))
        widget->setVisible(p12);
    for (QWidget *widget : std::as_const(m_pemWidgets))
        widget->setVisible(!p12);
    m_keychain->setText(p12 ? tr("Keep the p12 password in the system keychain")
                            : tr("Keep the private key in the system keychain"));
    updateDerived();
}

// The serial (and a missing mchid) come from the certificate; typed only without one.
void ProfileDialog::updateDerived()
{
    if (m_updating)
        return;
    m_updating = true;
    const Profile p = profile();
    const bool fromCertificate = p.keyKind == Profile::KeyKind::Pkcs12 || !p.certificateFile.isEmpty();
    m_serial->setReadOnly(fromCertificate);
    m_serialNote->setStyleSheet(QString());
    if (!fromCertificate) {
        m_serialNote->setText(tr("Without apiclient_cert.pem, type the serial shown in 商户平台 → 账户中心 → "
                                 "API安全 → API证书."));
    } else if (p.pkcs12File.isEmpty() && p.certificateFile.isEmpty()) {
        m_serial->clear();
        m_serialNote->setText(tr("Read from the certificate once it is chosen."));
    } else {
        if (p.mchid.isEmpty() && p.keyKind == Profile::KeyKind::PemFiles)
            m_mchid->setText(ProfileImport::mchidFromCertificate(p));
        auto serial = ProfileImport::deriveSerial(profile(), m_p12Password->text());
        // A p12 whose password is in the keychain: the serial read when it was saved still holds.
        const bool passwordInKeychain =
            p.keyKind == Profile::KeyKind::Pkcs12 && m_p12Password->text().isEmpty() &&
            m_original.secretInKeychain && m_original.keyKind == Profile::KeyKind::Pkcs12 &&
            m_original.pkcs12File == p.pkcs12File && !m_original.serialNo.isEmpty();
        if (!serial && passwordInKeychain) {
            m_serial->setText(m_original.serialNo);
            m_serialNote->setText(
                tr("Read from the certificate when the profile was saved (its password is in "
                   "the system keychain)."));
        } else if (serial) {
            m_serial->setText(*serial);
            m_serialNote->setText(tr("Read from the certificate."));
        } else {
            m_serial->clear();
            m_serialNote->setText(serial.error().message);
            m_serialNote->setStyleSheet(u"color: palette(link);"_s);
        }
    }
    m_updating = false;
    revalidate();
}

void ProfileDialog::updateKeychainStatus()
{
    const SecretStore::Status status = m_secrets->status();
    m_keychainStatus->setText(m_secrets->statusText());
    const bool usable = status != SecretStore::Status::Unavailable;
    if (!usable)
        m_keychain->setChecked(false);
    m_keychain->setEnabled(usable);
    revalidate();
}

void ProfileDialog::revalidate()
{
    if (m_updating)
        return;
    const Profile p = profile();
    if (!m_checkResults.isEmpty() && !(p == m_checkedProfile)) {
        // Results of another set-up would mislead.
        m_checkResults.clear();
        m_checkView->clear();
    }
    m_problems = p.validate();
    for (const QString &taken : std::as_const(m_takenNames)) {
        if (taken.compare(p.name, Qt::CaseInsensitive) == 0 &&
            taken.compare(m_original.name, Qt::CaseInsensitive) != 0)
            m_problems.append(tr("There is already a profile named \"%1\".").arg(p.name));
    }
    const bool fromCertificate = p.keyKind == Profile::KeyKind::Pkcs12 || !p.certificateFile.isEmpty();
    if (fromCertificate && (!p.pkcs12File.isEmpty() || !p.certificateFile.isEmpty()) && p.serialNo.isEmpty())
        m_problems.append(tr("The certificate could not be read: %1").arg(m_serialNote->text()));
    if (p.keyKind == Profile::KeyKind::PemFiles && p.secretInKeychain && p.privateKeyFile.isEmpty() &&
        !m_original.secretInKeychain)
        m_problems.append(tr("Choose the private key file to put into the keychain."));

    QStringList bullets;
    for (const QString &problem : std::as_const(m_problems))
        bullets.append(u"• "_s + problem);
    m_problemsLabel->setText(bullets.join(u'\n'));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problems.isEmpty() && m_pendingKey.isEmpty());
}

bool ProfileDialog::secretNeedsWriting(const Profile &p) const
{
    if (!p.secretInKeychain)
        return false;
    if (p.keyKind == Profile::KeyKind::Pkcs12)
        return !m_p12Password->text().isEmpty();
    return !m_original.secretInKeychain || m_original.keyKind != Profile::KeyKind::PemFiles ||
           m_original.privateKeyFile != p.privateKeyFile;
}

QByteArray ProfileDialog::secretForUse(const Profile &p) const
{
    // A PEM key not yet in the keychain is read from its file by the loader.
    return p.keyKind == Profile::KeyKind::Pkcs12 ? m_p12Password->text().toUtf8() : QByteArray();
}

void ProfileDialog::checkProfile()
{
    const Profile p = profile();
    const bool inKeychain = p.secretInKeychain && !secretNeedsWriting(p) && m_original.secretInKeychain;
    if (inKeychain && !(p.keyKind == Profile::KeyKind::Pkcs12 && !m_p12Password->text().isEmpty())) {
        m_pendingKey = secretKeyFor(p);
        setBusy(true);
        m_secrets->readSecret(m_pendingKey);
        return;
    }
    runCheck(p, secretForUse(p));
}

void ProfileDialog::runCheck(const Profile &p, const QByteArray &secret)
{
    m_checkResults = ProfileChecker::check(p, secret);
    m_checkedProfile = p;
    if (!m_knownOrder->isEmpty()) {
        if (ProfileChecker::allPassed(m_checkResults)) {
            m_checkView->showItems(m_checkResults);
            m_checkButton->setEnabled(false);
            m_problemsLabel->setText(tr("Looking up the known order…"));
            m_lookupCheck->start(p.toConnectionSettings(secret), m_knownOrder->query());
            return;
        }
        m_checkResults.append({CheckItem::Check::KnownLookup, CheckItem::Outcome::NotChecked,
                               tr("A known order can be looked up"),
                               tr("Not checked: an earlier check failed.")});
    }
    m_checkView->showItems(m_checkResults);
    Q_EMIT checkFinished();
}

void ProfileDialog::lookupFinished(const CheckItem &item)
{
    m_checkButton->setEnabled(m_pendingKey.isEmpty());
    revalidate(); // clears the offline results if the profile was edited meanwhile
    if (!m_checkResults.isEmpty()) {
        m_checkResults.append(item);
        m_checkView->showItems(m_checkResults);
    }
    Q_EMIT checkFinished();
}

void ProfileDialog::accept()
{
    revalidate();
    if (!m_problems.isEmpty() || !m_pendingKey.isEmpty())
        return;
    const Profile p = profile();
    if (secretNeedsWriting(p)) {
        QByteArray secret;
        if (p.keyKind == Profile::KeyKind::PemFiles) {
            // Only a key that loads goes into the keychain.
            auto key = KeyLoader::privateKeyFromPemFile(p.privateKeyFile);
            if (!key) {
                m_problemsLabel->setText(key.error().message);
                return;
            }
            auto content = KeyLoader::readFile(p.privateKeyFile);
            if (!content) {
                m_problemsLabel->setText(content.error().message);
                return;
            }
            secret = std::move(*content);
        } else {
            secret = m_p12Password->text().toUtf8();
        }
        m_pendingKey = secretKeyFor(p);
        m_pendingProfile = p;
        setBusy(true);
        m_secrets->writeSecret(m_pendingKey, secret);
        return;
    }
    // With no keychain reachable there is nothing to remove from; the profile falls back to its key file.
    if (m_original.secretInKeychain && !p.secretInKeychain &&
        m_secrets->status() != SecretStore::Status::Unavailable) {
        m_pendingKey = secretKeyFor(p);
        m_pendingProfile = p;
        setBusy(true);
        m_secrets->deleteSecret(m_pendingKey);
        return;
    }
    finishAccept(p);
}

void ProfileDialog::finishAccept(const Profile &p)
{
    m_saved = p;
    m_p12Password->clear();
    QDialog::accept();
}

void ProfileDialog::setBusy(bool busy)
{
    m_checkButton->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && m_problems.isEmpty());
    if (busy)
        m_problemsLabel->setText(tr("Waiting for the system keychain…"));
}

} // namespace fenzhang
