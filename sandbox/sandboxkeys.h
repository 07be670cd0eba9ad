#pragma once

// The key material a sandbox runs with: from --keys DIR (the file names of tests/data/vectors), or
// the demo keys compiled into the library, extracted into a private temporary directory (0700,
// private keys 0600) so clients can be pointed at real files.

#include "crypto/rsakey.h"
#include "expected.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QTemporaryDir;
QT_END_NAMESPACE

namespace fenzhang::sandbox {

struct SandboxKeys {
    static constexpr QLatin1StringView DefaultMchid{"1900000001"};
    static constexpr QLatin1StringView DefaultPublicKeyId{"PUB_KEY_ID_0119000000012025112300000000000001"};

    QString mchid;
    QString serialNo; // from the merchant certificate, upper-case hex
    QString publicKeyId;
    QString merchantPrivateKeyFile;
    QString merchantCertificateFile;
    QString wechatpayPublicKeyFile;
    QString caFile;             // with TLS
    QString tlsCertificateFile; // with TLS
    QString tlsPrivateKeyFile;  // with TLS

    RsaPublicKey merchantPublicKey; // verifies requests
    RsaPrivateKey wechatpayKey;     // signs answers

    // keysDir empty: the bundled demo keys, extracted into extractDir. mchid / publicKeyId empty:
    // the defaults (publicKeyId from the directory's wechatpay_public_key_id file when present).
    static Expected<SandboxKeys, QString> prepare(const QString &keysDir, bool tls, const QString &mchid,
                                                  const QString &publicKeyId, QTemporaryDir *extractDir);
};

} // namespace fenzhang::sandbox
