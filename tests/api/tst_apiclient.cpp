// ApiClient's transport against the in-process sandbox over loopback: what goes on the wire,
// failover, TLS trust, cancel, and set-up errors.

#include "sandboxclients.h"
#include "sandboxfixture.h"

#include "sandbox/sandboxkeys.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::testing;

using Kind = LookupResult::Kind;

class TestApiClient final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void request_headersOnTheWire();
    void rawTarget_isTheSignedTarget_data();
    void rawTarget_isTheSignedTarget();
    void retries_signAfreshWithNewNonce();
    void failover_primaryClosed_backupAnswers();
    void failover_bothDown_namesBothHosts();
    void failover_afterDroppedConnection_signedAfresh();
    void failover_timeoutOnPrimary_triesBackup();
    void tls_withCaFile_works();
    void tls_withoutCa_isNetworkErrorNeverInsecure();
    void tls_offersOnlyHttp11();
    void createApiClient_plainHttpToPublicHost_rejected();
    void createApiClient_missingKey_clearError();
    void cancel_whileWaitingForAnswer();
    void cancel_duringBackoff_sendsNoMore();
    void apiJob_getDirectly_returnsRawResponse();
    void retryAfter_longerThanBudget_notRetried();
    void backoff_boundedByBudget();
    void bodyCap_declaredLength_abortsAtOnce();
    void destroyClient_whileJobRuns_endsCancelled();

private:
    SandboxClients m_clients;
};

void TestApiClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestApiClient::init()
{
    QVERIFY(m_clients.start());
}

void TestApiClient::cleanup()
{
    m_clients.stop();
}

void TestApiClient::request_headersOnTheWire()
{
    ApiClient *client = m_clients.makeClient(m_clients.sandbox().settings());
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()));
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(m_clients.sandbox().log.size(), 1);
    const QJsonObject entry = m_clients.sandbox().log.at(0);
    QCOMPARE(entry.value("method"_L1).toString(), u"GET"_s);
    QCOMPARE(SandboxFixture::loggedHeader(entry, "Accept"_L1), u"application/json"_s);
    // Issue 15.12: no content coding is accepted (Qt would ask for gzip and inflate it itself).
    QCOMPARE(SandboxFixture::loggedHeader(entry, "Accept-Encoding"_L1), u"identity"_s);
    QCOMPARE(SandboxFixture::loggedHeader(entry, "User-Agent"_L1),
             QString::fromLatin1(ClientConfig::defaultUserAgent()));
    QCOMPARE(SandboxFixture::loggedHeader(entry, "Wechatpay-Serial"_L1),
             m_clients.sandbox().infoString("wechatpay_public_key_id"));
    const QString authorization = SandboxFixture::loggedHeader(entry, "Authorization"_L1);
    QVERIFY2(authorization.startsWith(u"WECHATPAY2-SHA256-RSA2048 "_s), qPrintable(authorization));
    QCOMPARE(SandboxFixture::authorizationField(entry, u"mchid"_s), m_clients.sandbox().infoString("mchid"));
    QCOMPARE(SandboxFixture::authorizationField(entry, u"serial_no"_s),
             m_clients.sandbox().infoString("serial_no"));
}

void TestApiClient::rawTarget_isTheSignedTarget_data()
{
    QTest::addColumn<QString>("outOrderNo");
    QTest::addColumn<int>("status");
    // '|', '*' and '@' must reach the server exactly as percent-encoded and signed; a re-encoded
    // target would fail the sandbox's signature check with 401 SIGN_ERROR.
    QTest::newRow("scenario with | * @") << u"SCN-PROCESSING-0-a|b*c@d"_s << 200;
    QTest::newRow("unknown number with | * @ _ -") << u"P|20*15@08_06-1"_s << 404;
    QTest::newRow("plain") << u"P20150806125346"_s << 404;
}

