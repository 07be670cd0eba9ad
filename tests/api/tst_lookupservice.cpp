// LookupService end to end against the in-process sandbox: both look-ups and every scenario of
// docs/sandbox.md, through the real ApiClient over loopback.

#include "history/historyentry.h"
#include "history/historystore.h"
#include "sandboxclients.h"
#include "sandboxfixture.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::testing;

using Kind = LookupResult::Kind;

class TestLookupService final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void queryOrder_sample_verifiedAndParsed();
    void queryReturn_sample_verifiedAndParsed();
    void processing_turnsFinished();
    void processingReturn_isValidNonFinal();
    void notFound_isApiErrorWithCodeMessageRequestId();
    void noAuth_isApiError();
    void rateLimited_retriedThenSuccess();
    void systemError_retriedThenSuccess();
    void systemError_retriesExhausted();
    void slowAnswer_timesOut();
    void droppedConnection_isNetworkError_data();
    void droppedConnection_isNetworkError();
    void untrustworthyAnswer_verificationFailed_data();
    void untrustworthyAnswer_verificationFailed();
    void notJson_isBadAnswer();
    void otherOrdersAnswer_isNotTheAnswer();
    void otherReturnsAnswer_isNotTheAnswer_data();
    void otherReturnsAnswer_isNotTheAnswer();
    void oversizeBody_abortedWithClearError();
    void unknownEnums_keptAsReceived();
    void bigAmounts_exact();
    void timeVariants_parsedWithOffsets();
    void invalidInput_nothingSent_finishedQueued();
    void cancel_beforeStart_nothingSent();

private:
    LookupService *makeService(ClientConfig tweak = {});
    SandboxClients m_clients;
};

void TestLookupService::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLookupService::init()
{
    QVERIFY(m_clients.start());
}

void TestLookupService::cleanup()
{
    m_clients.stop();
}

// A service on the sandbox; fields of tweak that differ from the defaults are applied.
LookupService *TestLookupService::makeService(ClientConfig tweak)
{
    ConnectionSettings settings = m_clients.sandbox().settings();
    const ClientConfig defaults;
    if (tweak.timeoutMs != defaults.timeoutMs)
        settings.client.timeoutMs = tweak.timeoutMs;
    if (tweak.maxBodyBytes != defaults.maxBodyBytes)
        settings.client.maxBodyBytes = tweak.maxBodyBytes;
    ApiClient *client = m_clients.makeClient(settings);
    if (!client)
        return nullptr;
    return new LookupService(client, m_clients.owner());
}

void TestLookupService::queryOrder_sample_verifiedAndParsed()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const OrderQuery query = m_clients.sandbox().sampleOrder();
    QVERIFY(!query.outOrderNo.isEmpty());
    QPointer<LookupJob> job = service->lookUp(query);
    const LookupResult result = waitFor(job);
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.lookup(), LookupKind::Order);
    QVERIFY(result.order() != nullptr);
    QCOMPARE(result.order()->outOrderNo, query.outOrderNo);
    QCOMPARE(result.order()->subMchid, query.subMchid);
    QCOMPARE(result.order()->transactionId, query.transactionId);
    QVERIFY(!result.order()->receivers.isEmpty());
    QVERIFY(result.isFinal());
    const ApiResponse &response = result.response;
    QCOMPARE(response.outcome, ApiResponse::Outcome::Success);
    QCOMPARE(response.httpStatus, 200);
    QVERIFY(response.verified);
    QVERIFY(response.verification.ok());
    QCOMPARE(response.attempts, 1);
    QCOMPARE(response.hostsTried, QStringList{u"127.0.0.1:%1"_s.arg(m_clients.sandbox().server->port())});
    QVERIFY(!response.body.isEmpty());
    QVERIFY(!response.headers.isEmpty());
    QVERIFY(result.lookedUpAt.isValid());
    QCOMPARE(m_clients.sandbox().log.size(), 1);
    QVERIFY(!response.requestId.isEmpty());
    QCOMPARE(QString::fromLatin1(response.requestId),
             m_clients.sandbox().log.at(0).value("request_id"_L1).toString());
    QTRY_VERIFY(job.isNull()); // deleted after finished
}

