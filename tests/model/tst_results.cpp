#include "lookup/results.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestResults final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void order_docsExample();
    void order_amountBeyondDoublePrecision();
    void order_processingIsValidNotFinal();
    void order_unknownEnumsKept();
    void order_docsTypoTime();
    void order_unparseableTimeKeptRaw();
    void order_extraFieldsIgnored();
    void order_optionalFieldsMayBeMissing();
    void order_errors_data();
    void order_errors();
    void order_totalsByResult();
    void return_docsExample();
    void return_processingWithoutFinishTime();
    void return_failedSpellings();
    void return_errors_data();
    void return_errors();
    void products_answersOfEachProduct();
    void amounts_parsed();
};

namespace {

const QByteArray docsOrder = R"({
  "sub_mchid" : "1900000109",
  "transaction_id" : "4208450740201411110007820472",
  "out_order_no" : "P20150806125346",
  "order_id" : "3008450740201411110007820472",
  "state" : "FINISHED",
  "receivers" : [
    {
      "amount" : 100,
      "description" : "分给商户1900000110",
      "type" : "MERCHANT_ID",
      "account" : "1900000109",
      "result" : "SUCCESS",
      "fail_reason" : "ACCOUNT_ABNORMAL",
      "create_time" : "2015-05-20T13:29:35.120+08:00",
      "finish_time" : "2015-05-20T13:29:35.120+08:00",
      "detail_id" : "36011111111111111111111"
    }
  ]
})"_ba;

const QByteArray docsReturn = R"({
  "sub_mchid" : "1900000109",
  "order_id" : "3008450740201411110007820472",
  "out_order_no" : "P20150806125346",
  "out_return_no" : "R20190516001",
  "return_no" : "3008450740201411110007820472",
  "return_mchid" : "86693852",
  "amount" : 10,
  "result" : "SUCCESS",
  "fail_reason" : "TIME_OUT_CLOSED",
  "finish_time" : "2015-05-20T13:29:35.120+08:00"
})"_ba;

QByteArray receiver(const QByteArray &amount, const QByteArray &result, const QByteArray &extra = {})
{
    return R"({"amount":)"_ba + amount +
           R"(,"description":"d","type":"MERCHANT_ID","account":"1","result":")"_ba + result +
           R"(","create_time":"2015-05-20T13:29:35+08:00","finish_time":"2015-05-20T13:29:35+08:00","detail_id":"9")"_ba +
           extra + '}';
}

QByteArray order(const QByteArray &receivers, const QByteArray &state = "FINISHED"_ba)
{
    return R"({"sub_mchid":"1900000109","transaction_id":"42","out_order_no":"P1","order_id":"30","state":")"_ba +
           state + R"(","receivers":[)"_ba + receivers + "]}"_ba;
}

} // namespace

void TestResults::order_docsExample()
{
    const auto result = OrderResult::fromJson(docsOrder, Product::ServiceProvider);
    QVERIFY2(result, qPrintable(result ? QString() : result.error()));
    QCOMPARE(result->subMchid, u"1900000109"_s);
    QCOMPARE(result->transactionId, u"4208450740201411110007820472"_s);
    QCOMPARE(result->outOrderNo, u"P20150806125346"_s);
    QCOMPARE(result->orderId, u"3008450740201411110007820472"_s);
    QCOMPARE(result->state, u"FINISHED"_s);
    QVERIFY(result->isFinal());
    QCOMPARE(result->receivers.size(), 1);
    const ReceiverDetail &r = result->receivers.first();
    QCOMPARE(r.amount, qint64(100));
    QCOMPARE(r.description, u"分给商户1900000110"_s);
    QCOMPARE(r.type, u"MERCHANT_ID"_s);
    QCOMPARE(r.account, u"1900000109"_s);
    QCOMPARE(r.result, u"SUCCESS"_s);
    QCOMPARE(r.failReason, u"ACCOUNT_ABNORMAL"_s);
    QVERIFY(r.createTime.isValid());
    QCOMPARE(r.createTime.offsetSeconds(), 8 * 3600);
    QCOMPARE(r.createTime.value().toMSecsSinceEpoch(), qint64(1432099775120));
    QCOMPARE(r.finishTime.raw(), u"2015-05-20T13:29:35.120+08:00"_s);
    QCOMPARE(r.detailId, u"36011111111111111111111"_s);
}