void TestApiClient::rawTarget_isTheSignedTarget()
{
    QFETCH(QString, outOrderNo);
    QFETCH(int, status);
    ApiClient *client = m_clients.makeClient(m_clients.sandbox().settings());
    QVERIFY(client);
    LookupService service(client);
    const OrderQuery query = m_clients.sandbox().scenarioOrder(outOrderNo);
    const LookupResult result = waitFor(service.lookUp(query));
    QCOMPARE(result.response.httpStatus, status);
    if (status == 404)
        QCOMPARE(result.response.errorCode, u"RESOURCE_NOT_EXISTS"_s);
    QCOMPARE(m_clients.sandbox().log.size(), 1);
    const QByteArray signedTarget = query.requestTarget();
    QVERIFY(signedTarget.contains("%7C") || !outOrderNo.contains(u'|'));
    QCOMPARE(m_clients.sandbox().log.at(0).value("target"_L1).toString().toLatin1(), signedTarget);
}

void TestApiClient::retries_signAfreshWithNewNonce()
{
    ApiClient *client = m_clients.makeClient(m_clients.sandbox().settings());
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-500-3"_s)));
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.response.attempts, 4);
    QCOMPARE(m_clients.sandbox().log.size(), 4);
    QSet<QString> nonces;
    static const QRegularExpression nonceShape(u"^[0-9A-Za-z]{32}$"_s);
    for (const QJsonObject &entry : std::as_const(m_clients.sandbox().log)) {
        const QString nonce = SandboxFixture::authorizationField(entry, u"nonce_str"_s);
        QVERIFY2(nonceShape.match(nonce).hasMatch(), qPrintable(nonce));
        nonces.insert(nonce);
        QVERIFY(!SandboxFixture::authorizationField(entry, u"timestamp"_s).isEmpty());
        // Every attempt passed the sandbox's signature check (a reused nonce would be a 401).
        QVERIFY(entry.value("status"_L1).toInt() != 401);
    }
    QCOMPARE(nonces.size(), 4);
}

void TestApiClient::failover_primaryClosed_backupAnswers()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    const quint16 closed = closedLoopbackPort();
    settings.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(closed));
    settings.client.backupUrl = m_clients.sandbox().server->url();
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    QList<Attempt> attempts;
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()), &attempts);
    QCOMPARE(result.kind, Kind::Ok);
    QVERIFY(result.response.verified);
    const QStringList expected{u"127.0.0.1:%1"_s.arg(closed),
                               u"127.0.0.1:%1"_s.arg(m_clients.sandbox().server->port())};
    QCOMPARE(result.response.hostsTried, expected);
    QCOMPARE(result.response.attempts, 2);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).host, settings.client.primaryUrl);
    QCOMPARE(attempts.at(1).host, settings.client.backupUrl);
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::FailoverAfterNetworkError);
    QCOMPARE(m_clients.sandbox().log.size(), 1);
}

void TestApiClient::failover_bothDown_namesBothHosts()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    const quint16 first = closedLoopbackPort();
    const quint16 second = closedLoopbackPort();
    settings.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(first));
    settings.client.backupUrl = QUrl(u"http://localhost:%1"_s.arg(second));
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()));
    QCOMPARE(result.kind, Kind::NetworkError);
    QCOMPARE(result.response.hostsTried.size(), 2);
    const QString message = result.response.networkError;
    QVERIFY2(message.contains(u"127.0.0.1:%1"_s.arg(first)), qPrintable(message));
    QVERIFY2(message.contains(u"localhost:%1"_s.arg(second)), qPrintable(message));
    QCOMPARE(result.response.httpStatus, 0);
}

