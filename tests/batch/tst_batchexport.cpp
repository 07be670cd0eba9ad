// BatchExport: the batch CSV byte for byte for a small case (answered order with two receivers,
// an API error, an invalid row, a duplicate), the return layout, the summary and atomic save.

#include "batch/batchexport.h"
#include "format/labels.h"
#include "writeresult.h"

#include <limits>
#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::failure;

namespace {

const QDateTime lookedUpAt = QDateTime::fromString(u"2025-11-21T09:30:00+08:00"_s, Qt::ISODate);

LookupResult orderAnswer()
{
    LookupResult r;
    r.kind = LookupResult::Kind::Ok;
    r.query = OrderQuery{u"1900000109"_s, u"4208450740202511201234567890"_s, u"P1"_s};
    r.response.outcome = ApiResponse::Outcome::Success;
    r.response.httpStatus = 200;
    r.response.requestId = "08F1B2C3D4E5-1"_ba;
    r.response.verified = true;
    const QByteArray body = R"({"sub_mchid":"1900000109","transaction_id":"4208450740202511201234567890",
"out_order_no":"P1","order_id":"3008450740201411110007820472","state":"FINISHED","receivers":[
{"amount":12800,"description":"平台服务费, 十一月","type":"MERCHANT_ID","account":"1900000110","result":"SUCCESS",
"create_time":"2025-11-20T10:15:30+08:00","finish_time":"2025-11-20T10:16:02+08:00","detail_id":"36011111111111111111111"},
{"amount":250,"description":"=推广佣金","type":"PERSONAL_OPENID","account":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","result":"CLOSED",
"fail_reason":"NO_RELATION","create_time":"2025-11-20T10:15:30+08:00","finish_time":"2025-11-20T10:16:02+08:00",
"detail_id":"36011111111111111111112"}]})"_ba;
    r.response.body = body;
    r.answer = OrderResult::fromJson(body, Product::ServiceProvider).value();
    r.lookedUpAt = lookedUpAt;
    return r;
}

LookupResult orderError()
{
    LookupResult r;
    r.kind = LookupResult::Kind::ApiError;
    r.query = OrderQuery{u"1900000109"_s, u"4208450740202511201234567891"_s, u"P2"_s};
    r.response.outcome = ApiResponse::Outcome::ApiError;
    r.response.httpStatus = 404;
    r.response.requestId = "08F1B2C3D4E5-2"_ba;
    r.response.verified = true;
    r.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    r.response.errorMessage = u"记录不存在"_s;
    r.lookedUpAt = lookedUpAt;
    return r;
}

LookupResult amountsAnswer(const QString &transactionId, const QByteArray &body)
{
    LookupResult r;
    r.kind = LookupResult::Kind::Ok;
    r.query = AmountsQuery{transactionId, Product::ServiceProvider};
    r.response.outcome = ApiResponse::Outcome::Success;
    r.response.httpStatus = 200;
    r.response.requestId = "08F1B2C3D4E5-A"_ba;
    r.response.verified = true;
    r.response.body = body;
    r.answer = AmountsResult::fromJson(body).value();
    r.lookedUpAt = lookedUpAt;
    return r;
}

// Remaining amounts: 9200 fen, an amount past 2^53, nothing left, a 404, an invalid row, a duplicate.
QList<BatchExportRow> amountsRows()
{
    const BatchExportRow frozen{2, amountsAnswer(u"4208450740202511211234567891"_s,
                                                 R"({"transaction_id":"4208450740202511211234567891","unsplit_amount":9200})"_ba),
                                0};
    const BatchExportRow big{3, amountsAnswer(u"4208450740202511211234567892"_s,
                                              R"({"transaction_id":"4208450740202511211234567892","unsplit_amount":9007199254740993})"_ba),
                             0};
    const BatchExportRow none{4, amountsAnswer(u"4208450740202511201234567890"_s,
                                               R"({"transaction_id":"4208450740202511201234567890","unsplit_amount":0})"_ba),
                              0};
    BatchExportRow notFound;
    notFound.rowNumber = 5;
    notFound.result.kind = LookupResult::Kind::ApiError;
    notFound.result.query = AmountsQuery{u"4208450740202512019999999999"_s, Product::ServiceProvider};
    notFound.result.response.outcome = ApiResponse::Outcome::ApiError;
    notFound.result.response.httpStatus = 404;
    notFound.result.response.requestId = "08F1B2C3D4E5-B"_ba;
    notFound.result.response.verified = true;
    notFound.result.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    notFound.result.response.errorMessage = u"记录不存在"_s;
    notFound.result.lookedUpAt = lookedUpAt;
    BatchExportRow invalid;
    invalid.rowNumber = 6;
    invalid.result.kind = LookupResult::Kind::InvalidInput;
    invalid.result.query = AmountsQuery{u"42084507402025x"_s, Product::ServiceProvider};
    invalid.result.fieldErrors = invalid.result.query.amounts()->validate();
    BatchExportRow duplicate;
    duplicate.rowNumber = 7;
    duplicate.duplicateOf = 2;
    duplicate.result.kind = LookupResult::Kind::InvalidInput;
    duplicate.result.query = frozen.result.query;
    return {frozen, big, none, notFound, invalid, duplicate};
}

