#include "profile/profile.h"

#include "crypto/credentials.h"
#include "crypto/secretwipe.h"
#include "profile/profiletrust.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// The translation context of this file's messages (lupdate reads it from here, too).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::Profile)
};

QString keyKindName(Profile::KeyKind kind)
{
    return kind == Profile::KeyKind::Pkcs12 ? u"pkcs12"_s : u"pem"_s;
}

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The rule ClientConfig::validate applies, repeated here so a profile can be checked as it is typed.
QString urlProblem(const QUrl &url, const QString &label, bool required)
{
    if (url.isEmpty())
        return required ? Text::tr("The %1 host is missing.").arg(label) : QString();
    if (!url.isValid() || url.host().isEmpty())
        return Text::tr("The %1 host is not a valid address, like https://api.mch.weixin.qq.com.").arg(label);
    if (url.scheme() == u"https"_s)
        return {};
    if (url.scheme() == u"http"_s && isLoopback(url.host()))
        return {};
    return Text::tr("The %1 host must use https:// (plain http:// only on this computer).").arg(label);
}

} // namespace

Profile Profile::create(const QString &name)
{
    Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = name;
    return profile;
}

ConnectionSettings Profile::toConnectionSettings(const QByteArray &secret) const
{
    ConnectionSettings settings;
    MerchantKeySource &merchant = settings.merchant;
    merchant.mchid = mchid.trimmed();
    if (keyKind == KeyKind::Pkcs12) {
        merchant.pkcs12File = pkcs12File;
        merchant.pkcs12Password = QString::fromUtf8(secret); // a buffer of its own
    } else {
        merchant.certificateFile = certificateFile;
        if (!secret.isEmpty())
            merchant.privateKeyPem = Secret::ownCopy(secret); // wiped by build() without touching the caller's
        else
            merchant.privateKeyFile = privateKeyFile;
        // A typed serial only matters without a certificate; with one it is derived.
        if (certificateFile.isEmpty())
            merchant.serialNo = serialNo;
    }

    settings.wechatpay.publicKeyId = publicKeyId.trimmed();
    settings.wechatpay.publicKeyFile = publicKeyFile;
    settings.wechatpay.platformCertificateFiles = platformCertificateFiles;

    settings.client.primaryUrl = primaryUrl;
    settings.client.backupUrl = backupUrl;
    settings.client.timeoutMs = timeoutMs;
    settings.client.caFile = caFile;
    return settings;
}

QStringList Profile::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems.append(Text::tr("The profile needs a name."));
    static const QRegularExpression digits(u"^[0-9]{1,32}$"_s);
    if (mchid.trimmed().isEmpty())
        problems.append(Text::tr("The merchant id (mchid) is missing."));
    else if (!digits.match(mchid.trimmed()).hasMatch())
        problems.append(Text::tr("The merchant id (mchid) must be digits only, like 1900000001."));

    if (keyKind == KeyKind::Pkcs12) {
        if (pkcs12File.isEmpty())
            problems.append(Text::tr("Choose the merchant certificate file apiclient_cert.p12."));
    } else {
        if (privateKeyFile.isEmpty() && !secretInKeychain)
            problems.append(Text::tr("Choose the merchant private key file apiclient_key.pem."));
        static const QRegularExpression hex(u"^[0-9A-Fa-f]{1,64}$"_s);
        if (certificateFile.isEmpty() && !hex.match(serialNo.trimmed()).hasMatch())
            problems.append(
                Text::tr("Choose the merchant certificate apiclient_cert.pem (or type its serial number)."));
    }

    const QString keyId = publicKeyId.trimmed();
    if (!keyId.isEmpty() && !VerifierKeyRing::isValidPublicKeyId(keyId))
        problems.append(
            Text::tr("The WeChat Pay public key id starts with PUB_KEY_ID_ followed by letters and digits."));
    if (!keyId.isEmpty() && publicKeyFile.isEmpty())
        problems.append(Text::tr("Choose the WeChat Pay public key file pub_key.pem."));
    if (keyId.isEmpty() && !publicKeyFile.isEmpty())
        problems.append(Text::tr("Type the WeChat Pay public key id (PUB_KEY_ID_…) shown next to the key."));
    if (keyId.isEmpty() && publicKeyFile.isEmpty() && platformCertificateFiles.isEmpty())
        problems.append(Text::tr("Give the WeChat Pay public key (or platform certificates) to verify answers."));

    for (const QString &problem :
         {urlProblem(primaryUrl, Text::tr("primary"), true), urlProblem(backupUrl, Text::tr("backup"), false)}) {
        if (!problem.isEmpty())
            problems.append(problem);
    }
    problems.append(ProfileTrust::remotePathProblems(*this));
    if (timeoutMs < minimumTimeoutMs || timeoutMs > maximumTimeoutMs)
        problems.append(Text::tr("The timeout must be between %1 and %2 seconds.")
                            .arg(minimumTimeoutMs / 1000)
                            .arg(maximumTimeoutMs / 1000));
    return problems;
}