void TestApiClient::failover_afterDroppedConnection_signedAfresh()
{
    // One sandbox as both hosts (docs/sandbox.md): 127.0.0.1 as primary, localhost as backup.
    ConnectionSettings settings = m_clients.sandbox().settings();
    const quint16 port = m_clients.sandbox().server->port();
    settings.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    settings.client.backupUrl = QUrl(u"http://localhost:%1"_s.arg(port));
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    QList<Attempt> attempts;
    // The first call is dropped without a byte of answer; later calls are answered.
    const LookupResult result =
        waitFor(service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-DROP-1-f"_s)), &attempts);
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.response.attempts, 2);
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::FailoverAfterNetworkError);
    QCOMPARE(result.response.hostsTried,
             (QStringList{u"127.0.0.1:%1"_s.arg(port), u"localhost:%1"_s.arg(port)}));
    // Whatever Qt re-sent on the first connection carried the first signature; the backup got a
    // new one.
    QTRY_VERIFY(!m_clients.sandbox().log.isEmpty());
    const QJsonObject first = m_clients.sandbox().log.constFirst();
    const QJsonObject last = m_clients.sandbox().log.constLast();
    QCOMPARE(first.value("delivery"_L1).toString(), u"dropped"_s);
    QVERIFY(last.value("host"_L1).toString().startsWith(u"localhost:"_s));
    QCOMPARE(last.value("status"_L1).toInt(), 200);
    QVERIFY(SandboxFixture::authorizationField(first, u"nonce_str"_s) !=
            SandboxFixture::authorizationField(last, u"nonce_str"_s));
}

void TestApiClient::failover_timeoutOnPrimary_triesBackup()
{
    SandboxFixture backup;
    QVERIFY(backup.start());
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.backupUrl = backup.server->url();
    settings.client.timeoutMs = 300;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    // Slow on every call: the primary times out, then the backup does too.
    const LookupResult result =
        waitFor(service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-SLOW-5000"_s)));
    QCOMPARE(result.kind, Kind::NetworkError);
    QCOMPARE(result.response.attempts, 2);
    QCOMPARE(result.response.hostsTried.size(), 2);
    QCOMPARE(result.response.hostsTried.at(1), u"127.0.0.1:%1"_s.arg(backup.server->port()));
    QVERIFY2(result.response.networkError.contains(u"300"_s), qPrintable(result.response.networkError));
}

void TestApiClient::tls_withCaFile_works()
{
    SandboxFixture tls;
    QVERIFY(tls.start(true));
    QCOMPARE(tls.server->url().scheme(), u"https"_s);
    const ConnectionSettings settings = tls.settings();
    QVERIFY(!settings.client.caFile.isEmpty());
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(tls.sampleOrder()));
    QCOMPARE(result.kind, Kind::Ok);
    QVERIFY(result.response.verified);
    QCOMPARE(tls.log.size(), 1);
}

void TestApiClient::tls_withoutCa_isNetworkErrorNeverInsecure()
{
    SandboxFixture tls;
    QVERIFY(tls.start(true));
    ConnectionSettings settings = tls.settings();
    settings.client.caFile.clear();
    settings.client.backupUrl = tls.server->url(); // the backup is just as untrusted
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    QList<Attempt> attempts;
    const LookupResult result = waitFor(service.lookUp(tls.sampleOrder()), &attempts);
    QCOMPARE(result.kind, Kind::NetworkError);
    QCOMPARE(result.response.attempts, 2);
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::FailoverAfterNetworkError);
    QVERIFY(!result.response.networkError.isEmpty());
    // The handshake failed, so not one request reached the server.
    QTest::qWait(100);
    QCOMPARE(tls.log.size(), 0);
}