void TestResults::order_amountBeyondDoublePrecision()
{
    // 2^53 + 1: a double would make it 9007199254740992.
    const auto result = OrderResult::fromJson(order(receiver("9007199254740993", "SUCCESS")), Product::ServiceProvider);
    QVERIFY(result);
    QCOMPARE(result->receivers.first().amount, qint64(9007199254740993));
    const auto max = OrderResult::fromJson(order(receiver("9223372036854775807", "SUCCESS")), Product::ServiceProvider);
    QVERIFY(max);
    QCOMPARE(max->receivers.first().amount, std::numeric_limits<qint64>::max());
}

void TestResults::order_processingIsValidNotFinal()
{
    const auto result = OrderResult::fromJson(order(receiver("1", "PENDING"), "PROCESSING"), Product::ServiceProvider);
    QVERIFY(result);
    QCOMPARE(result->state, u"PROCESSING"_s);
    QVERIFY(!result->isFinal());
    QCOMPARE(result->receivers.first().result, u"PENDING"_s);
}

void TestResults::order_unknownEnumsKept()
{
    QByteArray body = order(receiver("1", "NEW_RESULT", R"(,"fail_reason":"NEW_REASON")"), "NEW_STATE");
    body.replace("MERCHANT_ID", "NEW_TYPE");
    const auto result = OrderResult::fromJson(body, Product::ServiceProvider);
    QVERIFY(result);
    QCOMPARE(result->state, u"NEW_STATE"_s);
    QVERIFY(result->isFinal());
    QCOMPARE(result->receivers.first().type, u"NEW_TYPE"_s);
    QCOMPARE(result->receivers.first().result, u"NEW_RESULT"_s);
    QCOMPARE(result->receivers.first().failReason, u"NEW_REASON"_s);
}

void TestResults::order_docsTypoTime()
{
    QByteArray body = order(receiver("1", "SUCCESS"));
    body.replace(R"("finish_time":"2015-05-20T13:29:35+08:00")",
                 R"("finish_time":"2015-05-20T13:29:35:120+08:00")");
    const auto result = OrderResult::fromJson(body, Product::ServiceProvider);
    QVERIFY(result);
    const WxTime &finish = result->receivers.first().finishTime;
    QVERIFY(finish.isValid());
    QCOMPARE(finish.raw(), u"2015-05-20T13:29:35:120+08:00"_s);
    QCOMPARE(finish.value().toMSecsSinceEpoch(), qint64(1432099775120));
    QCOMPARE(finish.offsetSeconds(), 8 * 3600);
}

void TestResults::order_unparseableTimeKeptRaw()
{
    QByteArray body = order(receiver("1", "SUCCESS"));
    body.replace(R"("create_time":"2015-05-20T13:29:35+08:00")", R"("create_time":"soon")");
    const auto result = OrderResult::fromJson(body, Product::ServiceProvider);
    QVERIFY(result);
    QVERIFY(!result->receivers.first().createTime.isValid());
    QCOMPARE(result->receivers.first().createTime.raw(), u"soon"_s);
}

void TestResults::order_extraFieldsIgnored()
{
    QByteArray body = order(receiver("1", "SUCCESS", R"(,"future":{"a":[1,2]})"));
    body.insert(1, R"("new_top_level":123.5,)");
    QVERIFY(OrderResult::fromJson(body, Product::ServiceProvider));
}

void TestResults::order_optionalFieldsMayBeMissing()
{
    const QByteArray body = order(
        R"({"amount":5,"type":"PERSONAL_OPENID","account":"o1","result":"PENDING","fail_reason":null})");
    const auto result = OrderResult::fromJson(body, Product::ServiceProvider);
    QVERIFY2(result, qPrintable(result ? QString() : result.error()));
    const ReceiverDetail &r = result->receivers.first();
    QCOMPARE(r.description, QString());
    QVERIFY(r.createTime.isNull());
    QVERIFY(r.finishTime.isNull());
    QCOMPARE(r.failReason, QString());
    QVERIFY(OrderResult::fromJson(order({}), Product::ServiceProvider)->receivers.isEmpty());
}

