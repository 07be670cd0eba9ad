#include "crypto/credentials.h"

#include "crypto/keyloader.h"
#include "crypto/secretwipe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

constexpr int minimumRsaBits = 2048;

QString tr(const char *text)
{
    return QCoreApplication::translate("Credentials", text);
}

bool isDigits(const QString &text, int maxLength)
{
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    return !text.isEmpty() && text.size() <= maxLength && digits.match(text).hasMatch();
}

QString normalizeSerial(QString serial)
{
    serial.remove(u':').remove(u' ');
    return serial.toUpper();
}

bool isHex(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9A-F]+$"_s);
    return !text.isEmpty() && text.size() <= 64 && hex.match(text).hasMatch();
}

bool isPkcs12File(const QString &path, const QByteArray &content)
{
    const QString lower = path.toLower();
    return lower.endsWith(u".p12"_s) || lower.endsWith(u".pfx"_s) || !content.contains("-----BEGIN ");
}

Unexpected<KeyError> fail(KeyError::Kind kind, const QString &message)
{
    return unexpected(KeyError{kind, message});
}

} // namespace

void MerchantKeySource::build()
{
    built = std::make_shared<const Expected<MerchantCredentials, KeyError>>(MerchantCredentials::load(*this));
    wipeSecrets();
}

void MerchantKeySource::wipeSecrets()
{
    Secret::wipe(privateKeyPem);
    Secret::wipe(pkcs12Password);
}

Expected<MerchantCredentials, KeyError> MerchantCredentials::load(const MerchantKeySource &source)
{
    if (source.built)
        return *source.built;
    MerchantCredentials credentials;
    credentials.mchid = source.mchid.trimmed();
    if (credentials.mchid.isEmpty())
        return fail(KeyError::Kind::MissingInput, tr("The merchant id (mchid) is missing."));
    if (!isDigits(credentials.mchid, 32))
        return fail(KeyError::Kind::WrongFormat,
                    tr("The merchant id (mchid) must be digits only, at most 32, like 1900000001."));

    // apiclient_cert.p12 may come as pkcs12File, or as the "private key" file the user picked.
    QString p12Path = source.pkcs12File;
    QByteArray keyFileContent;
    const Secret::WipeOnExit wipeContent(keyFileContent); // the key file's PEM, once the key is built
    if (p12Path.isEmpty() && !source.privateKeyPem.isEmpty()) {
        auto key = KeyLoader::privateKeyFromPem(source.privateKeyPem, tr("the private key kept in the keychain"));
        if (!key)
            return unexpected(key.error());
        credentials.privateKey = *key;
    } else if (p12Path.isEmpty() && !source.privateKeyFile.isEmpty()) {
        auto content = KeyLoader::readFile(source.privateKeyFile);
        if (!content)
            return unexpected(content.error());
        keyFileContent = *content;
        if (isPkcs12File(source.privateKeyFile, keyFileContent))
            p12Path = source.privateKeyFile;
    }

    if (!p12Path.isEmpty()) {
        const QString password = source.pkcs12Password.isEmpty() ? credentials.mchid : source.pkcs12Password;
        auto p12 = KeyLoader::pkcs12FromFile(p12Path, password);
        if (!p12)
            return unexpected(p12.error());
        credentials.privateKey = p12->privateKey;
        credentials.certificate = p12->certificate;
    } else if (!credentials.privateKey.isNull()) {
        // already loaded from privateKeyPem
    } else if (!source.privateKeyFile.isEmpty()) {
        auto key = KeyLoader::privateKeyFromPem(keyFileContent, QDir::toNativeSeparators(source.privateKeyFile));
        if (!key)
            return unexpected(key.error());
        credentials.privateKey = *key;
    } else {
        return fail(KeyError::Kind::MissingInput,
                    tr("No merchant private key was given: choose apiclient_key.pem or apiclient_cert.p12."));
    }

    if (!source.certificateFile.isEmpty() && credentials.certificate.isNull()) {
        auto cert = KeyLoader::certificateFromPemFile(source.certificateFile);
        if (!cert)
            return unexpected(cert.error());
        credentials.certificate = *cert;
    }

    if (credentials.privateKey.bits() < minimumRsaBits)
        return fail(KeyError::Kind::KeyTooSmall,
                    tr("The merchant private key has %1 bits; WeChat Pay requires RSA keys of at least %2 bits.")
                        .arg(credentials.privateKey.bits())
                        .arg(minimumRsaBits));

    const QString typedSerial = normalizeSerial(source.serialNo.trimmed());
    if (!credentials.certificate.isNull()) {
        if (credentials.certificate.publicKey().der() != credentials.privateKey.publicKey().der())
            return fail(KeyError::Kind::KeyMismatch,
                        tr("The merchant private key does not belong to the merchant certificate (serial %1). "
                           "Use the apiclient_key.pem and apiclient_cert.pem downloaded together.")
                            .arg(credentials.certificate.serialHex()));
        credentials.serialNo = credentials.certificate.serialHex();
        if (!typedSerial.isEmpty() && typedSerial != credentials.serialNo)
            return fail(KeyError::Kind::KeyMismatch,
                        tr("The serial number %1 does not match the merchant certificate's serial %2.")
                            .arg(typedSerial, credentials.serialNo));
    } else {
        if (typedSerial.isEmpty())
            return fail(KeyError::Kind::MissingInput,
                        tr("The merchant certificate serial number is missing: give apiclient_cert.pem, "
                           "or type the serial shown in the merchant platform."));
        if (!isHex(typedSerial))
            return fail(KeyError::Kind::WrongFormat,
                        tr("The merchant certificate serial number must be hexadecimal, like 5157F09EFDC096DE."));
        credentials.serialNo = typedSerial;
    }
    return credentials;
}