QList<BatchExportRow> orderRows()
{
    BatchExportRow answered{2, orderAnswer(), 0};
    BatchExportRow error{3, orderError(), 0};
    BatchExportRow invalid;
    invalid.rowNumber = 4;
    invalid.result.kind = LookupResult::Kind::InvalidInput;
    invalid.result.query = OrderQuery{u"19000x0109"_s, u"4208450740202511201234567890"_s, u"P3"_s};
    invalid.result.fieldErrors = invalid.result.query.order()->validate();
    BatchExportRow duplicate;
    duplicate.rowNumber = 5;
    duplicate.duplicateOf = 2;
    duplicate.result.kind = LookupResult::Kind::InvalidInput;
    duplicate.result.query = orderAnswer().query;
    return {answered, error, invalid, duplicate};
}

} // namespace

class TestBatchExport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writeCsv_orders_byteExact();
    void writeCsv_returns_oneLinePerRow();
    void writeCsv_ordinaryReturns_theirOwnColumns();
    void writeCsv_amounts_byteExact();
    void writeCsv_invalidRow_keepsTheRefusedNumber();
    void summarize_amounts_totalsTheMoneyStillFrozen();
    void summarize_totalsByStateAndReceiverResult();
    void summarize_hugeAmounts_saturateInsteadOfWrapping();
    void writeSummaryCsv_byteExact();
    void saveCsv_unwritablePath_failsWithReason();
    void remaining_askedOncePerPayment_columnsAndTotals();
};

void TestBatchExport::writeCsv_orders_byteExact()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Order, orderRows(), &buffer));
    const QByteArray expected =
        "\xEF\xBB\xBF"
        "row,sub_mchid,transaction_id,out_order_no,order_id,state,state_label,receiver_account,receiver_type,"
        "receiver_type_label,amount_yuan,amount_fen,description,result,result_label,fail_reason,fail_reason_"
        "label,fail_reason_advice,"
        "create_time,finish_time,detail_id,request_id,verified,looked_up_at,error_kind,http_status,error_"
        "code,"
        "error_message,error_advice\r\n"
        "2,1900000109,4208450740202511201234567890,P1,3008450740201411110007820472,FINISHED,Finished,"
        "1900000110,"
        "MERCHANT_ID,Merchant ID,128.00,12800,\"平台服务费, "
        "十一月\",SUCCESS,Succeeded,,,,2025-11-20T10:15:30+08:00,"
        "2025-11-20T10:16:02+08:00,36011111111111111111111,08F1B2C3D4E5-1,true,2025-11-21T09:30:00+08:00,ok,"
        "200,,,"
        "\r\n"
        "2,1900000109,4208450740202511201234567890,P1,3008450740201411110007820472,FINISHED,Finished,"
        "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,PERSONAL_OPENID,Personal OpenID (service provider's "
        "app),2.50,250,'=推广佣金,CLOSED,Closed,"
        "NO_RELATION,Receiver relation removed,\"There is no profit-sharing relation with this receiver. Add the "
        "receiver first (添加分账接收方), then send a new profit-sharing request.\",2025-11-20T10:15:30+08:00,"
        "2025-11-20T10:16:02+08:00,"
        "36011111111111111111112,08F1B2C3D4E5-1,true,2025-11-21T09:30:00+08:00,ok,200,,,\r\n"
        "3,1900000109,4208450740202511201234567891,P2,,,,,,,,,,,,,,,,,,08F1B2C3D4E5-2,true,"
        "2025-11-21T09:30:00+08:00,api_error,404,RESOURCE_NOT_EXISTS,记录不存在,"
        "No such record. Check the numbers you entered and the sub_mchid.\r\n"
        "4,19000x0109,4208450740202511201234567890,P3,,,,,,,,,,,,,,,,,,,,,invalid_input,,,sub_mchid: Digits "
        "only.,\r\n"
        "5,1900000109,4208450740202511201234567890,P1,,,,,,,,,,,,,,,,,,,,,duplicate,,,Same as row 2: not sent "
        "twice.,\r\n"_ba;
    if (buffer.data() != expected) {
        qInfo().noquote() << QString::fromUtf8(buffer.data());
    }
    QCOMPARE(buffer.data(), expected);
}

