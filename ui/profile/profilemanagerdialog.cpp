#include "profilemanagerdialog.h"

#include "messagebox.h"
#include "plaintext.h"
#include "profile/profilestore.h"
#include "profile/profiletrust.h"
#include "profile/secretstore.h"
#include "fileread.h"
#include "profiledialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {
constexpr int idRole = Qt::UserRole;
const char *const jsonFilter = QT_TRANSLATE_NOOP("ProfileManagerDialog", "Profiles (*.json);;All files (*)");
} // namespace

ProfileManagerDialog::ProfileManagerDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets), m_list(new QListWidget), m_status(new QLabel),
      m_listStack(new QStackedWidget), m_emptyPage(new QWidget), m_emptyHelp(new QLabel),
      m_newFromFolder(new QPushButton(tr("New profile from a &folder…")))
{
    setWindowTitle(tr("Merchant profiles"));
    m_confirm = [this](const QString &question) {
        return MessageBox::question(this, windowTitle(), question) == MessageBox::Button::Yes;
    };
    m_list->setObjectName(u"profileList"_s);
    m_list->setAccessibleName(tr("Profiles"));
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // profile names, keychain errors

    m_emptyHelp->setObjectName(u"emptyHelp"_s);
    m_emptyHelp->setTextFormat(Qt::PlainText);
    m_emptyHelp->setWordWrap(true);
    m_emptyHelp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyHelp->setText(
        tr("No merchant profile yet. A profile is one service-provider account; what you need, from "
           "商户平台 → 账户中心 → API安全:\n"
           "  1. the merchant API private key and certificate: apiclient_key.pem + apiclient_cert.pem, "
           "or apiclient_cert.p12\n"
           "  2. the WeChat Pay public key pub_key.pem and its ID PUB_KEY_ID_…\n"
           "  3. your merchant id (mchid)\n"
           "Put the files in one folder and start with \"New profile from a folder…\"."));
    m_newFromFolder->setObjectName(u"newFromFolderButton"_s);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addWidget(m_emptyHelp);
    emptyLayout->addWidget(m_newFromFolder, 0, Qt::AlignLeft);
    emptyLayout->addStretch();
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_emptyPage);

    auto *add = new QPushButton(tr("&New…"));
    m_edit = new QPushButton(tr("&Edit…"));
    m_duplicate = new QPushButton(tr("D&uplicate"));
    m_delete = new QPushButton(tr("&Delete"));
    m_default = new QPushButton(tr("Use as de&fault"));
    // Not the files WeChat Pay issues (that is New… → Import from folder): a profile list exported
    // from this app on another computer.
    auto *import = new QPushButton(tr("&Import profiles (JSON)…"));
    import->setObjectName(u"importJsonButton"_s);
    import->setToolTip(tr("Adds profiles exported from Fenzhang Desk (a .json file, without keys or "
                          "passwords). For the certificate files WeChat Pay issues, use New… → Import "
                          "from folder."));
    m_export = new QPushButton(tr("E&xport profile (JSON)…"));
    m_export->setToolTip(tr("Saves the selected profile as a .json file for a colleague, without keys or "
                            "passwords."));
    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {add, m_edit, m_duplicate, m_delete, m_default, import, m_export})
        buttons->addWidget(button);
    buttons->addStretch();

    auto *row = new QHBoxLayout;
    row->addWidget(m_listStack, 1);
    row->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(close);
    resize(640, 420);

    connect(add, &QPushButton::clicked, this, &ProfileManagerDialog::newProfile);
    connect(m_newFromFolder, &QPushButton::clicked, this, &ProfileManagerDialog::newProfileFromFolder);
    connect(m_edit, &QPushButton::clicked, this, &ProfileManagerDialog::editSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfileManagerDialog::duplicateSelected);
    connect(m_delete, &QPushButton::clicked, this, &ProfileManagerDialog::deleteSelected);
    connect(m_default, &QPushButton::clicked, this, &ProfileManagerDialog::makeSelectedDefault);
    connect(import, &QPushButton::clicked, this, &ProfileManagerDialog::importChosen);
    connect(m_export, &QPushButton::clicked, this, &ProfileManagerDialog::exportChosen);
    connect(close, &QDialogButtonBox::rejected, this, &ProfileManagerDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileManagerDialog::updateButtons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { editSelected(); });
    connect(m_list, &QListWidget::itemChanged, this, &ProfileManagerDialog::renameFromItem);
    connect(m_store, &ProfileStore::profilesChanged, this, &ProfileManagerDialog::reload);
    connect(m_secrets, &SecretStore::secretDeleted, this,
            [this](const QString &, SecretStore::Error error, const QString &message) {
                if (error != SecretStore::Error::None)
                    showStatus(message);
            });
    reload();
}

