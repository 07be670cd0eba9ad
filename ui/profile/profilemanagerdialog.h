#pragma once

// "Manage profiles": the list of merchant profiles with new, edit, duplicate, rename, delete,
// default, and JSON import/export (without secrets). With no profile yet it says what one needs.
// Keeps the keychain in step: a deleted profile's secret is removed, a duplicated one's is copied.

#include <functional>
#include <QDialog>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;

namespace fenzhang {

class ProfileDialog;
class ProfileStore;
class SecretStore;

class ProfileManagerDialog final : public QDialog {
    Q_OBJECT
public:
    // Neither store is owned.
    ProfileManagerDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);

    // Asked before deleting; tests replace the message box.
    void setConfirmHandler(std::function<bool(const QString &question)> confirm);
    QString selectedId() const;
    void selectProfile(const QString &id);
    QString statusText() const;
    // The status line under the list (main.cpp: why the profiles could not be loaded).
    void showStatus(const QString &text);

    // The buttons' actions, public for tests; they report through statusText().
    ProfileDialog *newProfile();
    // A new profile whose editor starts by asking for the folder with the WeChat Pay files.
    ProfileDialog *newProfileFromFolder();
    // No profile yet: instead of an empty list, what a profile needs and where to start.
    bool isShowingEmptyHelp() const;
    QString emptyHelpText() const;
    ProfileDialog *editSelected();
    void duplicateSelected();
    void deleteSelected();
    void makeSelectedDefault();
    bool exportTo(const QString &path, const QStringList &ids);
    bool importFrom(const QString &path);

private:
    void reload();
    void updateButtons();
    void renameFromItem(QListWidgetItem *item);
    ProfileDialog *openEditor(const QString &id);
    void exportChosen();
    void importChosen();

    ProfileStore *m_store;
    SecretStore *m_secrets;
    std::function<bool(const QString &)> m_confirm;
    QListWidget *m_list;
    QLabel *m_status;
    QStackedWidget *m_listStack;
    QWidget *m_emptyPage;
    QLabel *m_emptyHelp;
    QPushButton *m_newFromFolder;
    QPushButton *m_edit;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_default;
    QPushButton *m_export;
    bool m_reloading = false;
};

} // namespace fenzhang
