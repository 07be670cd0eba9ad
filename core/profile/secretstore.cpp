#include "profile/secretstore.h"

#include "crypto/secretwipe.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const QString probeKey = u"fenzhang-desk/availability-probe"_s;

SecretStore::Error errorFrom(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Error::None;
    case QKeychain::EntryNotFound:
        return SecretStore::Error::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Error::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Error::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return SecretStore::Error::Other;
}

template <typename JobType> JobType *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    // Never let QtKeychain keep the secret in a plain settings file.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

QString SecretStore::defaultService()
{
    return u"Fenzhang Desk"_s;
}

SecretStore::SecretStore(QObject *parent) : SecretStore(defaultService(), parent) {}

SecretStore::SecretStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

QString SecretStore::statusText() const
{
    switch (m_status) {
    case Status::Unknown:
        return tr("Checking the system keychain…");
    case Status::Available:
        return tr("Private keys and p12 passwords are kept in the system keychain.");
    case Status::Unavailable:
        return tr("No system keychain is available (%1). Secrets are not stored: the key file is read from "
                  "its path when needed, and a p12 password other than the mchid is asked each time.")
            .arg(m_lastProblem);
    }
    return {};
}

void SecretStore::noteOutcome(Error error, const QString &detail)
{
    Status status = m_status;
    if (error == Error::None || error == Error::NotFound) {
        status = Status::Available;
    } else if (error == Error::Unavailable || error == Error::Other) {
        // On Linux a missing Secret Service comes back as OtherError (a D-Bus failure).
        status = Status::Unavailable;
        m_lastProblem = detail;
    }
    if (status != m_status) {
        m_status = status;
        Q_EMIT statusChanged(m_status);
    }
}

void SecretStore::probe()
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, probeKey, this);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        noteOutcome(errorFrom(finished->error()), finished->errorString());
    });
    job->start();
}

void SecretStore::writeSecret(const QString &key, const QByteArray &secret)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        const Error error = errorFrom(finished->error());
        noteOutcome(error, finished->errorString());
        const QString message =
            error == Error::None
                ? QString()
                : tr("Could not store the secret in the system keychain: %1").arg(finished->errorString());
        // The job keeps its copy until it is deleted; make that copy empty now.
        static_cast<QKeychain::WritePasswordJob *>(finished)->setBinaryData({});
        Q_EMIT secretWritten(key, error, message);
    });
    job->start();
}

void SecretStore::readSecret(const QString &key)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        const Error error = errorFrom(finished->error());
        noteOutcome(error, finished->errorString());
        QString message;
        if (error == Error::NotFound)
            message = tr("The system keychain holds no secret for this profile; choose the key file again.");
        else if (error != Error::None)
            message =
                tr("Could not read the secret from the system keychain: %1").arg(finished->errorString());
        QByteArray secret;
        if (error == Error::None) {
            // Our own copy goes to the receivers; QtKeychain's, in the finished job, is wiped now.
            QByteArray held = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
            secret = Secret::ownCopy(held);
            Secret::wipe(held);
        }
        Q_EMIT secretRead(key, secret, error, message);
        Secret::wipeIfLast(secret); // receivers copy what they keep (ProfileConnector builds the key)
    });
    job->start();
}

void SecretStore::deleteSecret(const QString &key)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        Error error = errorFrom(finished->error());
        noteOutcome(error, finished->errorString());
        if (error == Error::NotFound)
            error = Error::None; // already gone is what was asked
        const QString message =
            error == Error::None
                ? QString()
                : tr("Could not remove the secret from the system keychain: %1").arg(finished->errorString());
        Q_EMIT secretDeleted(key, error, message);
    });
    job->start();
}

void SecretStore::copySecret(const QString &from, const QString &to)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, from, this);
    connect(job, &QKeychain::Job::finished, this, [this, to](QKeychain::Job *finished) {
        const Error error = errorFrom(finished->error());
        noteOutcome(error, finished->errorString());
        if (error != Error::None) {
            Q_EMIT secretWritten(
                to, error,
                tr("Could not copy the secret in the system keychain: %1").arg(finished->errorString()));
            return;
        }
        writeSecret(to, static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData());
    });
    job->start();
}

} // namespace fenzhang
