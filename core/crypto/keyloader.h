#pragma once

// Loads the files WeChat Pay hands to merchants: apiclient_key.pem (PKCS#8 or PKCS#1),
// apiclient_cert.pem, apiclient_cert.p12 (AES or legacy RC2-40), the WeChat Pay public key
// (pub_key.pem) and platform certificates.

#include "crypto/keyerror.h"
#include "crypto/rsakey.h"
#include "expected.h"

namespace fenzhang::KeyLoader {

struct Pkcs12Contents {
    RsaPrivateKey privateKey;
    Certificate certificate;
};

Expected<RsaPrivateKey, KeyError> privateKeyFromPem(const QByteArray &pem, const QString &sourceName);
Expected<RsaPrivateKey, KeyError> privateKeyFromPemFile(const QString &path);
Expected<RsaPublicKey, KeyError> publicKeyFromPem(const QByteArray &pem, const QString &sourceName);
Expected<RsaPublicKey, KeyError> publicKeyFromPemFile(const QString &path);
Expected<Certificate, KeyError> certificateFromPem(const QByteArray &pem, const QString &sourceName);
Expected<Certificate, KeyError> certificateFromPemFile(const QString &path);
Expected<Pkcs12Contents, KeyError> pkcs12FromData(const QByteArray &der, const QString &password,
                                                  const QString &sourceName);
Expected<Pkcs12Contents, KeyError> pkcs12FromFile(const QString &path, const QString &password);

// Reads a whole file, with FileMissing / FileUnreadable errors naming it.
Expected<QByteArray, KeyError> readFile(const QString &path);

} // namespace fenzhang::KeyLoader
