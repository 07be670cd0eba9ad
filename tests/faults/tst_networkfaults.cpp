// Faults on the wire that tests/api does not already cover, through the real ApiClient over
// loopback: answers that stall half-way (only the timeout can end them), a body past the cap with
// no Content-Length, an extra CA that does not vouch for the server, either clock being wrong, and
// a rate limit that never lifts. Each must end in one clear error with nothing trusted.

#include "crypto/keyloader.h"
#include "rogueserver.h"
#include "sandboxclients.h"
#include "sandboxfixture.h"
#include "threadedstreamer.h"

#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::testing;

using Kind = LookupResult::Kind;
using Behaviour = RogueServer::Behaviour;

class TestNetworkFaults final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void stalledAnswer_timeoutFires_onBothHosts_data();
    void stalledAnswer_timeoutFires_onBothHosts();
    void endlessChunkedBody_stoppedAtCap();
    void endlessBody_whileMainThreadBusy_memoryBounded();
    void tlsWithWrongExtraCa_failsAndSendsNothing();
    void requestClockAhead_refusedByServer_notRetried();
    void localClockBehind_answerNotTrusted();
    void rateLimitNeverLifts_endsAsApiErrorAfterRetries();

private:
    ApiClient *makeSkewedClient(qint64 signerOffset, qint64 verifierOffset);
    SandboxClients m_clients;
};

void TestNetworkFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestNetworkFaults::init()
{
    QVERIFY(m_clients.start());
}

void TestNetworkFaults::cleanup()
{
    m_clients.stop();
}

// A client on the sandbox whose signer's and verifier's clocks are off by the given seconds.
ApiClient *TestNetworkFaults::makeSkewedClient(qint64 signerOffset, qint64 verifierOffset)
{
    const ConnectionSettings settings = m_clients.sandbox().settings();
    auto key = KeyLoader::privateKeyFromPemFile(settings.merchant.privateKeyFile);
    auto keys = VerifierKeyRing::load(settings.wechatpay);
    if (!key || !keys)
        return nullptr;
    RequestSigner signer(settings.merchant.mchid, m_clients.sandbox().infoString("serial_no"), *key,
                         [signerOffset] { return QDateTime::currentSecsSinceEpoch() + signerOffset; });
    ResponseVerifier verifier(
        *keys, [verifierOffset] { return QDateTime::currentSecsSinceEpoch() + verifierOffset; });
    return new ApiClient(settings.client, signer, verifier, m_clients.owner());
}

void TestNetworkFaults::stalledAnswer_timeoutFires_onBothHosts_data()
{
    QTest::addColumn<Behaviour>("primary");
    QTest::addColumn<Behaviour>("backup");
    QTest::newRow("headers never come") << Behaviour::Silent << Behaviour::Silent;
    QTest::newRow("headers never end") << Behaviour::HeadersNeverEnd << Behaviour::HeadersNeverEnd;
    QTest::newRow("body shorter than Content-Length, connection held")
        << Behaviour::BodyShortOfLength << Behaviour::BodyShortOfLength;
    QTest::newRow("mixed") << Behaviour::HeadersNeverEnd << Behaviour::BodyShortOfLength;
}

void TestNetworkFaults::stalledAnswer_timeoutFires_onBothHosts()
{
    QFETCH(Behaviour, primary);
    QFETCH(Behaviour, backup);
    RogueServer first(primary);
    RogueServer second(backup);
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.primaryUrl = first.url();
    settings.client.backupUrl = second.url();
    settings.client.timeoutMs = 400;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    QList<Attempt> attempts;
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()), &attempts);

    QCOMPARE(result.kind, Kind::NetworkError);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::NetworkError);
    QCOMPARE(result.response.attempts, 2);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::FailoverAfterNetworkError);
    QCOMPARE(first.requests(), 1);
    QCOMPARE(second.requests(), 1);
    QVERIFY2(result.response.networkError.contains(u"400"_s), qPrintable(result.response.networkError));
    QCOMPARE(result.response.hostsTried.size(), 2);
    QVERIFY(!result.response.verified);
    QVERIFY(result.order() == nullptr);
    QVERIFY(!result.isFinal());
}

void TestNetworkFaults::endlessChunkedBody_stoppedAtCap()
{
    RogueServer rogue(Behaviour::EndlessChunkedBody);
    QVERIFY(rogue.listen());
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.primaryUrl = rogue.url();
    settings.client.maxBodyBytes = 256 * 1024;
    settings.client.timeoutMs = 30000;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()));

    QCOMPARE(result.kind, Kind::BadAnswer);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::BodyTooLarge);
    QCOMPARE(result.response.attempts, 1);
    QVERIFY(result.response.body.isEmpty());
    QVERIFY(!result.response.verified);
    QVERIFY(result.order() == nullptr);
    QVERIFY2(result.parseError.contains(QString::number(256 * 1024)), qPrintable(result.parseError));
    // The client hung up: the server could not push much more than the cap plus socket buffers.
    QTest::qWait(200);
    QVERIFY2(rogue.bytesSent() < RogueServer::SafetyLimit / 4,
             QByteArray::number(rogue.bytesSent()).constData());
}