void TestBatchExport::writeCsv_returns_oneLinePerRow()
{
    LookupResult r;
    r.kind = LookupResult::Kind::Ok;
    r.query = Query::blank(LookupKind::Return, Product::ServiceProvider);
    r.query.returnOrder()->product = Product::Brand;
    r.response.requestId = "RID"_ba;
    r.response.verified = true;
    r.answer = ReturnResult::fromJson(
                   R"({"sub_mchid":"1900000109","order_id":"3008450740201411110007820472","out_order_no":"P1",
"out_return_no":"R1","return_no":"3008450740201411110007820473","return_mchid":"86693852","amount":10,
"result":"SUCCESS","finish_time":"2025-11-20T10:16:02+08:00"})"_ba,
                   Product::Brand)
                   .value();
    r.lookedUpAt = lookedUpAt;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Return, {{7, r, 0}}, &buffer));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), 3); // header, one row, and the empty rest after the last CRLF
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFrow,sub_mchid,out_return_no,order_id,out_order_no,"_ba));
    QVERIFY(lines.at(1).startsWith("7,1900000109,R1,3008450740201411110007820472,P1,"_ba));
    QVERIFY(lines.at(1).contains(",0.10,10,"_ba));
    QVERIFY(lines.at(1).endsWith(",ok,,,,\r"_ba));
    // A brand return keeps the columns it always had.
    QCOMPARE(lines.at(0), "\xEF\xBB\xBFrow,sub_mchid,out_return_no,order_id,out_order_no,return_no,return_mchid,result,"
                          "result_label,amount_yuan,amount_fen,fail_reason,fail_reason_label,fail_reason_advice,"
                          "finish_time,request_id,verified,looked_up_at,error_kind,http_status,error_code,"
                          "error_message,error_advice\r"_ba);
}

