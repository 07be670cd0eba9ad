#pragma once

// Where the desktop app gets the merchant accounts it can look up with. For now the demo profile
// and a profile from command-line connection settings (StaticConnectionProvider); the profile
// store with keychain secrets (issue 5) plugs in here by implementing ConnectionProvider.

#include "api/connection.h"
#include "lookup/queries.h"

#include <QList>
#include <QObject>

namespace fenzhang {

struct ConnectionProfile {
    QString id;   // stable key, remembered as the last profile
    QString name; // shown in the selector
    ConnectionSettings settings;
    bool demo = false; // talks to the built-in sandbox: marked DEMO everywhere
    // Which profit-sharing product the merchant uses: the forms ask its numbers, look-ups go to its
    // endpoints.
    Product product = Product::ServiceProvider;
    // Look up the remaining amount (剩余待分金额) by itself when an order is FINISHED.
    bool autoRemainingAmount = false;
    // Numbers known to exist (the sandbox's samples, of the profile's product), pre-filled into the
    // forms when set (a sample's own number — out_order_no, out_return_no — is never empty).
    OrderQuery sampleOrder;
    ReturnQuery sampleReturn;
    // Why look-ups cannot run with this profile yet (its key is still being read from the
    // keychain, or could not be): shown instead of starting a look-up. Empty when usable.
    QString unavailableReason;
};

class ConnectionProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QList<ConnectionProfile> profiles() const = 0;
    // nullptr-safe look-up by id; an empty profile (no id) when absent.
    ConnectionProfile profile(const QString &id) const;
    // The profile was picked: fetch what it needs (a keychain secret), then profileReady(id).
    virtual void prepare(const QString &id) { Q_EMIT profileReady(id); }

Q_SIGNALS:
    void profilesChanged();
    void profileReady(const QString &id);
};

class StaticConnectionProvider final : public ConnectionProvider {
    Q_OBJECT
public:
    using ConnectionProvider::ConnectionProvider;

    QList<ConnectionProfile> profiles() const override { return m_profiles; }
    void setProfiles(const QList<ConnectionProfile> &profiles);
    void addProfile(const ConnectionProfile &profile);

private:
    QList<ConnectionProfile> m_profiles;
};

} // namespace fenzhang