void TestResults::order_errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");

    const QByteArray good = order(receiver("1", "SUCCESS"));
    const auto without = [&good](const QByteArray &field, const QByteArray &value) {
        QByteArray body = good;
        body.replace(QByteArray(R"(")" + field + R"(":)" + value + ','), QByteArray());
        return body;
    };
    QTest::newRow("not json") << "<html>"_ba << u"byte 0"_s;
    QTest::newRow("array root") << "[]"_ba << u"object"_s;
    QTest::newRow("no sub_mchid") << without("sub_mchid", R"("1900000109")") << u"sub_mchid"_s;
    QTest::newRow("no transaction_id") << without("transaction_id", R"("42")") << u"transaction_id"_s;
    QTest::newRow("no out_order_no") << without("out_order_no", R"("P1")") << u"out_order_no"_s;
    QTest::newRow("no order_id") << without("order_id", R"("30")") << u"order_id"_s;
    QTest::newRow("receivers not list") << order({}).replace("[]", "{}") << u"receivers"_s;
    QTest::newRow("receiver not object") << order("1") << u"receivers[0]"_s;
    QTest::newRow("no state") << without("state", R"("FINISHED")") << u"state"_s;
    QTest::newRow("state null") << order({}).replace(R"("FINISHED")", "null") << u"state"_s;
    QTest::newRow("sub_mchid number") << order({}).replace(R"("1900000109")", "1900000109") << u"sub_mchid"_s;
    QTest::newRow("amount string") << order(receiver(R"("100")", "SUCCESS")) << u"receivers[0].amount"_s;
    QTest::newRow("amount fraction") << order(receiver("1.5", "SUCCESS")) << u"receivers[0].amount"_s;
    QTest::newRow("amount integral fraction") << order(receiver("100.0", "SUCCESS")) << u"100.0"_s;
    QTest::newRow("amount exponent") << order(receiver("1e2", "SUCCESS")) << u"1e2"_s;
    QTest::newRow("amount negative") << order(receiver("-1", "SUCCESS")) << u"negative"_s;
    QTest::newRow("amount overflow") << order(receiver("9223372036854775808", "SUCCESS")) << u"range"_s;
    QTest::newRow("amount null") << order(receiver("null", "SUCCESS")) << u"receivers[0].amount"_s;
    QTest::newRow("second receiver bad")
        << order(receiver("1", "SUCCESS") + ',' + receiver("true", "SUCCESS")) << u"receivers[1].amount"_s;
    QTest::newRow("no type") << order(receiver("1", "SUCCESS").replace(R"("type":"MERCHANT_ID",)", ""))
                             << u"receivers[0].type"_s;
    QTest::newRow("no account") << order(receiver("1", "SUCCESS").replace(R"("account":"1",)", ""))
                                << u"receivers[0].account"_s;
    QTest::newRow("no result") << order(R"({"amount":1,"type":"MERCHANT_ID","account":"1"})")
                               << u"receivers[0].result"_s;
    QTest::newRow("time not string")
        << order(receiver("1", "SUCCESS").replace(R"("2015-05-20T13:29:35+08:00","finish)", R"(5,"finish)"))
        << u"receivers[0].create_time"_s;
}

void TestResults::order_errors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const auto result = OrderResult::fromJson(body, Product::ServiceProvider);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(mentions), qPrintable(result.error()));
}

void TestResults::order_totalsByResult()
{
    const QByteArray body = order(receiver("100", "SUCCESS") + ',' + receiver("7", "CLOSED") + ',' +
                                  receiver("250", "SUCCESS") + ',' + receiver("1", "PENDING"));
    const auto result = OrderResult::fromJson(body, Product::ServiceProvider);
    QVERIFY(result);
    const QList<OrderResult::Total> totals = result->totalsByResult();
    QCOMPARE(totals.size(), 3);
    QCOMPARE(totals.at(0).result, u"SUCCESS"_s);
    QCOMPARE(totals.at(0).count, 2);
    QCOMPARE(totals.at(0).amount, qint64(350));
    QCOMPARE(totals.at(1).result, u"CLOSED"_s);
    QCOMPARE(totals.at(1).count, 1);
    QCOMPARE(totals.at(1).amount, qint64(7));
    QCOMPARE(totals.at(2).result, u"PENDING"_s);
    QCOMPARE(totals.at(2).amount, qint64(1));

    OrderResult huge;
    huge.receivers = {ReceiverDetail{}, ReceiverDetail{}};
    huge.receivers[0].amount = std::numeric_limits<qint64>::max();
    huge.receivers[1].amount = 1;
    QCOMPARE(huge.totalsByResult().first().amount, std::numeric_limits<qint64>::max());
    QVERIFY(OrderResult().totalsByResult().isEmpty());
}

