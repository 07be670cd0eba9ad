#include "profile/profiletrust.h"

#include "api/clientconfig.h"

#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fenzhang {

bool ProfileTrust::isRemotePath(const QString &path)
{
    const QString text = path.trimmed();
    // \\server\share, //server/share, \\?\UNC\server, \\.\device, and mixed slashes.
    if (text.size() >= 2 && (text.at(0) == u'\\' || text.at(0) == u'/') && (text.at(1) == u'\\' || text.at(1) == u'/'))
        return true;
    // A URL scheme of two letters or more (one letter is a drive: C:\key.pem).
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.-]+:"_s);
    return scheme.match(text).hasMatch();
}

QList<ProfileTrust::File> ProfileTrust::files(const Profile &profile)
{
    QList<File> result;
    const auto add = [&result](const QString &role, const QString &path) {
        if (!path.trimmed().isEmpty())
            result.append({role, path});
    };
    if (profile.keyKind == Profile::KeyKind::Pkcs12) {
        add(tr("merchant certificate and private key (.p12)"), profile.pkcs12File);
    } else {
        add(tr("merchant private key"), profile.privateKeyFile);
        add(tr("merchant certificate"), profile.certificateFile);
    }
    add(tr("WeChat Pay public key"), profile.publicKeyFile);
    for (const QString &certificate : profile.platformCertificateFiles)
        add(tr("WeChat Pay platform certificate"), certificate);
    add(tr("extra CA (trusted for TLS besides the system's)"), profile.caFile);
    return result;
}

QStringList ProfileTrust::unofficialHosts(const Profile &profile)
{
    const ClientConfig official;
    QStringList hosts;
    for (const QUrl &url : {profile.primaryUrl, profile.backupUrl}) {
        if (url.isEmpty() || url == official.primaryUrl || url == official.backupUrl)
            continue;
        const QString shown = url.toString();
        if (!hosts.contains(shown))
            hosts.append(shown);
    }
    return hosts;
}

QStringList ProfileTrust::remotePathProblems(const Profile &profile)
{
    QStringList problems;
    for (const File &file : files(profile)) {
        if (isRemotePath(file.path))
            problems.append(tr("The %1 file %2 is on another computer or a web address; keys and certificates "
                               "are read only from this computer: copy the file here and choose the copy.")
                                .arg(file.role, QDir::toNativeSeparators(file.path)));
    }
    return problems;
}

QString ProfileTrust::describe(const QList<Profile> &profiles)
{
    QStringList lines;
    for (const Profile &profile : profiles) {
        lines.append(tr("%1 (mchid %2)").arg(profile.name, profile.mchid));
        const QStringList hosts = unofficialHosts(profile);
        if (hosts.isEmpty())
            lines.append(tr("  hosts: WeChat Pay's own (api.mch.weixin.qq.com, api2.mch.weixin.qq.com)"));
        for (const QString &host : hosts)
            lines.append(tr("  host NOT WeChat Pay's own: %1").arg(host));
        for (const File &file : files(profile))
            lines.append(tr("  %1: %2").arg(file.role, QDir::toNativeSeparators(file.path)));
    }
    return lines.join(u'\n');
}

} // namespace fenzhang
