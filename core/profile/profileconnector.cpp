#include "profile/profileconnector.h"

#include "crypto/secretwipe.h"
#include "profile/secretstore.h"

#include <QCoreApplication>

namespace fenzhang {

ProfileConnector::ProfileConnector(SecretStore *secrets, QObject *parent)
    : QObject(parent), m_secrets(secrets)
{
    connect(m_secrets, &SecretStore::secretRead, this,
            [this](const QString &key, const QByteArray &secret, SecretStore::Error error,
                   const QString &message) {
                const auto it = m_waiting.constFind(key);
                if (it == m_waiting.constEnd())
                    return;
                const Profile profile = it.value();
                m_waiting.erase(it);
                if (error != SecretStore::Error::None) {
                    Q_EMIT failed(profile.id,
                                  QCoreApplication::translate("ProfileConnector", "Profile \"%1\": %2")
                                      .arg(profile.name, message));
                    return;
                }
                Q_EMIT ready(profile.id, profile.toConnectionSettings(secret));
            });
}

void ProfileConnector::prepare(const Profile &profile, const QString &typedPassword)
{
    if (!profile.secretInKeychain || !typedPassword.isEmpty()) {
        QByteArray password = typedPassword.toUtf8();
        const Secret::WipeOnExit wipe(password);
        Q_EMIT ready(profile.id, profile.toConnectionSettings(password));
        return;
    }
    const QString key = secretKeyFor(profile);
    const bool alreadyAsked = m_waiting.contains(key);
    m_waiting.insert(key, profile);
    if (!alreadyAsked)
        m_secrets->readSecret(key);
}

} // namespace fenzhang
