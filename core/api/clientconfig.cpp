#include "api/clientconfig.h"

#include "fenzhang_version.h"
#include "fileread.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// The translation context of this file's messages (lupdate reads it from here, too).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ClientConfig)
};

// Only the machine itself may be spoken to in clear text: the sandbox, a local proxy in tests.
bool isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

QString checkUrl(const QUrl &url, const QString &name)
{
    if (!url.isValid() || url.host().isEmpty())
        return Text::tr("The %1 URL \"%2\" is not a valid URL.").arg(name, url.toDisplayString());
    const QString scheme = url.scheme().toLower();
    if (scheme == "https"_L1)
        return {};
    if (scheme == "http"_L1) {
        if (isLoopbackHost(url.host()))
            return {};
        return Text::tr("The %1 URL \"%2\" uses plain http://, which is only allowed for this computer "
                  "(127.0.0.1, ::1, localhost). Use https://.")
            .arg(name, url.toDisplayString());
    }
    return Text::tr("The %1 URL \"%2\" must start with https://.").arg(name, url.toDisplayString());
}

} // namespace

QString ClientConfig::validate() const
{
    if (QString error = checkUrl(primaryUrl, Text::tr("primary")); !error.isEmpty())
        return error;
    if (!backupUrl.isEmpty()) {
        if (QString error = checkUrl(backupUrl, Text::tr("backup")); !error.isEmpty())
            return error;
    }
    if (!caFile.isEmpty()) {
        if (!QFileInfo::exists(caFile))
            return Text::tr("The CA file \"%1\" does not exist.").arg(caFile);
        const auto certificates = extraCaCertificates();
        if (!certificates)
            return certificates.error();
        if (certificates->isEmpty())
            return Text::tr("The CA file \"%1\" holds no readable certificate (PEM or DER).").arg(caFile);
    }
    if (timeoutMs <= 0)
        return Text::tr("The timeout must be greater than zero.");
    if (maxRetries < 0 || maxTotalRetryWaitMs < 0 || initialBackoffMs < 0)
        return Text::tr("The retry settings must not be negative.");
    if (maxBodyBytes <= 0)
        return Text::tr("The maximum body size must be greater than zero.");
    return {};
}

Expected<QList<QSslCertificate>, QString> ClientConfig::extraCaCertificates() const
{
    if (caFile.isEmpty())
        return QList<QSslCertificate>();
    const auto bytes = readBounded(caFile, FileLimits::KeyFile);
    if (!bytes)
        return unexpected(bytes.error().message);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(*bytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(*bytes, QSsl::Der);
    return certificates;
}

std::optional<int> ClientConfig::timeoutMsFromSeconds(const QString &seconds)
{
    bool ok = false;
    const double value = seconds.trimmed().toDouble(&ok);
    // The range check comes before any product, so seconds * 1000 always fits an int.
    if (!ok || !(value > 0) || value > 3600)
        return std::nullopt;
    return qMax(1, qRound(value * 1000));
}

RetryPolicy ClientConfig::retryPolicy() const
{
    RetryPolicy policy;
    policy.maxRetries = maxRetries;
    policy.initialBackoffMs = initialBackoffMs;
    policy.budgetMs = maxTotalRetryWaitMs;
    return policy;
}

QByteArray ClientConfig::defaultUserAgent()
{
    const QString agent = u"fenzhang-desk/%1 (%2; %3) Qt/%4"_s.arg(
        QLatin1StringView(FENZHANG_VERSION), QSysInfo::prettyProductName(),
        QSysInfo::currentCpuArchitecture(), QLatin1StringView(qVersion()));
    // Header values are Latin-1 on the wire; keep it printable ASCII whatever the OS name holds.
    QByteArray bytes = agent.toUtf8();
    for (char &c : bytes) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            c = '?';
    }
    return bytes;
}

} // namespace fenzhang
