#include "connectionprovider.h"

namespace fenzhang {

ConnectionProfile ConnectionProvider::profile(const QString &id) const
{
    const auto all = profiles();
    for (const ConnectionProfile &p : all) {
        if (p.id == id)
            return p;
    }
    return {};
}

void StaticConnectionProvider::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_profiles = profiles;
    Q_EMIT profilesChanged();
}

void StaticConnectionProvider::addProfile(const ConnectionProfile &profile)
{
    m_profiles.append(profile);
    Q_EMIT profilesChanged();
}

} // namespace fenzhang
