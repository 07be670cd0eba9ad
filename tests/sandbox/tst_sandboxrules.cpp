// The sandbox's rules without sockets: Authorization parsing, the signature checks with an injected
// clock, request-target parsing and parameter rules, scenario numbers, --data files, streamed bodies.

#include "crypto/keyloader.h"
#include "crypto/requestsigner.h"
#include "lookup/queries.h"
#include "sandbox/apirequest.h"
#include "sandbox/authorization.h"
#include "sandbox/datastore.h"
#include "sandbox/reply.h"
#include "sandbox/scenario.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::sandbox;

namespace {

const QString Serial = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
const QByteArray Target = "/v3/profitsharing/orders/P1?sub_mchid=1900000109&transaction_id=42"_ba;

RsaPrivateKey merchantKey()
{
    auto key = KeyLoader::privateKeyFromPemFile(
        QStringLiteral(FENZHANG_TEST_DATA "/vectors/merchant_private_key.pem"));
    if (!key)
        qFatal("test key missing");
    return *key;
}

} // namespace

class TestSandboxRules final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_fieldsInAnyOrder()
    {
        AuthorizationHeader header;
        SignCheck error;
        QVERIFY(AuthorizationHeader::parse("WECHATPAY2-SHA256-RSA2048 signature=\"c2ln\", "
                                           "serial_no=\"ABC\",timestamp=\"123\" ,nonce_str=\"n\",mchid=\"1\"",
                                           &header, &error));
        QCOMPARE(header.mchid, "1"_ba);
        QCOMPARE(header.nonce, "n"_ba);
        QCOMPARE(header.timestamp, "123"_ba);
        QCOMPARE(header.serialNo, "ABC"_ba);
        QCOMPARE(header.signature, "c2ln"_ba);
    }

    void parse_rejectsWithReason_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("reason");
        using R = SignCheck::Reason;
        QTest::newRow("empty") << QByteArray() << int(R::AuthorizationMissing);
        QTest::newRow("other scheme") << "Bearer abc"_ba << int(R::SchemeUnsupported);
        QTest::newRow("scheme only") << "WECHATPAY2-SHA256-RSA2048"_ba << int(R::AuthorizationMalformed);
        QTest::newRow("scheme in lower case")
            << "wechatpay2-sha256-rsa2048 mchid=\"1\""_ba << int(R::SchemeUnsupported);
        QTest::newRow("unquoted") << "WECHATPAY2-SHA256-RSA2048 mchid=1"_ba << int(R::AuthorizationMalformed);
        QTest::newRow("unterminated")
            << "WECHATPAY2-SHA256-RSA2048 mchid=\"1"_ba << int(R::AuthorizationMalformed);
        QTest::newRow("missing fields")
            << "WECHATPAY2-SHA256-RSA2048 mchid=\"1\""_ba << int(R::AuthorizationMalformed);
        QTest::newRow("duplicate")
            << "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",mchid=\"2\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\""_ba
            << int(R::AuthorizationMalformed);
        QTest::newRow("no separator")
            << "WECHATPAY2-SHA256-RSA2048 mchid=\"1\" nonce_str=\"n\""_ba << int(R::AuthorizationMalformed);
        QTest::newRow("garbage") << "WECHATPAY2-SHA256-RSA2048 \"\"\",,,==="_ba
                                 << int(R::AuthorizationMalformed);
    }
    void parse_rejectsWithReason()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, reason);
        AuthorizationHeader header;
        SignCheck error;
        QVERIFY(!AuthorizationHeader::parse(value, &header, &error));
        QCOMPARE(int(error.reason), reason);
        QVERIFY(!error.issue.isEmpty());
    }

    void redact_hidesOnlyTheSignature()
    {
        const QByteArray redacted = redactAuthorization(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",signature=\"c2VjcmV0\",serial_no=\"AB\"");
        QCOMPARE(
            redacted,
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",signature=\"<redacted>\",serial_no=\"AB\""_ba);
    }

    void authenticator_skewWindowIs300Seconds()
    {
        qint64 now = 1800000000;
        RequestAuthenticator authenticator(u"1900000001"_s, Serial, merchantKey().publicKey(),
                                           [&now] { return now; });
        const RequestSigner signer(u"1900000001"_s, Serial, merchantKey());
        QVERIFY(
            authenticator.check("GET", Target, signer.authorization("GET", Target, {}, now - 300, "a"), {})
                .ok());
        QVERIFY(
            authenticator.check("GET", Target, signer.authorization("GET", Target, {}, now + 300, "b"), {})
                .ok());
        QCOMPARE(
            authenticator.check("GET", Target, signer.authorization("GET", Target, {}, now - 301, "c"), {})
                .reason,
            SignCheck::Reason::TimestampExpired);
        // A nonce stays used while its request could still be replayed.
        QCOMPARE(
            authenticator.check("GET", Target, signer.authorization("GET", Target, {}, now, "a"), {}).reason,
            SignCheck::Reason::NonceReused);
        // A bad signature does not burn the nonce.
        QCOMPARE(authenticator.check("GET", Target, signer.authorization("GET", "/other", {}, now, "d"), {})
                     .reason,
                 SignCheck::Reason::SignatureMismatch);
        QVERIFY(
            authenticator.check("GET", Target, signer.authorization("GET", Target, {}, now, "d"), {}).ok());
        // Lower-case serials are the same serial.
        const RequestSigner lower(u"1900000001"_s, Serial.toLower(), merchantKey());
        QVERIFY(
            authenticator.check("GET", Target, lower.authorization("GET", Target, {}, now, "e"), {}).ok());
    }

    void target_decodesOrderNumberFromPath()
    {
        const ApiRequest request =
            ApiRequest::fromTarget("/v3/profitsharing/orders/A%7Cb%2A1%40x?transaction_id=42&sub_mchid=19");
        QCOMPARE(request.endpoint, ApiRequest::Endpoint::Order);
        QVERIFY(!request.error);
        QCOMPARE(request.outOrderNo, u"A|b*1@x"_s);
        QCOMPARE(request.subMchid, u"19"_s);
        QCOMPARE(request.transactionId, u"42"_s);
    }

    void target_rejectsBadEncoding_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("truncated escape") << "/v3/profitsharing/orders/P%7?sub_mchid=1&transaction_id=2"_ba;
        QTest::newRow("non-hex escape") << "/v3/profitsharing/orders/P1?sub_mchid=%G1&transaction_id=2"_ba;
        QTest::newRow("not UTF-8") << "/v3/profitsharing/orders/P%FF?sub_mchid=1&transaction_id=2"_ba;
        QTest::newRow("non-ASCII number")
            << "/v3/profitsharing/orders/P%E4%B8%AD?sub_mchid=1&transaction_id=2"_ba;
    }
    void target_rejectsBadEncoding()
    {
        QFETCH(QByteArray, target);
        const ApiRequest request = ApiRequest::fromTarget(target);
        QCOMPARE(request.endpoint, ApiRequest::Endpoint::Order);
        QVERIFY(request.error.has_value());
    }

    void target_newEndpoints_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("endpoint");
        QTest::addColumn<int>("product");
        QTest::addColumn<QString>("number");
        using E = ApiRequest::Endpoint;
        QTest::newRow("direct order") << "/v3/profitsharing/orders/P1?transaction_id=42"_ba << int(E::Order)
                                      << int(Product::Direct) << u"P1"_s;
        QTest::newRow("service provider's order")
            << "/v3/profitsharing/orders/P1?sub_mchid=19&transaction_id=42"_ba << int(E::Order)
            << int(Product::ServiceProvider) << u"P1"_s;
        QTest::newRow("普通 return")
            << "/v3/profitsharing/return-orders/R%7C1?sub_mchid=19&out_order_no=P1"_ba << int(E::Return)
            << int(Product::ServiceProvider) << u"R|1"_s;
        QTest::newRow("direct return") << "/v3/profitsharing/return-orders/R1?out_order_no=P1"_ba
                                       << int(E::Return) << int(Product::Direct) << u"R1"_s;
        QTest::newRow("amounts") << "/v3/profitsharing/transactions/42/amounts"_ba << int(E::Amounts)
                                 << int(Product::Direct) << u"42"_s;
        QTest::newRow("amounts scenario") << "/v3/profitsharing/transactions/SCN-500-1/amounts"_ba
                                          << int(E::Amounts) << int(Product::Direct) << u"SCN-500-1"_s;
        QTest::newRow("brand order")
            << "/v3/brand/profitsharing/orders?out_order_no=P1&sub_mchid=19&transaction_id=42"_ba
            << int(E::BrandOrder) << int(Product::Brand) << u"P1"_s;
        QTest::newRow("brand return")
            << "/v3/brand/profitsharing/returnorders?sub_mchid=19&out_return_no=R1&order_id=30"_ba
            << int(E::BrandReturn) << int(Product::Brand) << u"R1"_s;
        QTest::newRow("brand amounts") << "/v3/brand/profitsharing/orders/42/amounts"_ba
                                       << int(E::BrandAmounts) << int(Product::Brand) << u"42"_s;
    }
    void target_newEndpoints()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, endpoint);
        QFETCH(int, product);
        QFETCH(QString, number);
        const ApiRequest request = ApiRequest::fromTarget(target);
        QCOMPARE(int(request.endpoint), endpoint);
        QVERIFY2(!request.error, qPrintable(request.error ? request.error->issue : QString()));
        QCOMPARE(int(request.product()), product);
        QCOMPARE(request.number(), number);
    }

    void target_otherPathsAreUnknown()
    {
        QCOMPARE(ApiRequest::fromTarget("/v3/profitsharing/transactions/42").endpoint,
                 ApiRequest::Endpoint::Unknown);
        QCOMPARE(ApiRequest::fromTarget("/v3/profitsharing/transactions//amounts").endpoint,
                 ApiRequest::Endpoint::Unknown);
        QCOMPARE(ApiRequest::fromTarget("/v3/profitsharing/return-orders/").endpoint,
                 ApiRequest::Endpoint::Unknown);
        QCOMPARE(ApiRequest::fromTarget("/v3/brand/profitsharing/orders/42/amounts/x").endpoint,
                 ApiRequest::Endpoint::Unknown);
        // A scenario number is a transaction_id only where the path selects scenarios by it.
        QVERIFY(ApiRequest::fromTarget("/v3/profitsharing/orders/P1?transaction_id=SCN-500").error);
        QVERIFY(ApiRequest::fromTarget("/v3/profitsharing/transactions/SCN-NOPE/amounts").error);
        QCOMPARE(ApiRequest::fromTarget("/v3/profitsharing/orders/").endpoint, ApiRequest::Endpoint::Unknown);
        QCOMPARE(ApiRequest::fromTarget("/v3/profitsharing/orders/a/b?x=1").endpoint,
                 ApiRequest::Endpoint::Unknown);
        QCOMPARE(ApiRequest::fromTarget("/v3/brand/profitsharing/returnorders/x").endpoint,
                 ApiRequest::Endpoint::Unknown);
    }

    // The sandbox refuses exactly what the client's own validation refuses, for the same field.
    void paramRules_agreeWithCoreValidation_data()
    {
        QTest::addColumn<QStringList>(
            "fields"); // sub_mchid, transaction_id / out_return_no, number, order_id
        QTest::addColumn<bool>("isReturn");
        const QString n64 = QString(64, u'9');
        const QString n65 = QString(65, u'9');
        const QString d32 = QString(32, u'1');
        const QString d33 = QString(33, u'1');
        QTest::newRow("order ok") << QStringList{u"1900000109"_s, u"42"_s, u"P-1_a|b*c@d"_s, {}} << false;
        QTest::newRow("order 32 digits") << QStringList{d32, d32, n64, {}} << false;
        QTest::newRow("order sub 33") << QStringList{d33, u"42"_s, u"P1"_s, {}} << false;
        QTest::newRow("order txn 33") << QStringList{u"19"_s, d33, u"P1"_s, {}} << false;
        QTest::newRow("order txn letter") << QStringList{u"19"_s, u"42a"_s, u"P1"_s, {}} << false;
        QTest::newRow("order number 65") << QStringList{u"19"_s, u"42"_s, n65, {}} << false;
        QTest::newRow("order number space") << QStringList{u"19"_s, u"42"_s, u"P 1"_s, {}} << false;
        QTest::newRow("order number CJK") << QStringList{u"19"_s, u"42"_s, u"P中"_s, {}} << false;
        QTest::newRow("order number dot") << QStringList{u"19"_s, u"42"_s, u"P.1"_s, {}} << false;
        QTest::newRow("return by order_id") << QStringList{u"19"_s, u"R1"_s, {}, u"3000"_s} << true;
        QTest::newRow("return by out_order_no") << QStringList{u"19"_s, u"R1"_s, u"P1"_s, {}} << true;
        QTest::newRow("return order_id 64") << QStringList{u"19"_s, u"R1"_s, {}, n64} << true;
        QTest::newRow("return order_id 65") << QStringList{u"19"_s, u"R1"_s, {}, n65} << true;
        QTest::newRow("return order_id letter") << QStringList{u"19"_s, u"R1"_s, {}, u"30a"_s} << true;
        QTest::newRow("return number bad") << QStringList{u"19"_s, u"R#1"_s, u"P1"_s, {}} << true;
        QTest::newRow("return sub empty") << QStringList{{}, u"R1"_s, u"P1"_s, {}} << true;
    }
    void paramRules_agreeWithCoreValidation()
    {
        QFETCH(QStringList, fields);
        QFETCH(bool, isReturn);
        QList<FieldError> coreErrors;
        QByteArray target;
        if (isReturn) {
            // requestTarget() sends one of the two; test "both" and "neither" through the server tests.
            // The brand return route: the one whose order is named by order_id or out_order_no.
            const ReturnQuery query{fields.at(0), fields.at(1), fields.at(3), fields.at(2), Product::Brand};
            coreErrors = query.validate();
            target = query.requestTarget();
        } else {
            const OrderQuery query{fields.at(0), fields.at(1), fields.at(2)};
            coreErrors = query.validate();
            target = query.requestTarget();
        }
        const ApiRequest request = ApiRequest::fromTarget(target);
        QCOMPARE(request.error.has_value(), !coreErrors.isEmpty());
        if (request.error)
            QCOMPARE(request.error->field, coreErrors.first().field);
    }

    void scenario_numbers_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<bool>>("activeForCalls");
        using K = Scenario::Kind;
        QTest::newRow("plain number") << u"P20150806125346"_s << int(K::None) << QList<bool>{false};
        QTest::newRow("processing default 2")
            << u"SCN-PROCESSING"_s << int(K::Processing) << QList<bool>{true, true, false};
        QTest::newRow("processing 3 with tag")
            << u"scn-processing-3-run7"_s << int(K::Processing) << QList<bool>{true, true, true, false};
        QTest::newRow("429 default once") << u"SCN-429"_s << int(K::RateLimited) << QList<bool>{true, false};
        QTest::newRow("500 twice") << u"SCN-500-2"_s << int(K::SystemError) << QList<bool>{true, true, false};
        QTest::newRow("drop always") << u"SCN-DROP"_s << int(K::Drop) << QList<bool>{true, true, true};
        QTest::newRow("drop once") << u"SCN-DROP-1"_s << int(K::Drop) << QList<bool>{true, false};
        QTest::newRow("slow") << u"SCN-SLOW-1500"_s << int(K::Slow) << QList<bool>{true, true};
        QTest::newRow("unknown kind") << u"SCN-NOPE"_s << int(K::None) << QList<bool>{false};
    }
    void scenario_numbers()
    {
        QFETCH(QString, number);
        QFETCH(int, kind);
        QFETCH(QList<bool>, activeForCalls);
        const Scenario scenario = Scenario::fromNumber(number);
        QCOMPARE(int(scenario.kind), kind);
        if (scenario.kind == Scenario::Kind::None)
            return;
        for (int call = 1; call <= activeForCalls.size(); ++call)
            QCOMPARE(scenario.active(call), activeForCalls.at(call - 1));
    }

    void dataFile_loadsExactAmounts()
    {
        const auto store = DataStore::fromJson(
            "{\"orders\":[{\"sub_mchid\":\"1\",\"transaction_id\":\"2\",\"out_order_no\":\"P\","
            "            "
            "\"order_id\":\"3\",\"state\":\"FINISHED\",\"receivers\":[{\"amount\":9007199254740993,\"type\":"
            "\"MERCHANT_ID\","
            "            "
            "\"account\":\"4\",\"result\":\"SUCCESS\",\"description\":\"分给商户\",\"create_time\":\"2015-05-"
            "20T13:29:35+08:00\","
            "            \"detail_id\":\"5\"}]}],\"returns\":[]}");
        QVERIFY2(store, qPrintable(store ? QString() : store.error()));
        const OrderRecord *order = store->findOrder(Product::ServiceProvider, u"1"_s, u"2"_s, u"P"_s);
        QVERIFY(order);
        QCOMPARE(order->receivers.at(0).amount, 9007199254740993LL);
        QVERIFY(order->toJson().contains("\"amount\":9007199254740993,"));
        QVERIFY(order->toJson().contains("\"description\":\"分给商户\""));
        QVERIFY(!store->findOrder(Product::ServiceProvider, u"1"_s, u"9"_s, u"P"_s));
    }

    void dataFile_readsProducts()
    {
        const auto store = DataStore::fromJson(
            R"({"orders":[{"product":"direct","transaction_id":"2","out_order_no":"P","order_id":"3",
                           "state":"FINISHED","receivers":[]},
                          {"product":"brand","sub_mchid":"1","transaction_id":"2","out_order_no":"P",
                           "order_id":"4","status":"FINISHED","receivers":[],"finish_amount":5,
                           "finish_description":"分账完结"}],
                "returns":[{"product":"direct","order_id":"3","out_order_no":"P","out_return_no":"R",
                            "return_id":"6","return_mchid":"7","amount":8,"description":"d",
                            "result":"FAILED","fail_reason":"BALANCE_NOT_ENOUGH","create_time":"t",
                            "finish_time":"u"}],
                "transactions":[{"transaction_id":"2","unsplit_amount":9007199254740993},
                                {"product":"brand","transaction_id":"2","profit_sharing":false}]})"_ba);
        QVERIFY2(store, qPrintable(store ? QString() : store.error()));
        const OrderRecord *direct = store->findOrder(Product::Direct, {}, u"2"_s, u"P"_s);
        QVERIFY(direct);
        QVERIFY(!direct->toJson().contains("sub_mchid"));
        const OrderRecord *brand = store->findOrder(Product::Brand, u"1"_s, u"2"_s, u"P"_s);
        QVERIFY(brand);
        QVERIFY(brand->toJson().contains("\"status\":\"FINISHED\""));
        QVERIFY(brand->toJson().endsWith(",\"finish_amount\":5,\"finish_description\":\"分账完结\"}"));
        QVERIFY(!store->findOrder(Product::ServiceProvider, u"1"_s, u"2"_s, u"P"_s));
        const ReturnRecord *ret = store->findReturn(Product::Direct, {}, u"R"_s, {}, u"P"_s);
        QVERIFY(ret);
        QCOMPARE(ret->toJson(),
                 "{\"order_id\":\"3\",\"out_order_no\":\"P\",\"out_return_no\":\"R\","
                 "\"return_id\":\"6\",\"return_mchid\":\"7\",\"amount\":8,\"description\":\"d\","
                 "\"result\":\"FAILED\",\"fail_reason\":\"BALANCE_NOT_ENOUGH\","
                 "\"create_time\":\"t\",\"finish_time\":\"u\"}"_ba);
        QCOMPARE(store->findTransaction(false, u"2"_s)->unsplitAmount, 9007199254740993LL);
        QVERIFY(!store->findTransaction(true, u"2"_s)->profitSharing);
    }

    void dataFile_rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not JSON") << "{orders:"_ba;
        QTest::newRow("array") << "[]"_ba;
        QTest::newRow("empty") << "{}"_ba;
        QTest::newRow("fractional amount")
            << "{\"returns\":[{\"sub_mchid\":\"1\",\"out_return_no\":\"R\",\"order_id\":\"3\",\"amount\":1.5}]}"_ba;
        QTest::newRow("order without numbers") << "{\"orders\":[{\"state\":\"FINISHED\"}]}"_ba;
        QTest::newRow("unknown product")
            << R"({"orders":[{"product":"global","sub_mchid":"1","transaction_id":"2","out_order_no":"P"}]})"_ba;
        QTest::newRow("direct order with sub_mchid")
            << R"({"orders":[{"product":"direct","sub_mchid":"1","transaction_id":"2","out_order_no":"P"}]})"_ba;
        QTest::newRow("普通 return without out_order_no")
            << R"({"returns":[{"product":"direct","out_return_no":"R","order_id":"3","amount":1}]})"_ba;
        QTest::newRow("transaction without amount") << R"({"transactions":[{"transaction_id":"2"}]})"_ba;
    }
    void dataFile_rejectsBadInput()
    {
        QFETCH(QByteArray, json);
        const auto store = DataStore::fromJson(json);
        QVERIFY(!store);
        QVERIFY(!store.error().isEmpty());
    }

    void demoData_coversEveryValue()
    {
        const DataStore store = DataStore::demo();
        QSet<QString> seen;
        for (const OrderRecord &order : store.orders()) {
            seen << order.state;
            for (const ReceiverRecord &r : order.receivers)
                seen << r.type << r.result << r.failReason;
            QVERIFY(!QJsonDocument::fromJson(order.toJson()).isNull());
        }
        for (const ReturnRecord &r : store.returns())
            seen << u"return:"_s + r.result << u"return:"_s + r.failReason;
        for (const OrderRecord &order : store.orders()) {
            if (order.product == Product::Brand)
                seen << u"brand:"_s + order.state;
        }
        bool notProfitSharing = false;
        bool frozen = false;
        for (const TransactionRecord &t : store.transactions()) {
            notProfitSharing |= !t.profitSharing;
            frozen |= t.unsplitAmount > 0;
        }
        QVERIFY(notProfitSharing);
        QVERIFY(frozen);
        for (const char *value : {"PROCESSING",
                                  "FINISHED",
                                  "MERCHANT_ID",
                                  "PERSONAL_OPENID",
                                  "PERSONAL_SUB_OPENID",
                                  "PENDING",
                                  "SUCCESS",
                                  "CLOSED",
                                  "ACCOUNT_ABNORMAL",
                                  "NO_RELATION",
                                  "RECEIVER_HIGH_RISK",
                                  "RECEIVER_REAL_NAME_NOT_VERIFIED",
                                  "NO_AUTH",
                                  "RECEIVER_RECEIPT_LIMIT",
                                  "PAYER_ACCOUNT_ABNORMAL",
                                  "INVALID_REQUEST",
                                  "return:PROCESSING",
                                  "return:SUCCESS",
                                  "return:FAIL",
                                  "return:ACCOUNT_ABNORMAL",
                                  "return:TIME_OUT_CLOSED",
                                  "return:PAYER_ACCOUNT_ABNORMAL",
                                  "return:INVALID_REQUEST",
                                  "return:FAILED",
                                  "return:BALANCE_NOT_ENOUGH",
                                  "brand:PROCESSING",
                                  "brand:FINISHED"})
            QVERIFY2(seen.contains(QLatin1StringView(value)), value);
    }

    void repeatedBody_piecesMakeTheWhole()
    {
        RepeatedBody body{"{\"a\":["_ba, "{\"x\":1}"_ba, 1000, "]}"_ba};
        qint64 total = 0;
        QByteArray joined;
        body.forEachPiece(100, [&](QByteArrayView piece) {
            total += piece.size();
            joined += piece;
        });
        QCOMPARE(total, body.size());
        QCOMPARE(joined, body.toByteArray());
        QVERIFY(!QJsonDocument::fromJson(joined).isNull());
    }
};

QTEST_GUILESS_MAIN(TestSandboxRules)
#include "tst_sandboxrules.moc"
