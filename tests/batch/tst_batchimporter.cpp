// BatchImporter: encodings, RFC 4180 quoting, TSV paste, header recognition, explicit mapping,
// validation with reasons and duplicates.

#include "batch/batchimporter.h"

#include <QFile>
#include <QTest>
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/batch/") + QLatin1StringView(name);
}

QByteArray readData(const char *name)
{
    QFile file(dataFile(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data");
    return file.readAll();
}

constexpr char noGb18030[] =
    "this Windows has no GB18030 code page (54936) and Qt has no ICU: Wine lacks it, Windows has it";

// Whether this system decodes GB18030 at all (Qt without ICU relies on the platform): every Windows
// since 2000 has code page 54936, Wine (the Windows leg, tools/dev windows) does not.
bool systemDecodesGb18030()
{
#ifdef Q_OS_WIN
    if (!IsValidCodePage(54936))
        return TextDecoding::qtHasGb18030();
#endif
    return true;
}

QStringList fields(const QList<FieldError> &errors)
{
    QStringList names;
    for (const FieldError &error : errors)
        names.append(error.field);
    return names;
}

} // namespace

class TestBatchImporter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importFile_eachEncoding_data();
    void importFile_eachEncoding();
    void decode_gb18030PlatformPathMatchesQt();
    void decode_invalidBytes_isAnError();
    void parseRecords_rfc4180();
    void importText_excelPasteWithoutHeader_usesPositions();
    void importText_tsvWithHeaderInAnyOrder();
    void importText_badRows_listedWithRowNumbersAndReasons();
    void importText_duplicates_flaggedNotSent();
    void importText_explicitMapping_overridesHeader();
    void importText_headerMissingAField_isAnError();
    void importFile_returns_orderIdOrOutOrderNo();
    void importFile_missingFile_isAnError();
    void importText_chineseAndAppHeadings_data();
    void importText_chineseAndAppHeadings();
    void importText_returnHeadingsInOrderMode_suggestReturns();
    void importText_rowsOfTheOtherKindWithoutHeading_suggestIt();
    void importText_ownKind_suggestsNothing();
    void importText_amounts_transactionIdColumn();
    void importText_amounts_badAndDuplicateRows();
};

void TestBatchImporter::importFile_eachEncoding_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<TextDecoding::Encoding>("encoding");
    QTest::newRow("utf-8") << dataFile("orders_utf8.csv") << TextDecoding::Encoding::Utf8;
    QTest::newRow("utf-8 bom") << dataFile("orders_utf8_bom.csv") << TextDecoding::Encoding::Utf8Bom;
    QTest::newRow("gb18030") << dataFile("orders_gb18030.csv") << TextDecoding::Encoding::Gb18030;
    QTest::newRow("utf-16 tsv") << dataFile("orders_utf16.txt") << TextDecoding::Encoding::Utf16;
}

void TestBatchImporter::importFile_eachEncoding()
{
    QFETCH(QString, file);
    QFETCH(TextDecoding::Encoding, encoding);
    if (encoding == TextDecoding::Encoding::Gb18030 && !systemDecodesGb18030())
        QSKIP(noGb18030);
    const BatchImport import = BatchImporter(LookupKind::Order, Product::ServiceProvider).importFile(file);
    QVERIFY2(import.ok(), qPrintable(import.error));
    QCOMPARE(import.encoding, encoding);
    QVERIFY(import.hasHeader);
    QCOMPARE(import.header, QStringList({u"sub_mchid"_s, u"transaction_id"_s, u"out_order_no"_s, u"备注"_s}));
    QCOMPARE(import.rows.size(), 2);
    QCOMPARE(import.validCount(), 2);
    QCOMPARE(import.rows.at(0).rowNumber, 2);
    QCOMPARE(import.rows.at(0).query.order()->subMchid, u"1900000109"_s);
    QCOMPARE(import.rows.at(0).query.order()->transactionId, u"4208450740202511201234567890"_s);
    QCOMPARE(import.rows.at(0).query.order()->outOrderNo, u"P20251120101530001"_s);
    QCOMPARE(import.rows.at(1).query.order()->outOrderNo, u"P20251121090000002"_s);
    QCOMPARE(import.columnCount, 4);
}