void TestLookupService::queryReturn_sample_verifiedAndParsed()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const ReturnQuery query = m_clients.sandbox().sampleReturn();
    const LookupResult result = waitFor(service->lookUp(query));
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.lookup(), LookupKind::Return);
    QVERIFY(result.returnOrder() != nullptr);
    QCOMPARE(result.returnOrder()->outReturnNo, query.outReturnNo);
    QCOMPARE(result.returnOrder()->result, u"SUCCESS"_s);
    QVERIFY(result.returnOrder()->amount > 0);
    QVERIFY(result.isFinal());
    QVERIFY(result.response.verified);
    QVERIFY(!result.response.requestId.isEmpty());
}

void TestLookupService::processing_turnsFinished()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const OrderQuery query = m_clients.sandbox().scenarioOrder(u"SCN-PROCESSING-2"_s);
    for (int call = 1; call <= 3; ++call) {
        const LookupResult result = waitFor(service->lookUp(query));
        QCOMPARE(result.kind, Kind::Ok);
        QVERIFY(result.order() != nullptr);
        QCOMPARE(result.order()->state, call <= 2 ? u"PROCESSING"_s : u"FINISHED"_s);
        QCOMPARE(result.isFinal(), call > 2);
    }
}

void TestLookupService::processingReturn_isValidNonFinal()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioReturn(u"SCN-PROCESSING-1"_s)));
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.returnOrder()->result, u"PROCESSING"_s);
    QVERIFY(!result.isFinal());
}

void TestLookupService::notFound_isApiErrorWithCodeMessageRequestId()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result = waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-404"_s)));
    QCOMPARE(result.kind, Kind::ApiError);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::ApiError);
    QCOMPARE(result.response.httpStatus, 404);
    QCOMPARE(result.response.errorCode, u"RESOURCE_NOT_EXISTS"_s);
    QCOMPARE(result.response.errorMessage, u"记录不存在"_s);
    QVERIFY(!result.response.requestId.isEmpty());
    QVERIFY(result.response.verified); // the sandbox signs its errors too
    QVERIFY(result.order() == nullptr);
    QCOMPARE(result.response.attempts, 1); // a 404 is not retried
}

void TestLookupService::noAuth_isApiError()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result = waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-403"_s)));
    QCOMPARE(result.kind, Kind::ApiError);
    QCOMPARE(result.response.httpStatus, 403);
    QCOMPARE(result.response.errorCode, u"NO_AUTH"_s);
}

void TestLookupService::rateLimited_retriedThenSuccess()
{
    LookupService *service = makeService();
    QVERIFY(service);
    QList<Attempt> attempts;
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-429"_s)), &attempts);
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.response.attempts, 2);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).reason, ApiJob::AttemptReason::First);
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::RetryAfterRateLimit);
    QCOMPARE(attempts.at(1).number, 2);
    QCOMPARE(m_clients.sandbox().log.size(), 2);
    QCOMPARE(m_clients.sandbox().log.at(0).value("status"_L1).toInt(), 429);
}

void TestLookupService::systemError_retriedThenSuccess()
{
    LookupService *service = makeService();
    QVERIFY(service);
    QList<Attempt> attempts;
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioReturn(u"SCN-500-2"_s)), &attempts);
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.response.attempts, 3);
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::RetryAfterServerError);
    QCOMPARE(attempts.at(2).reason, ApiJob::AttemptReason::RetryAfterServerError);
}

void TestLookupService::systemError_retriesExhausted()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result = waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-500-9"_s)));
    QCOMPARE(result.kind, Kind::ApiError);
    QCOMPARE(result.response.httpStatus, 500);
    QCOMPARE(result.response.errorCode, u"SYSTEM_ERROR"_s);
    QCOMPARE(result.response.attempts, 4); // 1 + 3 retries
    QCOMPARE(m_clients.sandbox().log.size(), 4);
}

