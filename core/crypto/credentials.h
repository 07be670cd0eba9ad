#pragma once

// The two halves of a merchant's set-up: what signs requests (MerchantCredentials) and what
// verifies answers (VerifierKeyRing), each loaded from the files named in a source struct.

#include "crypto/keyerror.h"
#include "crypto/rsakey.h"
#include "expected.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace fenzhang {

struct MerchantCredentials;

struct MerchantKeySource {
    QString mchid;
    QString privateKeyFile;  // apiclient_key.pem (PKCS#8 or PKCS#1)
    QString certificateFile; // apiclient_cert.pem: the serial is read from it
    QString pkcs12File;      // apiclient_cert.p12: key and certificate in one
    QString pkcs12Password;  // empty: the mchid, as WeChat Pay issues them
    QString serialNo;        // only when no certificate is given
    // The private key PEM held in memory (read from the OS keychain); used instead of privateKeyFile.
    // Last, with a default, so positional initialisers of the fields above keep compiling
    // (-Wmissing-field-initializers skips members that have a default).
    QByteArray privateKeyPem = {};
    // The outcome of loading the fields above, set by build(): the key held as an OpenSSL EVP_PKEY
    // (or why it could not be loaded). MerchantCredentials::load() returns it as it is.
    std::shared_ptr<const Expected<MerchantCredentials, KeyError>> built = {};

    // Loads the key and certificate now, keeps the outcome in `built`, and wipes privateKeyPem and
    // pkcs12Password (Secret::wipe, also in every copy sharing them): from then on no copy of this
    // source holds the secret, only the built key.
    void build();
    // Wipes privateKeyPem and pkcs12Password without building.
    void wipeSecrets();
};

struct MerchantCredentials {
    QString mchid;
    QString serialNo; // upper-case hex
    RsaPrivateKey privateKey;
    Certificate certificate; // null when only a key file and a typed serial were given

    // Checks: mchid is digits, key is RSA >= 2048 bits, key matches the certificate.
    static Expected<MerchantCredentials, KeyError> load(const MerchantKeySource &source);
};

struct WechatPayKeySource {
    QString publicKeyId;   // PUB_KEY_ID_...
    QString publicKeyFile; // pub_key.pem
    QStringList platformCertificateFiles;
};

// The keys answers are verified with, by Wechatpay-Serial: the WeChat Pay public key under its id,
// and platform certificates under their serials.
class VerifierKeyRing final {
public:
    void addPublicKey(const QString &keyId, const RsaPublicKey &key);
    void addCertificate(const Certificate &certificate);

    RsaPublicKey find(const QString &serial) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    QStringList serials() const;
    // The serial sent as the request's Wechatpay-Serial: the public key id if there is one,
    // else the platform certificate that expires last.
    QString preferredSerial() const;

    // Translated warnings from load(): platform certificates past their notAfter.
    const QStringList &warnings() const { return m_warnings; }

    static bool isValidPublicKeyId(const QString &keyId);
    static Expected<VerifierKeyRing, KeyError> load(const WechatPayKeySource &source);

private:
    struct Entry {
        QString serial;
        RsaPublicKey key;
        QDateTime notAfter; // invalid for a bare public key
    };
    QList<Entry> m_entries;
    QStringList m_warnings;
};

} // namespace fenzhang
