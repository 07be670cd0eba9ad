#pragma once

// One merchant profile's connection to WeChat Pay: the ApiClient and the LookupService on it,
// owned together. open() is the one place the desktop app builds them, with the rules every page
// needs: a profile is selected, its keychain secret has been read (unavailableReason is empty), and
// its keys load. LookupController holds one for the look-up pages and BatchPage one of its own (so
// a batch never queues behind, or cancels, a single look-up). Nothing here talks to the network
// beyond building the core client.

#include "api/lookupservice.h"
#include "connectionprovider.h"

#include <QObject>

namespace fenzhang {

class ProfileConnection final : public QObject {
    Q_OBJECT
public:
    // nullptr with *error set (translated) when the profile cannot be used yet or at all.
    static ProfileConnection *open(const ConnectionProfile &profile, QObject *parent, QString *error);

    const QString &profileId() const { return m_profileId; }
    ApiClient *client() const { return m_client; }
    LookupService *service() const { return m_service; }

private:
    ProfileConnection(const QString &profileId, ApiClient *client, QObject *parent);
    QString m_profileId;
    ApiClient *m_client;       // child
    LookupService *m_service;  // child
};

} // namespace fenzhang
