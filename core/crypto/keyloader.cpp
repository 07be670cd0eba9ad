#include "crypto/keyloader.h"

#include "crypto/opensslutil.h"
#include "fileread.h"
#include "crypto/secretwipe.h"

#include <QCoreApplication>
#include <QDir>

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace fenzhang::KeyLoader {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KeyLoader", text);
}

Unexpected<KeyError> fail(KeyError::Kind kind, const QString &message)
{
    openssl::takeErrorString(); // never leave stale errors for the next caller
    return unexpected(KeyError{kind, message});
}

QString displayName(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool looksLikePem(const QByteArray &data)
{
    return data.contains("-----BEGIN ");
}

// A passphrase callback that refuses: encrypted PEM keys are reported, never prompted for.
int noPassword(char *, int, int, void *)
{
    return -1;
}

} // namespace

Expected<QByteArray, KeyError> readFile(const QString &path)
{
    if (path.isEmpty())
        return fail(KeyError::Kind::MissingInput, tr("No file was given."));
    auto data = readBounded(path, FileLimits::KeyFile);
    if (data)
        return std::move(data).value();
    switch (data.error().kind) {
    case FileReadError::Kind::Missing:
        return fail(KeyError::Kind::FileMissing, data.error().message);
    case FileReadError::Kind::TooLarge:
        return fail(KeyError::Kind::WrongFormat,
                    tr("The file %1 is too large to be a key or certificate.").arg(displayName(path)));
    case FileReadError::Kind::NotAFile:
    case FileReadError::Kind::Unreadable:
        break;
    }
    return fail(KeyError::Kind::FileUnreadable, data.error().message);
}

Expected<RsaPrivateKey, KeyError> privateKeyFromPem(const QByteArray &pem, const QString &sourceName)
{
    if (pem.contains("ENCRYPTED"))
        return fail(KeyError::Kind::WrongFormat,
                    tr("The private key in %1 is encrypted with a password; use the apiclient_key.pem "
                       "WeChat Pay issued, or the apiclient_cert.p12 file.")
                        .arg(sourceName));
    if (!looksLikePem(pem))
        return fail(KeyError::Kind::WrongFormat,
                    tr("%1 is not a PEM private key (expected \"-----BEGIN PRIVATE KEY-----\").").arg(sourceName));
    auto bio = openssl::memoryBio(pem);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr);
    if (!key)
        return fail(KeyError::Kind::WrongFormat,
                    tr("%1 does not contain a readable private key.").arg(sourceName));
    auto result = RsaPrivateKey::adopt(key);
    if (!result.isRsa())
        return fail(KeyError::Kind::NotRsa, tr("The private key in %1 is not an RSA key.").arg(sourceName));
    return result;
}

Expected<RsaPrivateKey, KeyError> privateKeyFromPemFile(const QString &path)
{
    auto data = readFile(path);
    if (!data)
        return unexpected(data.error());
    const Secret::WipeOnExit wipe(*data); // the key's PEM goes once the key is built
    return privateKeyFromPem(*data, displayName(path));
}

Expected<RsaPublicKey, KeyError> publicKeyFromPem(const QByteArray &pem, const QString &sourceName)
{
    if (!looksLikePem(pem))
        return fail(KeyError::Kind::WrongFormat,
                    tr("%1 is not a PEM public key (expected \"-----BEGIN PUBLIC KEY-----\").").arg(sourceName));
    auto bio = openssl::memoryBio(pem);
    EVP_PKEY *key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return fail(KeyError::Kind::WrongFormat, tr("%1 does not contain a readable public key.").arg(sourceName));
    auto result = RsaPublicKey::adopt(key);
    if (!result.isRsa())
        return fail(KeyError::Kind::NotRsa, tr("The public key in %1 is not an RSA key.").arg(sourceName));
    return result;
}

Expected<RsaPublicKey, KeyError> publicKeyFromPemFile(const QString &path)
{
    auto data = readFile(path);
    if (!data)
        return unexpected(data.error());
    return publicKeyFromPem(*data, displayName(path));
}

Expected<Certificate, KeyError> certificateFromPem(const QByteArray &pem, const QString &sourceName)
{
    X509 *cert = nullptr;
    if (looksLikePem(pem)) {
        auto bio = openssl::memoryBio(pem);
        cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    } else {
        auto bio = openssl::memoryBio(pem); // DER, as some tools save it
        cert = d2i_X509_bio(bio.get(), nullptr);
    }
    if (!cert)
        return fail(KeyError::Kind::WrongFormat, tr("%1 is not an X.509 certificate.").arg(sourceName));
    return Certificate::adopt(cert);
}

Expected<Certificate, KeyError> certificateFromPemFile(const QString &path)
{
    auto data = readFile(path);
    if (!data)
        return unexpected(data.error());
    return certificateFromPem(*data, displayName(path));
}

Expected<Pkcs12Contents, KeyError> pkcs12FromData(const QByteArray &der, const QString &password,
                                                  const QString &sourceName)
{
    auto bio = openssl::memoryBio(der);
    std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(d2i_PKCS12_bio(bio.get(), nullptr), &PKCS12_free);
    if (!p12)
        return fail(KeyError::Kind::WrongFormat, tr("%1 is not a PKCS#12 (.p12) file.").arg(sourceName));

    QByteArray pass = password.toUtf8();
    const Secret::WipeOnExit wipePass(pass);
    if (PKCS12_mac_present(p12.get()) && PKCS12_verify_mac(p12.get(), pass.constData(), int(pass.size())) != 1)
        return fail(KeyError::Kind::WrongPassword,
                    tr("The password for %1 is wrong. WeChat Pay sets it to the merchant id (mchid).")
                        .arg(sourceName));

    EVP_PKEY *key = nullptr;
    X509 *cert = nullptr;
    auto parse = [&] { return PKCS12_parse(p12.get(), pass.constData(), &key, &cert, nullptr) == 1; };
    bool parsed = parse();
    if (!parsed) {
        // Older apiclient_cert.p12 files use RC2-40, which OpenSSL 3 keeps in its legacy provider.
        openssl::takeErrorString();
        if (openssl::ensureLegacyProvider())
            parsed = parse();
    }
    if (!parsed)
        return fail(KeyError::Kind::WrongFormat,
                    tr("%1 could not be opened: it uses an unsupported encryption or is damaged.").arg(sourceName));

    Pkcs12Contents contents{RsaPrivateKey::adopt(key), Certificate::adopt(cert)};
    if (contents.privateKey.isNull())
        return fail(KeyError::Kind::WrongFormat, tr("%1 holds no private key.").arg(sourceName));
    if (!contents.privateKey.isRsa())
        return fail(KeyError::Kind::NotRsa, tr("The private key in %1 is not an RSA key.").arg(sourceName));
    return contents;
}

Expected<Pkcs12Contents, KeyError> pkcs12FromFile(const QString &path, const QString &password)
{
    auto data = readFile(path);
    if (!data)
        return unexpected(data.error());
    const Secret::WipeOnExit wipe(*data);
    return pkcs12FromData(*data, password, displayName(path));
}

} // namespace fenzhang::KeyLoader
