#pragma once

// Fills a profile from the files the way merchants hold them: a folder (or a few files) with
// apiclient_cert.p12, or apiclient_key.pem + apiclient_cert.pem, and the WeChat Pay public key
// pub_key.pem whose id (PUB_KEY_ID_...) is often in its file name. Also derives what is never
// typed: the certificate serial, and the mchid a merchant certificate carries.

#include "crypto/keyerror.h"
#include "expected.h"
#include "profile/profile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace fenzhang {

struct ImportedFiles {
    QString pkcs12File;                   // apiclient_cert.p12
    QString privateKeyFile;               // apiclient_key.pem
    QString certificateFile;              // apiclient_cert.pem
    QString publicKeyFile;                // pub_key.pem (or PUB_KEY_ID_....pem)
    QString publicKeyId;                  // from the public key's file name, when it carries it
    QStringList platformCertificateFiles; // wechatpay_*.pem

    bool isEmpty() const;
};

class ProfileImport final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ProfileImport)
public:
    static ImportedFiles scanFolder(const QString &folder);
    static ImportedFiles scanFiles(const QStringList &files);

    // Sets the key source (preferring key + certificate PEM, which need no password, over the
    // p12) and the WeChat Pay key; derives the serial and, if empty, the mchid from the certificate.
    // p12Password: empty means the mchid.
    static void apply(const ImportedFiles &files, Profile &profile, const QString &p12Password = {});

    // The serial of the profile's merchant certificate (PEM, or inside the p12, opened with
    // p12Password or else the mchid).
    static Expected<QString, KeyError> deriveSerial(const Profile &profile, const QString &p12Password = {});
    // The mchid a merchant certificate names (a digits-only OU, CN or O); empty if none.
    static QString mchidFromCertificate(const Profile &profile, const QString &p12Password = {});
    // The first PUB_KEY_ID_... in text (a file name, or a line pasted from the merchant platform).
    static QString findPublicKeyId(const QString &text);
};

} // namespace fenzhang