void TestLookupService::slowAnswer_timesOut()
{
    ClientConfig tweak;
    tweak.timeoutMs = 300;
    LookupService *service = makeService(tweak);
    QVERIFY(service);
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-SLOW-5000"_s)));
    QCOMPARE(result.kind, Kind::NetworkError);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::NetworkError);
    QCOMPARE(result.response.httpStatus, 0);
    QVERIFY2(result.response.networkError.contains(u"300"_s), qPrintable(result.response.networkError));
}

void TestLookupService::droppedConnection_isNetworkError_data()
{
    QTest::addColumn<QString>("number");
    QTest::newRow("before the answer") << u"SCN-DROP"_s;
    QTest::newRow("in the middle of the body") << u"SCN-MIDBODY"_s;
}

void TestLookupService::droppedConnection_isNetworkError()
{
    QFETCH(QString, number);
    // A backup that drops too: the failure fails over, signed afresh, and ends as a network error
    // (never as the SIGN_ERROR a silently re-sent request with a reused nonce would earn).
    SandboxFixture backup;
    QVERIFY(backup.start());
    ConnectionSettings settings = m_clients.sandbox().settings();
    settings.client.backupUrl = backup.server->url();
    auto client = createApiClient(settings, m_clients.owner());
    QVERIFY(client);
    LookupService service(*client);
    QList<Attempt> attempts;
    const LookupResult result = waitFor(service.lookUp(m_clients.sandbox().scenarioOrder(number)), &attempts);
    QCOMPARE(result.kind, Kind::NetworkError);
    QCOMPARE(result.response.httpStatus, 0);
    QCOMPARE(result.response.attempts, 2);
    QCOMPARE(attempts.at(1).reason, ApiJob::AttemptReason::FailoverAfterNetworkError);
    QCOMPARE(result.response.hostsTried.size(), 2);
    QVERIFY(!result.response.networkError.isEmpty());
    QVERIFY(result.order() == nullptr);
}

void TestLookupService::untrustworthyAnswer_verificationFailed_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<Verification::Status>("status");
    QTest::newRow("tampered body") << u"SCN-TAMPER"_s << Verification::Status::BadSignature;
    QTest::newRow("unknown serial") << u"SCN-UNKNOWN_SERIAL"_s << Verification::Status::UnknownSerial;
    QTest::newRow("stale timestamp") << u"SCN-STALE"_s << Verification::Status::ClockSkew;
    QTest::newRow("SIGNTEST probe") << u"SCN-SIGNTEST"_s << Verification::Status::SignatureProbe;
    QTest::newRow("unsigned") << u"SCN-UNSIGNED"_s << Verification::Status::MissingHeader;
}

void TestLookupService::untrustworthyAnswer_verificationFailed()
{
    QFETCH(QString, number);
    QFETCH(Verification::Status, status);
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result = waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(number)));
    QCOMPARE(result.kind, Kind::VerificationFailed);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::VerificationFailed);
    QCOMPARE(result.response.httpStatus, 200);
    QVERIFY(!result.response.verified);
    QCOMPARE(result.response.verification.status, status);
    QVERIFY(!result.response.verification.detail.isEmpty());
    QVERIFY(result.order() == nullptr); // nothing of it is trusted
    QVERIFY(!result.isFinal());
}

void TestLookupService::notJson_isBadAnswer()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-NOT_JSON"_s)));
    QCOMPARE(result.kind, Kind::BadAnswer);
    QVERIFY(result.response.verified);
    QVERIFY(!result.parseError.isEmpty());
    QVERIFY(result.order() == nullptr);
    QVERIFY(result.response.body.startsWith("<html>"));
}

