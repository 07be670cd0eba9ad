#include "storeconnectionprovider.h"

#include "profile/profilestore.h"

namespace fenzhang {

StoreConnectionProvider::StoreConnectionProvider(ProfileStore *store, SecretStore *secrets, QObject *parent)
    : ConnectionProvider(parent), m_store(store), m_connector(secrets)
{
    connect(m_store, &ProfileStore::profilesChanged, this, [this] {
        // An edited profile may name another key: read it again when it is next picked.
        const QString id = m_preparedId;
        m_preparedId.clear();
        m_prepared = {};
        m_ready = false;
        Q_EMIT profilesChanged();
        if (!id.isEmpty() && m_store->byId(id))
            prepare(id);
    });
    connect(&m_connector, &ProfileConnector::ready, this,
            [this](const QString &id, const ConnectionSettings &settings) {
                if (id != m_preparedId)
                    return;
                m_prepared = settings;
                // The key is built now and the PEM or p12 password wiped: while the profile stays
                // selected only the built key (an OpenSSL EVP_PKEY) is held.
                MerchantKeySource &merchant = m_prepared.merchant;
                if (!merchant.privateKeyPem.isEmpty() || !merchant.pkcs12Password.isEmpty())
                    merchant.build();
                m_ready = true;
                m_failure.clear();
                Q_EMIT profileReady(id);
            });
    connect(&m_connector, &ProfileConnector::failed, this, [this](const QString &id, const QString &message) {
        if (id != m_preparedId)
            return;
        m_ready = false;
        m_failure = message;
        Q_EMIT profileReady(id);
    });
}

void StoreConnectionProvider::addFixedProfile(const ConnectionProfile &profile)
{
    m_fixed.append(profile);
    Q_EMIT profilesChanged();
}

QList<ConnectionProfile> StoreConnectionProvider::profiles() const
{
    QList<ConnectionProfile> all = m_fixed;
    for (const Profile &saved : m_store->profiles()) {
        ConnectionProfile profile;
        profile.id = saved.id;
        profile.name = saved.name;
        profile.product = saved.product;
        profile.autoRemainingAmount = saved.autoRemainingAmount;
        if (saved.id == m_preparedId && m_ready) {
            profile.settings = m_prepared;
        } else {
            profile.settings = saved.toConnectionSettings();
            if (saved.id == m_preparedId && !m_failure.isEmpty())
                profile.unavailableReason = m_failure;
            else if (saved.secretInKeychain)
                profile.unavailableReason = tr("The private key of \"%1\" is still being read from the system "
                                               "keychain; try again in a moment.")
                                                .arg(saved.name);
        }
        all.append(profile);
    }
    return all;
}

void StoreConnectionProvider::prepare(const QString &id)
{
    const std::optional<Profile> saved = m_store->byId(id);
    if (!saved) { // a fixed profile: nothing to fetch
        Q_EMIT profileReady(id);
        return;
    }
    m_preparedId = id;
    m_prepared = {}; // the previous profile's secret goes now
    m_ready = false;
    m_failure.clear();
    m_connector.prepare(*saved);
}

} // namespace fenzhang