void TestBatchImporter::decode_gb18030PlatformPathMatchesQt()
{
    const QByteArray bytes = readData("orders_gb18030.csv");
    const QString expected = QString::fromUtf8(readData("orders_utf8.csv"));
    if (!systemDecodesGb18030())
        QSKIP(noGb18030);
    const TextDecoding::Decoded platform = TextDecoding::decodeGb18030ViaPlatform(bytes);
    if (!platform.ok && !TextDecoding::qtHasGb18030())
        QFAIL("neither Qt nor the platform decodes GB18030");
    if (platform.ok)
        QCOMPARE(platform.text, expected);
    if (TextDecoding::qtHasGb18030())
        QCOMPARE(TextDecoding::decodeGb18030ViaQt(bytes).text, expected);
    // A four-byte GB18030 sequence (U+20000, outside the BMP) survives both paths.
    const QByteArray fourByte = "\x95\x32\x82\x36"_ba;
    const QString ext = QString::fromUcs4(U"\U00020000", 1);
    if (platform.ok)
        QCOMPARE(TextDecoding::decodeGb18030ViaPlatform(fourByte).text, ext);
    QCOMPARE(TextDecoding::decode(fourByte).text, ext);
}

void TestBatchImporter::decode_invalidBytes_isAnError()
{
    // 0xFF never starts a character in UTF-8 or GB18030.
    const BatchImport import = BatchImporter(LookupKind::Order, Product::ServiceProvider).importBytes("\xff\xff,\xff\n"_ba);
    QVERIFY(!import.ok());
    QVERIFY(import.rows.isEmpty());
}

void TestBatchImporter::parseRecords_rfc4180()
{
    const QString text = u"a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,x\n\n  spaced  ,\"\"\r\nlast"_s;
    const QList<QStringList> records = BatchImporter::parseRecords(text, u',');
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(0), QStringList({u"a"_s, u"b,c"_s, u"say \"hi\""_s}));
    QCOMPARE(records.at(1), QStringList({u"multi\nline"_s, QString(), u"x"_s}));
    QCOMPARE(records.at(2), QStringList({u"  spaced  "_s, QString()}));
    QCOMPARE(records.at(3), QStringList({u"last"_s}));
}

void TestBatchImporter::importText_excelPasteWithoutHeader_usesPositions()
{
    // Excel copies cells as TSV with CRLF and a trailing line end; cells may carry stray spaces.
    const QString paste = u" 1900000109\t4208450740202511201234567890 \tP20251120101530001\r\n"
                          u"1900000109\t4208450740202511211234567891\tP20251121090000002\r\n"_s;
    const BatchImport import = BatchImporter(LookupKind::Order, Product::ServiceProvider).importText(paste);
    QVERIFY2(import.ok(), qPrintable(import.error));
    QVERIFY(!import.hasHeader);
    QCOMPARE(import.rows.size(), 2);
    QCOMPARE(import.rows.at(0).rowNumber, 1);
    QCOMPARE(import.rows.at(0).query.order()->subMchid, u"1900000109"_s);
    QCOMPARE(import.rows.at(0).query.order()->transactionId, u"4208450740202511201234567890"_s);
    QCOMPARE(import.validCount(), 2);
}

