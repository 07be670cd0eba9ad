#include "format/labels.h"
#include "lookup/jsonreader.h"
#include "lookup/resultexport.h"
#include "writeresult.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::failure;

class TestResultExport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void orderCsv_byteExact();
    void orderCsv_noReceivers_oneRow();
    void returnCsv_byteExact();
    void ordinaryReturnCsv_byteExact();
    void csv_withoutResult_fails();
    void orderJson_exact();
    void returnJson_exact();
    void errorJson_keepsWeChatFields();
    void saveCsv_writesFile();
    void saveCsv_failureLeavesNothing();
};

namespace {

const QByteArray twoReceivers = R"({"sub_mchid":"1900000109","transaction_id":"4208450740201411110007820472",
"out_order_no":"P20150806125346","order_id":"3008450740201411110007820472","state":"FINISHED","receivers":[
{"amount":9007199254740993,"description":"=SUM(A1), \"quoted\"\n分账","type":"MERCHANT_ID","account":"1900000110",
 "result":"SUCCESS","create_time":"2015-05-20T13:29:35.120+08:00","finish_time":"2015-05-20T13:29:35:120+08:00",
 "detail_id":"36011111111111111111111"},
{"amount":7,"description":"-分给个人","type":"PERSONAL_OPENID","account":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
 "result":"CLOSED","fail_reason":"NO_RELATION","create_time":"2015-05-20T05:29:35Z","finish_time":"bogus",
 "detail_id":"36011111111111111111112"}]})"_ba;

const QByteArray docsReturn = R"({"sub_mchid":"1900000109","order_id":"3008450740201411110007820472",
"out_order_no":"P20150806125346","out_return_no":"R20190516001","return_no":"3008450740201411110007820473",
"return_mchid":"86693852","amount":10,"result":"FAIL","fail_reason":"TIME_OUT_CLOSED",
"finish_time":"2015-05-20T13:29:35.120+08:00"})"_ba;

// An ordinary (普通分账) return, as /v3/profitsharing/return-orders/{out_return_no} answers it: return_id,
// description, create_time; this one failed on the receiver's balance.
const QByteArray ordinaryReturn = R"({"sub_mchid":"1900000109","order_id":"3008450740201411110007820472",
"out_order_no":"P20150806125346","out_return_no":"R20190516002","return_id":"3008450740201411110007820474",
"return_mchid":"86693852","amount":2,"description":"用户退款, =回退","result":"FAILED",
"fail_reason":"BALANCE_NOT_ENOUGH","create_time":"2015-05-20T13:29:35.120+08:00",
"finish_time":"2015-05-20T13:29:35.120+08:00"})"_ba;

LookupResult baseResult()
{
    LookupResult result;
    result.kind = LookupResult::Kind::Ok;
    result.response.outcome = ApiResponse::Outcome::Success;
    result.response.httpStatus = 200;
    result.response.verified = true;
    result.response.requestId = "08F78BB5AF0610D302D8B2A1A10B10A9A101"_ba;
    result.lookedUpAt = QDateTime(QDate(2026, 11, 24), QTime(12, 18, 30), QTimeZone("Asia/Shanghai"));
    return result;
}

LookupResult orderResult(const QByteArray &body)
{
    LookupResult result = baseResult();
    result.query = OrderQuery{u"1900000109"_s, u"4208450740201411110007820472"_s, u"P20150806125346"_s};
    auto order = OrderResult::fromJson(body, Product::ServiceProvider);
    if (order)
        result.answer = *order;
    return result;
}

LookupResult returnResult()
{
    LookupResult result = baseResult();
    result.query =
        ReturnQuery{u"1900000109"_s, u"R20190516001"_s, QString(), u"P20150806125346"_s, Product::Brand};
    auto ret = ReturnResult::fromJson(docsReturn, Product::Brand);
    if (ret)
        result.answer = *ret;
    return result;
}

