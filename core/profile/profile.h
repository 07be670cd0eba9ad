#pragma once

// One merchant set-up as the user keeps it: who they are (mchid, certificate serial), where the
// private key comes from, how answers are verified, and how WeChat Pay is reached. A value type
// holding paths and settings only: secrets (the private key PEM kept in the keychain, or a p12
// password) are passed in when a connection is made and never stored here.

#include "api/connection.h"
#include "lookup/product.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace fenzhang {

struct Profile {
    enum class KeyKind {
        PemFiles, // apiclient_key.pem + apiclient_cert.pem
        Pkcs12,   // apiclient_cert.p12
    };

    QString id; // stable, survives renames; names the keychain entry
    QString name;
    QString mchid;
    QString serialNo; // derived from the certificate; typed only when there is none
    // Which profit-sharing product the merchant uses: the endpoints and numbers of its look-ups.
    Product product = Product::ServiceProvider;
    // The desktop looks up the remaining amount (剩余待分金额) by itself when an order is FINISHED.
    bool autoRemainingAmount = false;

    KeyKind keyKind = KeyKind::PemFiles;
    QString privateKeyFile;  // PemFiles: where the key is (or was imported from, when in the keychain)
    QString certificateFile; // PemFiles
    QString pkcs12File;      // Pkcs12
    // PemFiles: the key PEM is in the OS keychain. Pkcs12: the p12 password is in the keychain.
    // When false, a PEM key is read from privateKeyFile when needed, and a p12 password other
    // than the mchid has to be typed each time.
    bool secretInKeychain = false;

    QString publicKeyId;   // PUB_KEY_ID_...
    QString publicKeyFile; // pub_key.pem
    QStringList platformCertificateFiles;

    QUrl primaryUrl = ClientConfig().primaryUrl;
    QUrl backupUrl = ClientConfig().backupUrl;
    int timeoutMs = ClientConfig().timeoutMs;
    QString caFile;

    static constexpr int minimumTimeoutMs = 1000;
    static constexpr int maximumTimeoutMs = 120000;

    // A fresh profile with a new id and the default hosts.
    static Profile create(const QString &name);

    // secret: the private key PEM (PemFiles kept in the keychain) or the p12 password (Pkcs12);
    // empty means "none": the key file is read, and a p12 is opened with the mchid.
    ConnectionSettings toConnectionSettings(const QByteArray &secret = {}) const;

    // Problems that make the profile unusable, translated, for validation as the user types.
    // Files are not opened here (ProfileChecker does that).
    QStringList validate() const;

    // Without any secret by construction: only paths and settings are written.
    QJsonObject toJson() const;
    static Profile fromJson(const QJsonObject &object);

    bool operator==(const Profile &other) const = default;
};

// The keychain entry name for a profile's secret.
QString secretKeyFor(const Profile &profile);

} // namespace fenzhang