void TestBatchImporter::importText_tsvWithHeaderInAnyOrder()
{
    const QString paste = u"Out_Order_No\tnote\tSUB MCHID\ttransaction-id\n"
                          u"P20251120101530001\tx\t1900000109\t4208450740202511201234567890\n"_s;
    const BatchImport import = BatchImporter(LookupKind::Order, Product::ServiceProvider).importText(paste);
    QVERIFY2(import.ok(), qPrintable(import.error));
    QVERIFY(import.hasHeader);
    QCOMPARE(import.mapping.outOrderNo, 0);
    QCOMPARE(import.mapping.subMchid, 2);
    QCOMPARE(import.mapping.transactionId, 3);
    QCOMPARE(import.rows.size(), 1);
    QCOMPARE(import.rows.at(0).query.order()->outOrderNo, u"P20251120101530001"_s);
    QVERIFY(import.rows.at(0).isValid());
}

void TestBatchImporter::importText_badRows_listedWithRowNumbersAndReasons()
{
    const QString csv = u"sub_mchid,transaction_id,out_order_no\n"
                        u"1900000109,4208450740202511201234567890,P1\n"
                        u"19000x0109,4208450740202511201234567890,P2\n"   // row 3: letters in sub_mchid
                        u"1900000109,,P3\n"                               // row 4: missing transaction_id
                        u"1900000109,4208450740202511201234567890,P 4#\n" // row 5: bad out_order_no
                        u"1900000109,4208450740202511201234567890\n"_s;   // row 6: short row
    const BatchImport import = BatchImporter(LookupKind::Order, Product::ServiceProvider).importText(csv);
    QVERIFY(import.ok());
    QCOMPARE(import.rows.size(), 5);
    QCOMPARE(import.validCount(), 1);
    const QList<BatchRow> bad = import.invalidRows();
    QCOMPARE(bad.size(), 4);
    QCOMPARE(bad.at(0).rowNumber, 3);
    QCOMPARE(fields(bad.at(0).errors), QStringList{u"sub_mchid"_s});
    QVERIFY(!bad.at(0).errors.constFirst().message.isEmpty());
    QCOMPARE(bad.at(1).rowNumber, 4);
    QCOMPARE(fields(bad.at(1).errors), QStringList{u"transaction_id"_s});
    QCOMPARE(bad.at(2).rowNumber, 5);
    QCOMPARE(fields(bad.at(2).errors), QStringList{u"out_order_no"_s});
    QCOMPARE(bad.at(3).rowNumber, 6);
    QCOMPARE(fields(bad.at(3).errors), QStringList{u"out_order_no"_s});
}

void TestBatchImporter::importText_duplicates_flaggedNotSent()
{
    const QString csv = u"sub_mchid,transaction_id,out_order_no\n"
                        u"1900000109,4208450740202511201234567890,P1\n"
                        u"1900000109,4208450740202511201234567890,P2\n"
                        u"1900000109, 4208450740202511201234567890 ,P1\n"_s; // same as row 2 once trimmed
    const BatchImport import = BatchImporter(LookupKind::Order, Product::ServiceProvider).importText(csv);
    QCOMPARE(import.rows.size(), 3);
    QCOMPARE(import.validCount(), 2);
    QCOMPARE(import.rows.at(2).duplicateOf, 2);
    QVERIFY(import.rows.at(2).errors.isEmpty());
    QVERIFY(!import.rows.at(2).isValid());
    QCOMPARE(import.validRows().size(), 2);
}