LookupResult ordinaryReturnResult(Product product)
{
    LookupResult result = baseResult();
    result.query = ReturnQuery{Products::hasSubMchid(product) ? u"1900000109"_s : QString(),
                               u"R20190516002"_s, QString(), u"P20150806125346"_s, product};
    QByteArray body = ordinaryReturn;
    if (!Products::hasSubMchid(product))
        body.replace(R"("sub_mchid":"1900000109",)", "");
    auto ret = ReturnResult::fromJson(body, product);
    if (ret)
        result.answer = *ret;
    return result;
}

QByteArray csvOf(const LookupResult &result)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (const WriteResult written = ResultExport::writeCsv(result, &buffer); !written)
        return "failed: "_ba + written.error().toUtf8();
    return buffer.data();
}

const QByteArray orderHeader =
    "sub_mchid,transaction_id,out_order_no,order_id,state,state_label,receiver_account,receiver_type,"
    "receiver_type_label,amount_yuan,amount_fen,description,result,result_label,fail_reason,fail_reason_"
    "label,fail_reason_advice,"
    "create_time,finish_time,detail_id,request_id,verified,looked_up_at\r\n"_ba;

} // namespace

void TestResultExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(OrderResult::fromJson(twoReceivers, Product::ServiceProvider));
    QVERIFY(ReturnResult::fromJson(docsReturn, Product::Brand));
}

void TestResultExport::orderCsv_byteExact()
{
    const QByteArray expected =
        "\xEF\xBB\xBF"_ba + orderHeader +
        "1900000109,4208450740201411110007820472,P20150806125346,3008450740201411110007820472,FINISHED,"
        "Finished,"
        "1900000110,MERCHANT_ID,Merchant ID,90071992547409.93,9007199254740993,"
        "\"'=SUM(A1), \"\"quoted\"\"\n\xE5\x88\x86\xE8\xB4\xA6\",SUCCESS,Succeeded,,,,"
        "2015-05-20T13:29:35.120+08:00,2015-05-20T13:29:35.120+08:00,36011111111111111111111,"
        "08F78BB5AF0610D302D8B2A1A10B10A9A101,true,2026-11-24T12:18:30+08:00\r\n"
        "1900000109,4208450740201411110007820472,P20150806125346,3008450740201411110007820472,FINISHED,"
        "Finished,"
        "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,PERSONAL_OPENID,Personal OpenID (service provider's app),0.07,7,"
        "'-\xE5\x88\x86\xE7\xBB\x99\xE4\xB8\xAA\xE4\xBA\xBA,CLOSED,Closed,NO_RELATION,Receiver relation "
        "removed,\"There is no profit-sharing relation with this receiver. Add the receiver first "
        "(\xE6\xB7\xBB\xE5\x8A\xA0\xE5\x88\x86\xE8\xB4\xA6\xE6\x8E\xA5\xE6\x94\xB6\xE6\x96\xB9), then send a new "
        "profit-sharing request.\","
        // Times in the computer's zone (TZ=Asia/Shanghai here), offset written: 05:29:35Z is 13:29:35+08:00.
        "2015-05-20T13:29:35+08:00,bogus,36011111111111111111112,"
        "08F78BB5AF0610D302D8B2A1A10B10A9A101,true,2026-11-24T12:18:30+08:00\r\n"_ba;
    QCOMPARE(csvOf(orderResult(twoReceivers)), expected);
}

void TestResultExport::orderCsv_noReceivers_oneRow()
{
    LookupResult result = orderResult(twoReceivers);
    result.order()->receivers.clear();
    result.order()->state = u"PROCESSING"_s;
    result.response.verified = false;
    const QByteArray expected =
        "\xEF\xBB\xBF"_ba + orderHeader +
        "1900000109,4208450740201411110007820472,P20150806125346,3008450740201411110007820472,PROCESSING,"
        "Processing,,,,,,,,,,,,,,,08F78BB5AF0610D302D8B2A1A10B10A9A101,false,2026-11-24T12:18:30+08:00\r\n"_ba;
    QCOMPARE(csvOf(result), expected);
    QCOMPARE(ResultExport::orderCsvHeader().size(), 23);
}

