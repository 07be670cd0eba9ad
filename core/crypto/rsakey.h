#pragma once

// Owning, shareable handles to OpenSSL RSA keys and X.509 certificates. Key material stays inside
// OpenSSL; nothing here hands out private key bytes.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <memory>

struct evp_pkey_st;
struct x509_st;

namespace fenzhang {

class RsaPublicKey;

class RsaPrivateKey final {
public:
    RsaPrivateKey() = default;
    static RsaPrivateKey adopt(evp_pkey_st *key); // takes ownership

    bool isNull() const { return !m_key; }
    bool isRsa() const;
    int bits() const;
    // RSA PKCS#1 v1.5 over SHA-256; empty on failure.
    QByteArray signSha256(QByteArrayView message) const;
    RsaPublicKey publicKey() const;
    evp_pkey_st *handle() const { return m_key.get(); }

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

class RsaPublicKey final {
public:
    RsaPublicKey() = default;
    static RsaPublicKey adopt(evp_pkey_st *key); // takes ownership

    bool isNull() const { return !m_key; }
    bool isRsa() const;
    int bits() const;
    bool verifySha256(QByteArrayView message, QByteArrayView signature) const;
    // DER SubjectPublicKeyInfo: equal bytes mean the same key.
    QByteArray der() const;
    evp_pkey_st *handle() const { return m_key.get(); }

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

class Certificate final {
public:
    Certificate() = default;
    static Certificate adopt(x509_st *cert); // takes ownership

    bool isNull() const { return !m_cert; }
    // Serial number as upper-case hex without separators, as WeChat Pay shows it.
    QString serialHex() const;
    QString subject() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    RsaPublicKey publicKey() const;
    x509_st *handle() const { return m_cert.get(); }

private:
    std::shared_ptr<x509_st> m_cert;
};

} // namespace fenzhang
