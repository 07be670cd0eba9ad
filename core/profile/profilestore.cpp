#include "profile/profilestore.h"

#include "fileread.h"
#include "profile/profiletrust.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const QString formatName = u"fenzhang-desk-profiles"_s;
constexpr int formatVersion = 1;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject document(const QList<Profile> &profiles, const QString &defaultId)
{
    QJsonArray array;
    for (const Profile &profile : profiles)
        array.append(profile.toJson());
    QJsonObject root{{u"format"_s, formatName}, {u"version"_s, formatVersion}, {u"profiles"_s, array}};
    if (!defaultId.isNull())
        root.insert(u"defaultProfile"_s, defaultId);
    return root;
}

struct Parsed {
    QList<Profile> profiles;
    QString defaultId;
};

Expected<Parsed, QString> parse(const QByteArray &data)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (doc.isNull())
        return unexpected(ProfileStore::tr("The profiles are not valid JSON (%1 at byte %2).")
                              .arg(error.errorString())
                              .arg(error.offset));
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(u"format"_s).toString() != formatName)
        return unexpected(ProfileStore::tr("This is not a Fenzhang Desk profile file."));
    const int version = root.value(u"version"_s).toInt(0);
    if (version < 1)
        return unexpected(ProfileStore::tr("The profile file has no valid version."));
    if (version > formatVersion)
        return unexpected(ProfileStore::tr("The profile file was written by a newer version of Fenzhang Desk "
                                           "(format %1); update the app to read it.")
                              .arg(version));
    Parsed parsed;
    const QJsonArray array = root.value(u"profiles"_s).toArray();
    for (const auto &value : array) {
        if (!value.isObject())
            return unexpected(ProfileStore::tr("The profile file holds an entry that is not a profile."));
        Profile profile = Profile::fromJson(value.toObject());
        if (profile.name.trimmed().isEmpty())
            return unexpected(ProfileStore::tr("The profile file holds a profile without a name."));
        if (profile.id.isEmpty())
            profile.id = newId();
        parsed.profiles.append(profile);
    }
    parsed.defaultId = root.value(u"defaultProfile"_s).toString();
    return parsed;
}

} // namespace

ProfileStore::ProfileStore(QObject *parent) : ProfileStore(defaultFilePath(), parent) {}

ProfileStore::ProfileStore(const QString &filePath, QObject *parent) : QObject(parent), m_filePath(filePath)
{
}

QString ProfileStore::defaultFilePath()
{
    // FENZHANG_PROFILES_DIR moves the file (tests on every platform, a portable install): off
    // Linux AppConfigLocation ignores XDG_CONFIG_HOME, so nothing else can.
    const QString overridden = qEnvironmentVariable("FENZHANG_PROFILES_DIR");
    if (!overridden.isEmpty())
        return QDir(overridden).filePath(u"profiles.json"_s);
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/profiles.json"_s;
}

Expected<void, QString> ProfileStore::load()
{
    m_profiles.clear();
    m_defaultId.clear();
    m_saveBlocked = false;
    if (!QFileInfo::exists(m_filePath)) {
        Q_EMIT profilesChanged();
        return {};
    }
    const auto read = readBounded(m_filePath, FileLimits::ProfileFile);
    if (!read) {
        m_saveBlocked = true;
        Q_EMIT profilesChanged();
        return unexpected(tr("Could not read the profiles in %1: %2")
                              .arg(QDir::toNativeSeparators(m_filePath), read.error().message));
    }
    const QByteArray &data = *read;
    auto parsed = parse(data);
    if (parsed) {
        m_profiles = parsed->profiles;
        m_defaultId = parsed->defaultId;
        Q_EMIT profilesChanged();
        return {};
    }

    // Keep the unreadable file for the user (or support) rather than overwrite it later.
    QString aside = m_filePath + u".corrupt"_s;
    for (int n = 2; QFile::exists(aside); ++n)
        aside = m_filePath + u".%1.corrupt"_s.arg(n);
    QString error;
    if (QFile::rename(m_filePath, aside))
        error = tr("The profiles file could not be read: %1 It was kept as %2 and the app starts without "
                   "profiles.")
                    .arg(parsed.error(), QDir::toNativeSeparators(aside));
    else {
        error = tr("The profiles file %1 could not be read: %2 It could not be moved aside either; "
                   "it will not be overwritten until you move it.")
                    .arg(QDir::toNativeSeparators(m_filePath), parsed.error());
        m_saveBlocked = true;
    }
    Q_EMIT profilesChanged();
    return unexpected(error);
}

