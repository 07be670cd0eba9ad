// core/ in Chinese: every error path a clerk can meet, run with the app's zh_CN translation
// installed, must speak Chinese. A recording translator notes each message core/ asks for that the
// translation does not have (a context that does not match the .ts files, a string lupdate never
// saw), so a mismatch names its context and text; each message that comes out must also hold
// Chinese, not an English sentence.

#include "api/apiclient.h"
#include "api/clientconfig.h"
#include "api/connection.h"
#include "api/lookupservice.h"
#include "batch/batchexport.h"
#include "batch/batchimporter.h"
#include "crypto/credentials.h"
#include "crypto/keyloader.h"
#include "crypto/responseverifier.h"
#include "format/csvwriter.h"
#include "format/labels.h"
#include "history/historyentry.h"
#include "history/historystore.h"
#include "lookup/jsonreader.h"
#include "lookup/queries.h"
#include "lookup/query.h"
#include "lookup/queryfields.h"
#include "lookup/resultexport.h"
#include "lookup/results.h"
#include "profile/profile.h"
#include "profile/profilechecker.h"
#include "profile/profilelookupcheck.h"
#include "sandboxservice.h"
#include "writeresult.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::failure;

namespace {

// Asks the real translation and remembers what it did not have.
class RecordingTranslator final : public QTranslator {
public:
    bool loadFrom(const QString &directory) { return m_real.load(u"fenzhang_zh_CN"_s, directory); }
    QStringList misses() const { return m_misses; }

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        const QString found = m_real.translate(context, sourceText, disambiguation, n);
        const QString ctx = QString::fromUtf8(context);
        // Qt's own classes (QFileDevice, QSslSocket, ...) are qtbase's translation's business.
        static const QRegularExpression qtClass(u"^Q[A-Z]"_s);
        static const QRegularExpression letters(u"[A-Za-z]"_s);
        if (found.isEmpty() && !qtClass.match(ctx).hasMatch() && letters.match(QString::fromUtf8(sourceText)).hasMatch()) {
            const QString miss = ctx + u" | "_s + QString::fromUtf8(sourceText);
            if (!m_misses.contains(miss))
                m_misses.append(miss);
        }
        return found;
    }
    bool isEmpty() const override { return false; }

private:
    QTranslator m_real;
    mutable QStringList m_misses;
};

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(u"\\p{Han}"_s);
    return han.match(text).hasMatch();
}

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort(); // closed again when server goes
}

} // namespace

class TestCoreTranslations final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void verifierFailures();
    void keyLoading();
    void profileChecks();
    void profileLookupCheck();
    void queryValidation();
    void answerParsing();
    void apiLabels();
    void clientConfig();
    void batchImport();
    void batchExportErrorColumn();
    void history();
    void lookupsThroughTheSandbox();
    void csvWriting();

    void nothingAskedInAContextTheTranslationLacks();

private:
    void expectChinese(const QString &what, const QString &text);

    RecordingTranslator m_translator;
    QTranslator m_qt;
    QTemporaryDir m_dir;
    int m_checked = 0;
};

void TestCoreTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString directory = QStringLiteral(FENZHANG_BINARY_DIR) + u"/app/desk/translations"_s;
    if (!QFileInfo::exists(directory))
        QSKIP("the desktop app (and its translations) is not part of this build");
    QVERIFY2(m_translator.loadFrom(directory), qPrintable(directory));
    // As the app does (Language::install): Qt's own messages, such as a refused connection, from
    // Qt's translation.
    if (m_qt.load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    QCoreApplication::installTranslator(&m_translator);
}

void TestCoreTranslations::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_translator);
    QCoreApplication::removeTranslator(&m_qt);
}

void TestCoreTranslations::expectChinese(const QString &what, const QString &text)
{
    ++m_checked;
    QVERIFY2(!text.isEmpty(), qPrintable(what + u": no message"_s));
    QVERIFY2(hasChinese(text), qPrintable(what + u": \""_s + text + u"\" is not Chinese"_s));
}