void TestResultExport::returnCsv_byteExact()
{
    const QByteArray expected =
        "\xEF\xBB\xBF"
        "sub_mchid,out_return_no,order_id,out_order_no,return_no,return_mchid,result,result_label,amount_"
        "yuan,"
        "amount_fen,fail_reason,fail_reason_label,fail_reason_advice,finish_time,request_id,verified,looked_up_at\r\n"
        "1900000109,R20190516001,3008450740201411110007820472,P20150806125346,3008450740201411110007820473,"
        "86693852,"
        "FAIL,Failed,0.10,10,TIME_OUT_CLOSED,Closed after timing out,\"The return stayed processing for 5 days "
        "and was closed as failed. Check the receiver's balance, then send a new return.\","
        "2015-05-20T13:29:35.120+08:00,"
        "08F78BB5AF0610D302D8B2A1A10B10A9A101,true,2026-11-24T12:18:30+08:00\r\n"_ba;
    QCOMPARE(csvOf(returnResult()), expected);
    QCOMPARE(ResultExport::returnCsvHeader(Product::Brand).size(), 17);
}

// The ordinary return's own names: return_id (not the brand's return_no), its description and
// create_time; a direct merchant's the same, with sub_mchid empty.
void TestResultExport::ordinaryReturnCsv_byteExact()
{
    const QByteArray header =
        "\xEF\xBB\xBF"
        "sub_mchid,out_return_no,order_id,out_order_no,return_id,return_mchid,result,result_label,amount_yuan,"
        "amount_fen,description,fail_reason,fail_reason_label,fail_reason_advice,create_time,finish_time,"
        "request_id,verified,looked_up_at\r\n"_ba;
    const QByteArray cells =
        "R20190516002,3008450740201411110007820472,P20150806125346,3008450740201411110007820474,86693852,FAILED,"
        "Failed,0.02,2,\"用户退款, =回退\",BALANCE_NOT_ENOUGH,Receiver's balance not enough,\"" +
        Labels::returnFailAdvice(u"BALANCE_NOT_ENOUGH"_s).toUtf8() +
        "\",2015-05-20T13:29:35.120+08:00,2015-05-20T13:29:35.120+08:00,"
        "08F78BB5AF0610D302D8B2A1A10B10A9A101,true,2026-11-24T12:18:30+08:00\r\n"_ba;
    QVERIFY(ordinaryReturnResult(Product::ServiceProvider).returnOrder());
    QCOMPARE(csvOf(ordinaryReturnResult(Product::ServiceProvider)), header + "1900000109," + cells);
    QVERIFY(ordinaryReturnResult(Product::Direct).returnOrder());
    QCOMPARE(csvOf(ordinaryReturnResult(Product::Direct)), header + "," + cells);
    QCOMPARE(ResultExport::returnCsvHeader(Product::ServiceProvider).size(), 19);
    QCOMPARE(ResultExport::returnCsvHeader(Product::Direct), ResultExport::returnCsvHeader(Product::ServiceProvider));
    QCOMPARE(ResultExport::csvNumericColumns(LookupKind::Return, Product::ServiceProvider), (QList<int>{8, 9}));
}

void TestResultExport::csv_withoutResult_fails()
{
    LookupResult result = baseResult();
    result.kind = LookupResult::Kind::ApiError;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(!failure(ResultExport::writeCsv(result, &buffer)).isEmpty());
    QVERIFY(buffer.data().isEmpty());
    // An order result never exports as a return, and the other way round.
    LookupResult mismatched = orderResult(twoReceivers);
    mismatched.query = Query::blank(LookupKind::Return, Product::ServiceProvider);
    QVERIFY(!ResultExport::writeCsv(mismatched, &buffer));
}

