#pragma once

// The OS keychain (Windows Credential Manager, macOS Keychain, Secret Service on Linux) through
// QtKeychain, for the one secret a profile may have: its private key PEM or its p12 password.
// Asynchronous: each call starts a job and answers with a signal. There is no plain-file
// fallback: without a usable keychain, status() says Unavailable and every call fails with a
// clear message; the app then keeps only the key file's path.

#include <QByteArray>
#include <QObject>
#include <QString>

namespace fenzhang {

class SecretStore final : public QObject {
    Q_OBJECT
public:
    enum class Status { Unknown, Available, Unavailable };
    enum class Error { None, NotFound, Unavailable, AccessDenied, Other };
    Q_ENUM(Error)

    static QString defaultService(); // "Fenzhang Desk"

    explicit SecretStore(QObject *parent = nullptr);
    // Another service name, so tests never touch the user's real entries.
    SecretStore(const QString &service, QObject *parent);

    QString service() const { return m_service; }
    Status status() const { return m_status; }
    // Translated, for the UI: where secrets go, or why they cannot be kept.
    QString statusText() const;

    // Finds out whether the keychain answers (a read of an entry that does not exist).
    void probe();
    void writeSecret(const QString &key, const QByteArray &secret);
    void readSecret(const QString &key);
    void deleteSecret(const QString &key);
    // Read then write under another key (for a duplicated profile); answers with secretWritten(to).
    void copySecret(const QString &from, const QString &to);

Q_SIGNALS:
    void statusChanged(fenzhang::SecretStore::Status status);
    void secretWritten(const QString &key, fenzhang::SecretStore::Error error, const QString &message);
    // The receiver should clear its copy of secret once used.
    void secretRead(const QString &key, const QByteArray &secret, fenzhang::SecretStore::Error error,
                    const QString &message);
    void secretDeleted(const QString &key, fenzhang::SecretStore::Error error, const QString &message);

private:
    void noteOutcome(Error error, const QString &detail);

    QString m_service;
    Status m_status = Status::Unknown;
    QString m_lastProblem;
};

} // namespace fenzhang