void TestCoreTranslations::verifierFailures()
{
    WechatPayKeySource source;
    source.publicKeyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;
    source.publicKeyFile = QStringLiteral(FENZHANG_TEST_DATA "/vectors/wechatpay_public_key.pem");
    auto ring = VerifierKeyRing::load(source);
    QVERIFY2(ring, qPrintable(ring ? QString() : ring.error().message));
    const qint64 now = 1700000000;
    const ResponseVerifier verifier(*ring, [now] { return now; });

    const SignatureHeaders good{QByteArray::number(now), "nonce", "c2lnbmF0dXJl", source.publicKeyId.toLatin1(),
                                "WECHATPAY2-SHA256-RSA2048"};
    const auto check = [&](const char *what, SignatureHeaders headers) {
        const Verification v = verifier.verify(headers, "{}");
        QVERIFY(!v.ok());
        expectChinese(QString::fromLatin1(what), v.detail);
    };
    check("unsigned", SignatureHeaders{});
    SignatureHeaders h = good;
    h.signatureType = "HMAC-SHA256";
    check("unsupported type", h);
    h = good;
    h.signature = "WECHATPAY/SIGNTEST/abc";
    check("probe", h);
    h = good;
    h.serial = "PUB_KEY_ID_0000000000000000000000000000000099";
    check("unknown key", h);
    h = good;
    h.timestamp = "yesterday";
    check("malformed timestamp", h);
    h = good;
    h.timestamp = QByteArray::number(now - 3600);
    check("stale timestamp", h);
    h = good;
    h.signature = "!!!not base64!!!";
    check("malformed signature", h);
    check("tampered", good);
}

void TestCoreTranslations::keyLoading()
{
    const QString missing = m_dir.filePath(u"missing.pem"_s);
    const QString garbage = m_dir.filePath(u"garbage.pem"_s);
    {
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a key\n");
    }
    expectChinese(u"no file"_s, KeyLoader::readFile({}).error().message);
    expectChinese(u"missing file"_s, KeyLoader::privateKeyFromPemFile(missing).error().message);
    expectChinese(u"not a private key"_s, KeyLoader::privateKeyFromPemFile(garbage).error().message);
    expectChinese(u"not a public key"_s, KeyLoader::publicKeyFromPemFile(garbage).error().message);
    expectChinese(u"not a certificate"_s, KeyLoader::certificateFromPemFile(garbage).error().message);
    expectChinese(u"not a p12"_s, KeyLoader::pkcs12FromData("garbage", {}, u"x.p12"_s).error().message);

    MerchantKeySource merchant;
    merchant.mchid = u"1900000001"_s;
    expectChinese(u"no merchant key"_s, MerchantCredentials::load(merchant).error().message);
    merchant.mchid = u"abc"_s;
    expectChinese(u"bad mchid"_s, MerchantCredentials::load(merchant).error().message);
    expectChinese(u"no WeChat Pay key"_s, VerifierKeyRing::load(WechatPayKeySource{}).error().message);
    WechatPayKeySource badId;
    badId.publicKeyId = u"KEY_1"_s;
    badId.publicKeyFile = garbage;
    expectChinese(u"bad public key id"_s, VerifierKeyRing::load(badId).error().message);
}

void TestCoreTranslations::profileChecks()
{
    Profile profile = Profile::create(u"x"_s);
    profile.mchid = u"19x"_s;
    const QStringList problems = profile.validate();
    QVERIFY(!problems.isEmpty());
    for (const QString &problem : problems)
        expectChinese(u"profile: what is missing"_s, problem);

    for (const CheckItem &item : ProfileChecker::check(profile)) {
        expectChinese(u"check title"_s, item.title);
        expectChinese(u"check detail"_s, item.detail);
    }
}

void TestCoreTranslations::profileLookupCheck()
{
    ProfileLookupCheck check;
    QSignalSpy finished(&check, &ProfileLookupCheck::finished);
    check.start(ConnectionSettings{}, OrderQuery{});
    QTRY_COMPARE(finished.size(), 1);
    const auto item = finished.constFirst().constFirst().value<CheckItem>();
    expectChinese(u"known order not valid"_s, item.detail);
    expectChinese(u"known order title"_s, item.title);
}

