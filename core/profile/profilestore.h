#pragma once

// The user's merchant profiles, kept as JSON in the app's config folder (written atomically) and
// exported/imported as JSON to move them to another machine. Never holds a secret: the keychain
// (SecretStore) does. Every change is saved at once. Like the rest of core/, an operation that can
// fail returns an Expected: success, or the translated reason why not.

#include "expected.h"
#include "profile/profile.h"

#include <optional>
#include <QList>
#include <QObject>
#include <QString>

namespace fenzhang {

class ProfileStore final : public QObject {
    Q_OBJECT
public:
    // The file in QStandardPaths::AppConfigLocation, or in $FENZHANG_PROFILES_DIR when that is set.
    explicit ProfileStore(QObject *parent = nullptr);
    ProfileStore(const QString &filePath, QObject *parent);

    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }
    // The file on disk could be neither read nor moved aside: every save is refused so it is never
    // overwritten (the reason is what load() returned).
    bool isSaveBlocked() const { return m_saveBlocked; }

    // No file yet is fine (no profiles). A file that cannot be understood is renamed to
    // "<name>.corrupt" so nothing is lost, the store starts empty and load() returns an error
    // saying where the old file went.
    Expected<void, QString> load();
    Expected<void, QString> save();

    const QList<Profile> &profiles() const { return m_profiles; }
    QStringList names() const;
    std::optional<Profile> byId(const QString &id) const;
    std::optional<Profile> byName(const QString &name) const; // case-insensitive
    // The unique name nearest to base: "base", "base (2)", "base (3)"...
    QString uniqueName(const QString &base) const;

    // Each edit changes the profiles in memory and then saves them: an error says why the edit was
    // refused, or that it was made but could not be saved.
    // add/update refuse an empty or taken name; add gives the profile an id if it has none.
    Expected<void, QString> add(const Profile &profile);
    Expected<void, QString> update(const Profile &profile); // by id
    Expected<void, QString> rename(const QString &id, const QString &newName);
    Expected<void, QString> remove(const QString &id);
    // A copy under a new id and name. Its secret is not copied here (SecretStore::copySecret).
    Expected<Profile, QString> duplicate(const QString &id);

    QString defaultProfileId() const { return m_defaultId; }
    std::optional<Profile> defaultProfile() const; // the first profile when none was picked
    Expected<void, QString> setDefaultProfile(const QString &id);

    QByteArray exportProfiles(const QStringList &ids) const;
    // Adds the profiles of an export under new ids (names made unique); their secrets are not in
    // the export, so they start without any in the keychain. Returns the added profiles.
    Expected<QList<Profile>, QString> importProfiles(const QByteArray &data);
    static Expected<QList<Profile>, QString> parseExport(const QByteArray &data);

Q_SIGNALS:
    void profilesChanged();

private:
    bool nameTaken(const QString &name, const QString &exceptId) const;
    int indexOf(const QString &id) const;
    Expected<void, QString> commit();

    QString m_filePath;
    QList<Profile> m_profiles;
    QString m_defaultId;
    bool m_saveBlocked = false; // the file on disk could not be read nor moved aside: never overwrite it
};

} // namespace fenzhang
