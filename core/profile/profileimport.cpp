#include "profile/profileimport.h"

#include "crypto/credentials.h"
#include "crypto/keyloader.h"
#include "fileread.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

Expected<Certificate, KeyError> certificateOf(const Profile &profile, const QString &p12Password)
{
    if (profile.keyKind == Profile::KeyKind::Pkcs12) {
        if (profile.pkcs12File.isEmpty())
            return unexpected(
                KeyError{KeyError::Kind::MissingInput, ProfileImport::tr("No p12 file was chosen.")});
        const QString password = p12Password.isEmpty() ? profile.mchid.trimmed() : p12Password;
        auto p12 = KeyLoader::pkcs12FromFile(profile.pkcs12File, password);
        if (!p12)
            return unexpected(p12.error());
        return p12->certificate;
    }
    if (profile.certificateFile.isEmpty())
        return unexpected(
            KeyError{KeyError::Kind::MissingInput, ProfileImport::tr("No certificate file was chosen.")});
    return KeyLoader::certificateFromPemFile(profile.certificateFile);
}

void classify(const QFileInfo &info, ImportedFiles &files)
{
    const QString name = info.fileName().toLower();
    const QString path = info.absoluteFilePath();
    if (name.endsWith(u".p12"_s) || name.endsWith(u".pfx"_s)) {
        if (files.pkcs12File.isEmpty() || name == u"apiclient_cert.p12"_s)
            files.pkcs12File = path;
    } else if (name == u"apiclient_key.pem"_s) {
        files.privateKeyFile = path;
    } else if (name == u"apiclient_cert.pem"_s) {
        files.certificateFile = path;
    } else if (name == u"pub_key.pem"_s || name.startsWith(u"pub_key_id_"_s)) {
        files.publicKeyFile = path;
        const QString id = ProfileImport::findPublicKeyId(info.fileName());
        if (!id.isEmpty())
            files.publicKeyId = id;
    } else if (name.startsWith(u"wechatpay_"_s) && name.endsWith(u".pem"_s)) {
        files.platformCertificateFiles.append(path);
    }
}

} // namespace

bool ImportedFiles::isEmpty() const
{
    return pkcs12File.isEmpty() && privateKeyFile.isEmpty() && certificateFile.isEmpty() &&
           publicKeyFile.isEmpty() && platformCertificateFiles.isEmpty();
}

ImportedFiles ProfileImport::scanFolder(const QString &folder)
{
    const QDir dir(folder);
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
    ImportedFiles files;
    for (const QFileInfo &info : entries)
        classify(info, files);
    // The id is sometimes kept next to the key in a text file, as copied from the merchant platform.
    if (!files.publicKeyFile.isEmpty() && files.publicKeyId.isEmpty()) {
        for (const QFileInfo &info : entries) {
            if (info.suffix().compare(u"txt"_s, Qt::CaseInsensitive) != 0 || info.size() > 4096)
                continue;
            if (const auto text = readBounded(info.absoluteFilePath(), 4096)) {
                files.publicKeyId = findPublicKeyId(QString::fromUtf8(*text));
                if (!files.publicKeyId.isEmpty())
                    break;
            }
        }
    }
    return files;
}

ImportedFiles ProfileImport::scanFiles(const QStringList &paths)
{
    ImportedFiles files;
    for (const QString &path : paths)
        classify(QFileInfo(path), files);
    return files;
}

void ProfileImport::apply(const ImportedFiles &files, Profile &profile, const QString &p12Password)
{
    if (!files.privateKeyFile.isEmpty() && !files.certificateFile.isEmpty()) {
        profile.keyKind = Profile::KeyKind::PemFiles;
        profile.privateKeyFile = files.privateKeyFile;
        profile.certificateFile = files.certificateFile;
        profile.pkcs12File.clear();
    } else if (!files.pkcs12File.isEmpty()) {
        profile.keyKind = Profile::KeyKind::Pkcs12;
        profile.pkcs12File = files.pkcs12File;
        profile.privateKeyFile.clear();
        profile.certificateFile.clear();
    } else {
        if (!files.privateKeyFile.isEmpty())
            profile.privateKeyFile = files.privateKeyFile;
        if (!files.certificateFile.isEmpty())
            profile.certificateFile = files.certificateFile;
    }
    if (!files.publicKeyFile.isEmpty())
        profile.publicKeyFile = files.publicKeyFile;
    if (!files.publicKeyId.isEmpty())
        profile.publicKeyId = files.publicKeyId;
    if (!files.platformCertificateFiles.isEmpty())
        profile.platformCertificateFiles = files.platformCertificateFiles;

    if (profile.mchid.trimmed().isEmpty())
        profile.mchid = mchidFromCertificate(profile, p12Password);
    auto serial = deriveSerial(profile, p12Password);
    if (serial)
        profile.serialNo = *serial;
}

Expected<QString, KeyError> ProfileImport::deriveSerial(const Profile &profile, const QString &p12Password)
{
    auto certificate = certificateOf(profile, p12Password);
    if (!certificate)
        return unexpected(certificate.error());
    return certificate->serialHex();
}

QString ProfileImport::mchidFromCertificate(const Profile &profile, const QString &p12Password)
{
    // A p12 without a known mchid can only be opened with a typed password.
    if (profile.keyKind == Profile::KeyKind::Pkcs12 && p12Password.isEmpty() &&
        profile.mchid.trimmed().isEmpty())
        return {};
    auto certificate = certificateOf(profile, p12Password);
    if (!certificate)
        return {};
    static const QRegularExpression rdn(u"(?:^|,)\\s*(?:OU|CN|O)=([0-9]{6,32})\\s*(?=,|$)"_s);
    const QRegularExpressionMatch match = rdn.match(certificate->subject());
    return match.hasMatch() ? match.captured(1) : QString();
}

QString ProfileImport::findPublicKeyId(const QString &text)
{
    static const QRegularExpression pattern(u"PUB_KEY_ID_[0-9A-Za-z]{8,64}"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    // A file name such as PUB_KEY_ID_0114....pem: the id stops before the extension.
    return match.captured(0);
}

} // namespace fenzhang