Expected<void, QString> ProfileStore::save()
{
    if (m_saveBlocked) {
        return unexpected(
            tr("The profiles file %1 could not be read and is left untouched; move it away to save profiles.")
                .arg(QDir::toNativeSeparators(m_filePath)));
    }
    if (QFile::exists(m_filePath) && !QFileInfo(m_filePath).isWritable())
        return unexpected(
            tr("The profiles file %1 is not writable.").arg(QDir::toNativeSeparators(m_filePath)));
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return unexpected(tr("Could not save the profiles to %1: %2")
                              .arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    }
    file.write(QJsonDocument(document(m_profiles, m_defaultId)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return unexpected(tr("Could not save the profiles to %1: %2")
                              .arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    }
    return {};
}

QStringList ProfileStore::names() const
{
    QStringList result;
    for (const Profile &profile : m_profiles)
        result.append(profile.name);
    return result;
}

std::optional<Profile> ProfileStore::byId(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_profiles.at(index);
}

std::optional<Profile> ProfileStore::byName(const QString &name) const
{
    for (const Profile &profile : m_profiles) {
        if (profile.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return profile;
    }
    return std::nullopt;
}

QString ProfileStore::uniqueName(const QString &base) const
{
    const QString trimmed = base.trimmed().isEmpty() ? tr("Profile") : base.trimmed();
    QString candidate = trimmed;
    for (int n = 2; nameTaken(candidate, {}); ++n)
        candidate = u"%1 (%2)"_s.arg(trimmed).arg(n);
    return candidate;
}

Expected<void, QString> ProfileStore::add(const Profile &profile)
{
    if (profile.name.trimmed().isEmpty())
        return unexpected(tr("The profile needs a name."));
    if (nameTaken(profile.name, {}))
        return unexpected(tr("There is already a profile named \"%1\".").arg(profile.name.trimmed()));
    Profile added = profile;
    added.name = profile.name.trimmed();
    if (added.id.isEmpty() || indexOf(added.id) >= 0)
        added.id = newId();
    m_profiles.append(added);
    return commit();
}

Expected<void, QString> ProfileStore::update(const Profile &profile)
{
    const int index = indexOf(profile.id);
    if (index < 0)
        return unexpected(tr("The profile \"%1\" no longer exists.").arg(profile.name));
    if (profile.name.trimmed().isEmpty())
        return unexpected(tr("The profile needs a name."));
    if (nameTaken(profile.name, profile.id))
        return unexpected(tr("There is already a profile named \"%1\".").arg(profile.name.trimmed()));
    m_profiles[index] = profile;
    m_profiles[index].name = profile.name.trimmed();
    return commit();
}

Expected<void, QString> ProfileStore::rename(const QString &id, const QString &newName)
{
    auto profile = byId(id);
    if (!profile)
        return unexpected(tr("The profile no longer exists."));
    profile->name = newName;
    return update(*profile);
}

Expected<void, QString> ProfileStore::remove(const QString &id)
{
    const int index = indexOf(id);
    if (index < 0)
        return unexpected(tr("The profile no longer exists."));
    m_profiles.removeAt(index);
    if (m_defaultId == id)
        m_defaultId.clear();
    return commit();
}

Expected<Profile, QString> ProfileStore::duplicate(const QString &id)
{
    auto source = byId(id);
    if (!source)
        return unexpected(tr("The profile no longer exists."));
    Profile copy = *source;
    copy.id = newId();
    copy.name = uniqueName(tr("%1 (copy)").arg(source->name));
    if (auto added = add(copy); !added)
        return unexpected(added.error());
    return copy;
}

std::optional<Profile> ProfileStore::defaultProfile() const
{
    if (auto chosen = byId(m_defaultId))
        return chosen;
    if (m_profiles.isEmpty())
        return std::nullopt;
    return m_profiles.first();
}

Expected<void, QString> ProfileStore::setDefaultProfile(const QString &id)
{
    if (indexOf(id) < 0)
        return unexpected(tr("The profile no longer exists."));
    m_defaultId = id;
    return commit();
}

QByteArray ProfileStore::exportProfiles(const QStringList &ids) const
{
    QList<Profile> chosen;
    for (const Profile &profile : m_profiles) {
        if (ids.contains(profile.id))
            chosen.append(profile);
    }
    return QJsonDocument(document(chosen, QString())).toJson(QJsonDocument::Indented);
}

Expected<QList<Profile>, QString> ProfileStore::parseExport(const QByteArray &data)
{
    auto parsed = parse(data);
    if (!parsed)
        return unexpected(parsed.error());
    return parsed->profiles;
}

Expected<QList<Profile>, QString> ProfileStore::importProfiles(const QByteArray &data)
{
    auto parsed = parseExport(data);
    if (!parsed)
        return parsed;
    // Keys and trust anchors on another computer are refused before anything is added.
    QStringList refused;
    for (const Profile &profile : *parsed) {
        for (const QString &problem : ProfileTrust::remotePathProblems(profile))
            refused.append(tr("%1: %2").arg(profile.name, problem));
    }
    if (!refused.isEmpty())
        return unexpected(tr("Nothing was imported. %1").arg(refused.join(u' ')));
    QList<Profile> added;
    for (Profile profile : *parsed) {
        profile.id = newId();
        profile.name = uniqueName(profile.name);
        // The secret stayed in the other machine's keychain.
        profile.secretInKeychain = false;
        m_profiles.append(profile);
        added.append(profile);
    }
    if (auto saved = commit(); !saved)
        return unexpected(saved.error());
    return added;
}

bool ProfileStore::nameTaken(const QString &name, const QString &exceptId) const
{
    for (const Profile &profile : m_profiles) {
        if (profile.id != exceptId && profile.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

int ProfileStore::indexOf(const QString &id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

Expected<void, QString> ProfileStore::commit()
{
    auto saved = save();
    Q_EMIT profilesChanged();
    return saved;
}

} // namespace fenzhang