void TestResults::return_docsExample()
{
    const auto result = ReturnResult::fromJson(docsReturn, Product::Brand);
    QVERIFY2(result, qPrintable(result ? QString() : result.error()));
    QCOMPARE(result->subMchid, u"1900000109"_s);
    QCOMPARE(result->orderId, u"3008450740201411110007820472"_s);
    QCOMPARE(result->outOrderNo, u"P20150806125346"_s);
    QCOMPARE(result->outReturnNo, u"R20190516001"_s);
    QCOMPARE(result->returnNo, u"3008450740201411110007820472"_s);
    QCOMPARE(result->returnMchid, u"86693852"_s);
    QCOMPARE(result->amount, qint64(10));
    QCOMPARE(result->result, u"SUCCESS"_s);
    QCOMPARE(result->failReason, u"TIME_OUT_CLOSED"_s);
    QVERIFY(result->finishTime.isValid());
    QCOMPARE(result->finishTime.offsetSeconds(), 8 * 3600);
    QVERIFY(result->isFinal());
}

void TestResults::return_processingWithoutFinishTime()
{
    const QByteArray body = R"({"sub_mchid":"1900000109","order_id":"3008","out_order_no":"P1",
        "out_return_no":"R1","return_no":"3009","return_mchid":"86693852","amount":10,"result":"PROCESSING"})"_ba;
    const auto result = ReturnResult::fromJson(body, Product::Brand);
    QVERIFY2(result, qPrintable(result ? QString() : result.error()));
    QCOMPARE(result->result, u"PROCESSING"_s);
    QVERIFY(!result->isFinal());
    QVERIFY(result->finishTime.isNull());
    QCOMPARE(result->failReason, QString());
}

void TestResults::return_failedSpellings()
{
    for (const char *spelling : {"FAIL", "FAILED"}) {
        QByteArray body = docsReturn;
        body.replace(R"("SUCCESS")", QByteArray('"' + QByteArray(spelling) + '"'));
        const auto result = ReturnResult::fromJson(body, Product::Brand);
        QVERIFY(result);
        QCOMPARE(result->result, QString::fromLatin1(spelling));
        QVERIFY(result->isFinal());
    }
}

void TestResults::return_errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    const char *required[] = {"sub_mchid", "order_id",     "out_order_no", "out_return_no",
                              "return_no", "return_mchid", "result"};
    for (const char *field : required) {
        QByteArray body = docsReturn;
        body.replace(QByteArray('"' + QByteArray(field) + "\" :"),
                     QByteArray("\"renamed_" + QByteArray(field) + "\" :"));
        QTest::addRow("no %s", field) << body << QString::fromLatin1(field);
    }
    QTest::newRow("no amount") << QByteArray(docsReturn).replace(R"("amount" : 10,)", "") << u"amount"_s;
    QTest::newRow("amount fraction")
        << QByteArray(docsReturn).replace(R"("amount" : 10,)", R"("amount" : 10.5,)") << u"amount"_s;
    QTest::newRow("amount negative")
        << QByteArray(docsReturn).replace(R"("amount" : 10,)", R"("amount" : -10,)") << u"negative"_s;
    QTest::newRow("amount string")
        << QByteArray(docsReturn).replace(R"("amount" : 10,)", R"("amount" : "10",)") << u"amount"_s;
    QTest::newRow("truncated") << docsReturn.left(40) << u"JSON"_s;
}

void TestResults::return_errors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const auto result = ReturnResult::fromJson(body, Product::Brand);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(mentions), qPrintable(result.error()));
}