void TestNetworkFaults::endlessBody_whileMainThreadBusy_memoryBounded()
{
    // QNAM reads in its own thread: while the GUI thread is busy it must stop reading at its
    // buffer bound instead of queueing everything the server sends.
    ThreadedStreamer streamer;
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(streamer.port()));
    settings.client.maxBodyBytes = 256 * 1024;
    settings.client.timeoutMs = 60000;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    LookupJob *job = service.lookUp(m_clients.sandbox().sampleOrder());
    LookupResult result;
    bool done = false;
    QObject context;
    connect(job, &LookupJob::finished, &context, [&](const LookupResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(streamer.headersSent(), 30000);
    streamer.startBody();
    QThread::msleep(1500); // a busy main thread: nothing takes the reply's data meanwhile
    QVERIFY2(streamer.bytesSent() < 32 * 1024 * 1024, QByteArray::number(streamer.bytesSent()).constData());
    QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::BodyTooLarge);
    QVERIFY(result.response.body.isEmpty());
}

void TestNetworkFaults::tlsWithWrongExtraCa_failsAndSendsNothing()
{
    SandboxFixture tls;
    QVERIFY(tls.start(true));
    ConnectionSettings settings = tls.settings();
    // A real certificate, just not the sandbox's issuer: trusting it must not make the server trusted.
    settings.client.caFile = QStringLiteral(FENZHANG_TEST_DATA "/keys/other_cert.pem");
    settings.client.backupUrl = QUrl(u"https://localhost:%1"_s.arg(tls.server->url().port()));
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    QList<Attempt> attempts;
    const LookupResult result = waitFor(service.lookUp(tls.sampleOrder()), &attempts);

    QCOMPARE(result.kind, Kind::NetworkError);
    QCOMPARE(result.response.attempts, 2);
    for (const Attempt &attempt : std::as_const(attempts))
        QCOMPARE(attempt.host.scheme(), u"https"_s); // never retried over plain http
    QVERIFY(!result.response.networkError.isEmpty());
    QVERIFY(result.order() == nullptr);
    QTest::qWait(100);
    QCOMPARE(tls.log.size(), 0); // no handshake completed, so no request was ever received
}

void TestNetworkFaults::requestClockAhead_refusedByServer_notRetried()
{
    // This computer's clock 10 minutes fast: WeChat Pay refuses the signature as expired.
    ApiClient *client = makeSkewedClient(600, 0);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()));

    QCOMPARE(result.kind, Kind::ApiError);
    QCOMPARE(result.response.httpStatus, 401);
    QCOMPARE(result.response.errorCode, u"SIGN_ERROR"_s);
    QVERIFY(result.response.errorDetail.contains("timestamp_expired"));
    QCOMPARE(result.response.attempts, 1); // a signature error is not worth retrying
    QVERIFY(result.order() == nullptr);
}

void TestNetworkFaults::localClockBehind_answerNotTrusted()
{
    // Signed correctly, but the verifier's clock is 10 minutes slow: the answer looks replayed.
    ApiClient *client = makeSkewedClient(0, -600);
    QVERIFY(client);
    LookupService service(client);
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().sampleOrder()));

    QCOMPARE(result.kind, Kind::VerificationFailed);
    QCOMPARE(result.response.verification.status, Verification::Status::ClockSkew);
    QVERIFY2(result.response.verification.detail.contains(u"clock"_s),
             qPrintable(result.response.verification.detail));
    QVERIFY(!result.response.verified);
    QVERIFY(result.order() == nullptr);
    QCOMPARE(m_clients.sandbox().log.size(), 1);
}

void TestNetworkFaults::rateLimitNeverLifts_endsAsApiErrorAfterRetries()
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.maxRetries = 2;
    ApiClient *client = m_clients.makeClient(settings);
    QVERIFY(client);
    LookupService service(client);
    QList<Attempt> attempts;
    const LookupResult result =
        waitFor(service.lookUp(m_clients.sandbox().scenarioOrder(u"SCN-429-99-faults"_s)), &attempts);

    QCOMPARE(result.kind, Kind::ApiError);
    QCOMPARE(result.response.httpStatus, 429);
    QCOMPARE(result.response.errorCode, u"FREQUENCY_LIMITED"_s);
    QCOMPARE(result.response.attempts, 3); // 1 + 2 retries
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::RetryAfterRateLimit);
    QCOMPARE(m_clients.sandbox().log.size(), 3);
    QVERIFY(result.order() == nullptr);
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "tst_networkfaults.moc"
