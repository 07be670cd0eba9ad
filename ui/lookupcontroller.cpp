#include "lookupcontroller.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

LookupController::LookupController(ConnectionProvider *provider, QObject *parent)
    : QObject(parent), m_provider(provider)
{
    connect(m_provider, &ConnectionProvider::profilesChanged, this, [this] {
        // Settings may have changed under the same id: build the client afresh next time.
        delete m_connection;
        const auto profiles = m_provider->profiles();
        if (m_provider->profile(m_profileId).id.isEmpty())
            setCurrentProfile(profiles.isEmpty() ? QString() : profiles.constFirst().id);
    });
    connect(m_provider, &ConnectionProvider::profileReady, this, [this](const QString &id) {
        if (id != m_profileId)
            return;
        delete m_connection; // built again with the secret that has just arrived
        Q_EMIT currentProfileChanged(id);
    });
}

ConnectionProfile LookupController::currentProfile() const
{
    return m_provider->profile(m_profileId);
}

ExportInfo LookupController::exportInfo() const
{
    const ConnectionProfile profile = currentProfile();
    ExportInfo info;
    info.profile = profile.name;
    info.mchid = profile.settings.merchant.mchid;
    return info;
}

void LookupController::setCurrentProfile(const QString &id)
{
    if (id == m_profileId)
        return;
    m_profileId = id;
    // Jobs of the old client end with it; their pages see the job destroyed and stop waiting.
    delete m_connection;
    Q_EMIT currentProfileChanged(id);
    if (!id.isEmpty())
        m_provider->prepare(id);
}

LookupService *LookupController::service(QString *error)
{
    if (!m_connection)
        m_connection = ProfileConnection::open(currentProfile(), this, error);
    return m_connection ? m_connection->service() : nullptr;
}

void LookupController::watch(LookupJob *job)
{
    connect(job, &LookupJob::attemptStarted, this,
            [this](const QUrl &host, int attempt, ApiJob::AttemptReason reason) {
                Q_EMIT statusMessage(attemptText(host, attempt, reason));
            });
}

LookupJob *LookupController::start(const Query &query, QString *error)
{
    LookupService *s = service(error);
    if (!s)
        return nullptr;
    LookupJob *job = s->lookUp(query);
    watch(job);
    return job;
}

QString LookupController::attemptText(const QUrl &host, int attempt, ApiJob::AttemptReason reason)
{
    const QString name = host.host().isEmpty() ? host.toString() : host.host();
    switch (reason) {
    case ApiJob::AttemptReason::First:
        return tr("Looking up at %1…").arg(name);
    case ApiJob::AttemptReason::FailoverAfterNetworkError:
        return tr("Primary host unreachable — trying backup host %1…").arg(name);
    case ApiJob::AttemptReason::RetryAfterRateLimit:
        return tr("WeChat Pay asked to slow down — retrying (attempt %1)…").arg(attempt);
    case ApiJob::AttemptReason::RetryAfterServerError:
        return tr("WeChat Pay system error — retrying (attempt %1)…").arg(attempt);
    }
    return {};
}

} // namespace fenzhang
