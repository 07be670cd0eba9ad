// The workbook exports read back by an independent reader (openpyxl through tests/common/xlsxdump.py)
// and, when LibreOffice is installed, after Calc has opened and saved them again.

#include "batch/batchexport.h"
#include "format/labels.h"
#include "format/xlsxwriter.h"
#include "lookup/resultexport.h"
#include "writeresult.h"
#include "xlsxreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::failure;
using fenzhang::test::XlsxBook;
using fenzhang::test::XlsxSheet;

class TestXlsxExport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void order_cellsTypedAndExact();
    void order_sheetSetUp();
    void return_oneRowWithAdvice();
    void ordinaryReturn_itsOwnColumns();
    void batch_rowsSummaryAndAbout();
    void csvAndWorkbook_sameColumns();
    void save_failureLeavesNothing();
    void libreOffice_roundTripKeepsEverything();
    void writer_textEdgesAndManyTexts();

private:
    QString write(const QString &name, const std::function<WriteResult(QIODevice *)> &writer);
    QTemporaryDir m_dir;
};

namespace {

// A 28-digit transaction_id, order_id and detail_id; an amount of 2^53 + 1 fen; formula-like and
// Chinese text; a fail reason with advice.
const QByteArray orderBody = R"({"sub_mchid":"1900000109","transaction_id":"4208450740201411110007820472",
"out_order_no":"P20150806125346","order_id":"3008450740201411110007820472","state":"FINISHED","receivers":[
{"amount":9007199254740993,"description":"=SUM(A1), \"quoted\"\n分账","type":"MERCHANT_ID","account":"1900000110",
 "result":"SUCCESS","create_time":"2015-05-20T13:29:35+08:00","finish_time":"2015-05-20T13:29:36+08:00",
 "detail_id":"3601111111111111111111111111"},
{"amount":1234,"description":"+86 分给个人","type":"PERSONAL_OPENID","account":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
 "result":"CLOSED","fail_reason":"NO_RELATION","create_time":"2015-05-20T05:29:35Z","finish_time":"bogus",
 "detail_id":"3601111111111111111111111112"}]})"_ba;

const QByteArray returnBody = R"({"sub_mchid":"1900000109","order_id":"3008450740201411110007820472",
"out_order_no":"P20150806125346","out_return_no":"R20190516001","return_no":"3008450740201411110007820473",
"return_mchid":"86693852","amount":10,"result":"FAIL","fail_reason":"TIME_OUT_CLOSED",
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

LookupResult orderResult()
{
    LookupResult result = baseResult();
    result.query = OrderQuery{u"1900000109"_s, u"4208450740201411110007820472"_s, u"P20150806125346"_s};
    result.answer = *OrderResult::fromJson(orderBody, Product::ServiceProvider);
    return result;
}

LookupResult returnResult()
{
    LookupResult result = baseResult();
    result.query =
        ReturnQuery{u"1900000109"_s, u"R20190516001"_s, QString(), u"P20150806125346"_s, Product::Brand};
    result.answer = *ReturnResult::fromJson(returnBody, Product::Brand);
    return result;
}

// An ordinary (普通分账) return that failed: its return_id, description and create_time.
LookupResult ordinaryReturnResult()
{
    LookupResult result = baseResult();
    result.query = ReturnQuery{u"1900000109"_s, u"R20190516002"_s, QString(), u"P20150806125346"_s,
                               Product::ServiceProvider};
    result.answer = *ReturnResult::fromJson(
        R"({"sub_mchid":"1900000109","order_id":"3008450740201411110007820472","out_order_no":"P20150806125346",
"out_return_no":"R20190516002","return_id":"3008450740201411110007820474","return_mchid":"86693852","amount":2,
"description":"用户退款","result":"FAILED","fail_reason":"BALANCE_NOT_ENOUGH",
"create_time":"2015-05-20T13:29:35+08:00","finish_time":"2015-05-20T13:30:00+08:00"})"_ba,
        Product::ServiceProvider);
    return result;
}

const ExportInfo info{QString(), u"演示商户"_s, u"1900000001"_s, {}};

