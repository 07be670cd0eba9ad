#include "api/apiclient.h"

#include <QNetworkAccessManager>
#include <QSslCertificate>

namespace fenzhang {

ApiClient::ApiClient(ClientConfig config, RequestSigner signer, ResponseVerifier verifier, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_signer(std::move(signer)),
      m_verifier(std::move(verifier)), m_network(new QNetworkAccessManager(this)),
      m_sslConfiguration(QSslConfiguration::defaultConfiguration()),
      m_userAgent(m_config.userAgent.isEmpty() ? ClientConfig::defaultUserAgent() : m_config.userAgent)
{
    // Redirects are never followed: the host is not signed, but the request-target is, and a
    // redirect would send our signature somewhere we did not choose.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);

    // An extra CA is added to the system ones; peer verification is never switched off.
    // (ClientConfig::validate() has said why a CA file that cannot be read is unusable.)
    if (const auto extra = m_config.extraCaCertificates(); extra && !extra->isEmpty())
        m_sslConfiguration.addCaCertificates(*extra);
    m_sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

ApiClient::~ApiClient()
{
    // Jobs go first: their replies belong to m_network, which QObject would delete before them.
    const QList<ApiJob *> jobs = findChildren<ApiJob *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(jobs);
}

ApiJob *ApiClient::get(const QByteArray &requestTarget)
{
    return new ApiJob(this, requestTarget);
}

} // namespace fenzhang
