#include "profileconnection.h"

namespace fenzhang {

ProfileConnection::ProfileConnection(const QString &profileId, ApiClient *client, QObject *parent)
    : QObject(parent), m_profileId(profileId), m_client(client), m_service(new LookupService(client, this))
{
    m_client->setParent(this);
}

ProfileConnection *ProfileConnection::open(const ConnectionProfile &profile, QObject *parent, QString *error)
{
    if (profile.id.isEmpty()) {
        *error = tr("No merchant profile is selected.");
        return nullptr;
    }
    // Still reading the keychain, or it could not be read: nothing may be sent with half a profile.
    if (!profile.unavailableReason.isEmpty()) {
        *error = profile.unavailableReason;
        return nullptr;
    }
    auto client = createApiClient(profile.settings, nullptr);
    if (!client) {
        *error = client.error().message;
        return nullptr;
    }
    return new ProfileConnection(profile.id, client.value(), parent);
}

} // namespace fenzhang
