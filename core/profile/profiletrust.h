#pragma once

// What a profile makes the app trust, for a person to see before it is taken on (importing
// profiles from a colleague's file): the hosts requests go to when they are not WeChat Pay's two
// own, an extra CA, and every key and certificate file it reads. Files on another computer (UNC
// paths, //server/share, URLs) are refused for every one of them: a key or a trust anchor must not
// come from a share someone else can change.

#include "profile/profile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace fenzhang {

class ProfileTrust final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ProfileTrust)
public:
    struct File {
        QString role; // translated: "private key", "extra CA", ...
        QString path;
    };

    // \\server\share\..., //server/share/..., \\?\UNC\..., and URL-like paths (smb://, file:, https:).
    // A drive letter (C:\, C:/) is local.
    static bool isRemotePath(const QString &path);

    // Every file the profile reads a key, a certificate or a CA from, in the order a person checks them.
    static QList<File> files(const Profile &profile);
    // The profile's hosts that are not api.mch.weixin.qq.com / api2.mch.weixin.qq.com.
    static QStringList unofficialHosts(const Profile &profile);
    // One translated sentence for each file on another computer; empty when there is none.
    static QStringList remotePathProblems(const Profile &profile);

    // What taking these profiles on trusts, as plain text for a question.
    static QString describe(const QList<Profile> &profiles);
};

} // namespace fenzhang
