#include "sandboxkeys.h"

#include "crypto/credentials.h"
#include "crypto/keyloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fenzhang::sandbox::SandboxKeys", text);
}

const QLatin1StringView MerchantKey{"merchant_private_key.pem"};
const QLatin1StringView MerchantCert{"merchant_certificate.pem"};
const QLatin1StringView WechatpayKey{"wechatpay_private_key.pem"};
const QLatin1StringView WechatpayPublic{"wechatpay_public_key.pem"};
const QLatin1StringView WechatpayKeyId{"wechatpay_public_key_id"};
const QLatin1StringView TlsCa{"tls_ca.pem"};
const QLatin1StringView TlsCert{"tls_server_certificate.pem"};
const QLatin1StringView TlsKey{"tls_server_private_key.pem"};

bool isPrivate(QLatin1StringView name)
{
    return name.endsWith("private_key.pem"_L1);
}

// Copies a bundled file out of the resource; private keys readable by the owner only.
Expected<QString, QString> extract(QLatin1StringView name, const QTemporaryDir &dir)
{
    const QString target = dir.filePath(name);
    if (QFileInfo::exists(target))
        return target;
    QFile source(u":/fenzhang/sandbox/demo/"_s + name);
    if (!source.open(QIODevice::ReadOnly))
        return unexpected(tr("The bundled demo key %1 is missing from this build").arg(name));
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(source.readAll()) < 0)
        return unexpected(tr("Cannot write %1: %2").arg(target, out.errorString()));
    out.close();
    const auto permissions =
        isPrivate(name) ? (QFile::ReadOwner | QFile::WriteOwner)
                        : (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    out.setPermissions(permissions);
    return target;
}

} // namespace

Expected<SandboxKeys, QString> SandboxKeys::prepare(const QString &keysDir, bool tls, const QString &mchid,
                                                    const QString &publicKeyId, QTemporaryDir *extractDir)
{
    const bool fromDir = !keysDir.isEmpty();
    enum class From { Dir, DirOrBundle, Bundle };
    const auto locate = [&](QLatin1StringView name, From from) -> Expected<QString, QString> {
        if (from != From::Bundle) {
            const QString path = QDir(keysDir).filePath(name);
            if (QFileInfo::exists(path))
                return QFileInfo(path).absoluteFilePath();
            if (from == From::Dir)
                return unexpected(tr("%1 is missing").arg(path));
        }
        if (!extractDir || !extractDir->isValid())
            return unexpected(tr("Cannot create a private temporary directory for the demo keys"));
        return extract(name, *extractDir);
    };
    // With --keys the four key files must be there; TLS files fall back to the bundled ones.
    const From keyFrom = fromDir ? From::Dir : From::Bundle;

    SandboxKeys keys;
    keys.mchid = mchid.isEmpty() ? QString(DefaultMchid) : mchid;
    for (const QChar c : std::as_const(keys.mchid)) {
        if (!c.isDigit())
            return unexpected(tr("The mchid must be digits: %1").arg(keys.mchid));
    }

    const auto merchantKeyFile = locate(MerchantKey, keyFrom);
    const auto merchantCertFile = locate(MerchantCert, keyFrom);
    const auto wechatpayKeyFile = locate(WechatpayKey, keyFrom);
    const auto wechatpayPublicFile = locate(WechatpayPublic, keyFrom);
    for (const auto *file : {&merchantKeyFile, &merchantCertFile, &wechatpayKeyFile, &wechatpayPublicFile}) {
        if (!*file)
            return unexpected(file->error());
    }
    keys.merchantPrivateKeyFile = *merchantKeyFile;
    keys.merchantCertificateFile = *merchantCertFile;
    keys.wechatpayPublicKeyFile = *wechatpayPublicFile;

    const auto certificate = KeyLoader::certificateFromPemFile(keys.merchantCertificateFile);
    if (!certificate)
        return unexpected(certificate.error().message);
    keys.serialNo = certificate->serialHex();
    keys.merchantPublicKey = certificate->publicKey();
    const auto wechatpayKey = KeyLoader::privateKeyFromPemFile(*wechatpayKeyFile);
    if (!wechatpayKey)
        return unexpected(wechatpayKey.error().message);
    keys.wechatpayKey = *wechatpayKey;
    const auto wechatpayPublic = KeyLoader::publicKeyFromPemFile(keys.wechatpayPublicKeyFile);
    if (!wechatpayPublic)
        return unexpected(wechatpayPublic.error().message);
    if (wechatpayPublic->der() != keys.wechatpayKey.publicKey().der())
        return unexpected(
            tr("%1 is not the public half of %2").arg(keys.wechatpayPublicKeyFile, *wechatpayKeyFile));

    keys.publicKeyId = publicKeyId;
    if (keys.publicKeyId.isEmpty()) {
        const auto idFile = locate(WechatpayKeyId, keyFrom);
        QFile file(idFile ? *idFile : QString());
        if (idFile && file.open(QIODevice::ReadOnly))
            keys.publicKeyId = QString::fromLatin1(file.readAll()).trimmed();
    }
    if (keys.publicKeyId.isEmpty())
        keys.publicKeyId = QString(DefaultPublicKeyId);
    if (!VerifierKeyRing::isValidPublicKeyId(keys.publicKeyId))
        return unexpected(
            tr("\"%1\" is not a WeChat Pay public key id (PUB_KEY_ID_ followed by letters and digits)")
                .arg(keys.publicKeyId));

    if (tls) {
        const From tlsFrom = fromDir ? From::DirOrBundle : From::Bundle;
        const auto ca = locate(TlsCa, tlsFrom);
        const auto cert = locate(TlsCert, tlsFrom);
        const auto key = locate(TlsKey, tlsFrom);
        for (const auto *file : {&ca, &cert, &key}) {
            if (!*file)
                return unexpected(file->error());
        }
        keys.caFile = *ca;
        keys.tlsCertificateFile = *cert;
        keys.tlsPrivateKeyFile = *key;
    }
    return keys;
}

} // namespace fenzhang::sandbox