void TestCoreTranslations::queryValidation()
{
    const auto all = [&](const QList<FieldError> &errors) {
        QVERIFY(!errors.isEmpty());
        for (const FieldError &error : errors)
            expectChinese(error.field, error.message);
    };
    all(OrderQuery{}.validate());
    all(OrderQuery{u"abc"_s, u"x"_s, QString(65, u'9')}.validate());
    all(ReturnQuery{}.validate());
    all(ReturnQuery{u"1900000109"_s, u"R1"_s, u"1"_s, u"P1"_s}.validate());

    // What the forms and the page hints call every field and choice any kind asks.
    for (const LookupKind kind : LookupKinds::all()) {
        for (const Product product : Products::all()) {
            for (const QStringList &group : Query::fieldGroups(kind, product)) {
                expectChinese(group.join(u'|'), QueryFields::groupLabel(group));
                expectChinese(group.join(u'|'), QueryFields::groupNoun(group));
                for (const QString &field : group) {
                    expectChinese(field, QueryFields::label(field));
                    expectChinese(field, QueryFields::placeholder(field));
                }
            }
            expectChinese(u"nouns"_s, QueryFields::nounList(Query::fieldGroups(kind, product)));
        }
    }
    QCOMPARE(QueryFields::nounList(ReturnQuery::fieldGroups(Product::ServiceProvider)),
             u"特约商户号、商户回退单号和商户分账单号"_s);
}

void TestCoreTranslations::answerParsing()
{
    for (const QByteArray &body : {QByteArray("{"), QByteArray("[]"), QByteArray("{\"state\":1}"),
                                   QByteArray("{} x"), QByteArray("{\"a\":01}"), QByteArray("\"\\u12\"")}) {
        expectChinese(u"order answer "_s + QString::fromLatin1(body), OrderResult::fromJson(body, Product::ServiceProvider).error());
        expectChinese(u"return answer "_s + QString::fromLatin1(body), ReturnResult::fromJson(body, Product::Brand).error());
    }
}

void TestCoreTranslations::apiLabels()
{
    for (const char *code : {"PARAM_ERROR", "INVALID_REQUEST", "SIGN_ERROR", "NO_AUTH", "RESOURCE_NOT_EXISTS",
                             "FREQUENCY_LIMITED", "SYSTEM_ERROR"}) {
        expectChinese(QString::fromLatin1(code), Labels::errorCode(QString::fromLatin1(code)));
        expectChinese(QString::fromLatin1(code), Labels::errorAdvice(QString::fromLatin1(code)));
    }
    for (const char *code : {"ACCOUNT_ABNORMAL", "NO_RELATION", "RECEIVER_HIGH_RISK", "NO_AUTH"}) {
        expectChinese(QString::fromLatin1(code), Labels::receiverFailReason(QString::fromLatin1(code)));
        expectChinese(QString::fromLatin1(code), Labels::receiverFailAdvice(QString::fromLatin1(code)));
    }
    for (const char *code : {"ACCOUNT_ABNORMAL", "TIME_OUT_CLOSED", "PAYER_ACCOUNT_ABNORMAL"}) {
        expectChinese(QString::fromLatin1(code), Labels::returnFailReason(QString::fromLatin1(code)));
        expectChinese(QString::fromLatin1(code), Labels::returnFailAdvice(QString::fromLatin1(code)));
    }
    expectChinese(u"order state"_s, Labels::orderStateAdvice(u"PROCESSING"_s));
    expectChinese(u"return result"_s, Labels::returnResultAdvice(u"FAIL"_s));
}

void TestCoreTranslations::clientConfig()
{
    ClientConfig config;
    config.primaryUrl = QUrl(u"http://example.com"_s);
    expectChinese(u"plain http"_s, config.validate());
    config.primaryUrl = QUrl(u"ftp://example.com"_s);
    expectChinese(u"not https"_s, config.validate());
    config = ClientConfig();
    config.caFile = m_dir.filePath(u"none.pem"_s);
    expectChinese(u"CA file"_s, config.validate());
}