void ProfileManagerDialog::setConfirmHandler(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

QString ProfileManagerDialog::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(idRole).toString() : QString();
}

void ProfileManagerDialog::selectProfile(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(idRole).toString() == id)
            m_list->setCurrentRow(i);
    }
}

QString ProfileManagerDialog::statusText() const
{
    return m_status->text();
}

void ProfileManagerDialog::reload()
{
    const QString selected = selectedId();
    m_reloading = true;
    m_list->clear();
    const QString defaultId = m_store->defaultProfile() ? m_store->defaultProfile()->id : QString();
    for (const Profile &profile : m_store->profiles()) {
        auto *item = new QListWidgetItem(profile.name, m_list);
        item->setData(idRole, profile.id);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(plainToolTip(tr("mchid %1").arg(profile.mchid)));
        if (profile.id == defaultId) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            item->setToolTip(plainToolTip(tr("mchid %1 — used when the app starts").arg(profile.mchid)));
        }
    }
    m_reloading = false;
    m_listStack->setCurrentWidget(m_list->count() == 0 ? m_emptyPage : static_cast<QWidget *>(m_list));
    selectProfile(selected);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void ProfileManagerDialog::updateButtons()
{
    const bool any = !selectedId().isEmpty();
    for (QPushButton *button : {m_edit, m_duplicate, m_delete, m_default, m_export})
        button->setEnabled(any);
}

void ProfileManagerDialog::showStatus(const QString &text)
{
    m_status->setText(text);
}

ProfileDialog *ProfileManagerDialog::newProfile()
{
    return openEditor(QString());
}

ProfileDialog *ProfileManagerDialog::newProfileFromFolder()
{
    ProfileDialog *editor = newProfile();
    QMetaObject::invokeMethod(editor, &ProfileDialog::chooseFolder, Qt::QueuedConnection);
    return editor;
}

bool ProfileManagerDialog::isShowingEmptyHelp() const
{
    return m_listStack->currentWidget() == m_emptyPage;
}

QString ProfileManagerDialog::emptyHelpText() const
{
    return m_emptyHelp->text();
}

ProfileDialog *ProfileManagerDialog::editSelected()
{
    const QString id = selectedId();
    return id.isEmpty() ? nullptr : openEditor(id);
}

