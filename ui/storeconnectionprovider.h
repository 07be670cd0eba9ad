#pragma once

// The merchant profiles the user saved (ProfileStore), next to fixed ones (the demo, command-line
// settings). A saved profile's secret is read from the keychain only when the profile is picked,
// and kept only for that profile: picking another one lets it go.

#include "connectionprovider.h"
#include "profile/profileconnector.h"

namespace fenzhang {

class ProfileStore;
class SecretStore;

class StoreConnectionProvider final : public ConnectionProvider {
    Q_OBJECT
public:
    // store and secrets are not owned.
    StoreConnectionProvider(ProfileStore *store, SecretStore *secrets, QObject *parent = nullptr);

    void addFixedProfile(const ConnectionProfile &profile);
    QList<ConnectionProfile> profiles() const override;
    void prepare(const QString &id) override;

private:
    ProfileStore *m_store;
    ProfileConnector m_connector;
    QList<ConnectionProfile> m_fixed;
    QString m_preparedId;        // the saved profile whose settings (with secret) are held
    bool m_ready = false;
    ConnectionSettings m_prepared;
    QString m_failure;
};

} // namespace fenzhang
