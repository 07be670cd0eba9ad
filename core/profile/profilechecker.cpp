#include "profile/profilechecker.h"

#include "crypto/credentials.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

using Check = CheckItem::Check;
using Outcome = CheckItem::Outcome;

struct Items {
    QList<CheckItem> list;

    CheckItem &at(Check check)
    {
        for (CheckItem &item : list) {
            if (item.check == check)
                return item;
        }
        Q_UNREACHABLE();
    }
    void set(Check check, Outcome outcome, const QString &detail)
    {
        CheckItem &item = at(check);
        item.outcome = outcome;
        item.detail = detail;
    }
};

QStringList filesOf(const Profile &profile, const QByteArray &secret)
{
    QStringList files;
    if (profile.keyKind == Profile::KeyKind::Pkcs12) {
        files << profile.pkcs12File;
    } else {
        if (secret.isEmpty())
            files << profile.privateKeyFile;
        files << profile.certificateFile;
    }
    files << profile.publicKeyFile << profile.platformCertificateFiles << profile.caFile;
    files.removeAll(QString());
    return files;
}

} // namespace

QList<CheckItem> ProfileChecker::check(const Profile &profile, const QByteArray &secret)
{
    Items items;
    items.list = {
        {Check::MerchantId, Outcome::NotChecked, tr("Merchant id (mchid)"), {}},
        {Check::FilesReadable, Outcome::NotChecked, tr("Files can be read"), {}},
        {Check::KeyOpens, Outcome::NotChecked, tr("Private key and certificate open"), {}},
        {Check::KeySize, Outcome::NotChecked, tr("Private key is RSA with at least 2048 bits"), {}},
        {Check::KeyMatchesCertificate, Outcome::NotChecked, tr("Private key matches the certificate"), {}},
        {Check::Serial, Outcome::NotChecked, tr("Certificate serial number"), {}},
        {Check::PublicKeyId, Outcome::NotChecked, tr("WeChat Pay public key id"), {}},
        {Check::WechatPayKeys,
         Outcome::NotChecked,
         tr("WeChat Pay public key or platform certificates load"),
         {}},
    };
    const QString notReached = tr("Not checked: an earlier check failed.");
    for (CheckItem &item : items.list)
        item.detail = notReached;

    ConnectionSettings settings = profile.toConnectionSettings(secret);
    // The settings' own copy of the secret (and `merchant` below, which shares it) goes when the
    // check ends; the caller's secret is the caller's.
    const auto wipeSecrets = qScopeGuard([&settings] { settings.merchant.wipeSecrets(); });

    static const QRegularExpression digits(u"^[0-9]{1,32}$"_s);
    const bool mchidOk = digits.match(settings.merchant.mchid).hasMatch();
    items.set(Check::MerchantId, mchidOk ? Outcome::Passed : Outcome::Failed,
              mchidOk ? settings.merchant.mchid
                      : tr("The merchant id must be digits only, like 1900000001 (shown at the top of the "
                           "merchant platform)."));

    QStringList unreadable;
    const QStringList files = filesOf(profile, secret);
    for (const QString &path : files) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            unreadable << QDir::toNativeSeparators(path);
    }
    const bool filesOk = unreadable.isEmpty();
    items.set(Check::FilesReadable, filesOk ? Outcome::Passed : Outcome::Failed,
              filesOk ? tr("%n file(s) found and readable.", nullptr, int(files.size()))
                      : tr("Missing or unreadable: %1").arg(unreadable.join(u", "_s)));

    // Without a certificate the serial is typed: judge it here, and let the key checks run anyway.
    static const QRegularExpression hex(u"^[0-9A-Fa-f]{1,64}$"_s);
    MerchantKeySource merchant = settings.merchant;
    const bool typedSerial =
        profile.keyKind == Profile::KeyKind::PemFiles && profile.certificateFile.isEmpty();
    const bool typedSerialOk = !typedSerial || hex.match(merchant.serialNo.trimmed()).hasMatch();
    if (!typedSerialOk)
        merchant.serialNo = u"00"_s;

    if (mchidOk && filesOk) {
        auto credentials = MerchantCredentials::load(merchant);
        if (credentials) {
            const Certificate &certificate = credentials->certificate;
            items.set(Check::KeyOpens, Outcome::Passed,
                      certificate.isNull() ? tr("The private key opens (no certificate given).")
                                           : tr("Opened; the certificate is valid until %1.")
                                                 .arg(certificate.notAfter().toString(Qt::ISODate)));
            items.set(Check::KeySize, Outcome::Passed,
                      tr("RSA, %1 bits.").arg(credentials->privateKey.bits()));
            if (certificate.isNull()) {
                items.set(Check::KeyMatchesCertificate, Outcome::NotChecked,
                          tr("No certificate: the serial number was typed and cannot be checked here."));
                if (typedSerialOk)
                    items.set(Check::Serial, Outcome::Passed, tr("%1 (typed)").arg(credentials->serialNo));
            } else {
                items.set(Check::KeyMatchesCertificate, Outcome::Passed, tr("They belong together."));
                const QString stored = profile.serialNo.trimmed().toUpper();
                if (!stored.isEmpty() && stored != credentials->serialNo)
                    items.set(Check::Serial, Outcome::Failed,
                              tr("The profile says %1 but the certificate's serial is %2: open and save the "
                                 "profile again.")
                                  .arg(stored, credentials->serialNo));
                else
                    items.set(Check::Serial, Outcome::Passed, credentials->serialNo);
            }
        } else {
            const KeyError &error = credentials.error();
            switch (error.kind) {
            case KeyError::Kind::KeyTooSmall:
                items.set(Check::KeyOpens, Outcome::Passed, tr("Opened."));
                items.set(Check::KeySize, Outcome::Failed, error.message);
                break;
            case KeyError::Kind::KeyMismatch:
                items.set(Check::KeyOpens, Outcome::Passed, tr("Opened."));
                items.set(Check::KeySize, Outcome::Passed, tr("At least 2048 bits."));
                items.set(Check::KeyMatchesCertificate, Outcome::Failed, error.message);
                break;
            case KeyError::Kind::FileMissing:
            case KeyError::Kind::FileUnreadable:
                items.set(Check::FilesReadable, Outcome::Failed, error.message);
                break;
            case KeyError::Kind::MissingInput:
            case KeyError::Kind::WrongFormat:
            case KeyError::Kind::WrongPassword:
            case KeyError::Kind::NotRsa:
            case KeyError::Kind::InvalidKeyId:
                items.set(Check::KeyOpens, Outcome::Failed, error.message);
                break;
            }
        }
    }

    if (!typedSerialOk)
        items.set(
            Check::Serial, Outcome::Failed,
            tr("Without apiclient_cert.pem the serial number must be typed, in hexadecimal like "
               "5157F09EFDC096DE15EBE81A47057A7232F1B8E1. Choosing the certificate is better: the serial "
               "is then read from it."));

    const QString keyId = settings.wechatpay.publicKeyId;
    if (keyId.isEmpty()) {
        items.set(Check::PublicKeyId, Outcome::NotChecked,
                  tr("No public key id: answers are verified with platform certificates only."));
    } else if (VerifierKeyRing::isValidPublicKeyId(keyId)) {
        items.set(Check::PublicKeyId, Outcome::Passed, keyId);
    } else {
        items.set(
            Check::PublicKeyId, Outcome::Failed,
            tr("\"%1\" is not a WeChat Pay public key id: it starts with PUB_KEY_ID_ followed by letters "
               "and digits, as shown in 商户平台 → 账户中心 → API安全.")
                .arg(keyId));
    }
    if (filesOk && items.at(Check::PublicKeyId).outcome != Outcome::Failed) {
        auto ring = VerifierKeyRing::load(settings.wechatpay);
        if (ring) {
            // An expired platform certificate still verifies; the check passes with its warning.
            const QStringList lines = QStringList{tr("Answers can be verified with: %1")
                                                      .arg(ring->serials().join(u", "_s))} +
                                      ring->warnings();
            items.set(Check::WechatPayKeys, Outcome::Passed, lines.join(u'\n'));
        } else {
            items.set(Check::WechatPayKeys, Outcome::Failed, ring.error().message);
        }
    }
    return items.list;
}

bool ProfileChecker::allPassed(const QList<CheckItem> &items)
{
    for (const CheckItem &item : items) {
        if (item.outcome == CheckItem::Outcome::Failed)
            return false;
    }
    return !items.isEmpty();
}

const CheckItem *ProfileChecker::find(const QList<CheckItem> &items, CheckItem::Check check)
{
    for (const CheckItem &item : items) {
        if (item.check == check)
            return &item;
    }
    return nullptr;
}

} // namespace fenzhang