void TestResults::products_answersOfEachProduct()
{
    // A direct merchant's order: no sub_mchid, and none is required.
    const QByteArray direct =
        R"({"transaction_id":"42","out_order_no":"P1","order_id":"30","state":"FINISHED","receivers":[]})";
    QVERIFY(OrderResult::fromJson(direct, Product::Direct));
    QVERIFY(!OrderResult::fromJson(direct, Product::ServiceProvider));
    // The receivers list is optional (选填).
    const auto noReceivers = OrderResult::fromJson(
        R"({"sub_mchid":"1","transaction_id":"2","out_order_no":"3","order_id":"4","state":"FINISHED"})",
        Product::ServiceProvider);
    QVERIFY(noReceivers);
    QVERIFY(noReceivers->receivers.isEmpty());
    // The brand order says status, may carry finish_amount / finish_description, and its receivers
    // have no create_time.
    const QByteArray brand = R"({"sub_mchid":"1900000209","transaction_id":"42","out_order_no":"P1","order_id":"30",
        "status":"FINISHED","finish_amount":4100,"finish_description":"分账完结","receivers":[{"amount":1,
        "description":"d","type":"MERCHANT_ID","account":"1900000110","result":"SUCCESS",
        "finish_time":"2025-11-28T10:00:00+08:00","detail_id":"36"}]})";
    const auto brandOrder = OrderResult::fromJson(brand, Product::Brand);
    QVERIFY2(brandOrder, qPrintable(brandOrder ? QString() : brandOrder.error()));
    QCOMPARE(brandOrder->state, u"FINISHED"_s);
    QCOMPARE(brandOrder->finishAmount, std::optional<qint64>(4100));
    QCOMPARE(brandOrder->finishDescription, u"分账完结"_s);
    QVERIFY(!brandOrder->receivers.first().createTime.isValid());
    QVERIFY(!OrderResult::fromJson(brand, Product::ServiceProvider)); // no "state"
    // The ordinary return: return_id, description, create_time, FAILED.
    const QByteArray ordinary = R"({"sub_mchid":"1900000109","order_id":"30","out_order_no":"P1","out_return_no":"R1",
        "return_id":"3008","return_mchid":"86693852","amount":800,"description":"用户退款","result":"FAILED",
        "fail_reason":"BALANCE_NOT_ENOUGH","create_time":"2025-11-27T10:00:00+08:00"})";
    const auto ret = ReturnResult::fromJson(ordinary, Product::ServiceProvider);
    QVERIFY2(ret, qPrintable(ret ? QString() : ret.error()));
    QCOMPARE(ret->returnNo, u"3008"_s);
    QCOMPARE(ret->description, u"用户退款"_s);
    QVERIFY(ret->createTime.isValid());
    QVERIFY(ret->isFinal());
    QCOMPARE(ReturnResult::returnNoField(Product::ServiceProvider), u"return_id"_s);
    QCOMPARE(ReturnResult::returnNoField(Product::Brand), u"return_no"_s);
    const auto asBrand = ReturnResult::fromJson(ordinary, Product::Brand);
    QVERIFY(!asBrand);
    QVERIFY(asBrand.error().contains(u"return_no"_s));
}

void TestResults::amounts_parsed()
{
    const auto docs = AmountsResult::fromJson(R"({"transaction_id":"4208450740201411110007820472","unsplit_amount":1000})");
    QVERIFY(docs);
    QCOMPARE(docs->transactionId, u"4208450740201411110007820472"_s);
    QCOMPARE(docs->unsplitAmount, 1000);
    const auto big = AmountsResult::fromJson(R"({"transaction_id":"1","unsplit_amount":9007199254740993})");
    QVERIFY(big);
    QCOMPARE(big->unsplitAmount, Q_INT64_C(9007199254740993));
    QVERIFY(!AmountsResult::fromJson(R"({"transaction_id":"1"})"));
    QVERIFY(!AmountsResult::fromJson(R"({"transaction_id":"1","unsplit_amount":1.5})"));
    QVERIFY(!AmountsResult::fromJson(R"({"transaction_id":"1","unsplit_amount":-1})"));
    QVERIFY(!AmountsResult::fromJson(R"({"unsplit_amount":1})"));
}

QTEST_GUILESS_MAIN(TestResults)
#include "tst_results.moc"