// An ordinary (普通分账) batch of returns: return_id, description and create_time columns, the row
// never sent with its question's numbers in them.
void TestBatchExport::writeCsv_ordinaryReturns_theirOwnColumns()
{
    LookupResult answered;
    answered.kind = LookupResult::Kind::Ok;
    answered.query = ReturnQuery{u"1900000109"_s, u"R1"_s, QString(), u"P1"_s, Product::ServiceProvider};
    answered.response.httpStatus = 200;
    answered.response.requestId = "RID"_ba;
    answered.response.verified = true;
    answered.answer =
        ReturnResult::fromJson(
            R"({"sub_mchid":"1900000109","order_id":"3008450740201411110007820472","out_order_no":"P1",
"out_return_no":"R1","return_id":"3008450740201411110007820474","return_mchid":"86693852","amount":2,
"description":"用户退款","result":"FAILED","fail_reason":"BALANCE_NOT_ENOUGH",
"create_time":"2025-11-20T10:15:30+08:00","finish_time":"2025-11-20T10:16:02+08:00"})"_ba,
            Product::ServiceProvider)
            .value();
    answered.lookedUpAt = lookedUpAt;
    BatchExportRow invalid;
    invalid.rowNumber = 3;
    invalid.result.kind = LookupResult::Kind::InvalidInput;
    invalid.result.query =
        ReturnQuery{u"1900000109"_s, u"R 2"_s, QString(), u"P2"_s, Product::ServiceProvider};
    invalid.result.fieldErrors = invalid.result.query.returnOrder()->validate();
    const QList<BatchExportRow> rows = {{2, answered, 0}, invalid};
    QCOMPARE(BatchExport::productOf(rows), Product::ServiceProvider);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Return, rows, &buffer));
    const QByteArray expected =
        "\xEF\xBB\xBFrow,sub_mchid,out_return_no,order_id,out_order_no,return_id,return_mchid,result,result_label,"
        "amount_yuan,amount_fen,description,fail_reason,fail_reason_label,fail_reason_advice,create_time,"
        "finish_time,request_id,verified,looked_up_at,error_kind,http_status,error_code,error_message,"
        "error_advice\r\n"
        "2,1900000109,R1,3008450740201411110007820472,P1,3008450740201411110007820474,86693852,FAILED,Failed,"
        "0.02,2,用户退款,BALANCE_NOT_ENOUGH,Receiver's balance not enough,\"" +
        Labels::returnFailAdvice(u"BALANCE_NOT_ENOUGH"_s).toUtf8() +
        "\",2025-11-20T10:15:30+08:00,2025-11-20T10:16:02+08:00,RID,true,2025-11-21T09:30:00+08:00,ok,200,,,\r\n"
        "3,1900000109,R 2,,P2,,,,,,,,,,,,,,,,invalid_input,,,\"out_return_no: " +
        invalid.result.fieldErrors.constFirst().message.toUtf8() + "\",\r\n"_ba; // the message has a comma
    if (buffer.data() != expected)
        qInfo().noquote() << QString::fromUtf8(buffer.data());
    QCOMPARE(buffer.data(), expected);
}

void TestBatchExport::writeCsv_invalidRow_keepsTheRefusedNumber()
{
    // A number the product refuses is the row's error: its cell shows what was given, not nothing.
    const auto csvOf = [](LookupKind kind, const Query &query) {
        BatchExportRow row;
        row.rowNumber = 2;
        row.result.kind = LookupResult::Kind::InvalidInput;
        row.result.query = query;
        row.result.fieldErrors = query.validate();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const WriteResult written = BatchExport::writeCsv(kind, {row}, &buffer);
        return std::pair(QString::fromUtf8(buffer.data()), row.result.fieldErrors);
    };
    const auto [direct, directErrors] =
        csvOf(LookupKind::Order,
              OrderQuery{u"1900000109"_s, u"4208450740202511251234567895"_s, u"P1"_s, Product::Direct});
    QCOMPARE(directErrors.size(), 1);
    QCOMPARE(directErrors.constFirst().field, u"sub_mchid"_s);
    QVERIFY2(direct.contains(u"\r\n2,1900000109,4208450740202511251234567895,P1,"_s), qPrintable(direct));
    QVERIFY2(direct.contains(u"invalid_input"_s), qPrintable(direct));

    const auto [ordinary, ordinaryErrors] =
        csvOf(LookupKind::Return,
              ReturnQuery{u"1900000109"_s, u"R1"_s, u"3008"_s, u"P1"_s, Product::ServiceProvider});
    QCOMPARE(ordinaryErrors.size(), 1);
    QCOMPARE(ordinaryErrors.constFirst().field, u"order_id"_s);
    QVERIFY2(ordinary.contains(u"\r\n2,1900000109,R1,3008,P1,"_s), qPrintable(ordinary));
}