#define READ_BOOK(book, path)                                                                                \
    const XlsxBook book = fenzhang::test::readXlsx(path);                                                    \
    QVERIFY2(book.error.isEmpty(), qPrintable(book.error))

QString aboutValue(const XlsxSheet &about, const QString &item)
{
    for (const auto &row : about.rows) {
        if (row.size() >= 2 && row.at(0).value == item)
            return row.at(1).value;
    }
    return u"(missing)"_s;
}

} // namespace

void TestXlsxExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(OrderResult::fromJson(orderBody, Product::ServiceProvider));
    QVERIFY(ReturnResult::fromJson(returnBody, Product::Brand));
}

QString TestXlsxExport::write(const QString &name, const std::function<WriteResult(QIODevice *)> &writer)
{
    const QString path = m_dir.filePath(name);
    if (const WriteResult saved = ExportFiles::save(path, writer); !saved)
        qWarning() << "export failed:" << saved.error();
    return path;
}

void TestXlsxExport::order_cellsTypedAndExact()
{
    const LookupResult result = orderResult();
    const QString path = write(
        u"order.xlsx"_s, [&](QIODevice *device) { return ResultExport::writeXlsx(result, info, device); });
    READ_BOOK(book, path);
    const XlsxSheet *sheet = book.sheet(u"Receivers"_s);
    QVERIFY(sheet);
    QCOMPARE(sheet->rows.size(), 3); // header + two receivers

    // IDs: text cells with every digit.
    for (int row : {1, 2}) {
        QCOMPARE(sheet->at(row, u"WeChat Pay transaction ID"_s).type, u"str"_s);
        QCOMPARE(sheet->at(row, u"WeChat Pay transaction ID"_s).value, u"4208450740201411110007820472"_s);
        QCOMPARE(sheet->at(row, u"WeChat sharing order no."_s).value, u"3008450740201411110007820472"_s);
        QCOMPARE(sheet->at(row, u"WeChat sharing order no."_s).type, u"str"_s);
        QCOMPARE(sheet->at(row, u"Sub-merchant ID"_s).type, u"str"_s);
        QCOMPARE(sheet->at(row, u"Request-ID"_s).value, u"08F78BB5AF0610D302D8B2A1A10B10A9A101"_s);
    }
    QCOMPARE(sheet->at(1, u"Detail ID"_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Detail ID"_s).value, u"3601111111111111111111111111"_s);
    QCOMPARE(sheet->at(2, u"Detail ID"_s).value, u"3601111111111111111111111112"_s);
    QCOMPARE(sheet->at(1, u"Receiver account"_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Receiver account"_s).value, u"1900000110"_s);

    // 2^53 + 1 fen: beyond what a spreadsheet number holds exactly, so text, every digit kept.
    QCOMPARE(sheet->at(1, u"Amount (fen)"_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Amount (fen)"_s).value, u"9007199254740993"_s);
    QCOMPARE(sheet->at(1, u"Amount (yuan)"_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Amount (yuan)"_s).value, u"90071992547409.93"_s);
    // An ordinary amount: numbers, yuan formatted 0.00 and fen an integer.
    QCOMPARE(sheet->at(2, u"Amount (yuan)"_s).type, u"float"_s);
    QCOMPARE(sheet->at(2, u"Amount (yuan)"_s).value, u"12.34"_s);
    QCOMPARE(sheet->at(2, u"Amount (yuan)"_s).format, u"0.00"_s);
    QCOMPARE(sheet->at(2, u"Amount (fen)"_s).type, u"int"_s);
    QCOMPARE(sheet->at(2, u"Amount (fen)"_s).value, u"1234"_s);

    // Text exactly as sent: no apostrophe, never a formula; Chinese intact.
    QCOMPARE(sheet->at(1, u"Description"_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Description"_s).value, u"=SUM(A1), \"quoted\"\n分账"_s);
    QCOMPARE(sheet->at(2, u"Description"_s).value, u"+86 分给个人"_s);
    // Labels, advice, times (local zone: TZ=Asia/Shanghai in the tests) and verified as text.
    QCOMPARE(sheet->at(2, u"Failure reason code"_s).value, u"NO_RELATION"_s);
    QCOMPARE(sheet->at(2, u"What to do"_s).value, Labels::receiverFailAdvice(u"NO_RELATION"_s));
    QVERIFY(!sheet->at(2, u"What to do"_s).value.isEmpty());
    QCOMPARE(sheet->at(2, u"Created"_s).value, u"2015-05-20 13:29:35 +08:00"_s);
    QCOMPARE(sheet->at(2, u"Created"_s).type, u"str"_s);
    QCOMPARE(sheet->at(2, u"Finished"_s).value, u"bogus"_s);
    QCOMPARE(sheet->at(1, u"Looked up at"_s).value, u"2026-11-24 12:18:30 +08:00"_s);
    QCOMPARE(sheet->at(1, u"Signature verified"_s).value, u"true"_s);
    QCOMPARE(sheet->at(1, u"Signature verified"_s).type, u"str"_s);
}

void TestXlsxExport::order_sheetSetUp()
{
    const LookupResult result = orderResult();
    const QString path = write(u"order-setup.xlsx"_s, [&](QIODevice *device) {
        return ResultExport::writeXlsx(result, info, device);
    });
    READ_BOOK(book, path);
    QCOMPARE(book.sheets.size(), 2);
    QCOMPARE(book.sheets.at(0).name, u"Receivers"_s);
    QCOMPARE(book.sheets.at(1).name, u"About"_s);
    QCOMPARE(book.title, u"Profit-sharing order P20150806125346"_s);
    QCOMPARE(book.creator, QCoreApplication::applicationName());

    const XlsxSheet &sheet = book.sheets.at(0);
    QCOMPARE(sheet.freeze, u"A2"_s);
    QCOMPARE(sheet.autofilter, u"A1:W3"_s); // 23 columns, header + 2 rows
    for (const auto &heading : sheet.rows.first())
        QVERIFY2(heading.bold && heading.type == u"str"_s, qPrintable(heading.value));
    // Widths fitted: the 28-digit ID's column is wider than the state code's, none beyond the cap.
    const double idWidth = sheet.widths.value(u"B").toDouble();
    const double stateWidth = sheet.widths.value(u"E").toDouble();
    QVERIFY2(idWidth >= 28 && idWidth <= 62, qPrintable(QString::number(idWidth)));
    QVERIFY2(stateWidth < idWidth, qPrintable(QString::number(stateWidth)));
    for (const QString &column : sheet.widths.keys())
        QVERIFY2(sheet.widths.value(column).toDouble() <= 62.5, qPrintable(column));

    const XlsxSheet &about = book.sheets.at(1);
    QCOMPARE(aboutValue(about, u"Profile"_s), u"演示商户"_s);
    QCOMPARE(aboutValue(about, u"Merchant ID (mchid)"_s), u"1900000001"_s);
    QCOMPARE(aboutValue(about, u"Rows"_s), u"2"_s);
    QCOMPARE(aboutValue(about, u"Signatures verified"_s), u"all 1 answer(s) verified"_s);
    QCOMPARE(aboutValue(about, u"Times"_s), ExportTime::ruleText());
    QVERIFY(aboutValue(about, u"App"_s).contains(QStringLiteral(FENZHANG_VERSION_TEXT)));
    QVERIFY(aboutValue(about, u"Exported at"_s).contains(u" +08:00"_s));
}

void TestXlsxExport::return_oneRowWithAdvice()
{
    const LookupResult result = returnResult();
    const QString path = write(
        u"return.xlsx"_s, [&](QIODevice *device) { return ResultExport::writeXlsx(result, info, device); });
    READ_BOOK(book, path);
    const XlsxSheet *sheet = book.sheet(u"Return"_s);
    QVERIFY(sheet);
    QCOMPARE(sheet->rows.size(), 2);
    QCOMPARE(sheet->at(1, u"WeChat return no."_s).value, u"3008450740201411110007820473"_s);
    QCOMPARE(sheet->at(1, u"WeChat return no."_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Return merchant ID"_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Amount (yuan)"_s).value, u"0.1"_s);
    QCOMPARE(sheet->at(1, u"Amount (yuan)"_s).format, u"0.00"_s);
    QCOMPARE(sheet->at(1, u"Amount (fen)"_s).value, u"10"_s);
    QCOMPARE(sheet->at(1, u"What to do"_s).value, Labels::returnFailAdvice(u"TIME_OUT_CLOSED"_s));
    QCOMPARE(sheet->at(1, u"Finished"_s).value, u"2015-05-20 13:29:35.120 +08:00"_s);
}

void TestXlsxExport::ordinaryReturn_itsOwnColumns()
{
    const LookupResult result = ordinaryReturnResult();
    const QString path = write(u"ordinary-return.xlsx"_s, [&](QIODevice *device) {
        return ResultExport::writeXlsx(result, info, device);
    });
    READ_BOOK(book, path);
    const XlsxSheet *sheet = book.sheet(u"Return"_s);
    QVERIFY(sheet);
    QCOMPARE(sheet->rows.size(), 2);
    QStringList headings;
    for (const auto &cell : sheet->rows.first())
        headings.append(cell.value);
    QStringList expected;
    for (const ExportColumn &column : ResultExport::returnColumns(Product::ServiceProvider))
        expected.append(column.heading);
    QCOMPARE(headings, expected);
    QVERIFY(headings.contains(u"Return description"_s));
    QCOMPARE(sheet->at(1, u"WeChat return no."_s).value, u"3008450740201411110007820474"_s);
    QCOMPARE(sheet->at(1, u"WeChat return no."_s).type, u"str"_s);
    QCOMPARE(sheet->at(1, u"Return description"_s).value, u"用户退款"_s);
    QCOMPARE(sheet->at(1, u"Created"_s).value, u"2015-05-20 13:29:35 +08:00"_s);
    QCOMPARE(sheet->at(1, u"Finished"_s).value, u"2015-05-20 13:30:00 +08:00"_s);
    QCOMPARE(sheet->at(1, u"Result"_s).value, u"Failed"_s);
    QCOMPARE(sheet->at(1, u"Failure reason code"_s).value, u"BALANCE_NOT_ENOUGH"_s);
    QCOMPARE(sheet->at(1, u"What to do"_s).value, Labels::returnFailAdvice(u"BALANCE_NOT_ENOUGH"_s));
    QCOMPARE(sheet->at(1, u"Amount (fen)"_s).type, u"int"_s);
    QCOMPARE(sheet->at(1, u"Amount (fen)"_s).value, u"2"_s);

    // The brand's layout is untouched: no description or created column.
    QCOMPARE(ResultExport::returnColumns(Product::Brand).size(), 17);
    for (const ExportColumn &column : ResultExport::returnColumns(Product::Brand))
        QVERIFY2(column.name != u"description"_s && column.name != u"create_time"_s, qPrintable(column.name));
}

void TestXlsxExport::batch_rowsSummaryAndAbout()
{
    BatchExportRow ok{2, orderResult(), 0};
    BatchExportRow failed{3, {}, 0};
    failed.result.query = Query::blank(LookupKind::Order, Product::ServiceProvider);
    failed.result.kind = LookupResult::Kind::ApiError;
    failed.result.query =
        OrderQuery{u"1900000109"_s, u"4208450740201411110007820999"_s, u"=cmd|' /C calc'!A0"_s};
    failed.result.response.httpStatus = 404;
    failed.result.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    failed.result.response.errorMessage = u"记录不存在"_s;
    failed.result.response.requestId = "REQ-404"_ba;
    const QList<BatchExportRow> rows = {ok, failed};
    const QString path = write(u"batch.xlsx"_s, [&](QIODevice *device) {
        return BatchExport::writeXlsx(LookupKind::Order, rows, info, device);
    });
    READ_BOOK(book, path);
    QCOMPARE(book.sheets.size(), 3);
    const XlsxSheet *batch = book.sheet(u"Batch"_s);
    QVERIFY(batch);
    QCOMPARE(batch->rows.size(), 4); // header, two receivers of row 2, row 3
    QCOMPARE(batch->at(1, u"Row"_s).type, u"int"_s);
    QCOMPARE(batch->at(3, u"Row"_s).value, u"3"_s);
    QCOMPARE(batch->at(3, u"WeChat Pay transaction ID"_s).value, u"4208450740201411110007820999"_s);
    QCOMPARE(batch->at(3, u"Merchant sharing order no."_s).value, u"=cmd|' /C calc'!A0"_s);
    QCOMPARE(batch->at(3, u"Merchant sharing order no."_s).type, u"str"_s);
    QCOMPARE(batch->at(3, u"HTTP status"_s).type, u"int"_s);
    QCOMPARE(batch->at(3, u"Error message"_s).value, u"记录不存在"_s);
    QCOMPARE(batch->at(3, u"What to do about the error"_s).value, Labels::errorAdvice(u"RESOURCE_NOT_EXISTS"_s));
    QCOMPARE(batch->at(1, u"Amount (fen)"_s).value, u"9007199254740993"_s);
    QCOMPARE(batch->autofilter, u"A1:AC4"_s);

    const XlsxSheet *summary = book.sheet(u"Summary"_s);
    QVERIFY(summary);
    QCOMPARE(summary->freeze, u"A2"_s);
    // FINISHED: one order, 2^53 + 1234 + 1 fen: text, exact.
    QCOMPARE(summary->at(1, u"Code"_s).value, u"FINISHED"_s);
    QCOMPARE(summary->at(1, u"Count"_s).type, u"int"_s);
    QCOMPARE(summary->at(1, u"Amount (fen)"_s).value, u"9007199254742227"_s);
    QCOMPARE(summary->at(1, u"Amount (fen)"_s).type, u"str"_s);
    QCOMPARE(summary->at(3, u"Code"_s).value, u"CLOSED"_s);
    QCOMPARE(summary->at(3, u"Amount (yuan)"_s).value, u"12.34"_s);
    QCOMPARE(summary->at(3, u"Amount (yuan)"_s).type, u"float"_s);

    const XlsxSheet *about = book.sheet(u"About"_s);
    QVERIFY(about);
    QCOMPARE(aboutValue(*about, u"Export"_s), u"Batch of 2 order look-up(s)"_s);
    QCOMPARE(aboutValue(*about, u"Rows"_s), u"3"_s);
    QCOMPARE(aboutValue(*about, u"Signatures verified"_s), u"1 of 2 answer(s) verified"_s);
    QCOMPARE(book.title, u"Batch of 2 order look-up(s)"_s);
}

void TestXlsxExport::csvAndWorkbook_sameColumns()
{
    // One column list: the CSV's headings are its API names, the workbook's its translated headings.
    const ExportColumns columns = ResultExport::orderColumns();
    QCOMPARE(ResultExport::orderCsvHeader(), ExportTable::names(columns));
    QCOMPARE(ExportTable::numericColumns(columns), (QList<int>{9, 10}));
    const QString path = write(u"columns.xlsx"_s, [&](QIODevice *device) {
        return ResultExport::writeXlsx(orderResult(), info, device);
    });
    READ_BOOK(book, path);
    QStringList headings;
    for (const auto &cell : book.sheets.at(0).rows.first())
        headings.append(cell.value);
    QStringList expected;
    for (const ExportColumn &column : columns)
        expected.append(column.heading);
    QCOMPARE(headings, expected);
    for (const Product product : Products::all())
        QCOMPARE(BatchExport::header(LookupKind::Return, product), ExportTable::names(BatchExport::columns(LookupKind::Return, product)));
}

void TestXlsxExport::save_failureLeavesNothing()
{
    const QString missing = m_dir.filePath(u"missing/dir/out.xlsx"_s);
    QVERIFY(!failure(ResultExport::save(orderResult(), missing, ExportFormat::Xlsx, info)).isEmpty());
    QVERIFY(!QFile::exists(missing));

    // A write that fails half-way (a cell too long for a workbook) leaves the old file untouched.
    const QString path = m_dir.filePath(u"kept.xlsx"_s);
    QCOMPARE(failure(ResultExport::save(returnResult(), path, ExportFormat::Xlsx, info)), QString());
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    LookupResult huge = orderResult();
    huge.order()->receivers[0].description = QString(40000, u'x');
    const QString tooLong = failure(ResultExport::save(huge, path, ExportFormat::Xlsx, info));
    QVERIFY2(tooLong.contains(u"32767"_s), qPrintable(tooLong));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
    QCOMPARE(QDir(m_dir.path()).entryList({u"kept.xlsx.*"_s}, QDir::Files | QDir::Hidden), QStringList());
}

void TestXlsxExport::libreOffice_roundTripKeepsEverything()
{
    if (fenzhang::test::sofficeProgram().isEmpty())
        QSKIP("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to run the "
              "Calc round trip");
    BatchExportRow ok{2, orderResult(), 0};
    const QString path = write(u"roundtrip.xlsx"_s, [&](QIODevice *device) {
        return BatchExport::writeXlsx(LookupKind::Order, {ok}, info, device);
    });
    const QString outDir = m_dir.filePath(u"lo"_s);
    QVERIFY(QDir().mkpath(outDir));
    QString error;
    const QString saved = fenzhang::test::sofficeRoundTrip(path, outDir, &error);
    QVERIFY2(!saved.isEmpty(), qPrintable(error));
    READ_BOOK(book, saved);
    const XlsxSheet *batch = book.sheet(u"Batch"_s);
    QVERIFY(batch);
    QCOMPARE(batch->at(1, u"WeChat Pay transaction ID"_s).value, u"4208450740201411110007820472"_s);
    QCOMPARE(batch->at(1, u"WeChat Pay transaction ID"_s).type, u"str"_s);
    QCOMPARE(batch->at(1, u"WeChat sharing order no."_s).value, u"3008450740201411110007820472"_s);
    QCOMPARE(batch->at(2, u"Detail ID"_s).value, u"3601111111111111111111111112"_s);
    QCOMPARE(batch->at(2, u"Detail ID"_s).type, u"str"_s);
    QCOMPARE(batch->at(1, u"Amount (fen)"_s).value, u"9007199254740993"_s);
    QCOMPARE(batch->at(2, u"Amount (yuan)"_s).value, u"12.34"_s);
    QCOMPARE(batch->at(2, u"Amount (yuan)"_s).type, u"float"_s);
    QCOMPARE(batch->at(2, u"Amount (fen)"_s).value, u"1234"_s);
    QVERIFY(batch->at(2, u"Amount (fen)"_s).type == u"int"_s || batch->at(2, u"Amount (fen)"_s).type == u"float"_s);
    QCOMPARE(batch->at(1, u"Description"_s).value, u"=SUM(A1), \"quoted\"\n分账"_s);
    QCOMPARE(batch->at(1, u"Description"_s).type, u"str"_s);
    QVERIFY(book.sheet(u"Summary"_s));
    QVERIFY(book.sheet(u"About"_s));

    // The single result's workbook too.
    const QString single = write(u"single.xlsx"_s, [&](QIODevice *device) {
        return ResultExport::writeXlsx(orderResult(), info, device);
    });
    const QString singleSaved = fenzhang::test::sofficeRoundTrip(single, outDir, &error);
    QVERIFY2(!singleSaved.isEmpty(), qPrintable(error));
    READ_BOOK(singleBook, singleSaved);
    const XlsxSheet *receivers = singleBook.sheet(u"Receivers"_s);
    QVERIFY(receivers);
    QCOMPARE(receivers->at(2, u"Detail ID"_s).value, u"3601111111111111111111111112"_s);
    QCOMPARE(receivers->at(2, u"Detail ID"_s).type, u"str"_s);
    QCOMPARE(receivers->at(1, u"Amount (fen)"_s).value, u"9007199254740993"_s);
    QCOMPARE(receivers->at(2, u"Amount (yuan)"_s).value, u"12.34"_s);
    QCOMPARE(receivers->at(2, u"Amount (yuan)"_s).type, u"float"_s);
    QCOMPARE(receivers->at(2, u"Description"_s).value, u"+86 分给个人"_s);
    QVERIFY(singleBook.sheet(u"About"_s));
}

void TestXlsxExport::writer_textEdgesAndManyTexts()
{
    // Texts XML cannot hold as they are, and more distinct texts than the shared strings table keeps
    // (it stops taking them; later texts are written in their cells), beside a repeating column.
    const QStringList edges = {u"  leading"_s, u"trailing "_s, u"<&>\"'"_s, u"😀 表情"_s,
                               QString(QChar(0xD800)) + u"z"_s, u"a\rb"_s, u"x\u0001y"_s, u"_x0041_"_s};
    const ExportColumns columns = {ExportTable::column(u"text"_s), ExportTable::column(u"state"_s),
                                   ExportTable::column(u"amount_fen"_s, ExportColumn::Type::Integer)};
    const int rows = 6000;
    const auto text = [&](int i) { return i < edges.size() ? edges.at(i) : u"distinct %1"_s.arg(i); };
    const auto state = [](int i) { return i % 3 == 0 ? u"CLOSED"_s : u"SUCCESS"_s; };
    const QString path = write(u"edges.xlsx"_s, [&](QIODevice *device) {
        XlsxWriter xlsx;
        xlsx.beginSheet(u"Edges"_s, columns);
        for (int i = 0; i < rows; ++i)
            xlsx.addRow({text(i), state(i), QString::number(i)});
        if (!xlsx.finish(device))
            return WriteResult(unexpected(xlsx.errorString()));
        return WriteResult();
    });
    READ_BOOK(book, path);
    QCOMPARE(book.sheets.size(), 1);
    const XlsxSheet &sheet = book.sheets.at(0);
    QCOMPARE(sheet.rows.size(), rows + 1);
    QCOMPARE(sheet.autofilter, u"A1:C6001"_s);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(sheet.rows.at(i + 1).at(0).value, edges.at(i));
    QCOMPARE(sheet.rows.at(5).at(0).value, u"\uFFFDz"_s); // a lone surrogate is no character
    // openpyxl shows the workbook escapes of characters (_xHHHH_) as they are in the file, so they
    // are seen there; it does undo the escape of a literal "_x0041_" (_x005F_ for its '_').
    QCOMPARE(sheet.rows.at(6).at(0).value, u"a_x000D_b"_s);
    QCOMPARE(sheet.rows.at(7).at(0).value, u"x_x0001_y"_s);
    QCOMPARE(sheet.rows.at(8).at(0).value, u"_x0041_"_s);
    for (int i : {8, 100, 4095, 4096, 4097, 5999}) {
        QCOMPARE(sheet.rows.at(i + 1).at(0).value, text(i));
        QCOMPARE(sheet.rows.at(i + 1).at(0).type, u"str"_s);
        QCOMPARE(sheet.rows.at(i + 1).at(1).value, state(i));
        QCOMPARE(sheet.rows.at(i + 1).at(2).value, QString::number(i));
        QCOMPARE(sheet.rows.at(i + 1).at(2).type, u"int"_s);
    }

    // A spreadsheet reads the escapes as the text they stand for: Calc's CSV of the sheet.
    if (fenzhang::test::sofficeProgram().isEmpty())
        QSKIP("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
    const QString outDir = m_dir.filePath(u"lo-edges"_s);
    QVERIFY(QDir().mkpath(outDir));
    QString error;
    const QString csvPath = fenzhang::test::sofficeCsv(path, outDir, &error);
    QVERIFY2(!csvPath.isEmpty(), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString all = QString::fromUtf8(csv.readAll());
    QVERIFY2(all.contains(u"\n  leading,CLOSED,0\n"_s), qPrintable(all.left(300)));
    QVERIFY(all.contains(u"\ntrailing ,SUCCESS,1\n"_s));
    QVERIFY(all.contains(u"\n\"<&>\"\"'\",SUCCESS,2\n"_s));
    QVERIFY(all.contains(u"\n😀 表情,CLOSED,3\n"_s));
    // Calc turned the escapes back into the characters (its CSV shows them as '?'), and kept the
    // literal "_x0041_" as written.
    QVERIFY2(!all.contains(u"_x000D_"_s) && !all.contains(u"_x0001_"_s) && !all.contains(u"x005F"_s),
             qPrintable(all.left(300)));
    QVERIFY(all.contains(u"\n_x0041_,SUCCESS,7\n"_s));
    QVERIFY(all.contains(u"\ndistinct 5999,SUCCESS,5999"_s));
}

QTEST_GUILESS_MAIN(TestXlsxExport)
#include "tst_xlsxexport.moc"