// Issue 15.12: HTTP/1.1 is pinned. A TLS server that prefers h2 in ALPN (and takes it from a client
// with Qt's defaults) gets no h2 from ours, and the first bytes are an HTTP/1.1 request line, not
// the HTTP/2 preface.
void TestApiClient::tls_offersOnlyHttp11()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto keys = sandbox::SandboxKeys::prepare({}, true, {}, {}, &dir);
    QVERIFY2(keys, qPrintable(keys ? QString() : keys.error()));
    QFile certificateFile(keys->tlsCertificateFile);
    QFile keyFile(keys->tlsPrivateKeyFile);
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificateFile.readAll(), QSsl::Pem));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2, QSslConfiguration::NextProtocolHttp1_1});
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QList<QByteArray> negotiated; // per connection
    QByteArray firstBytes;
    QList<QPointer<QSslSocket>> accepted;
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
        while (auto *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
            socket->setParent(&server);
            accepted.append(socket);
            negotiated.append(socket->sslConfiguration().nextNegotiatedProtocol());
            connect(socket, &QSslSocket::readyRead, socket, [&firstBytes, socket] {
                firstBytes += socket->readAll();
                if (firstBytes.size() >= 16)
                    socket->abort();
            });
        }
    });
    const QUrl base(u"https://127.0.0.1:%1"_s.arg(server.serverPort()));

    // The control: Qt's defaults offer h2, and this server takes it.
    {
        QNetworkAccessManager plain;
        QNetworkRequest request(base.resolved(QUrl(u"/v3/"_s)));
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.addCaCertificates(QSslCertificate::fromPath(keys->caFile));
        request.setSslConfiguration(trusting);
        std::unique_ptr<QNetworkReply> reply(plain.get(request));
        QTRY_VERIFY_WITH_TIMEOUT(!negotiated.isEmpty(), 10000);
        QCOMPARE(negotiated.constFirst(), QByteArray(QSslConfiguration::ALPNProtocolHTTP2));
        reply->abort();
    }
    // The control's connection is closed before it can add its (late, on a slow build) h2 preface.
    for (const QPointer<QSslSocket> &socket : std::as_const(accepted)) {
        if (socket) {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            socket->abort();
        }
    }
    negotiated.clear();
    firstBytes.clear();

    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.primaryUrl = base;
    settings.client.caFile = keys->caFile;
    settings.client.timeoutMs = 10000;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()));
    QCOMPARE(result.kind, Kind::NetworkError); // the server hangs up after the request line
    QVERIFY(!negotiated.isEmpty());
    for (const QByteArray &protocol : std::as_const(negotiated)) // h2 is not even offered
        QVERIFY2(protocol.isEmpty() || protocol == QSslConfiguration::NextProtocolHttp1_1, protocol.constData());
    QVERIFY2(firstBytes.startsWith("GET /v3/profitsharing/orders/"), firstBytes.left(40).constData());
}

void TestApiClient::createApiClient_plainHttpToPublicHost_rejected()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.primaryUrl = QUrl(u"http://api.mch.weixin.qq.com"_s);
    auto client = createApiClient(settings, m_clients.owner());
    QVERIFY(!client);
    QVERIFY2(client.error().message.contains(u"http://"_s), qPrintable(client.error().message));
    QCOMPARE(m_clients.owner()->findChildren<ApiClient *>().size(), 0);
}

void TestApiClient::createApiClient_missingKey_clearError()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.merchant.privateKeyFile = u"/nonexistent/apiclient_key.pem"_s;
    auto client = createApiClient(settings, m_clients.owner());
    QVERIFY(!client);
    QVERIFY2(client.error().message.contains(u"apiclient_key.pem"_s), qPrintable(client.error().message));
}

void TestApiClient::cancel_whileWaitingForAnswer()
{
    ApiClient *client = m_clients.makeClient(m_clients.sandbox().settings());
    QVERIFY(client);
    LookupService service(client);
    LookupJob *job = service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-SLOW-5000"_s));
    connect(job, &LookupJob::attemptStarted, job, &LookupJob::cancel, Qt::QueuedConnection);
    const LookupResult result = waitFor(job);
    QCOMPARE(result.kind, Kind::Cancelled);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::Cancelled);
    QCOMPARE(result.response.attempts, 1);
}

void TestApiClient::cancel_duringBackoff_sendsNoMore()
{
    // A long first backoff, so the cancel surely lands while the job waits to retry.
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.initialBackoffMs = 3000;
    settings.client.maxTotalRetryWaitMs = 20000;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    QPointer<LookupJob> job = service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-500-9-c"_s));
    connect(m_clients.sandbox().server.get(), &sandbox::SandboxServer::requestHandled, job,
            [job] { QTimer::singleShot(200, job, &LookupJob::cancel); });
    const LookupResult result = waitFor(job);
    QCOMPARE(result.kind, Kind::Cancelled);
    QCOMPARE(result.response.attempts, 1);
    QCOMPARE(m_clients.sandbox().log.size(), 1);
    QTest::qWait(5000); // longer than the backoff: no second request may follow
    QCOMPARE(m_clients.sandbox().log.size(), 1);
    QVERIFY(job.isNull());
}