void TestBatchExport::writeCsv_amounts_byteExact()
{
    QCOMPARE(BatchExport::header(LookupKind::Amounts, Product::ServiceProvider),
             (QStringList{u"row"_s, u"transaction_id"_s, u"unsplit_amount_yuan"_s, u"unsplit_amount_fen"_s,
                          u"request_id"_s, u"verified"_s, u"looked_up_at"_s, u"error_kind"_s, u"http_status"_s,
                          u"error_code"_s, u"error_message"_s, u"error_advice"_s}));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Amounts, amountsRows(), &buffer));
    const QByteArray expected =
        "\xEF\xBB\xBF"
        "row,transaction_id,unsplit_amount_yuan,unsplit_amount_fen,request_id,verified,looked_up_at,error_kind,"
        "http_status,error_code,error_message,error_advice\r\n"
        "2,4208450740202511211234567891,92.00,9200,08F1B2C3D4E5-A,true,2025-11-21T09:30:00+08:00,ok,200,,,\r\n"
        "3,4208450740202511211234567892,90071992547409.93,9007199254740993,08F1B2C3D4E5-A,true,"
        "2025-11-21T09:30:00+08:00,ok,200,,,\r\n"
        "4,4208450740202511201234567890,0.00,0,08F1B2C3D4E5-A,true,2025-11-21T09:30:00+08:00,ok,200,,,\r\n"
        "5,4208450740202512019999999999,,,08F1B2C3D4E5-B,true,2025-11-21T09:30:00+08:00,api_error,404,"
        "RESOURCE_NOT_EXISTS,记录不存在,No such record. Check the numbers you entered and the sub_mchid.\r\n"
        "6,42084507402025x,,,,,,invalid_input,,,transaction_id: Digits only.,\r\n"
        "7,4208450740202511211234567891,,,,,,duplicate,,,Same as row 2: not sent twice.,\r\n"_ba;
    if (buffer.data() != expected)
        qInfo().noquote() << QString::fromUtf8(buffer.data());
    QCOMPARE(buffer.data(), expected);
}

void TestBatchExport::summarize_amounts_totalsTheMoneyStillFrozen()
{
    const BatchSummary summary = BatchExport::summarize(LookupKind::Amounts, amountsRows());
    QCOMPARE(summary.rows, 6);
    QCOMPARE(summary.answered, 3);
    QCOMPARE(summary.failed, 3);
    QCOMPARE(summary.byState.size(), 2);
    QCOMPARE(summary.byState.at(0).value, u"frozen"_s);
    QCOMPARE(summary.byState.at(0).count, 2);
    QCOMPARE(summary.byState.at(0).amount, 9007199254740993LL + 9200);
    QCOMPARE(summary.byState.at(1).value, u"none"_s);
    QCOMPARE(summary.byState.at(1).count, 1);
    QCOMPARE(summary.byState.at(1).amount, 0);
    QVERIFY(summary.byReceiverResult.isEmpty());
    const QString text = summary.toText();
    QVERIFY2(text.contains(u"Transactions by amount still to split:\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"frozen (Money still to split): 2, 90,071,992,547,501.93 yuan"_s), qPrintable(text));
    QVERIFY2(text.contains(u"none (Nothing left to split): 1, 0.00 yuan"_s), qPrintable(text));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeSummaryCsv(summary, &buffer));
    const QByteArray expected = "\xEF\xBB\xBFgroup,value,label,count,amount_yuan,amount_fen\r\n"
                                "unsplit_amount,frozen,Money still to split,2,90071992547501.93,9007199254750193\r\n"
                                "unsplit_amount,none,Nothing left to split,1,0.00,0\r\n"
                                "rows,answered,,3,,\r\n"
                                "rows,without_result,,3,,\r\n"_ba;
    if (buffer.data() != expected)
        qInfo().noquote() << QString::fromUtf8(buffer.data());
    QCOMPARE(buffer.data(), expected);

    // Nothing answered: the frozen total is there all the same, at nought.
    const BatchSummary empty = BatchExport::summarize(LookupKind::Amounts, {});
    QCOMPARE(empty.byState.size(), 2);
    QCOMPARE(empty.byState.at(0).count, 0);
    QCOMPARE(empty.byState.at(0).amount, 0);
}

// Issue 15.10: INT64_MAX fen twice (two receivers of one order, and two orders) used to wrap to a
// negative total; now every sum stops at INT64_MAX.
void TestBatchExport::summarize_hugeAmounts_saturateInsteadOfWrapping()
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    LookupResult huge = orderAnswer();
    huge.order()->receivers[0].amount = max;
    huge.order()->receivers[1].amount = max;
    huge.order()->receivers[1].result = u"SUCCESS"_s;
    const BatchSummary summary =
        BatchExport::summarize(LookupKind::Order, {BatchExportRow{2, huge, 0}, BatchExportRow{3, huge, 0}});
    QCOMPARE(summary.byState.size(), 1);
    QCOMPARE(summary.byState.at(0).count, 2);
    QCOMPARE(summary.byState.at(0).amount, max);
    QCOMPARE(summary.byReceiverResult.size(), 1);
    QCOMPARE(summary.byReceiverResult.at(0).count, 4);
    QCOMPARE(summary.byReceiverResult.at(0).amount, max);
}