QJsonObject Profile::toJson() const
{
    QJsonObject object{
        {u"id"_s, id},
        {u"name"_s, name},
        {u"mchid"_s, mchid},
        {u"serialNo"_s, serialNo},
        {u"product"_s, Products::id(product)},
        {u"autoRemainingAmount"_s, autoRemainingAmount},
        {u"keyKind"_s, keyKindName(keyKind)},
        {u"privateKeyFile"_s, privateKeyFile},
        {u"certificateFile"_s, certificateFile},
        {u"pkcs12File"_s, pkcs12File},
        {u"secretInKeychain"_s, secretInKeychain},
        {u"publicKeyId"_s, publicKeyId},
        {u"publicKeyFile"_s, publicKeyFile},
        {u"platformCertificateFiles"_s, QJsonArray::fromStringList(platformCertificateFiles)},
        {u"primaryUrl"_s, primaryUrl.toString()},
        {u"backupUrl"_s, backupUrl.toString()},
        {u"timeoutMs"_s, timeoutMs},
        {u"caFile"_s, caFile},
    };
    return object;
}

Profile Profile::fromJson(const QJsonObject &object)
{
    Profile profile;
    profile.id = object.value(u"id"_s).toString();
    profile.name = object.value(u"name"_s).toString();
    profile.mchid = object.value(u"mchid"_s).toString();
    profile.serialNo = object.value(u"serialNo"_s).toString();
    // Profiles saved before products existed are service providers (all that version looked up).
    profile.product = Products::fromId(object.value(u"product"_s).toString()).value_or(Product::ServiceProvider);
    profile.autoRemainingAmount = object.value(u"autoRemainingAmount"_s).toBool();
    profile.keyKind =
        object.value(u"keyKind"_s).toString() == u"pkcs12"_s ? KeyKind::Pkcs12 : KeyKind::PemFiles;
    profile.privateKeyFile = object.value(u"privateKeyFile"_s).toString();
    profile.certificateFile = object.value(u"certificateFile"_s).toString();
    profile.pkcs12File = object.value(u"pkcs12File"_s).toString();
    profile.secretInKeychain = object.value(u"secretInKeychain"_s).toBool();
    profile.publicKeyId = object.value(u"publicKeyId"_s).toString();
    profile.publicKeyFile = object.value(u"publicKeyFile"_s).toString();
    const QJsonArray certificates = object.value(u"platformCertificateFiles"_s).toArray();
    for (const auto &value : certificates) {
        if (!value.toString().isEmpty())
            profile.platformCertificateFiles.append(value.toString());
    }
    if (object.contains(u"primaryUrl"_s))
        profile.primaryUrl = QUrl(object.value(u"primaryUrl"_s).toString());
    if (object.contains(u"backupUrl"_s))
        profile.backupUrl = QUrl(object.value(u"backupUrl"_s).toString());
    profile.timeoutMs = object.value(u"timeoutMs"_s).toInt(profile.timeoutMs);
    profile.caFile = object.value(u"caFile"_s).toString();
    return profile;
}

QString secretKeyFor(const Profile &profile)
{
    return u"profile/"_s + profile.id;
}

} // namespace fenzhang