// Issue 15.1: a genuinely signed answer to another order is verified, but it is not this look-up's
// result: NotTheAnswer, naming each identifier that differs, with no typed result and no body left
// for anything to show, export or store.
void TestLookupService::otherOrdersAnswer_isNotTheAnswer()
{
    LookupService *service = makeService();
    QVERIFY(service);
    OrderQuery query = m_clients.sandbox().scenarioOrder(u"SCN-OTHER"_s);
    query.subMchid = u"1900000999"_s;
    query.transactionId = u"4200000000000000000000000001"_s;
    const LookupResult result = waitFor(service->lookUp(query));
    QCOMPARE(result.kind, Kind::NotTheAnswer);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::Success);
    QVERIFY(result.response.verified); // the signature is fine; the question is not
    QVERIFY(result.order() == nullptr);
    QVERIFY(!result.isFinal());
    QVERIFY(result.response.body.isEmpty());
    QVERIFY(!result.response.requestId.isEmpty());
    QStringList fields;
    for (const IdMismatch &m : result.mismatches)
        fields.append(m.field);
    QCOMPARE(fields, QStringList({u"sub_mchid"_s, u"transaction_id"_s, u"out_order_no"_s}));
    QCOMPARE(result.mismatches.at(2).asked, u"SCN-OTHER"_s);
    QVERIFY(!result.mismatches.at(2).answered.isEmpty());
    QVERIFY(result.parseError.contains(u"out_order_no"_s));
    QVERIFY(result.parseError.contains(u"SCN-OTHER"_s));

    // History keeps the look-up as a failure: no state, no total, no body to restore.
    const HistoryEntry entry = HistoryEntry::fromResult(result, u"p"_s, u"single"_s);
    QCOMPARE(entry.resultKind, u"not_the_answer"_s);
    QVERIFY(entry.body.isEmpty());
    QVERIFY(entry.state.isEmpty());
    QCOMPARE(entry.totalFen, qint64(0));
    QCOMPARE(entry.outOrderNo, u"SCN-OTHER"_s);
    QVERIFY(entry.errorMessage.contains(u"out_order_no"_s));
    const HistoricResult restored = HistoryStore::restore(entry);
    QCOMPARE(restored.result.kind, Kind::NotTheAnswer);
    QVERIFY(restored.result.order() == nullptr);
}

void TestLookupService::otherReturnsAnswer_isNotTheAnswer_data()
{
    QTest::addColumn<bool>("byOrderId");
    QTest::newRow("order_id") << true;
    QTest::newRow("out_order_no") << false;
}

void TestLookupService::otherReturnsAnswer_isNotTheAnswer()
{
    QFETCH(bool, byOrderId);
    LookupService *service = makeService();
    QVERIFY(service);
    ReturnQuery query = m_clients.sandbox().scenarioReturn(u"SCN-OTHER"_s);
    if (byOrderId) {
        query.orderId = u"30000000010000000000000000000001"_s;
        query.outOrderNo.clear();
    } else {
        query.orderId.clear();
        query.outOrderNo = u"P00000000000000001"_s;
    }
    const LookupResult result = waitFor(service->lookUp(query));
    QCOMPARE(result.kind, Kind::NotTheAnswer);
    QVERIFY(result.response.verified);
    QVERIFY(result.returnOrder() == nullptr);
    QVERIFY(result.response.body.isEmpty());
    QStringList fields;
    for (const IdMismatch &m : result.mismatches)
        fields.append(m.field);
    QCOMPARE(fields, QStringList({u"out_return_no"_s, byOrderId ? u"order_id"_s : u"out_order_no"_s}));
}

void TestLookupService::oversizeBody_abortedWithClearError()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-OVERSIZE"_s)));
    QCOMPARE(result.kind, Kind::BadAnswer);
    QCOMPARE(result.response.outcome, ApiResponse::Outcome::BodyTooLarge);
    QVERIFY(result.response.body.isEmpty());
    QVERIFY2(result.parseError.contains(QString::number(32 * 1024 * 1024)), qPrintable(result.parseError));
    QVERIFY(result.order() == nullptr);
    QCOMPARE(result.response.attempts, 1);
}