void TestBatchExport::summarize_totalsByStateAndReceiverResult()
{
    const BatchSummary summary = BatchExport::summarize(LookupKind::Order, orderRows());
    QCOMPARE(summary.rows, 4);
    QCOMPARE(summary.answered, 1);
    QCOMPARE(summary.failed, 3);
    QCOMPARE(summary.byState.size(), 1);
    QCOMPARE(summary.byState.at(0).value, u"FINISHED"_s);
    QCOMPARE(summary.byState.at(0).count, 1);
    QCOMPARE(summary.byState.at(0).amount, 13050);
    QCOMPARE(summary.byReceiverResult.size(), 2);
    QCOMPARE(summary.byReceiverResult.at(0).value, u"SUCCESS"_s);
    QCOMPARE(summary.byReceiverResult.at(0).amount, 12800);
    QCOMPARE(summary.byReceiverResult.at(1).value, u"CLOSED"_s);
    QCOMPARE(summary.byReceiverResult.at(1).amount, 250);
    const QString text = summary.toText();
    QVERIFY2(text.contains(u"FINISHED (Finished): 1, 130.50 yuan"_s), qPrintable(text));
    QVERIFY2(text.contains(u"CLOSED (Closed): 1, 2.50 yuan"_s), qPrintable(text));
}

void TestBatchExport::writeSummaryCsv_byteExact()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeSummaryCsv(BatchExport::summarize(LookupKind::Order, orderRows()), &buffer));
    const QByteArray expected = "\xEF\xBB\xBFgroup,value,label,count,amount_yuan,amount_fen\r\n"
                                "order_state,FINISHED,Finished,1,130.50,13050\r\n"
                                "receiver_result,SUCCESS,Succeeded,1,128.00,12800\r\n"
                                "receiver_result,CLOSED,Closed,1,2.50,250\r\n"
                                "rows,answered,,1,,\r\n"
                                "rows,without_result,,3,,\r\n"_ba;
    if (buffer.data() != expected)
        qInfo().noquote() << QString::fromUtf8(buffer.data());
    QCOMPARE(buffer.data(), expected);
}

void TestBatchExport::saveCsv_unwritablePath_failsWithReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!failure(BatchExport::saveCsv(LookupKind::Order, orderRows(), dir.filePath(u"missing/out.csv"_s)))
                 .isEmpty());
    const QString path = dir.filePath(u"out.csv"_s);
    QVERIFY(BatchExport::saveCsv(LookupKind::Order, orderRows(), path));
    QVERIFY(QFileInfo(path).size() > 0);
}