ProfileDialog *ProfileManagerDialog::openEditor(const QString &id)
{
    auto *editor = new ProfileDialog(m_secrets, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (auto existing = m_store->byId(id))
        editor->setProfile(*existing);
    else
        editor->setProfile(Profile::create(QString()));
    editor->setTakenNames(m_store->names());
    connect(editor, &QDialog::accepted, this, [this, editor, id] {
        const Profile profile = editor->profile();
        const auto saved = id.isEmpty() ? m_store->add(profile) : m_store->update(profile);
        if (!saved) {
            showStatus(saved.error());
            return;
        }
        selectProfile(profile.id);
        showStatus(tr("Saved \"%1\".").arg(profile.name));
    });
    editor->open();
    return editor;
}

void ProfileManagerDialog::duplicateSelected()
{
    const auto original = m_store->byId(selectedId());
    if (!original)
        return;
    const auto copy = m_store->duplicate(original->id);
    if (!copy) {
        showStatus(copy.error());
        return;
    }
    selectProfile(copy->id);
    showStatus(tr("Created \"%1\".").arg(copy->name));
    if (!copy->secretInKeychain)
        return;
    // The copy needs its own keychain entry; until it exists it does not claim one.
    Profile pending = *copy;
    pending.secretInKeychain = false;
    m_store->update(pending);
    const QString target = secretKeyFor(*copy);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(m_secrets, &SecretStore::secretWritten, this,
                [this, connection, target, copy](const QString &key, SecretStore::Error error,
                                                 const QString &message) {
                    if (key != target)
                        return;
                    disconnect(*connection);
                    if (error != SecretStore::Error::None) {
                        showStatus(tr("\"%1\" was created without the secret: %2").arg(copy->name, message));
                        return;
                    }
                    if (auto current = m_store->byId(copy->id)) {
                        current->secretInKeychain = true;
                        m_store->update(*current);
                    }
                });
    m_secrets->copySecret(secretKeyFor(*original), target);
}

void ProfileManagerDialog::deleteSelected()
{
    const auto profile = m_store->byId(selectedId());
    if (!profile)
        return;
    if (!m_confirm(
            tr("Delete the profile \"%1\"? Its key files stay where they are; a key kept in the system "
               "keychain for it is removed.")
                .arg(profile->name)))
        return;
    if (auto removed = m_store->remove(profile->id); !removed) {
        showStatus(removed.error());
        return;
    }
    showStatus(tr("Deleted \"%1\".").arg(profile->name));
    if (profile->secretInKeychain)
        m_secrets->deleteSecret(secretKeyFor(*profile));
}

void ProfileManagerDialog::makeSelectedDefault()
{
    if (auto chosen = m_store->setDefaultProfile(selectedId()); !chosen)
        showStatus(chosen.error());
}

void ProfileManagerDialog::renameFromItem(QListWidgetItem *item)
{
    if (m_reloading)
        return;
    const QString id = item->data(idRole).toString();
    const auto profile = m_store->byId(id);
    if (!profile || profile->name == item->text())
        return;
    if (auto renamed = m_store->rename(id, item->text()); !renamed) {
        showStatus(renamed.error());
        reload(); // back to the stored name
    }
}

bool ProfileManagerDialog::exportTo(const QString &path, const QStringList &ids)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_store->exportProfiles(ids)) < 0 || !file.commit()) {
        showStatus(tr("Could not export to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    showStatus(tr("Exported %n profile(s) to %1, without keys or passwords.", nullptr, int(ids.size()))
                   .arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ProfileManagerDialog::importFrom(const QString &path)
{
    const auto bytes = readBounded(path, FileLimits::ProfileFile);
    if (!bytes) {
        showStatus(bytes.error().message);
        return false;
    }
    const QByteArray &fileData = *bytes;
    // Before anything is added: what the file would make this app trust, and the question.
    const auto offered = ProfileStore::parseExport(fileData);
    if (!offered) {
        showStatus(offered.error());
        return false;
    }
    QStringList refused;
    for (const Profile &profile : *offered)
        refused.append(ProfileTrust::remotePathProblems(profile));
    if (!refused.isEmpty()) {
        const QString message = tr("Nothing was imported from %1.\n\n%2")
                                    .arg(QDir::toNativeSeparators(path), refused.join(u"\n"_s));
        showStatus(message);
        MessageBox::warning(this, tr("Import profiles"), message);
        return false;
    }
    if (offered->isEmpty()) {
        showStatus(tr("%1 holds no profile.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    const QString question =
        tr("Importing from %1 makes this app trust what follows: requests signed with these keys go to "
           "these hosts, and answers are trusted when they verify with these files. Import only what you "
           "know the origin of.\n\n%2\n\nImport %n profile(s)?",
           nullptr, int(offered->size()))
            .arg(QDir::toNativeSeparators(path), ProfileTrust::describe(*offered));
    if (MessageBox::question(this, tr("Import profiles"), question) != MessageBox::Button::Yes) {
        showStatus(tr("Nothing was imported."));
        return false;
    }
    auto added = m_store->importProfiles(fileData);
    if (!added) {
        showStatus(added.error());
        return false;
    }
    showStatus(tr("Imported %n profile(s). Check each one: keys kept in another computer's keychain are not "
                  "part of an export.",
                  nullptr, int(added->size())));
    if (!added->isEmpty())
        selectProfile(added->first().id);
    return true;
}

void ProfileManagerDialog::exportChosen()
{
    const auto profile = m_store->byId(selectedId());
    if (!profile)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export profile"), QDir::home().filePath(profile->name + u".json"_s), tr(jsonFilter));
    if (!path.isEmpty())
        exportTo(path, {profile->id});
}

void ProfileManagerDialog::importChosen()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import profiles"), QDir::homePath(), tr(jsonFilter));
    if (!path.isEmpty())
        importFrom(path);
}

} // namespace fenzhang
