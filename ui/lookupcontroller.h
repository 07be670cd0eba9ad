#pragma once

// Owns the LookupService of the selected profile (built on first use, rebuilt when the profile
// changes), starts look-ups for the pages, and turns each attempt into a status-line message
// ("Primary host unreachable — trying backup host…").

#include "api/lookupservice.h"
#include "connectionprovider.h"
#include "format/exporttable.h"
#include "profileconnection.h"

#include <QObject>
#include <QPointer>

namespace fenzhang {

class LookupController final : public QObject {
    Q_OBJECT
public:
    explicit LookupController(ConnectionProvider *provider, QObject *parent = nullptr);

    ConnectionProvider *provider() const { return m_provider; }
    QString currentProfileId() const { return m_profileId; }
    ConnectionProfile currentProfile() const;
    void setCurrentProfile(const QString &id);

    // nullptr with *error set when there is no profile or its keys could not be loaded.
    LookupJob *start(const Query &query, QString *error); // any kind

    // What a workbook's About sheet says of the current profile: its name and mchid.
    ExportInfo exportInfo() const;

    static QString attemptText(const QUrl &host, int attempt, ApiJob::AttemptReason reason);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void currentProfileChanged(const QString &id);

private:
    LookupService *service(QString *error);
    void watch(LookupJob *job);

    ConnectionProvider *m_provider;
    QString m_profileId;
    QPointer<ProfileConnection> m_connection;
};

} // namespace fenzhang
