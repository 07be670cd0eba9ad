#include "crypto/rsakey.h"

#include "crypto/opensslutil.h"

#include <QTimeZone>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace fenzhang {

namespace {

std::shared_ptr<EVP_PKEY> ownKey(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, [](EVP_PKEY *k) { EVP_PKEY_free(k); });
}

bool isRsaKey(const EVP_PKEY *key)
{
    return key && EVP_PKEY_is_a(key, "RSA");
}

QDateTime fromAsn1Time(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    // A QTimeZone, not Qt::UTC: the Qt::TimeSpec constructor is deprecated from Qt 6.8 on.
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), QTimeZone::utc());
}

} // namespace

RsaPrivateKey RsaPrivateKey::adopt(evp_pkey_st *key)
{
    RsaPrivateKey result;
    if (key)
        result.m_key = ownKey(key);
    return result;
}

bool RsaPrivateKey::isRsa() const
{
    return isRsaKey(m_key.get());
}

int RsaPrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

QByteArray RsaPrivateKey::signSha256(QByteArrayView message) const
{
    if (!m_key)
        return {};
    openssl::MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1)
        return {};
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(message.data());
    if (EVP_DigestSign(ctx.get(), nullptr, &length, data, size_t(message.size())) != 1)
        return {};
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                       size_t(message.size())) != 1)
        return {};
    signature.truncate(qsizetype(length));
    return signature;
}

RsaPublicKey RsaPrivateKey::publicKey() const
{
    if (!m_key)
        return {};
    // Round-trip through SubjectPublicKeyInfo: the result holds no private components.
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(m_key.get(), &der);
    if (length <= 0)
        return {};
    const unsigned char *cursor = der;
    EVP_PKEY *pub = d2i_PUBKEY(nullptr, &cursor, length);
    OPENSSL_free(der);
    return RsaPublicKey::adopt(pub);
}

RsaPublicKey RsaPublicKey::adopt(evp_pkey_st *key)
{
    RsaPublicKey result;
    if (key)
        result.m_key = ownKey(key);
    return result;
}

bool RsaPublicKey::isRsa() const
{
    return isRsaKey(m_key.get());
}

int RsaPublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

bool RsaPublicKey::verifySha256(QByteArrayView message, QByteArrayView signature) const
{
    if (!m_key || signature.isEmpty())
        return false;
    openssl::MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1)
        return false;
    const int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                                    size_t(signature.size()),
                                    reinterpret_cast<const unsigned char *>(message.data()),
                                    size_t(message.size()));
    openssl::takeErrorString(); // a failed verification leaves an error queued
    return rc == 1;
}

QByteArray RsaPublicKey::der() const
{
    if (!m_key)
        return {};
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(m_key.get(), &der);
    if (length <= 0)
        return {};
    QByteArray result(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return result;
}

Certificate Certificate::adopt(x509_st *cert)
{
    Certificate result;
    if (cert)
        result.m_cert = std::shared_ptr<X509>(cert, [](X509 *c) { X509_free(c); });
    return result;
}

QString Certificate::serialHex() const
{
    if (!m_cert)
        return {};
    // Byte by byte, as `openssl x509 -serial` prints it (leading zero bytes kept).
    const ASN1_INTEGER *serial = X509_get0_serialNumber(m_cert.get());
    const QByteArray bytes(reinterpret_cast<const char *>(ASN1_STRING_get0_data(serial)),
                           ASN1_STRING_length(serial));
    return QString::fromLatin1(bytes.toHex().toUpper());
}

QString Certificate::subject() const
{
    if (!m_cert)
        return {};
    openssl::BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), X509_get_subject_name(m_cert.get()), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(length));
}

QDateTime Certificate::notBefore() const
{
    return m_cert ? fromAsn1Time(X509_get0_notBefore(m_cert.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_cert ? fromAsn1Time(X509_get0_notAfter(m_cert.get())) : QDateTime();
}

RsaPublicKey Certificate::publicKey() const
{
    if (!m_cert)
        return {};
    return RsaPublicKey::adopt(X509_get_pubkey(m_cert.get())); // get_pubkey adds a reference
}

} // namespace fenzhang