void TestResultExport::orderJson_exact()
{
    const QByteArray json = ResultExport::toJson(orderResult(twoReceivers));
    const QByteArray expected = R"({
  "sub_mchid": "1900000109",
  "transaction_id": "4208450740201411110007820472",
  "out_order_no": "P20150806125346",
  "order_id": "3008450740201411110007820472",
  "state": "FINISHED",
  "receivers": [
    {
      "amount": 9007199254740993,
      "description": "=SUM(A1), \"quoted\"\n分账",
      "type": "MERCHANT_ID",
      "account": "1900000110",
      "result": "SUCCESS",
      "create_time": "2015-05-20T13:29:35.120+08:00",
      "finish_time": "2015-05-20T13:29:35:120+08:00",
      "detail_id": "36011111111111111111111"
    },
    {
      "amount": 7,
      "description": "-分给个人",
      "type": "PERSONAL_OPENID",
      "account": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
      "result": "CLOSED",
      "fail_reason": "NO_RELATION",
      "create_time": "2015-05-20T05:29:35Z",
      "finish_time": "bogus",
      "detail_id": "36011111111111111111112"
    }
  ],
  "verified": true,
  "request_id": "08F78BB5AF0610D302D8B2A1A10B10A9A101"
}
)"_ba;
    QCOMPARE(json, expected);

    // What we write, we read back exactly.
    const auto parsed = JsonValue::parse(json);
    QVERIFY(parsed);
    QCOMPARE(parsed->member(u"receivers")->array().at(0).member(u"amount")->numberText(),
             "9007199254740993"_ba);
    const auto reparsed = OrderResult::fromJson(json, Product::ServiceProvider);
    QVERIFY(reparsed);
    QCOMPARE(reparsed->receivers.at(0).amount, qint64(9007199254740993));
    QCOMPARE(reparsed->receivers.at(0).description, u"=SUM(A1), \"quoted\"\n分账"_s);
}

void TestResultExport::returnJson_exact()
{
    LookupResult result = returnResult();
    result.response.verified = false;
    const QByteArray expected = R"({
  "sub_mchid": "1900000109",
  "order_id": "3008450740201411110007820472",
  "out_order_no": "P20150806125346",
  "out_return_no": "R20190516001",
  "return_no": "3008450740201411110007820473",
  "return_mchid": "86693852",
  "amount": 10,
  "result": "FAIL",
  "fail_reason": "TIME_OUT_CLOSED",
  "finish_time": "2015-05-20T13:29:35.120+08:00",
  "verified": false,
  "request_id": "08F78BB5AF0610D302D8B2A1A10B10A9A101"
}
)"_ba;
    QCOMPARE(ResultExport::toJson(result), expected);
}

void TestResultExport::errorJson_keepsWeChatFields()
{
    LookupResult result = baseResult();
    result.kind = LookupResult::Kind::ApiError;
    result.response.outcome = ApiResponse::Outcome::ApiError;
    result.response.httpStatus = 404;
    result.response.verified = false;
    result.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    result.response.errorMessage = u"记录不存在"_s;
    result.response.errorDetail = R"({"field":"out_order_no"})"_ba;
    const QByteArray expected = R"({
  "kind": "api_error",
  "http_status": 404,
  "code": "RESOURCE_NOT_EXISTS",
  "message": "记录不存在",
  "detail": {"field":"out_order_no"},
  "verified": false,
  "request_id": "08F78BB5AF0610D302D8B2A1A10B10A9A101"
}
)"_ba;
    const QByteArray json = ResultExport::toJson(result);
    QCOMPARE(json, expected);
    QVERIFY(JsonValue::parse(json));

    // A detail that is not JSON is carried as a string, so the output stays valid JSON.
    result.response.errorDetail = "not {json"_ba;
    const auto parsed = JsonValue::parse(ResultExport::toJson(result));
    QVERIFY(parsed);
    QCOMPARE(parsed->member(u"detail")->toString(), u"not {json"_s);
}

void TestResultExport::saveCsv_writesFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"result.csv"_s);
    QCOMPARE(failure(ResultExport::saveCsv(returnResult(), path)), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), csvOf(returnResult()));
}

void TestResultExport::saveCsv_failureLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(
        !failure(ResultExport::saveCsv(returnResult(), dir.filePath(u"missing/dir/result.csv"_s))).isEmpty());

    // No result: nothing is written, not even an empty file.
    const QString path = dir.filePath(u"empty.csv"_s);
    LookupResult nothing = baseResult();
    nothing.kind = LookupResult::Kind::NetworkError;
    error.clear();
    QVERIFY(!failure(ResultExport::saveCsv(nothing, path)).isEmpty());
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(TestResultExport)
#include "tst_resultexport.moc"
