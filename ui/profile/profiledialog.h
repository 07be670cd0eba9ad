#pragma once

// Creates or edits one merchant profile: the files WeChat Pay hands out (p12, or key + certificate,
// and the WeChat Pay public key with its id), the derived serial, hosts, timeout and CA. Validates
// as the user types, runs "Check profile", and on OK puts the private key (or p12 password) into
// the system keychain when the user asks for it, staying open with the reason if that fails.

#include "profile/profile.h"
#include "profile/profilechecker.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace fenzhang {

class FilePathEdit;
class ImportChecklist;
class KnownOrderBox;
class ProfileLookupCheck;
class ProfileCheckView;
class WechatPaySettingsWidget;
class SecretStore;

class ProfileDialog final : public QDialog {
    Q_OBJECT
public:
    // secrets may be shared by several dialogs; it is not owned.
    explicit ProfileDialog(SecretStore *secrets, QWidget *parent = nullptr);

    void setProfile(const Profile &profile);
    // The profile as the fields describe it; after accept(), as saved (secretInKeychain settled).
    Profile profile() const;
    // Names of the other profiles: a new name must differ.
    void setTakenNames(const QStringList &names);
    QStringList problems() const { return m_problems; }
    QList<CheckItem> checkResults() const { return m_checkResults; }

    // Fills the key and public key fields from a folder holding the merchant's files, then lists
    // what was found and what is missing (importChecklist()).
    void importFolder(const QString &folder);
    // Asks for that folder (the picker names the files it looks for).
    void chooseFolder();
    ImportChecklist *importChecklist() const { return m_checklist; }
    // What "Import from folder" looks for, in one sentence.
    static QString folderFilesText();

public Q_SLOTS:
    void accept() override;
    void checkProfile();

Q_SIGNALS:
    void checkFinished();

private:
    void buildUi();
    QWidget *buildKeyGroup();
    void fitToScreen();
    void updateKeyKind();
    void updateProduct();
    void updateDerived();
    void updateKeychainStatus();
    void revalidate();
    bool secretNeedsWriting(const Profile &profile) const;
    QByteArray secretForUse(const Profile &profile) const;
    void runCheck(const Profile &profile, const QByteArray &secret);
    void lookupFinished(const CheckItem &item);
    void finishAccept(const Profile &profile);
    void setBusy(bool busy);

    SecretStore *m_secrets;
    Profile m_original;
    Profile m_saved;
    QStringList m_takenNames;
    QStringList m_problems;
    QList<CheckItem> m_checkResults;
    Profile m_checkedProfile; // what m_checkResults are about
    QString m_pendingKey;     // keychain entry an operation is running for
    Profile m_pendingProfile; // saved once that operation succeeds
    bool m_updating = false;

    QLineEdit *m_name;
    QLineEdit *m_mchid;
    QComboBox *m_product;
    QLabel *m_productNote;
    QCheckBox *m_autoRemaining;
    QRadioButton *m_p12Radio;
    QRadioButton *m_pemRadio;
    FilePathEdit *m_p12File;
    QLineEdit *m_p12Password;
    FilePathEdit *m_keyFile;
    FilePathEdit *m_certFile;
    QLineEdit *m_serial;
    QLabel *m_serialNote;
    QCheckBox *m_keychain;
    QLabel *m_keychainStatus;
    WechatPaySettingsWidget *m_wechatPay;
    KnownOrderBox *m_knownOrder;
    ProfileLookupCheck *m_lookupCheck;
    QLabel *m_problemsLabel;
    ImportChecklist *m_checklist;
    QPushButton *m_checkButton;
    ProfileCheckView *m_checkView;
    QDialogButtonBox *m_buttons;
    QList<QWidget *> m_p12Widgets;
    QList<QWidget *> m_pemWidgets;
};

} // namespace fenzhang
