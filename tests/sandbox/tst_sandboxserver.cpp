// The sandbox in-process on a free port, driven over loopback with a plain QNetworkAccessManager,
// the core RequestSigner and the core ResponseVerifier (keys: tests/data/vectors).

#include "sandbox/sandboxserver.h"
#include "sandboxtestclient.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;
using fenzhang::sandbox::SandboxOptions;
using fenzhang::sandbox::SandboxServer;

namespace {

const QByteArray SampleOrder =
    "/v3/profitsharing/orders/P20251120101530001?sub_mchid=1900000109&transaction_id=4208450740202511201234567890"_ba;
const QByteArray SampleReturn = "/v3/brand/profitsharing/returnorders?sub_mchid=1900000109&out_return_no="
                                "R20251121100000001&order_id=30000000012025112012345678901234"_ba;

// The new look-ups' demo records (docs/sandbox.md): 直连 order, 普通分账 returns, brand order,
// 剩余待分金额.
const QByteArray DirectOrder =
    "/v3/profitsharing/orders/P20251125093000011?transaction_id=4208450740202511251234567895"_ba;
const QByteArray ProviderReturn =
    "/v3/profitsharing/return-orders/R20251127100000011?sub_mchid=1900000109&out_order_no=P20251120101530001"_ba;
const QByteArray DirectReturn =
    "/v3/profitsharing/return-orders/R20251127140000021?out_order_no=P20251125093000011"_ba;
const QByteArray BrandOrder =
    "/v3/brand/profitsharing/orders?sub_mchid=1900000209"
    "&transaction_id=4208450740202511281234567897&out_order_no=P20251128100000021"_ba;
const QByteArray ProviderAmounts = "/v3/profitsharing/transactions/4208450740202511211234567891/amounts"_ba;
const QByteArray BrandAmounts = "/v3/brand/profitsharing/orders/4208450740202511291234567898/amounts"_ba;

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList keys)
{
    keys.sort();
    return keys;
}

// Each new look-up with its scenario number in the place that endpoint takes it.
QList<QByteArray> newEndpointScenarios(const QByteArray &number)
{
    return {"/v3/profitsharing/orders/"_ba + number + "?transaction_id=4208450740201411110007820472"_ba,
            "/v3/profitsharing/return-orders/"_ba + number +
                "?sub_mchid=1900000109&out_order_no=P20150806125346"_ba,
            "/v3/profitsharing/return-orders/"_ba + number + "?out_order_no=P20150806125346"_ba,
            "/v3/brand/profitsharing/orders?sub_mchid=1900000209&transaction_id=4208450740201411110007820472"
            "&out_order_no="_ba +
                number,
            "/v3/profitsharing/transactions/"_ba + number + "/amounts"_ba,
            "/v3/brand/profitsharing/orders/"_ba + number + "/amounts"_ba};
}

QByteArray scenarioOrder(const QByteArray &number)
{
    return "/v3/profitsharing/orders/"_ba + number +
           "?sub_mchid=1900000109&transaction_id=4208450740201411110007820472"_ba;
}

QByteArray scenarioReturn(const QByteArray &number)
{
    return "/v3/brand/profitsharing/returnorders?sub_mchid=1900000109&out_return_no="_ba + number +
           "&out_order_no=P20150806125346"_ba;
}

} // namespace

