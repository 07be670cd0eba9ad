#pragma once

// "Check profile": opens everything a profile names the way a look-up would (MerchantCredentials
// and VerifierKeyRing) and reports each check as passed, failed or not reached, with a translated
// explanation the user can act on. Never includes key material in a message.

#include "profile/profile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace fenzhang {

struct CheckItem {
    enum class Check {
        MerchantId,
        FilesReadable,
        KeyOpens, // the key (and certificate, p12) can be opened: format, password
        KeySize,  // RSA >= 2048
        KeyMatchesCertificate,
        Serial,
        PublicKeyId,   // well-formed PUB_KEY_ID_...
        WechatPayKeys, // the public key / platform certificates load
        KnownLookup,   // optional, by ProfileLookupCheck: a known order looked up end to end
    };
    enum class Outcome { Passed, Failed, NotChecked };

    Check check;
    Outcome outcome = Outcome::NotChecked;
    QString title;  // what is checked
    QString detail; // what was found, or why it failed and what to do
};

class ProfileChecker final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ProfileChecker)
public:
    // secret as for Profile::toConnectionSettings: the key PEM from the keychain or the p12 password.
    static QList<CheckItem> check(const Profile &profile, const QByteArray &secret = {});
    static bool allPassed(const QList<CheckItem> &items);
    static const CheckItem *find(const QList<CheckItem> &items, CheckItem::Check check);
};

} // namespace fenzhang