void TestBatchImporter::importText_explicitMapping_overridesHeader()
{
    const QString csv = u"a,b,c,d\nignored,P1,1900000109,4208450740202511201234567890\n"_s;
    BatchImporter importer(LookupKind::Order, Product::ServiceProvider);
    ColumnMapping mapping;
    mapping.setColumn(u"out_order_no"_s, 1);
    mapping.setColumn(u"sub_mchid"_s, 2);
    mapping.setColumn(u"transaction_id"_s, 3);
    QCOMPARE(mapping.column(u"sub_mchid"_s), 2);
    importer.setMapping(mapping);
    const BatchImport import = importer.importText(csv);
    QVERIFY2(import.ok(), qPrintable(import.error));
    QVERIFY(!import.hasHeader); // "a,b,c,d" names no field: it is a data row, and invalid
    QCOMPARE(import.preview.size(), 2);
    QCOMPARE(import.preview.at(0), QStringList({u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    QCOMPARE(import.rows.size(), 2);
    QVERIFY(!import.rows.at(0).isValid());
    QCOMPARE(import.rows.at(1).query.order()->outOrderNo, u"P1"_s);
    QVERIFY(import.rows.at(1).isValid());
}

void TestBatchImporter::importText_headerMissingAField_isAnError()
{
    const BatchImport import =
        BatchImporter(LookupKind::Order, Product::ServiceProvider).importText(u"sub_mchid,out_order_no\n1900000109,P1\n"_s);
    QVERIFY(!import.ok());
    QVERIFY(import.error.contains(u"transaction_id"_s));
    QVERIFY(import.rows.isEmpty());
}

void TestBatchImporter::importFile_returns_orderIdOrOutOrderNo()
{
    const BatchImport import = BatchImporter(LookupKind::Return, Product::Brand).importFile(dataFile("returns_utf8.csv"));
    QVERIFY2(import.ok(), qPrintable(import.error));
    QCOMPARE(import.rows.size(), 2);
    QCOMPARE(import.validCount(), 2);
    QCOMPARE(import.rows.at(0).query.returnOrder()->orderId, u"30000000012025112012345678901234"_s);
    QVERIFY(import.rows.at(0).query.returnOrder()->outOrderNo.isEmpty());
    QCOMPARE(import.rows.at(1).query.returnOrder()->outOrderNo, u"P20251120101530001"_s);
    QVERIFY(import.rows.at(1).query.returnOrder()->orderId.isEmpty());
}

void TestBatchImporter::importFile_missingFile_isAnError()
{
    const BatchImport import = BatchImporter(LookupKind::Order, Product::ServiceProvider).importFile(dataFile("no_such_file.csv"));
    QVERIFY(!import.ok());
    QVERIFY(import.error.contains(u"no_such_file.csv"_s));
}

void TestBatchImporter::importText_chineseAndAppHeadings_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("row");
    const QString order = u"1900000109\t4208450740202511201234567890\tP20251120101530001"_s;
    const QString ret = u"1900000109\tR20251121100000001\t30000000012025112012345678901234"_s;
    QTest::newRow("merchant platform, zh")
        << int(LookupKind::Order) << u"子商户号\t微信支付订单号\t商户分账单号"_s << order;
    QTest::newRow("zh with colons") << int(LookupKind::Order)
                                    << u"子商户号：\t微信支付订单号:\t 商户分账单号 "_s << order;
    QTest::newRow("app headings, zh")
        << int(LookupKind::Order)
        << u"特约商户号（sub_mchid）\t微信支付订单号（transaction_id）\t商户分账单号（out_order_no）"_s
        << order;
    QTest::newRow("app headings, en")
        << int(LookupKind::Order)
        << u"Sub-merchant ID (sub_mchid)\tTransaction ID (transaction_id)\tMerchant order No. (out_order_no)"_s
        << order;
    QTest::newRow("returns, zh") << int(LookupKind::Return) << u"子商户号\t商户回退单号\t微信分账单号"_s
                                 << ret;
    QTest::newRow("returns, app en")
        << int(LookupKind::Return)
        << u"Sub-merchant ID (sub_mchid)\tMerchant return No. (out_return_no)\tWeChat Pay order ID (order_id)"_s
        << ret;
}

void TestBatchImporter::importText_chineseAndAppHeadings()
{
    QFETCH(int, kind);
    QFETCH(QString, header);
    QFETCH(QString, row);
    const BatchImport import = BatchImporter(LookupKind(kind), LookupKind(kind) == LookupKind::Return ? Product::Brand : Product::ServiceProvider).importText(header + u'\n' + row + u'\n');
    QVERIFY2(import.ok(), qPrintable(import.error));
    QVERIFY(import.hasHeader);
    // The heading row is a heading, not an invalid first data row.
    QCOMPARE(import.rows.size(), 1);
    QCOMPARE(import.rows.at(0).rowNumber, 2);
    QVERIFY2(import.rows.at(0).isValid(), qPrintable(fields(import.rows.at(0).errors).join(u',')));
    QCOMPARE(import.mapping.subMchid, 0);
    if (LookupKind(kind) == LookupKind::Order) {
        QCOMPARE(import.mapping.transactionId, 1);
        QCOMPARE(import.mapping.outOrderNo, 2);
    } else {
        QCOMPARE(import.mapping.outReturnNo, 1);
        QCOMPARE(import.mapping.orderId, 2);
    }
    QVERIFY(!import.suggestedKind);
}

void TestBatchImporter::importText_returnHeadingsInOrderMode_suggestReturns()
{
    const BatchImport import =
        BatchImporter(LookupKind::Order, Product::ServiceProvider)
            .importText(u"子商户号\t商户回退单号\t微信分账单号\n"
                        u"1900000109\tR20251121100000001\t30000000012025112012345678901234\n"_s);
    QVERIFY(!import.ok());
    QVERIFY(import.suggestedKind.has_value());
    QCOMPARE(*import.suggestedKind, LookupKind::Return);

    const BatchImport back =
        BatchImporter(LookupKind::Return, Product::Brand)
            .importText(u"sub_mchid,transaction_id,out_order_no\n"
                        u"1900000109,4208450740202511201234567890,P20251120101530001\n"_s);
    QVERIFY(!back.ok());
    QCOMPARE(back.suggestedKind, std::optional<LookupKind>(LookupKind::Order));
}

void TestBatchImporter::importText_rowsOfTheOtherKindWithoutHeading_suggestIt()
{
    // A brand's returns copied from Excel without the heading row: taken by position, every row fails
    // as an order (the suggestion keeps the product: the same merchant's other look-up).
    const QString returns = u"1900000109\tR20251121100000001\t30000000012025112012345678901234\n"
                            u"1900000109\tR20251121110000002\t30000000012025112012345678901234\n"_s;
    const BatchImport asOrders = BatchImporter(LookupKind::Order, Product::Brand).importText(returns);
    QVERIFY(asOrders.ok());
    QCOMPARE(asOrders.validCount(), 0);
    QCOMPARE(asOrders.suggestedKind, std::optional<LookupKind>(LookupKind::Return));

    const QString orders = u"1900000109\t4208450740202511201234567890\tP20251120101530001\n"_s;
    const BatchImport asReturns = BatchImporter(LookupKind::Return, Product::Brand).importText(orders);
    QCOMPARE(asReturns.validCount(), 0);
    QCOMPARE(asReturns.suggestedKind, std::optional<LookupKind>(LookupKind::Order));
}

void TestBatchImporter::importText_ownKind_suggestsNothing()
{
    // Rows bad for their own reasons are not a reason to switch.
    const BatchImport bad = BatchImporter(LookupKind::Order, Product::ServiceProvider).importText(u"19000001O9\tx\ty\n"_s);
    QCOMPARE(bad.validCount(), 0);
    QVERIFY(!bad.suggestedKind);
    const BatchImport good =
        BatchImporter(LookupKind::Order, Product::ServiceProvider)
            .importText(u"1900000109\t4208450740202511201234567890\tP20251120101530001\n"_s);
    QCOMPARE(good.validCount(), 1);
    QVERIFY(!good.suggestedKind);
}

// 剩余待分金额: one column of transaction numbers, under its API name, the merchant platform's
// heading, or none (a pasted column); any product (no sub_mchid: the transaction names the payment).
void TestBatchImporter::importText_amounts_transactionIdColumn()
{
    QCOMPARE(ColumnMapping::fieldsFor(LookupKind::Amounts, Product::ServiceProvider),
             QStringList{u"transaction_id"_s});
    QCOMPARE(ColumnMapping::fieldsFor(LookupKind::Amounts, Product::Brand), QStringList{u"transaction_id"_s});

    const BatchImport named = BatchImporter(LookupKind::Amounts, Product::Brand)
                                  .importText(u"note,Transaction_ID\nx,4208450740202511291234567898\n"_s);
    QVERIFY2(named.ok(), qPrintable(named.error));
    QVERIFY(named.hasHeader);
    QCOMPARE(named.mapping.transactionId, 1);
    QCOMPARE(named.rows.size(), 1);
    QCOMPARE(named.rows.at(0).kind(), LookupKind::Amounts);
    QCOMPARE(named.rows.at(0).rowNumber, 2);
    QCOMPARE(named.rows.at(0).query.amounts()->transactionId, u"4208450740202511291234567898"_s);
    QCOMPARE(named.rows.at(0).query.amounts()->product, Product::Brand);
    QVERIFY(named.rows.at(0).isValid());

    const BatchImport chinese = BatchImporter(LookupKind::Amounts, Product::ServiceProvider)
                                    .importText(u"微信支付订单号\n4208450740202511211234567891\n"_s);
    QVERIFY2(chinese.ok(), qPrintable(chinese.error));
    QCOMPARE(chinese.rows.at(0).query.amounts()->transactionId, u"4208450740202511211234567891"_s);

    // A sheet of orders has a transaction_id column too: the amounts of those payments.
    const BatchImport orders = BatchImporter(LookupKind::Amounts, Product::ServiceProvider)
                                   .importText(u"sub_mchid,transaction_id,out_order_no\n"
                                               u"1900000109,4208450740202511201234567890,P20251120101530001\n"_s);
    QVERIFY2(orders.ok(), qPrintable(orders.error));
    QCOMPARE(orders.rows.at(0).query.amounts()->transactionId, u"4208450740202511201234567890"_s);
    QVERIFY(!orders.suggestedKind);

    // Pasted without a heading: the one column by position.
    const BatchImport pasted = BatchImporter(LookupKind::Amounts, Product::Direct)
                                   .importText(u" 4208450740202511251234567895\r\n4208450740202511261234567896\r\n"_s);
    QVERIFY2(pasted.ok(), qPrintable(pasted.error));
    QVERIFY(!pasted.hasHeader);
    QCOMPARE(pasted.validCount(), 2);
    QCOMPARE(pasted.rows.at(0).query.amounts()->transactionId, u"4208450740202511251234567895"_s);

    // No transaction_id column: says which, and suggests no other kind.
    const BatchImport missing = BatchImporter(LookupKind::Amounts, Product::ServiceProvider)
                                    .importText(u"sub_mchid,out_order_no\n1900000109,P1\n"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error, u"No column is mapped to transaction_id."_s);
    QVERIFY(!missing.suggestedKind);
}

void TestBatchImporter::importText_amounts_badAndDuplicateRows()
{
    const BatchImport import = BatchImporter(LookupKind::Amounts, Product::ServiceProvider)
                                   .importText(u"transaction_id\n"
                                               u"4208450740202511211234567891\n"
                                               u"42084507402025x\n"                  // row 3: not digits
                                               u"4208450740202511211234567891 \n"   // row 4: same as row 2
                                               u"4208450740202511221234567892\n"_s);
    QVERIFY(import.ok());
    QCOMPARE(import.rows.size(), 4);
    QCOMPARE(import.validCount(), 2);
    const QList<BatchRow> bad = import.invalidRows();
    QCOMPARE(bad.size(), 2);
    QCOMPARE(bad.at(0).rowNumber, 3);
    QCOMPARE(fields(bad.at(0).errors), QStringList{u"transaction_id"_s});
    QCOMPARE(bad.at(1).rowNumber, 4);
    QCOMPARE(bad.at(1).duplicateOf, 2);
    QVERIFY(!import.suggestedKind);
}

QTEST_GUILESS_MAIN(TestBatchImporter)
#include "tst_batchimporter.moc"
