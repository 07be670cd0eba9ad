#pragma once

// Turns a profile into the ConnectionSettings createApiClient takes, fetching the profile's secret
// from the keychain first when it keeps one there. The settings then hold their own copy of the key
// PEM (or p12 password): the receiver calls settings.merchant.build() at once, which builds the key
// and wipes that copy. The keychain's bytes are wiped by SecretStore when secretRead() returns.

#include "api/connection.h"
#include "profile/profile.h"

#include <QHash>
#include <QObject>

namespace fenzhang {

class SecretStore;

class ProfileConnector final : public QObject {
    Q_OBJECT
public:
    // secrets is not owned.
    ProfileConnector(SecretStore *secrets, QObject *parent = nullptr);

    // Answers with ready() or failed() for profile.id, possibly before returning (no keychain
    // needed). typedPassword: a p12 password the user typed for a profile that keeps none.
    void prepare(const Profile &profile, const QString &typedPassword = {});

Q_SIGNALS:
    void ready(const QString &profileId, const fenzhang::ConnectionSettings &settings);
    void failed(const QString &profileId, const QString &message);

private:
    SecretStore *m_secrets;
    QHash<QString, Profile> m_waiting; // by keychain entry
};

} // namespace fenzhang