void TestCoreTranslations::batchImport()
{
    const BatchImporter importer(LookupKind::Order, Product::ServiceProvider);
    expectChinese(u"missing file"_s, importer.importFile(m_dir.filePath(u"none.csv"_s)).error);
    expectChinese(u"empty"_s, importer.importBytes({}).error);
    const BatchImport rows = importer.importText(u"sub_mchid,transaction_id,out_order_no\nabc,12,\n"_s);
    QVERIFY(!rows.invalidRows().isEmpty());
    for (const BatchRow &row : rows.invalidRows()) {
        for (const FieldError &error : row.errors)
            expectChinese(u"row error "_s + error.field, error.message);
    }
}

void TestCoreTranslations::batchExportErrorColumn()
{
    // The batch CSV's error_message is the same sentence the screen shows: in the UI's language.
    LookupResult failed;
    failed.kind = LookupResult::Kind::VerificationFailed;
    failed.query = OrderQuery{u"1900000109"_s, u"4208450740201411110007820472"_s, u"P1"_s};
    failed.response.verification = ResponseVerifier().verify(SignatureHeaders{}, "{}");
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QCOMPARE(failure(BatchExport::writeCsv(LookupKind::Order, {BatchExportRow{1, failed, 0}}, &out)),
             QString());
    const QString csv = QString::fromUtf8(out.data());
    QVERIFY2(csv.contains(failed.response.verification.detail), qPrintable(csv));
    expectChinese(u"batch error_message"_s, failed.response.verification.detail);
}

void TestCoreTranslations::history()
{
    HistoryStore store;
    // A folder where the database file should be: it cannot be opened.
    const QString folder = m_dir.filePath(u"history.sqlite3"_s);
    QVERIFY(QDir().mkpath(folder));
    const auto opened = store.open(folder);
    QVERIFY(!opened);
    expectChinese(u"history open"_s, opened.error().message);
    expectChinese(u"history not open"_s, store.count({}).error().message);

    HistoryEntry entry;
    entry.lookup = LookupKind::Order;
    entry.resultKind = ResultExport::kindName(LookupResult::Kind::Ok);
    expectChinese(u"stored answer missing"_s, HistoryStore::restore(entry).result.parseError);
}

void TestCoreTranslations::lookupsThroughTheSandbox()
{
    testing::SandboxService sandbox;
    QVERIFY(sandbox.start());
    const auto run = [&](LookupService *service, const OrderQuery &query) {
        LookupJob *job = service->lookUp(query);
        QSignalSpy finished(job, &LookupJob::finished);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000); }();
        return finished.isEmpty() ? LookupResult{} : finished.constFirst().constFirst().value<LookupResult>();
    };
    const OrderQuery sample{u"1900000109"_s, u"4208450740201411110007820472"_s, u"SCN-TAMPER"_s};
    const LookupResult tampered = run(sandbox.service(), sample);
    QCOMPARE(tampered.kind, LookupResult::Kind::VerificationFailed);
    expectChinese(u"tampered answer"_s, tampered.response.verification.detail);

    // Both hosts down: the network failure text.
    ConnectionSettings down = sandbox.settings();
    const quint16 port = closedPort();
    QVERIFY(port);
    down.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    down.client.backupUrl = QUrl();
    down.client.maxRetries = 0;
    QObject owner;
    auto client = createApiClient(down, &owner);
    QVERIFY2(client, qPrintable(client ? QString() : client.error().message));
    LookupService service(*client);
    const LookupResult unreachable = run(&service, OrderQuery{sample.subMchid, sample.transactionId, u"P1"_s});
    QCOMPARE(unreachable.kind, LookupResult::Kind::NetworkError);
    expectChinese(u"network failure"_s, unreachable.response.networkError);
}

void TestCoreTranslations::csvWriting()
{
    LookupResult nothing;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    expectChinese(u"nothing to export"_s, failure(ResultExport::writeCsv(nothing, &buffer)));
    CsvWriter writer(nullptr);
    writer.writeRow({u"a"_s});
    expectChinese(u"no output device"_s, writer.errorString());
}

void TestCoreTranslations::nothingAskedInAContextTheTranslationLacks()
{
    QVERIFY(m_checked > 60);
    QVERIFY2(m_translator.misses().isEmpty(),
             qPrintable(u"Looked up but not in the translation (context | text):\n"_s +
                        m_translator.misses().join(u'\n')));
}

QTEST_GUILESS_MAIN(TestCoreTranslations)
#include "tst_coretranslations.moc"