void VerifierKeyRing::addPublicKey(const QString &keyId, const RsaPublicKey &key)
{
    m_entries.append(Entry{keyId, key, {}});
}

void VerifierKeyRing::addCertificate(const Certificate &certificate)
{
    m_entries.append(Entry{certificate.serialHex(), certificate.publicKey(), certificate.notAfter()});
}

RsaPublicKey VerifierKeyRing::find(const QString &serial) const
{
    for (const Entry &entry : m_entries) {
        if (entry.serial.compare(serial, Qt::CaseInsensitive) == 0)
            return entry.key;
    }
    return {};
}

QStringList VerifierKeyRing::serials() const
{
    QStringList result;
    for (const Entry &entry : m_entries)
        result.append(entry.serial);
    return result;
}

QString VerifierKeyRing::preferredSerial() const
{
    const Entry *best = nullptr;
    for (const Entry &entry : m_entries) {
        if (!entry.notAfter.isValid())
            return entry.serial; // the WeChat Pay public key is the current mechanism
        if (!best || entry.notAfter > best->notAfter)
            best = &entry;
    }
    return best ? best->serial : QString();
}

bool VerifierKeyRing::isValidPublicKeyId(const QString &keyId)
{
    static const QRegularExpression pattern(u"^PUB_KEY_ID_[0-9A-Za-z]{8,64}$"_s);
    return pattern.match(keyId).hasMatch();
}

Expected<VerifierKeyRing, KeyError> VerifierKeyRing::load(const WechatPayKeySource &source)
{
    VerifierKeyRing ring;
    const QString keyId = source.publicKeyId.trimmed();
    if (!source.publicKeyFile.isEmpty() || !keyId.isEmpty()) {
        if (keyId.isEmpty())
            return fail(KeyError::Kind::MissingInput,
                        tr("The WeChat Pay public key id is missing (PUB_KEY_ID_…, shown next to the key in "
                           "the merchant platform)."));
        if (!isValidPublicKeyId(keyId))
            return fail(KeyError::Kind::InvalidKeyId,
                        tr("\"%1\" is not a WeChat Pay public key id: it starts with PUB_KEY_ID_ followed by "
                           "letters and digits.")
                            .arg(keyId));
        if (source.publicKeyFile.isEmpty())
            return fail(KeyError::Kind::MissingInput,
                        tr("The WeChat Pay public key file (pub_key.pem) is missing for %1.").arg(keyId));
        auto key = KeyLoader::publicKeyFromPemFile(source.publicKeyFile);
        if (!key)
            return unexpected(key.error());
        if (key->bits() < minimumRsaBits)
            return fail(KeyError::Kind::KeyTooSmall,
                        tr("The WeChat Pay public key has %1 bits; at least %2 are expected.")
                            .arg(key->bits())
                            .arg(minimumRsaBits));
        ring.addPublicKey(keyId, *key);
    }
    for (const QString &path : source.platformCertificateFiles) {
        auto cert = KeyLoader::certificateFromPemFile(path);
        if (!cert)
            return unexpected(cert.error());
        if (!cert->publicKey().isRsa())
            return fail(KeyError::Kind::NotRsa,
                        tr("The platform certificate %1 does not hold an RSA key.").arg(QDir::toNativeSeparators(path)));
        if (cert->publicKey().bits() < minimumRsaBits)
            return fail(KeyError::Kind::KeyTooSmall,
                        tr("The platform certificate %1 holds a %2-bit RSA key; at least %3 bits are expected.")
                            .arg(QDir::toNativeSeparators(path))
                            .arg(cert->publicKey().bits())
                            .arg(minimumRsaBits));
        // Past notAfter the key still verifies answers signed before WeChat Pay switched (as its
        // documents say), so this is a warning to replace the file, not a refusal.
        if (cert->notAfter().isValid() && cert->notAfter() < QDateTime::currentDateTimeUtc())
            ring.m_warnings.append(
                tr("The platform certificate %1 (serial %2) expired on %3; download the current one "
                   "(or switch to the WeChat Pay public key).")
                    .arg(QDir::toNativeSeparators(path), cert->serialHex(),
                         cert->notAfter().toString(Qt::ISODate)));
        ring.addCertificate(*cert);
    }
    if (ring.isEmpty())
        return fail(KeyError::Kind::MissingInput,
                    tr("No WeChat Pay public key or platform certificate was given: answers cannot be verified."));
    return ring;
}

} // namespace fenzhang