void TestLookupService::unknownEnums_keptAsReceived()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-UNKNOWN_ENUM"_s)));
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.order()->state, u"PARTIALLY_REVOKED"_s);
    QCOMPARE(result.order()->receivers.at(0).type, u"PERSONAL_UNIONID"_s);
    QCOMPARE(result.order()->receivers.at(0).result, u"FROZEN"_s);
    QCOMPARE(result.order()->receivers.at(1).failReason, u"SOME_NEW_REASON"_s);
}

void TestLookupService::bigAmounts_exact()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-BIG_AMOUNT"_s)));
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(result.order()->receivers.at(0).amount, Q_INT64_C(9007199254740993));
    QCOMPARE(result.order()->receivers.at(1).amount, std::numeric_limits<qint64>::max());
}

void TestLookupService::timeVariants_parsedWithOffsets()
{
    LookupService *service = makeService();
    QVERIFY(service);
    const LookupResult result =
        waitFor(service->lookUp(m_clients.sandbox().scenarioOrder(u"SCN-TIME_FORMATS"_s)));
    QCOMPARE(result.kind, Kind::Ok);
    const QList<ReceiverDetail> &receivers = result.order()->receivers;
    QCOMPARE(receivers.size(), 6);
    const QDateTime instant = QDateTime::fromString(u"2015-05-20T05:29:35Z"_s, Qt::ISODate);
    for (const ReceiverDetail &receiver : receivers) {
        QVERIFY2(receiver.createTime.isValid(), qPrintable(receiver.createTime.raw()));
        QVERIFY2(receiver.finishTime.isValid(), qPrintable(receiver.finishTime.raw()));
        QCOMPARE(receiver.createTime.value().toSecsSinceEpoch(), instant.toSecsSinceEpoch());
    }
    QCOMPARE(receivers.at(0).createTime.offsetSeconds(), 8 * 3600);
    QCOMPARE(receivers.at(2).createTime.raw(), u"2015-05-20T13:29:35:120+08:00"_s);
    QCOMPARE(receivers.at(3).createTime.offsetSeconds(), 0);
    QCOMPARE(receivers.at(5).createTime.offsetSeconds(), -5 * 3600);
}

void TestLookupService::invalidInput_nothingSent_finishedQueued()
{
    LookupService *service = makeService();
    QVERIFY(service);
    OrderQuery query = m_clients.sandbox().sampleOrder();
    query.subMchid = u"19x"_s;
    query.outOrderNo = u"has space"_s;
    LookupJob *job = service->lookUp(query);
    // Connected after the call: the result must still arrive (queued), and nothing be sent.
    const LookupResult result = waitFor(job);
    QCOMPARE(result.kind, Kind::InvalidInput);
    QStringList fields;
    for (const FieldError &error : result.fieldErrors)
        fields.append(error.field);
    QVERIFY(fields.contains(u"sub_mchid"_s));
    QVERIFY(fields.contains(u"out_order_no"_s));
    QCOMPARE(result.response.attempts, 0);
    QTest::qWait(100);
    QCOMPARE(m_clients.sandbox().log.size(), 0);
}

void TestLookupService::cancel_beforeStart_nothingSent()
{
    LookupService *service = makeService();
    QVERIFY(service);
    LookupJob *job = service->lookUp(m_clients.sandbox().sampleOrder());
    LookupResult result;
    bool done = false;
    connect(job, &LookupJob::finished, this, [&](const LookupResult &r) {
        result = r;
        done = true;
    });
    job->cancel();
    QTRY_VERIFY(done);
    QCOMPARE(result.kind, Kind::Cancelled);
    QTest::qWait(100);
    QCOMPARE(m_clients.sandbox().log.size(), 0);
}

QTEST_GUILESS_MAIN(TestLookupService)
#include "tst_lookupservice.moc"