class TestSandboxServer final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    RequestSigner m_signer;
    ResponseVerifier m_verifier;
    QString m_logFile;

    Answer get(const QByteArray &target) { return signedGet(m_nam, m_server.url(), m_signer, target); }
    Answer getWith(const QByteArray &target, const QByteArray &authorization)
    {
        return send(m_nam, m_server.url(), "GET", target, {{"Authorization", authorization}});
    }
    Verification verify(const Answer &answer) const
    {
        return m_verifier.verify(answer.signatureHeaders(), answer.body);
    }
    QList<QJsonObject> logEntries() const
    {
        QFile file(m_logFile);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<QJsonObject> entries;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty())
                entries.append(QJsonDocument::fromJson(line).object());
        }
        return entries;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_logFile = m_dir.filePath(u"requests.jsonl"_s);
        SandboxOptions options;
        options.keysDir = vectorsDir();
        options.logFile = m_logFile;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        m_signer = vectorSigner();
        m_verifier = verifierFor(u"PUB_KEY_ID_0119000000012025112300000000000001"_s,
                                 vectorsDir() + u"/wechatpay_public_key.pem"_s);
    }

    void info_describesKeysAndSamples()
    {
        const QJsonObject info = m_server.info();
        QCOMPARE(info.value(u"url"_s).toString(), m_server.url().toString());
        QCOMPARE(info.value(u"port"_s).toInt(), int(m_server.port()));
        QVERIFY(m_server.port() != 0);
        QCOMPARE(info.value(u"mchid"_s).toString(), u"1900000001"_s);
        QCOMPARE(info.value(u"serial_no"_s).toString(), u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s);
        QCOMPARE(info.value(u"wechatpay_public_key_id"_s).toString(),
                 u"PUB_KEY_ID_0119000000012025112300000000000001"_s);
        QVERIFY(QFile::exists(info.value(u"merchant_private_key"_s).toString()));
        QVERIFY(QFile::exists(info.value(u"merchant_certificate"_s).toString()));
        QVERIFY(QFile::exists(info.value(u"wechatpay_public_key"_s).toString()));
        QVERIFY(!info.contains(u"ca_file"_s));
        const QJsonObject order = info.value(u"samples"_s).toObject().value(u"order"_s).toObject();
        QCOMPARE(order.value(u"out_order_no"_s).toString(), u"P20251120101530001"_s);
        const QJsonObject ret = info.value(u"samples"_s).toObject().value(u"return"_s).toObject();
        QCOMPARE(ret.value(u"out_return_no"_s).toString(), u"R20251121100000001"_s);

        const QJsonObject samples = info.value(u"samples"_s).toObject();
        const auto sample = [&samples](const char *product, const char *kind) {
            return samples.value(QLatin1StringView(product))
                .toObject()
                .value(QLatin1StringView(kind))
                .toObject();
        };
        QCOMPARE(sample("service_provider", "order"), order);
        QCOMPARE(sortedKeys(sample("service_provider", "return")),
                 sorted({u"sub_mchid"_s, u"out_return_no"_s, u"out_order_no"_s}));
        QCOMPARE(sample("service_provider", "return").value(u"out_return_no"_s).toString(),
                 u"R20251127100000011"_s);
        QCOMPARE(sample("service_provider", "amounts"),
                 QJsonObject({{u"transaction_id"_s, u"4208450740202511201234567890"_s}}));
        QCOMPARE(sample("direct", "order"),
                 QJsonObject({{u"transaction_id"_s, u"4208450740202511251234567895"_s},
                              {u"out_order_no"_s, u"P20251125093000011"_s}}));
        QCOMPARE(sample("direct", "return"), QJsonObject({{u"out_return_no"_s, u"R20251127140000021"_s},
                                                          {u"out_order_no"_s, u"P20251125093000011"_s}}));
        QCOMPARE(sample("direct", "amounts").value(u"transaction_id"_s).toString(),
                 u"4208450740202511251234567895"_s);
        QCOMPARE(sample("brand", "order"),
                 QJsonObject({{u"sub_mchid"_s, u"1900000209"_s},
                              {u"transaction_id"_s, u"4208450740202511281234567897"_s},
                              {u"out_order_no"_s, u"P20251128100000021"_s}}));
        QCOMPARE(sortedKeys(sample("brand", "return")),
                 sorted({u"sub_mchid"_s, u"out_return_no"_s, u"order_id"_s}));
        QCOMPARE(sample("brand", "amounts").value(u"transaction_id"_s).toString(),
                 u"4208450740202511281234567897"_s);
    }

    // Every product's samples, turned into request-targets the way a client would, are found.
    void productSamples_areFound()
    {
        const QJsonObject samples = m_server.info().value(u"samples"_s).toObject();
        const auto query = [](const QJsonObject &fields, QList<const char *> names) {
            QByteArray text;
            for (const char *name : names) {
                const QString value = fields.value(QLatin1StringView(name)).toString();
                if (value.isEmpty())
                    continue;
                text += (text.isEmpty() ? "?"_ba : "&"_ba) + name + '=' + QUrl::toPercentEncoding(value);
            }
            return text;
        };
        for (const char *product : {"service_provider", "direct", "brand"}) {
            const QJsonObject forProduct = samples.value(QLatin1StringView(product)).toObject();
            const QJsonObject order = forProduct.value(u"order"_s).toObject();
            const QJsonObject ret = forProduct.value(u"return"_s).toObject();
            const QByteArray transaction =
                forProduct.value(u"amounts"_s).toObject().value(u"transaction_id"_s).toString().toLatin1();
            const bool brand = qstrcmp(product, "brand") == 0;
            const QList<QByteArray> targets =
                brand ? QList<QByteArray>{"/v3/brand/profitsharing/orders"_ba +
                                              query(order, {"sub_mchid", "transaction_id", "out_order_no"}),
                                          "/v3/brand/profitsharing/returnorders"_ba +
                                              query(ret, {"sub_mchid", "out_return_no", "order_id",
                                                          "out_order_no"}),
                                          "/v3/brand/profitsharing/orders/"_ba + transaction + "/amounts"_ba}
                      : QList<QByteArray>{
                            "/v3/profitsharing/orders/"_ba +
                                QUrl::toPercentEncoding(order.value(u"out_order_no"_s).toString()) +
                                query(order, {"sub_mchid", "transaction_id"}),
                            "/v3/profitsharing/return-orders/"_ba +
                                QUrl::toPercentEncoding(ret.value(u"out_return_no"_s).toString()) +
                                query(ret, {"sub_mchid", "out_order_no"}),
                            "/v3/profitsharing/transactions/"_ba + transaction + "/amounts"_ba};
            for (const QByteArray &target : targets) {
                const Answer answer = get(target);
                QVERIFY2(answer.status == 200, target.constData());
                QVERIFY(verify(answer).ok());
            }
        }
    }

    void directOrder_answersWithoutSubMchid()
    {
        const Answer answer = get(DirectOrder);
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        const QJsonObject body = answer.json();
        QCOMPARE(sortedKeys(body),
                 sorted({u"transaction_id"_s, u"out_order_no"_s, u"order_id"_s, u"state"_s, u"receivers"_s}));
        QCOMPARE(body.value(u"out_order_no"_s).toString(), u"P20251125093000011"_s);
        QCOMPARE(body.value(u"transaction_id"_s).toString(), u"4208450740202511251234567895"_s);
        QCOMPARE(body.value(u"order_id"_s).toString(), u"30000000012025112512345678906789"_s);
        QCOMPARE(body.value(u"state"_s).toString(), u"FINISHED"_s);
        const QJsonArray receivers = body.value(u"receivers"_s).toArray();
        QCOMPARE(receivers.size(), 2);
        QCOMPARE(sortedKeys(receivers.at(0).toObject()),
                 sorted({u"amount"_s, u"description"_s, u"type"_s, u"account"_s, u"result"_s,
                         u"create_time"_s, u"finish_time"_s, u"detail_id"_s}));
        QCOMPARE(receivers.at(0).toObject().value(u"amount"_s).toInteger(), 6000);
        QVERIFY(
            answer.body.startsWith("{\"transaction_id\":\"4208450740202511251234567895\",\"out_order_no\""));
    }

    void ordinaryReturn_serviceProviderAndDirect()
    {
        Answer answer = get(ProviderReturn);
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        QJsonObject body = answer.json();
        const QStringList fields = {u"order_id"_s,     u"out_order_no"_s, u"out_return_no"_s, u"return_id"_s,
                                    u"return_mchid"_s, u"amount"_s,       u"description"_s,   u"result"_s,
                                    u"create_time"_s,  u"finish_time"_s};
        QCOMPARE(sortedKeys(body), sorted(fields + QStringList{u"sub_mchid"_s}));
        QCOMPARE(body.value(u"sub_mchid"_s).toString(), u"1900000109"_s);
        QCOMPARE(body.value(u"order_id"_s).toString(), u"30000000012025112012345678901234"_s);
        QCOMPARE(body.value(u"out_order_no"_s).toString(), u"P20251120101530001"_s);
        QCOMPARE(body.value(u"out_return_no"_s).toString(), u"R20251127100000011"_s);
        QCOMPARE(body.value(u"return_id"_s).toString(), u"3008450740202511270000000011"_s);
        QCOMPARE(body.value(u"return_mchid"_s).toString(), u"1900000110"_s);
        QCOMPARE(body.value(u"amount"_s).toInteger(), 800);
        QCOMPARE(body.value(u"result"_s).toString(), u"SUCCESS"_s);
        QVERIFY(answer.body.startsWith("{\"sub_mchid\":\"1900000109\",\"order_id\""));

        answer = get(DirectReturn);
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        body = answer.json();
        QCOMPARE(sortedKeys(body), sorted(fields));
        QCOMPARE(body.value(u"out_return_no"_s).toString(), u"R20251127140000021"_s);
        QCOMPARE(body.value(u"return_mchid"_s).toString(), u"1900000121"_s);
    }

    void ordinaryReturn_failedWithItsReasons_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("reason");
        const QByteArray provider = "?sub_mchid=1900000109&out_order_no=P20251122143000003"_ba;
        QTest::newRow("ACCOUNT_ABNORMAL")
            << "/v3/profitsharing/return-orders/R20251127150000013"_ba + provider << u"ACCOUNT_ABNORMAL"_s;
        QTest::newRow("BALANCE_NOT_ENOUGH")
            << "/v3/profitsharing/return-orders/R20251127150000016"_ba + provider << u"BALANCE_NOT_ENOUGH"_s;
        QTest::newRow("TIME_OUT_CLOSED")
            << "/v3/profitsharing/return-orders/R20251127150000017"_ba + provider << u"TIME_OUT_CLOSED"_s;
        QTest::newRow("direct BALANCE_NOT_ENOUGH")
            << "/v3/profitsharing/return-orders/R20251127140000022?out_order_no=P20251125093000011"_ba
            << u"BALANCE_NOT_ENOUGH"_s;
    }
    void ordinaryReturn_failedWithItsReasons()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, reason);
        const Answer answer = get(target);
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        QCOMPARE(answer.json().value(u"result"_s).toString(), u"FAILED"_s);
        QCOMPARE(answer.json().value(u"fail_reason"_s).toString(), reason);
    }

    void brandOrder_hasStatusAndReceiversWithoutCreateTime()
    {
        Answer answer = get(BrandOrder);
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        QJsonObject body = answer.json();
        QCOMPARE(sortedKeys(body), sorted({u"sub_mchid"_s, u"transaction_id"_s, u"out_order_no"_s,
                                           u"order_id"_s, u"status"_s, u"receivers"_s}));
        QCOMPARE(body.value(u"sub_mchid"_s).toString(), u"1900000209"_s);
        QCOMPARE(body.value(u"order_id"_s).toString(), u"30000000012025112812345678908901"_s);
        QCOMPARE(body.value(u"status"_s).toString(), u"FINISHED"_s);
        const QJsonArray receivers = body.value(u"receivers"_s).toArray();
        QCOMPARE(receivers.size(), 3);
        for (const QJsonValue &receiver : receivers) {
            QCOMPARE(sortedKeys(receiver.toObject()),
                     sorted({u"amount"_s, u"description"_s, u"type"_s, u"account"_s, u"result"_s,
                             u"finish_time"_s, u"detail_id"_s}));
        }
        QVERIFY(!answer.body.contains("create_time"));

        // The 分账完结 of the same payment carries finish_amount and finish_description.
        answer = get(
            "/v3/brand/profitsharing/orders?sub_mchid=1900000209&transaction_id=4208450740202511281234567897"
            "&out_order_no=P20251128180000023"_ba);
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        body = answer.json();
        QCOMPARE(body.value(u"finish_amount"_s).toInteger(), 4100);
        QCOMPARE(body.value(u"finish_description"_s).toString(), u"分账完结，解冻剩余资金"_s);
        QVERIFY(answer.body.endsWith(
            ",\"finish_amount\":4100,\"finish_description\":\"分账完结，解冻剩余资金\"}"));

        answer = get(
            "/v3/brand/profitsharing/orders?sub_mchid=1900000209&transaction_id=4208450740202511291234567898"
            "&out_order_no=P20251129080000022"_ba);
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"PROCESSING"_s);
        QVERIFY(!answer.json().contains(u"state"_s));
    }

    void amounts_unsplitAmount_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("transactionId");
        QTest::addColumn<qint64>("unsplit");
        QTest::newRow("service provider, processing")
            << ProviderAmounts << u"4208450740202511211234567891"_s << qint64(9200);
        QTest::newRow("service provider, finished")
            << "/v3/profitsharing/transactions/4208450740202511201234567890/amounts"_ba
            << u"4208450740202511201234567890"_s << qint64(0);
        QTest::newRow("direct") << "/v3/profitsharing/transactions/4208450740202511251234567895/amounts"_ba
                                << u"4208450740202511251234567895"_s << qint64(2200);
        QTest::newRow("brand, processing")
            << BrandAmounts << u"4208450740202511291234567898"_s << qint64(15000);
        QTest::newRow("brand, finished")
            << "/v3/brand/profitsharing/orders/4208450740202511281234567897/amounts"_ba
            << u"4208450740202511281234567897"_s << qint64(0);
    }
    void amounts_unsplitAmount()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, transactionId);
        QFETCH(qint64, unsplit);
        const Answer answer = get(target);
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        QCOMPARE(answer.body, "{\"transaction_id\":\""_ba + transactionId.toLatin1() +
                                  "\",\"unsplit_amount\":"_ba + QByteArray::number(unsplit) + '}');
    }

    void amounts_notProfitSharing_isInvalidRequest()
    {
        for (const QByteArray &target :
             {"/v3/profitsharing/transactions/4208450740202511301234567899/amounts"_ba,
              "/v3/brand/profitsharing/orders/4208450740202511301234567900/amounts"_ba}) {
            const Answer answer = get(target);
            QCOMPARE(answer.status, 400);
            QVERIFY(verify(answer).ok());
            QCOMPARE(answer.json().value(u"code"_s).toString(), u"INVALID_REQUEST"_s);
            QCOMPARE(answer.json().value(u"message"_s).toString(), u"非分账订单不支持此查询"_s);
        }
    }

    // A number of one product asked through another product's look-up is not there.
    void wrongProduct_isResourceNotExists_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("service provider's order asked as direct")
            << "/v3/profitsharing/orders/P20251120101530001?transaction_id=4208450740202511201234567890"_ba;
        QTest::newRow("direct order asked with a sub_mchid")
            << "/v3/profitsharing/orders/P20251125093000011?sub_mchid=1900000109&transaction_id=4208450740202511251234567895"_ba;
        QTest::newRow("brand order on the 普通 endpoint")
            << "/v3/profitsharing/orders/P20251128100000021?sub_mchid=1900000209&transaction_id=4208450740202511281234567897"_ba;
        QTest::newRow("service provider's order on the brand endpoint")
            << "/v3/brand/profitsharing/"
               "orders?sub_mchid=1900000109&transaction_id=4208450740202511201234567890"
               "&out_order_no=P20251120101530001"_ba;
        QTest::newRow("brand return on the 普通 endpoint")
            << "/v3/profitsharing/return-orders/R20251121100000001?sub_mchid=1900000109&out_order_no=P20251120101530001"_ba;
        QTest::newRow("普通 return on the brand endpoint")
            << "/v3/brand/profitsharing/returnorders?sub_mchid=1900000109&out_return_no=R20251127100000011"
               "&out_order_no=P20251120101530001"_ba;
        QTest::newRow("direct return asked with a sub_mchid")
            << "/v3/profitsharing/return-orders/R20251127140000021?sub_mchid=1900000109&out_order_no=P20251125093000011"_ba;
        QTest::newRow("service provider's return asked as direct")
            << "/v3/profitsharing/return-orders/R20251127100000011?out_order_no=P20251120101530001"_ba;
        QTest::newRow("brand payment on the 普通 amounts")
            << "/v3/profitsharing/transactions/4208450740202511281234567897/amounts"_ba;
        QTest::newRow("普通 payment on the brand amounts")
            << "/v3/brand/profitsharing/orders/4208450740202511201234567890/amounts"_ba;
        QTest::newRow("unknown payment")
            << "/v3/profitsharing/transactions/4208450740201411110007820472/amounts"_ba;
    }
    void wrongProduct_isResourceNotExists()
    {
        QFETCH(QByteArray, target);
        const Answer answer = get(target);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"RESOURCE_NOT_EXISTS"_s);
        QCOMPARE(answer.json().value(u"message"_s).toString(), u"记录不存在"_s);
        QVERIFY(verify(answer).ok());
        QCOMPARE(logEntries().last().value(u"outcome"_s).toString(), u"not_found"_s);
    }

    void newEndpoints_badSignature_isSignError()
    {
        for (const QByteArray &target :
             {DirectOrder, ProviderReturn, DirectReturn, BrandOrder, ProviderAmounts, BrandAmounts}) {
            Answer answer = getWith(target, m_signer.authorization("POST", target));
            QCOMPARE(answer.status, 401);
            QCOMPARE(answer.json().value(u"code"_s).toString(), u"SIGN_ERROR"_s);
            QCOMPARE(answer.json().value(u"detail"_s).toObject().value(u"reason"_s).toString(),
                     u"signature_mismatch"_s);
            QVERIFY(verify(answer).ok());
            answer = send(m_nam, m_server.url(), "GET", target, {});
            QCOMPARE(answer.status, 401);
        }
    }

    void newEndpoints_processingScenario_thenFinal()
    {
        const QList<QPair<QString, QStringList>> expected = {
            {u"state"_s, {u"PROCESSING"_s, u"FINISHED"_s}}, {u"result"_s, {u"PROCESSING"_s, u"SUCCESS"_s}},
            {u"result"_s, {u"PROCESSING"_s, u"SUCCESS"_s}}, {u"status"_s, {u"PROCESSING"_s, u"FINISHED"_s}},
            {u"unsplit_amount"_s, {u"1250"_s, u"0"_s}},     {u"unsplit_amount"_s, {u"1250"_s, u"0"_s}}};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            // A tag per target: calls are counted per endpoint and number, and the 普通 return's
            // service-provider and direct forms are one endpoint.
            const QByteArray target =
                newEndpointScenarios("SCN-PROCESSING-1-t"_ba + QByteArray::number(i)).at(i);
            QJsonObject last;
            for (const QString &value : expected.at(i).second) {
                const Answer answer = get(target);
                QCOMPARE(answer.status, 200);
                QVERIFY(verify(answer).ok());
                last = answer.json();
                QCOMPARE(last.value(expected.at(i).first).toVariant().toString(), value);
            }
            if (i == 0 || i == 2)
                QVERIFY(!last.contains(u"sub_mchid"_s)); // direct
            if (i == 1 || i == 2) {
                QVERIFY(last.contains(u"return_id"_s));
                QVERIFY(last.contains(u"description"_s));
                QVERIFY(last.contains(u"create_time"_s));
            }
            if (i == 3)
                QVERIFY(!last.value(u"receivers"_s).toArray().at(0).toObject().contains(u"create_time"_s));
        }
    }

    void newEndpoints_scenarios()
    {
        for (const QByteArray &target : newEndpointScenarios("SCN-404")) {
            const Answer answer = get(target);
            QVERIFY2(answer.status == 404, target.constData());
            QCOMPARE(answer.json().value(u"code"_s).toString(), u"RESOURCE_NOT_EXISTS"_s);
            QVERIFY(verify(answer).ok());
        }
        for (qsizetype i = 0; i < 6; ++i) {
            const QByteArray target = newEndpointScenarios("SCN-429-1-t"_ba + QByteArray::number(i)).at(i);
            QCOMPARE(get(target).status, 429);
            QCOMPARE(get(target).status, 200);
        }
        for (const QByteArray &target : newEndpointScenarios("SCN-TAMPER")) {
            const Answer answer = get(target);
            QCOMPARE(answer.status, 200);
            QCOMPARE(verify(answer).status, Verification::Status::BadSignature);
        }
        const QList<QByteArray> big = newEndpointScenarios("SCN-BIG_AMOUNT");
        QVERIFY(get(big.at(4)).body.contains("\"unsplit_amount\":9007199254740993}"));
        QVERIFY(get(big.at(5)).body.contains("\"unsplit_amount\":9007199254740993}"));
        QVERIFY(get(big.at(3)).body.contains("\"amount\":9223372036854775807,"));

        const QList<QByteArray> other = newEndpointScenarios("SCN-OTHER");
        QCOMPARE(get(other.at(0)).json().value(u"out_order_no"_s).toString(), u"P20251125093000011"_s);
        QCOMPARE(get(other.at(1)).json().value(u"out_return_no"_s).toString(), u"R20251127100000011"_s);
        QCOMPARE(get(other.at(3)).json().value(u"out_order_no"_s).toString(), u"P20251128100000021"_s);
        QCOMPARE(get(other.at(4)).json().value(u"transaction_id"_s).toString(),
                 u"4208450740202511201234567890"_s);
        QCOMPARE(get(other.at(5)).json().value(u"transaction_id"_s).toString(),
                 u"4208450740202511281234567897"_s);

        const QList<QByteArray> unknown = newEndpointScenarios("SCN-UNKNOWN_ENUM");
        QCOMPARE(get(unknown.at(1)).json().value(u"result"_s).toString(), u"REVOKED"_s);
        QCOMPARE(get(unknown.at(3)).json().value(u"status"_s).toString(), u"PARTIALLY_REVOKED"_s);
    }

    void sampleOrder_answersSignedBodyThatVerifies()
    {
        const Answer answer = get(SampleOrder);
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.header("Request-ID").isEmpty());
        QCOMPARE(answer.header("Wechatpay-Signature-Type"), "WECHATPAY2-SHA256-RSA2048"_ba);
        const Verification verification = verify(answer);
        QVERIFY2(verification.ok(), qPrintable(verification.detail));
        const QJsonObject body = answer.json();
        QCOMPARE(body.value(u"state"_s).toString(), u"FINISHED"_s);
        QCOMPARE(body.value(u"out_order_no"_s).toString(), u"P20251120101530001"_s);
        QCOMPARE(body.value(u"receivers"_s).toArray().size(), 3);
    }

    void sampleReturn_byOrderIdOrOutOrderNo_verifies()
    {
        for (const QByteArray &target :
             {SampleReturn,
              "/v3/brand/profitsharing/returnorders?out_order_no=P20251120101530001&sub_mchid=1900000109"
              "&out_return_no=R20251121100000001"_ba}) {
            const Answer answer = get(target);
            QCOMPARE(answer.status, 200);
            QVERIFY(verify(answer).ok());
            QCOMPARE(answer.json().value(u"result"_s).toString(), u"SUCCESS"_s);
            QCOMPARE(answer.json().value(u"amount"_s).toInteger(), 1000);
        }
    }

    void specialCharacters_targetCheckedExactlyAsSent_data()
    {
        QTest::addColumn<QByteArray>("encodedNumber");
        QTest::addColumn<QList<qsizetype>>("splitAt");
        QTest::newRow("upper-case escapes") << "P2025%7C11%2A24%40A_B-005"_ba << QList<qsizetype>{};
        QTest::newRow("lower-case escapes") << "P2025%7c11%2a24%40A_B-005"_ba << QList<qsizetype>{};
        QTest::newRow("* and @ literal") << "P2025%7C11*24@A_B-005"_ba << QList<qsizetype>{};
        QTest::newRow("request line in pieces")
            << "P2025%7c11%2A24@A_B-005"_ba << QList<qsizetype>{3, 30, 70};
    }
    void specialCharacters_targetCheckedExactlyAsSent()
    {
        QFETCH(QByteArray, encodedNumber);
        QFETCH(QList<qsizetype>, splitAt);
        const QByteArray target = "/v3/profitsharing/orders/"_ba + encodedNumber +
                                  "?sub_mchid=1900000109&transaction_id=4208450740202511241234567894"_ba;
        const Answer answer = rawGet(m_server.url(), target, m_signer.authorization("GET", target), splitAt);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(u"out_order_no"_s).toString(), u"P2025|11*24@A_B-005"_s);
        QCOMPARE(logEntries().last().value(u"target"_s).toString(), QString::fromLatin1(target));
    }

    void signError_saysWhy_data()
    {
        QTest::addColumn<QByteArray>("sentTarget");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("reason");

        const qint64 now = systemUnixSeconds();
        const RequestSigner &s = m_signer;
        const QByteArray good = s.authorization("GET", SampleOrder);
        QByteArray wrongScheme = good;
        wrongScheme.replace("WECHATPAY2-SHA256-RSA2048", "WECHATPAY2-SHA256-RSA");
        QByteArray missingNonce = good;
        missingNonce.replace(QRegularExpression(u"nonce_str=\"[^\"]*\","_s)
                                 .match(QString::fromLatin1(good))
                                 .captured()
                                 .toLatin1(),
                             "");
        QByteArray notBase64 = good;
        notBase64.replace(QRegularExpression(u"signature=\"[^\"]*\""_s)
                              .match(QString::fromLatin1(good))
                              .captured()
                              .toLatin1(),
                          "signature=\"not*base64!\"");
        QByteArray wrongMchid = good;
        wrongMchid.replace("mchid=\"1900000001\"", "mchid=\"1900000002\"");
        QByteArray wrongSerial = good;
        wrongSerial.replace(s.serialNo().toLatin1(), "1234567890ABCDEF1234567890ABCDEF12345678");

        QTest::newRow("no header") << SampleOrder << QByteArray() << u"authorization_missing"_s;
        QTest::newRow("wrong scheme") << SampleOrder << wrongScheme << u"scheme_unsupported"_s;
        QTest::newRow("field missing") << SampleOrder << missingNonce << u"authorization_malformed"_s;
        QTest::newRow("wrong mchid") << SampleOrder << wrongMchid << u"mchid_mismatch"_s;
        QTest::newRow("wrong serial") << SampleOrder << wrongSerial << u"serial_mismatch"_s;
        QTest::newRow("stale timestamp")
            << SampleOrder << s.authorization("GET", SampleOrder, {}, now - 301, randomNonce())
            << u"timestamp_expired"_s;
        QTest::newRow("future timestamp")
            << SampleOrder << s.authorization("GET", SampleOrder, {}, now + 400, randomNonce())
            << u"timestamp_expired"_s;
        QTest::newRow("signature not base64") << SampleOrder << notBase64 << u"signature_malformed"_s;
        QTest::newRow("bad signature")
            << SampleOrder << s.authorization("POST", SampleOrder) << u"signature_mismatch"_s;
        QTest::newRow("target altered")
            << SampleOrder << s.authorization("GET", SampleOrder.left(SampleOrder.indexOf('?')))
            << u"signature_mismatch"_s;
        QTest::newRow("target re-encoded")
            << "/v3/profitsharing/orders/P2025%7C11%2A24%40A_B-005?sub_mchid=1900000109&transaction_id=4208450740202511241234567894"_ba
            << s.authorization(
                   "GET",
                   "/v3/profitsharing/orders/"
                   "P2025%7C11*24@A_B-005?sub_mchid=1900000109&transaction_id=4208450740202511241234567894")
            << u"signature_mismatch"_s;
    }
    void signError_saysWhy()
    {
        QFETCH(QByteArray, sentTarget);
        QFETCH(QByteArray, authorization);
        QFETCH(QString, reason);
        const Answer answer = authorization.isEmpty() ? send(m_nam, m_server.url(), "GET", sentTarget, {})
                                                      : getWith(sentTarget, authorization);
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"SIGN_ERROR"_s);
        const QJsonObject detail = answer.json().value(u"detail"_s).toObject();
        QCOMPARE(detail.value(u"reason"_s).toString(), reason);
        QVERIFY(!detail.value(u"issue"_s).toString().isEmpty());
        QVERIFY(!answer.header("Request-ID").isEmpty());
        QVERIFY(verify(answer).ok()); // errors are signed too
        QCOMPARE(logEntries().last().value(u"outcome"_s).toString(), u"sign_error:"_s + reason);
    }

    void nonceReused_isSignError()
    {
        const QByteArray authorization = m_signer.authorization("GET", SampleOrder);
        QCOMPARE(getWith(SampleOrder, authorization).status, 200);
        const Answer again = getWith(SampleOrder, authorization);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.json().value(u"detail"_s).toObject().value(u"reason"_s).toString(), u"nonce_reused"_s);
    }

    void paramError_namesTheField_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("field");
        const QByteArray order = "/v3/profitsharing/orders/"_ba;
        const QByteArray returns = "/v3/brand/profitsharing/returnorders?"_ba;
        QTest::newRow("sub_mchid letters")
            << order + "P1?sub_mchid=19000001O9&transaction_id=42" << u"sub_mchid"_s;
        QTest::newRow("sub_mchid 33 digits")
            << order + "P1?sub_mchid=" + QByteArray(33, '1') + "&transaction_id=42" << u"sub_mchid"_s;
        QTest::newRow("transaction_id missing") << order + "P1?sub_mchid=1900000109" << u"transaction_id"_s;
        QTest::newRow("transaction_id 33 digits")
            << order + "P1?sub_mchid=1900000109&transaction_id=" + QByteArray(33, '4') << u"transaction_id"_s;
        QTest::newRow("out_order_no bad char")
            << order + "P%231?sub_mchid=1900000109&transaction_id=42" << u"out_order_no"_s;
        QTest::newRow("out_order_no 65 chars")
            << order + QByteArray(65, 'P') + "?sub_mchid=1900000109&transaction_id=42" << u"out_order_no"_s;
        QTest::newRow("out_return_no missing")
            << returns + "sub_mchid=1900000109&order_id=3000" << u"out_return_no"_s;
        QTest::newRow("out_return_no bad char")
            << returns + "sub_mchid=1900000109&out_return_no=R%201&order_id=3000" << u"out_return_no"_s;
        QTest::newRow("both order_id and out_order_no")
            << returns + "sub_mchid=1900000109&out_return_no=R1&order_id=3000&out_order_no=P1"
            << u"order_id"_s;
        QTest::newRow("neither order_id nor out_order_no")
            << returns + "sub_mchid=1900000109&out_return_no=R1" << u"order_id"_s;
        QTest::newRow("duplicate parameter")
            << order + "P1?sub_mchid=1900000109&sub_mchid=1900000109&transaction_id=42" << u"sub_mchid"_s;
        QTest::newRow("order sub_mchid given empty")
            << order + "P1?sub_mchid=&transaction_id=42" << u"sub_mchid"_s;
        const QByteArray ordinaryReturn = "/v3/profitsharing/return-orders/"_ba;
        QTest::newRow("order_id on the 普通 return")
            << ordinaryReturn + "R1?sub_mchid=1900000109&out_order_no=P1&order_id=3000" << u"order_id"_s;
        QTest::newRow("order_id instead of out_order_no on the 普通 return")
            << ordinaryReturn + "R1?order_id=3000" << u"order_id"_s;
        QTest::newRow("普通 return without out_order_no")
            << ordinaryReturn + "R1?sub_mchid=1900000109" << u"out_order_no"_s;
        QTest::newRow("普通 return number bad char")
            << ordinaryReturn + "R%231?out_order_no=P1" << u"out_return_no"_s;
        const QByteArray brandOrder = "/v3/brand/profitsharing/orders?"_ba;
        QTest::newRow("brand order without sub_mchid")
            << brandOrder + "transaction_id=42&out_order_no=P1" << u"sub_mchid"_s;
        QTest::newRow("brand order without out_order_no")
            << brandOrder + "sub_mchid=1900000209&transaction_id=42" << u"out_order_no"_s;
        QTest::newRow("sub_mchid on the 普通 amounts")
            << "/v3/profitsharing/transactions/4208450740202511211234567891/amounts?sub_mchid=1900000109"_ba
            << u"sub_mchid"_s;
        QTest::newRow("sub_mchid on the brand amounts")
            << "/v3/brand/profitsharing/orders/4208450740202511291234567898/amounts?sub_mchid=1900000209"_ba
            << u"sub_mchid"_s;
        QTest::newRow("amounts transaction_id letters")
            << "/v3/profitsharing/transactions/42084507402025112112345678A1/amounts"_ba
            << u"transaction_id"_s;
        QTest::newRow("amounts transaction_id 33 digits")
            << "/v3/brand/profitsharing/orders/"_ba + QByteArray(33, '4') + "/amounts" << u"transaction_id"_s;
    }
    void paramError_namesTheField()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, field);
        const Answer answer = get(target);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"PARAM_ERROR"_s);
        QCOMPARE(answer.json().value(u"detail"_s).toObject().value(u"field"_s).toString(), field);
        QVERIFY(verify(answer).ok());
    }

    void unknownNumbers_areResourceNotExists_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("unknown order")
            << "/v3/profitsharing/orders/P404?sub_mchid=1900000109&transaction_id=4208450740202511201234567890"_ba;
        QTest::newRow("order under another sub_mchid")
            << "/v3/profitsharing/orders/P20251120101530001?sub_mchid=1900000999&transaction_id=4208450740202511201234567890"_ba;
        QTest::newRow("unknown return")
            << "/v3/brand/profitsharing/returnorders?sub_mchid=1900000109&out_return_no=R404&order_id=30000000012025112012345678901234"_ba;
        QTest::newRow("scenario 404") << scenarioOrder("SCN-404");
    }
    void unknownNumbers_areResourceNotExists()
    {
        QFETCH(QByteArray, target);
        const Answer answer = get(target);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"RESOURCE_NOT_EXISTS"_s);
        QCOMPARE(answer.json().value(u"message"_s).toString(), u"记录不存在"_s);
        QVERIFY(answer.json().value(u"detail"_s).isObject());
        QVERIFY(verify(answer).ok());
    }

    void unknownPath_isNotFound()
    {
        const Answer answer = get("/v3/profitsharing/unknown?sub_mchid=1900000109"_ba);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"NOT_FOUND"_s);
    }

    void processingScenario_finishesAfterNCalls()
    {
        const QByteArray target = scenarioOrder("SCN-PROCESSING-2");
        QCOMPARE(get(target).json().value(u"state"_s).toString(), u"PROCESSING"_s);
        QCOMPARE(get(target).json().value(u"state"_s).toString(), u"PROCESSING"_s);
        const Answer third = get(target);
        QCOMPARE(third.json().value(u"state"_s).toString(), u"FINISHED"_s);
        QVERIFY(verify(third).ok());

        const QByteArray ret = scenarioReturn("SCN-PROCESSING-1-ret");
        QCOMPARE(get(ret).json().value(u"result"_s).toString(), u"PROCESSING"_s);
        QCOMPARE(get(ret).json().value(u"result"_s).toString(), u"SUCCESS"_s);
    }

    void errorScenarios_thenSuccess_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("429") << "SCN-429-2"_ba << 429 << u"FREQUENCY_LIMITED"_s;
        QTest::newRow("500") << "SCN-500-2"_ba << 500 << u"SYSTEM_ERROR"_s;
    }
    void errorScenarios_thenSuccess()
    {
        QFETCH(QByteArray, number);
        QFETCH(int, status);
        QFETCH(QString, code);
        for (int call = 0; call < 2; ++call) {
            const Answer answer = get(scenarioOrder(number));
            QCOMPARE(answer.status, status);
            QCOMPARE(answer.json().value(u"code"_s).toString(), code);
            if (status == 429)
                QCOMPARE(answer.header("Retry-After"), "1"_ba);
        }
        const Answer answer = get(scenarioOrder(number));
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
    }

    void signatureScenarios_failVerification_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::addColumn<int>("status");
        QTest::newRow("tampered body") << "SCN-TAMPER"_ba << int(Verification::Status::BadSignature);
        QTest::newRow("unknown serial")
            << "SCN-UNKNOWN_SERIAL"_ba << int(Verification::Status::UnknownSerial);
        QTest::newRow("stale timestamp") << "SCN-STALE"_ba << int(Verification::Status::ClockSkew);
        QTest::newRow("signtest probe") << "SCN-SIGNTEST"_ba << int(Verification::Status::SignatureProbe);
        QTest::newRow("unsigned") << "SCN-UNSIGNED"_ba << int(Verification::Status::MissingHeader);
    }
    void signatureScenarios_failVerification()
    {
        QFETCH(QByteArray, number);
        QFETCH(int, status);
        for (const QByteArray &target : {scenarioOrder(number), scenarioReturn(number)}) {
            const Answer answer = get(target);
            QCOMPARE(answer.status, 200);
            QVERIFY(!answer.header("Request-ID").isEmpty());
            QCOMPARE(int(verify(answer).status), status);
        }
    }

    void dataScenarios_serveUnusualValues()
    {
        Answer answer = get(scenarioOrder("SCN-BIG_AMOUNT"));
        QVERIFY(verify(answer).ok());
        QVERIFY(answer.body.contains("\"amount\":9007199254740993,"));
        QVERIFY(answer.body.contains("\"amount\":9223372036854775807,"));
        answer = get(scenarioReturn("SCN-BIG_AMOUNT"));
        QVERIFY(answer.body.contains("\"amount\":9007199254740993,"));

        answer = get(scenarioOrder("SCN-TIME_FORMATS"));
        QVERIFY(verify(answer).ok());
        for (const char *time : {"2015-05-20T13:29:35:120+08:00", "2015-05-20T05:29:35Z",
                                 "2015-05-20T13:29:35+08:00", "2015-05-20T00:29:35-05:00"})
            QVERIFY2(answer.body.contains(time), time);

        answer = get(scenarioOrder("SCN-UNKNOWN_ENUM"));
        QVERIFY(verify(answer).ok());
        QCOMPARE(answer.json().value(u"state"_s).toString(), u"PARTIALLY_REVOKED"_s);
        answer = get(scenarioReturn("SCN-UNKNOWN_ENUM"));
        QCOMPARE(answer.json().value(u"result"_s).toString(), u"REVOKED"_s);

        answer = get(scenarioOrder("SCN-NOT_JSON"));
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        QVERIFY(answer.body.startsWith("<html>"));

        answer = get(scenarioOrder("SCN-403"));
        QCOMPARE(answer.status, 403);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"NO_AUTH"_s);
    }

    void connectionScenarios_failOnTheWire()
    {
        // QNetworkAccessManager resends a request up to twice when the connection closes before any
        // byte of the answer; the sandbox drops every one of them here.
        Answer answer = get(scenarioOrder("SCN-DROP"));
        QVERIFY(answer.finished);
        QVERIFY(answer.error != QNetworkReply::NoError);
        QCOMPARE(answer.status, 0);
        QCOMPARE(logEntries().last().value(u"delivery"_s).toString(), u"dropped"_s);

        answer = get(scenarioOrder("SCN-MIDBODY"));
        QVERIFY(answer.finished);
        QVERIFY(answer.error != QNetworkReply::NoError);

        // On a kept-alive connection one drop is absorbed by that resend: the same signed request
        // succeeds on the second try.
        QCOMPARE(get(SampleOrder).status, 200); // leaves a connection open to be reused
        const int before = int(logEntries().size());
        answer = get(scenarioOrder("SCN-DROP-1-once"));
        const QList<QJsonObject> entries = logEntries().mid(before);
        QCOMPARE(answer.status, 200);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).value(u"delivery"_s).toString(), u"dropped"_s);
        QCOMPARE(entries.at(0).value(u"status"_s).toInt(), 0);
        QCOMPARE(entries.at(1).value(u"outcome"_s).toString(), u"ok"_s);

        answer = get(scenarioOrder("SCN-SLOW-300"));
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        QCOMPARE(logEntries().last().value(u"delivery"_s).toString(), u"delayed"_s);
    }

    void primaryDownScenario_dropsOnlyTheLoopbackAddress()
    {
        Answer answer = get(scenarioOrder("SCN-PRIMARY_DOWN"));
        QVERIFY(answer.error != QNetworkReply::NoError);
        QCOMPARE(logEntries().last().value(u"delivery"_s).toString(), u"dropped"_s);
        QUrl backup = m_server.url();
        backup.setHost(u"localhost"_s);
        answer = signedGet(m_nam, backup, m_signer, scenarioOrder("SCN-PRIMARY_DOWN"));
        QCOMPARE(answer.status, 200);
        QVERIFY(verify(answer).ok());
        QCOMPARE(logEntries().last().value(u"outcome"_s).toString(), u"ok"_s);
    }

    void oversizeScenario_streamsSignedBodyPast32MiB()
    {
        const Answer answer = get(scenarioOrder("SCN-OVERSIZE"));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.header("Content-Length").toLongLong() > 32 * 1024 * 1024);
        QCOMPARE(answer.body.size(), answer.header("Content-Length").toLongLong());
        QVERIFY(verify(answer).ok());
        QVERIFY(!QJsonDocument::fromJson(answer.body).isNull());
    }

    void logFile_oneLinePerRequest_signatureRedacted()
    {
        const int before = int(logEntries().size());
        const QByteArray authorization = m_signer.authorization("GET", SampleOrder);
        QCOMPARE(getWith(SampleOrder, authorization).status, 200);
        const QList<QJsonObject> entries = logEntries();
        QCOMPARE(entries.size(), before + 1);
        const QJsonObject entry = entries.last();
        QCOMPARE(entry.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(entry.value(u"target"_s).toString(), QString::fromLatin1(SampleOrder));
        QCOMPARE(entry.value(u"host"_s).toString(), u"127.0.0.1:%1"_s.arg(m_server.port()));
        QCOMPARE(entry.value(u"status"_s).toInt(), 200);
        QCOMPARE(entry.value(u"outcome"_s).toString(), u"ok"_s);
        QVERIFY(!entry.value(u"request_id"_s).toString().isEmpty());
        QString logged;
        for (const QJsonValue &header : entry.value(u"headers"_s).toArray()) {
            if (header.toArray().at(0).toString().compare(u"authorization"_s, Qt::CaseInsensitive) == 0)
                logged = header.toArray().at(1).toString();
        }
        QVERIFY(logged.contains(u"signature=\"<redacted>\""_s));
        QVERIFY(logged.contains(u"mchid=\"1900000001\""_s));
        const QByteArray signature = authorization.mid(authorization.indexOf("signature=\"") + 11).chopped(1);
        QVERIFY(signature.size() > 100);
        QFile file(m_logFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(signature));
    }

    void tls_servesWithGeneratedCa()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        SandboxServer server;
        SandboxOptions options;
        options.tls = true;
        options.keysDir = vectorsDir();
        QVERIFY2(server.start(options), qPrintable(server.errorString()));
        QCOMPARE(server.url().scheme(), u"https"_s);
        const QString caFile = server.info().value(u"ca_file"_s).toString();
        QVERIFY(QFile::exists(caFile));

        QNetworkAccessManager untrusting;
        const Answer refused = signedGet(untrusting, server.url(), m_signer, SampleOrder);
        QVERIFY(refused.error != QNetworkReply::NoError);
        QCOMPARE(refused.status, 0);

        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.addCaCertificates(caFile);
        // A number that needs percent-escapes: the raw request line is read through TLS too.
        const QByteArray target = "/v3/profitsharing/orders/P2025%7C11%2A24%40A_B-005?sub_mchid=1900000109"
                                  "&transaction_id=4208450740202511241234567894"_ba;
        QNetworkAccessManager trusting;
        QNetworkRequest request(QUrl::fromEncoded(QByteArray(server.url().toEncoded() + target)));
        request.setSslConfiguration(configuration);
        request.setRawHeader("Authorization", m_signer.authorization("GET", target));
        QNetworkReply *reply = trusting.get(request);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        Answer answer;
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        QVERIFY(verify(answer).ok());
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"out_order_no"_s).toString(),
                 u"P2025|11*24@A_B-005"_s);
        delete reply;
    }

    void connectionClose_isHonoured()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(
            QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, 30000));
        socket.write("GET "_ba + SampleOrder +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: "_ba +
                     m_signer.authorization("GET", SampleOrder) + "\r\n\r\n"_ba);
        QByteArray data;
        QVERIFY(QTest::qWaitFor(
            [&] {
                data += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            30000));
        data += socket.readAll();
        QVERIFY2(data.startsWith("HTTP/1.1 200 OK\r\n"), data.left(400).constData());
        QVERIFY(data.toLower().contains(
            "\r\nconnection: close\r\n")); // names are case-insensitive (Qt 6.8 writes them lower-case)
        QVERIFY(data.endsWith("}"));
    }

    void requestHandled_signalsEachEntry_withHostAsAsked()
    {
        QSignalSpy spy(&m_server, &SandboxServer::requestHandled);
        QUrl viaName = m_server.url();
        viaName.setHost(u"localhost"_s);
        QCOMPARE(signedGet(m_nam, viaName, m_signer, SampleOrder).status, 200);
        QCOMPARE(spy.size(), 1);
        const QJsonObject entry = spy.at(0).at(0).toJsonObject();
        QCOMPARE(entry.value(u"host"_s).toString(), u"localhost:%1"_s.arg(m_server.port()));
        QCOMPARE(entry, logEntries().last());
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