void TestApiClient::apiJob_getDirectly_returnsRawResponse()
{
    ApiClient *client = m_clients.makeClient(m_clients.sandbox().settings());
    QVERIFY(client);
    const QByteArray target = m_clients.sandbox().scenarioOrder(u"SCN-404"_s).requestTarget();
    QPointer<ApiJob> job = client->get(target);
    QCOMPARE(job->requestTarget(), target);
    ApiResponse response;
    bool done = false;
    connect(job, &ApiJob::finished, this, [&](const ApiResponse &r) {
        response = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(job.isNull() || job->isFinished());
    QCOMPARE(response.outcome, ApiResponse::Outcome::ApiError);
    QCOMPARE(response.httpStatus, 404);
    QCOMPARE(response.header("request-id"), response.requestId);
    QVERIFY(!response.errorDetail.isEmpty() || response.errorCode == u"RESOURCE_NOT_EXISTS"_s);
    QVERIFY(response.receivedAt.isValid());
    QCOMPARE(response.finalUrl.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority), target);
    QTRY_VERIFY(job.isNull());
}

void TestApiClient::retryAfter_longerThanBudget_notRetried()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.maxTotalRetryWaitMs = 500; // the sandbox asks for Retry-After: 1
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-429-9"_s)));
    QCOMPARE(result.kind, Kind::ApiError);
    QCOMPARE(result.response.httpStatus, 429);
    QCOMPARE(result.response.errorCode, u"FREQUENCY_LIMITED"_s);
    QCOMPARE(result.response.attempts, 1);
    QCOMPARE(m_clients.sandbox().log.size(), 1);
}

void TestApiClient::backoff_boundedByBudget()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.maxTotalRetryWaitMs = 0;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-500-9"_s)));
    QCOMPARE(result.kind, Kind::ApiError);
    QCOMPARE(result.response.errorCode, u"SYSTEM_ERROR"_s);
    QCOMPARE(result.response.attempts, 1);

    settings.client.maxTotalRetryWaitMs = 6000;
    settings.client.maxRetries = 1;
    client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService limited(client);
    const LookupResult once = waitFor(limited.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-500-9-b"_s)));
    QCOMPARE(once.kind, Kind::ApiError);
    QCOMPARE(once.response.attempts, 2);
}

void TestApiClient::bodyCap_declaredLength_abortsAtOnce()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.maxBodyBytes = 100; // the sample answer is several hundred bytes
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()));
    QCOMPARE(result.kind, Kind::BadAnswer);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::BodyTooLarge);
    QCOMPARE(result.response.httpStatus, 200);
    QVERIFY(!result.response.requestId.isEmpty());
    QVERIFY(result.response.body.isEmpty());
    QVERIFY(!result.response.verified);
    QVERIFY(result.order() == nullptr);
    QVERIFY2(result.parseError.contains(u"100"_s), qPrintable(result.parseError));
}

void TestApiClient::destroyClient_whileJobRuns_endsCancelled()
{
    ApiClient *client = m_clients.makeClient(m_clients.sandbox().settings());
    QVERIFY(client);
    LookupService service(client);
    QPointer<LookupJob> job = service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-SLOW-5000"_s));
    LookupResult result;
    bool done = false;
    connect(job, &LookupJob::finished, this, [&](const LookupResult &r) {
        result = r;
        done = true;
    });
    connect(job, &LookupJob::attemptStarted, client, &QObject::deleteLater, Qt::QueuedConnection);
    QTRY_VERIFY(done);
    QCOMPARE(result.kind, Kind::Cancelled);
    QTRY_VERIFY(job.isNull());
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