// An order batch with remaining amounts: each answered order's payment asked once; every line of
// an order carries its payment's amount, or why it is not known; the frozen money totalled once
// per payment.
void TestBatchExport::remaining_askedOncePerPayment_columnsAndTotals()
{
    QList<BatchExportRow> rows = orderRows();
    BatchExportRow again{6, orderAnswer(), 0}; // another order of the same payment
    again.result.query.order()->outOrderNo = u"P1-again"_s;
    rows.append(again);
    QVERIFY(!BatchExport::withRemaining(rows));

    const QList<BatchRow> asked = BatchExport::remainingRows(rows);
    QCOMPARE(asked.size(), 1); // the error, invalid and duplicate rows have no answered order
    QCOMPARE(asked.at(0).kind(), LookupKind::Amounts);
    QCOMPARE(asked.at(0).rowNumber, 1);
    QCOMPARE(asked.at(0).query.amounts()->transactionId, u"4208450740202511201234567890"_s);
    QCOMPARE(asked.at(0).query.amounts()->product, Product::ServiceProvider);
    QVERIFY(asked.at(0).isValid());

    BatchExport::attachRemaining(
        rows, {amountsAnswer(u"4208450740202511201234567890"_s,
                             R"({"transaction_id":"4208450740202511201234567890","unsplit_amount":9200})"_ba)});
    QVERIFY(BatchExport::withRemaining(rows));
    QVERIFY(rows.at(0).remaining && rows.at(4).remaining);
    QVERIFY(!rows.at(1).remaining && !rows.at(2).remaining && !rows.at(3).remaining);

    const QStringList header = BatchExport::header(LookupKind::Order, Product::ServiceProvider, true);
    const qsizetype at = header.indexOf(u"unsplit_amount_yuan"_s);
    QCOMPARE(header.mid(at - 1, 6), (QStringList{u"looked_up_at"_s, u"unsplit_amount_yuan"_s, u"unsplit_amount_fen"_s,
                                                 u"unsplit_request_id"_s, u"unsplit_error"_s, u"error_kind"_s}));
    // Without the remaining amounts the columns are as they were.
    QVERIFY(!BatchExport::header(LookupKind::Order, Product::ServiceProvider).contains(u"unsplit_amount_yuan"_s));
    QVERIFY(!BatchExport::header(LookupKind::Return, Product::Brand, true).contains(u"unsplit_amount_yuan"_s));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY(BatchExport::writeCsv(LookupKind::Order, rows, &buffer));
    const QByteArray csv = buffer.data();
    QVERIFY(csv.contains(",looked_up_at,unsplit_amount_yuan,unsplit_amount_fen,unsplit_request_id,unsplit_error,"
                         "error_kind,"));
    // Both receivers of row 2 and the receivers of row 6: the amount, its Request-ID, no error.
    QCOMPARE(csv.count(",2025-11-21T09:30:00+08:00,92.00,9200,08F1B2C3D4E5-A,,ok,200,,,\r\n"), 4);
    // The 404 order: no remaining amount asked, the cells empty.
    QVERIFY(csv.contains(",2025-11-21T09:30:00+08:00,,,,,api_error,404,RESOURCE_NOT_EXISTS,"));

    // Asked but never looked up (the batch was cancelled first): the answered orders say so.
    BatchExport::attachRemaining(rows, {});
    QBuffer cancelledBuffer;
    cancelledBuffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Order, rows, &cancelledBuffer));
    QCOMPARE(cancelledBuffer.data().count(",,,,Not looked up: the batch was cancelled before.,ok,200,,,\r\n"), 4);
    QVERIFY(cancelledBuffer.data().contains(",,,,,api_error,404,"));

    // A payment whose remaining amount could not be looked up says why, with its Request-ID.
    LookupResult failed = orderError();
    failed.query = AmountsQuery{u"4208450740202511201234567890"_s, Product::ServiceProvider};
    failed.response.errorCode = u"NO_AUTH"_s;
    failed.response.errorMessage = u"无权限"_s;
    failed.response.httpStatus = 403;
    BatchExport::attachRemaining(rows, {failed});
    QBuffer failedBuffer;
    failedBuffer.open(QIODevice::WriteOnly);
    QVERIFY(BatchExport::writeCsv(LookupKind::Order, rows, &failedBuffer));
    QCOMPARE(failedBuffer.data().count(",,,08F1B2C3D4E5-2,NO_AUTH: 无权限,ok,200,,,\r\n"), 4);

    // The summary counts the payment once: 92.00 yuan still frozen, not 184.00.
    BatchExport::attachRemaining(
        rows, {amountsAnswer(u"4208450740202511201234567890"_s,
                             R"({"transaction_id":"4208450740202511201234567890","unsplit_amount":9200})"_ba)});
    const BatchSummary summary = BatchExport::summarize(LookupKind::Order, rows);
    QCOMPARE(summary.byRemaining.size(), 2);
    QCOMPARE(summary.byRemaining.at(0).value, u"frozen"_s);
    QCOMPARE(summary.byRemaining.at(0).count, 1);
    QCOMPARE(summary.byRemaining.at(0).amount, 9200);
    QCOMPARE(summary.byRemaining.at(1).count, 0);
    QVERIFY(summary.toText().contains(u"Transactions by amount still to split:\n  frozen (Money still to split): 1, 92.00 yuan\n"_s));
    QVERIFY(BatchExport::summarize(LookupKind::Order, orderRows()).byRemaining.isEmpty());
}

QTEST_GUILESS_MAIN(TestBatchExport)
#include "tst_batchexport.moc"
