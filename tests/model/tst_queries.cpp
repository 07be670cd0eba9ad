#include "lookup/answerbinding.h"
#include "lookup/queries.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestQueries final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void orderValidate_data();
    void orderValidate();
    void returnValidate_data();
    void returnValidate();
    void trimmed_removesPastedWhitespace();
    void orderTarget_matchesSigningVector();
    void returnTarget_matchesSigningVector();
    void returnTarget_byOrderId();
    void orderTarget_encodesSpecialCharacters();
    void productTargets_data();
    void productTargets();
    void productValidation();
    void products_names();
    void lookupKinds_names();
    void percentEncode_data();
    void percentEncode();
    void answerBinding_order_everyIdentifier();
    void answerBinding_return_theNumberAsked();

private:
    QByteArray vectorTarget(const QString &name) const;
    QJsonObject m_vectors;
};

void TestQueries::initTestCase()
{
    QFile file(QStringLiteral(FENZHANG_TEST_DATA "/vectors/vectors.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_vectors = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!m_vectors.isEmpty());
}

QByteArray TestQueries::vectorTarget(const QString &name) const
{
    const QJsonArray requests = m_vectors.value("requests"_L1).toArray();
    for (const QJsonValue &request : requests) {
        if (request["name"_L1].toString() == name)
            return request["request_target"_L1].toString().toUtf8();
    }
    return {};
}

namespace {

QStringList fieldsOf(const QList<FieldError> &errors)
{
    QStringList fields;
    for (const FieldError &error : errors) {
        fields.append(error.field);
        if (error.message.isEmpty())
            fields.append(u"<no message>"_s);
    }
    return fields;
}

const QString digits32 = QString(32, u'9');
const QString digits33 = QString(33, u'9');
const QString chars64 = QString(64, u'a');
const QString chars65 = QString(65, u'a');

} // namespace

void TestQueries::orderValidate_data()
{
    QTest::addColumn<QString>("subMchid");
    QTest::addColumn<QString>("transactionId");
    QTest::addColumn<QString>("outOrderNo");
    QTest::addColumn<QStringList>("errorFields");

    const QString sub = u"1900000109"_s;
    const QString tx = u"4208450740201411110007820472"_s;
    const QString out = u"P20150806125346"_s;
    QTest::newRow("docs example") << sub << tx << out << QStringList();
    QTest::newRow("every allowed char") << sub << tx << u"aZ09_-|*@"_s << QStringList();
    QTest::newRow("max lengths") << digits32 << digits32 << chars64 << QStringList();
    QTest::newRow("all empty") << QString() << QString() << QString()
                               << QStringList{u"sub_mchid"_s, u"transaction_id"_s, u"out_order_no"_s};
    QTest::newRow("sub_mchid letters") << u"19000x"_s << tx << out << QStringList{u"sub_mchid"_s};
    QTest::newRow("sub_mchid 33") << digits33 << tx << out << QStringList{u"sub_mchid"_s};
    QTest::newRow("transaction_id 33") << sub << digits33 << out << QStringList{u"transaction_id"_s};
    QTest::newRow("transaction_id space") << sub << u"4208 450"_s << out << QStringList{u"transaction_id"_s};
    QTest::newRow("transaction_id full-width digit")
        << sub << u"４２"_s << out << QStringList{u"transaction_id"_s};
    QTest::newRow("out_order_no 65") << sub << tx << chars65 << QStringList{u"out_order_no"_s};
    QTest::newRow("out_order_no slash") << sub << tx << u"P/1"_s << QStringList{u"out_order_no"_s};
    QTest::newRow("out_order_no chinese") << sub << tx << u"订单1"_s << QStringList{u"out_order_no"_s};
    QTest::newRow("out_order_no space") << sub << tx << u"P 1"_s << QStringList{u"out_order_no"_s};
}

void TestQueries::orderValidate()
{
    QFETCH(QString, subMchid);
    QFETCH(QString, transactionId);
    QFETCH(QString, outOrderNo);
    QFETCH(QStringList, errorFields);
    const OrderQuery query{subMchid, transactionId, outOrderNo};
    QCOMPARE(fieldsOf(query.validate()), errorFields);
}

void TestQueries::returnValidate_data()
{
    QTest::addColumn<QString>("subMchid");
    QTest::addColumn<QString>("outReturnNo");
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QString>("outOrderNo");
    QTest::addColumn<QStringList>("errorFields");

    const QString sub = u"1900000109"_s;
    const QString ret = u"R20190516001"_s;
    QTest::newRow("by out_order_no") << sub << ret << QString() << u"P20150806125346"_s << QStringList();
    QTest::newRow("by order_id") << sub << ret << u"3008450740201411110007820472"_s << QString()
                                 << QStringList();
    QTest::newRow("neither") << sub << ret << QString() << QString()
                             << QStringList{u"order_id"_s, u"out_order_no"_s};
    QTest::newRow("both") << sub << ret << u"3008"_s << u"P1"_s
                          << QStringList{u"order_id"_s, u"out_order_no"_s};
    QTest::newRow("missing out_return_no")
        << sub << QString() << u"3008"_s << QString() << QStringList{u"out_return_no"_s};
    QTest::newRow("bad out_return_no")
        << sub << u"R#1"_s << u"3008"_s << QString() << QStringList{u"out_return_no"_s};
    QTest::newRow("out_return_no 65")
        << sub << chars65 << u"3008"_s << QString() << QStringList{u"out_return_no"_s};
    QTest::newRow("order_id letters") << sub << ret << u"30x8"_s << QString() << QStringList{u"order_id"_s};
    QTest::newRow("order_id 64") << sub << ret << QString(64, u'1') << QString() << QStringList();
    QTest::newRow("order_id 65") << sub << ret << QString(65, u'1') << QString()
                                 << QStringList{u"order_id"_s};
    QTest::newRow("out_order_no bad")
        << sub << ret << QString() << u"P 1"_s << QStringList{u"out_order_no"_s};
    QTest::newRow("missing sub_mchid")
        << QString() << ret << u"1"_s << QString() << QStringList{u"sub_mchid"_s};
}

void TestQueries::returnValidate()
{
    QFETCH(QString, subMchid);
    QFETCH(QString, outReturnNo);
    QFETCH(QString, orderId);
    QFETCH(QString, outOrderNo);
    QFETCH(QStringList, errorFields);
    const ReturnQuery query{subMchid, outReturnNo, orderId, outOrderNo, Product::Brand};
    QCOMPARE(fieldsOf(query.validate()), errorFields);
}

void TestQueries::trimmed_removesPastedWhitespace()
{
    const OrderQuery order = OrderQuery{u" 1900000109\t"_s, u"\n42 "_s, u"  P1 "_s}.trimmed();
    QCOMPARE(order.subMchid, u"1900000109"_s);
    QCOMPARE(order.transactionId, u"42"_s);
    QCOMPARE(order.outOrderNo, u"P1"_s);
    QVERIFY(order.validate().isEmpty());
    QVERIFY(!(OrderQuery{u" 1900000109"_s, u"42"_s, u"P1"_s}.validate().isEmpty()));

    const ReturnQuery ret = ReturnQuery{u" 1 "_s, u" R1 "_s, u" 2 "_s, u"  "_s, Product::Brand}.trimmed();
    QCOMPARE(ret.subMchid, u"1"_s);
    QCOMPARE(ret.outReturnNo, u"R1"_s);
    QCOMPARE(ret.orderId, u"2"_s);
    QCOMPARE(ret.outOrderNo, QString());
    QVERIFY(ret.validate().isEmpty());
}

void TestQueries::orderTarget_matchesSigningVector()
{
    const QByteArray expected = vectorTarget(u"order-query"_s);
    QVERIFY(!expected.isEmpty());
    const OrderQuery query{u"1900000109"_s, u"4208450740201411110007820472"_s, u"P20150806125346"_s};
    QCOMPARE(query.requestTarget(), expected);
}

void TestQueries::returnTarget_matchesSigningVector()
{
    const QByteArray expected = vectorTarget(u"return-query"_s);
    QVERIFY(!expected.isEmpty());
    const ReturnQuery query{u"1900000109"_s, u"R20190516001"_s, QString(), u"P20150806125346"_s, Product::Brand};
    QCOMPARE(query.requestTarget(), expected);
}

void TestQueries::returnTarget_byOrderId()
{
    const ReturnQuery query{u"1900000109"_s, u"R20190516001"_s, u"3008450740201411110007820472"_s, QString(),
                            Product::Brand};
    QCOMPARE(query.requestTarget(),
             "/v3/brand/profitsharing/returnorders?sub_mchid=1900000109&out_return_no=R20190516001"
             "&order_id=3008450740201411110007820472"_ba);
}

void TestQueries::orderTarget_encodesSpecialCharacters()
{
    const OrderQuery query{u"1900000109"_s, u"42"_s, u"P|1*2@3_4-5"_s};
    QCOMPARE(query.requestTarget(),
             "/v3/profitsharing/orders/P%7C1%2A2%403_4-5?sub_mchid=1900000109&transaction_id=42"_ba);
    const ReturnQuery ret{u"1"_s, u"R|1"_s, QString(), u"P@2"_s, Product::Brand};
    QCOMPARE(ret.requestTarget(),
             "/v3/brand/profitsharing/returnorders?sub_mchid=1&out_return_no=R%7C1&out_order_no=P%402"_ba);
}

void TestQueries::productTargets_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("expected");
    const QString sub = u"1900000109"_s, tx = u"4208450740201411110007820472"_s;
    using P = Product;
    QTest::newRow("direct order") << OrderQuery{QString(), tx, u"P|1"_s, P::Direct}.requestTarget()
                                  << "/v3/profitsharing/orders/P%7C1?transaction_id=4208450740201411110007820472"_ba;
    QTest::newRow("brand order")
        << OrderQuery{sub, tx, u"P1"_s, P::Brand}.requestTarget()
        << "/v3/brand/profitsharing/orders?sub_mchid=1900000109&transaction_id=4208450740201411110007820472"
           "&out_order_no=P1"_ba;
    QTest::newRow("service provider's return")
        << ReturnQuery{sub, u"R@1"_s, QString(), u"P1"_s, P::ServiceProvider}.requestTarget()
        << "/v3/profitsharing/return-orders/R%401?sub_mchid=1900000109&out_order_no=P1"_ba;
    QTest::newRow("direct return") << ReturnQuery{QString(), u"R1"_s, QString(), u"P1"_s, P::Direct}.requestTarget()
                                   << "/v3/profitsharing/return-orders/R1?out_order_no=P1"_ba;
    QTest::newRow("amounts") << AmountsQuery{tx, P::ServiceProvider}.requestTarget()
                             << "/v3/profitsharing/transactions/4208450740201411110007820472/amounts"_ba;
    QTest::newRow("direct amounts") << AmountsQuery{tx, P::Direct}.requestTarget()
                                    << "/v3/profitsharing/transactions/4208450740201411110007820472/amounts"_ba;
    QTest::newRow("brand amounts") << AmountsQuery{tx, P::Brand}.requestTarget()
                                   << "/v3/brand/profitsharing/orders/4208450740201411110007820472/amounts"_ba;
}

void TestQueries::productTargets()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, expected);
    QCOMPARE(target, expected);
}

void TestQueries::productValidation()
{
    const QString tx = u"4208450740201411110007820472"_s;
    // A direct merchant names no sub-merchant: a sub_mchid given is refused, none is fine.
    QVERIFY(OrderQuery(QString(), tx, u"P1"_s, Product::Direct).validate().isEmpty());
    QCOMPARE(fieldsOf(OrderQuery(u"1900000109"_s, tx, u"P1"_s, Product::Direct).validate()),
             QStringList{u"sub_mchid"_s});
    QCOMPARE(fieldsOf(OrderQuery(QString(), tx, u"P1"_s, Product::ServiceProvider).validate()),
             QStringList{u"sub_mchid"_s});
    QCOMPARE(fieldsOf(OrderQuery(QString(), tx, u"P1"_s, Product::Brand).validate()), QStringList{u"sub_mchid"_s});
    // The ordinary return takes out_order_no only; the brand one either.
    QCOMPARE(fieldsOf(ReturnQuery(u"1"_s, u"R1"_s, u"30"_s, QString(), Product::ServiceProvider).validate()),
             (QStringList{u"order_id"_s, u"out_order_no"_s}));
    QCOMPARE(fieldsOf(ReturnQuery(QString(), u"R1"_s, u"30"_s, u"P1"_s, Product::Direct).validate()),
             QStringList{u"order_id"_s});
    QVERIFY(ReturnQuery(u"1"_s, u"R1"_s, QString(), u"P1"_s, Product::ServiceProvider).validate().isEmpty());
    QVERIFY(ReturnQuery(u"1"_s, u"R1"_s, u"30"_s, QString(), Product::Brand).validate().isEmpty());
    // Amounts: only the transaction number, for every product.
    for (const Product product : Products::all()) {
        QVERIFY(AmountsQuery(tx, product).validate().isEmpty());
        QCOMPARE(fieldsOf(AmountsQuery(u"42a"_s, product).validate()), QStringList{u"transaction_id"_s});
        QCOMPARE(fieldsOf(AmountsQuery(QString(), product).validate()), QStringList{u"transaction_id"_s});
    }
}

void TestQueries::products_names()
{
    for (const Product product : Products::all()) {
        QCOMPARE(Products::fromId(Products::id(product)), std::optional<Product>(product));
        QVERIFY(!Products::label(product).isEmpty());
        QVERIFY(!Products::explanation(product).isEmpty());
    }
    QCOMPARE(Products::fromId(u"BRAND"), std::optional<Product>(Product::Brand));
    QCOMPARE(Products::fromId(u"ordinary"), std::nullopt);
}

void TestQueries::lookupKinds_names()
{
    // Stored in history databases and typed on command lines: these words never change.
    QCOMPARE(LookupKinds::name(LookupKind::Order), u"order"_s);
    QCOMPARE(LookupKinds::name(LookupKind::Return), u"return"_s);
    QCOMPARE(LookupKinds::name(LookupKind::Amounts), u"amounts"_s);
    QCOMPARE(LookupKinds::pluralName(LookupKind::Order), u"orders"_s);
    QCOMPARE(LookupKinds::pluralName(LookupKind::Return), u"returns"_s);
    QCOMPARE(LookupKinds::pluralName(LookupKind::Amounts), u"amounts"_s);
    QCOMPARE(LookupKinds::all().size(), 3);
    for (const LookupKind kind : LookupKinds::all())
        QVERIFY(LookupKinds::fromName(LookupKinds::name(kind)) == kind);
    QVERIFY(!LookupKinds::fromName(u"Order"));
    QVERIFY(!LookupKinds::fromName(u"orders"));
    QVERIFY(!LookupKinds::fromName(u""));
}

void TestQueries::percentEncode_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unreserved") << u"AZaz09-._~"_s << "AZaz09-._~"_ba;
    QTest::newRow("pipe star at") << u"|*@"_s << "%7C%2A%40"_ba;
    QTest::newRow("reserved") << u"/?&=+ #%"_s << "%2F%3F%26%3D%2B%20%23%25"_ba;
    QTest::newRow("chinese") << u"分账"_s << "%E5%88%86%E8%B4%A6"_ba;
    QTest::newRow("emoji") << u"😀"_s << "%F0%9F%98%80"_ba;
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestQueries::percentEncode()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(fenzhang::percentEncode(value), expected);
}

// Issue 15.1: each identifier the question carries is compared with the answer's, exactly.
void TestQueries::answerBinding_order_everyIdentifier()
{
    const OrderQuery query{u"1900000109"_s, u"4208450740202511201234567890"_s, u"P1"_s};
    OrderResult answer;
    answer.subMchid = query.subMchid;
    answer.transactionId = query.transactionId;
    answer.outOrderNo = query.outOrderNo;
    answer.orderId = u"3008450740201411110007820472"_s;
    QVERIFY(AnswerBinding::mismatches(query, answer).isEmpty());

    OrderResult other = answer;
    other.subMchid = u"1900000110"_s;
    QCOMPARE(AnswerBinding::mismatches(query, other),
             QList<IdMismatch>({{u"sub_mchid"_s, u"1900000109"_s, u"1900000110"_s}}));
    other = answer;
    other.transactionId = u"4208450740202511201234567891"_s; // one digit
    QCOMPARE(AnswerBinding::mismatches(query, other).size(), 1);
    QCOMPARE(AnswerBinding::mismatches(query, other).at(0).field, u"transaction_id"_s);
    other = answer;
    other.outOrderNo = u"p1"_s; // case matters
    QCOMPARE(AnswerBinding::mismatches(query, other).at(0).field, u"out_order_no"_s);
    other.outOrderNo.clear(); // absent is different too
    const QList<IdMismatch> absent = AnswerBinding::mismatches(query, other);
    QCOMPARE(absent.size(), 1);
    QVERIFY(AnswerBinding::describe(absent).contains(u"out_order_no: asked P1"_s));
}

void TestQueries::answerBinding_return_theNumberAsked()
{
    ReturnResult answer;
    answer.subMchid = u"1900000109"_s;
    answer.outReturnNo = u"R1"_s;
    answer.orderId = u"3008450740201411110007820472"_s;
    answer.outOrderNo = u"P1"_s;

    const ReturnQuery byOrderId{u"1900000109"_s, u"R1"_s, u"3008450740201411110007820472"_s, QString()};
    const ReturnQuery byOutOrderNo{u"1900000109"_s, u"R1"_s, QString(), u"P1"_s};
    QVERIFY(AnswerBinding::mismatches(byOrderId, answer).isEmpty());
    QVERIFY(AnswerBinding::mismatches(byOutOrderNo, answer).isEmpty());

    ReturnResult other = answer;
    other.orderId = u"3008450740201411110007820473"_s;
    QCOMPARE(AnswerBinding::mismatches(byOrderId, other).at(0).field, u"order_id"_s);
    QVERIFY(AnswerBinding::mismatches(byOutOrderNo, other).isEmpty()); // not asked, not compared
    other = answer;
    other.outOrderNo = u"P2"_s;
    QCOMPARE(AnswerBinding::mismatches(byOutOrderNo, other).at(0).field, u"out_order_no"_s);
    QVERIFY(AnswerBinding::mismatches(byOrderId, other).isEmpty());
    other = answer;
    other.outReturnNo = u"R2"_s;
    other.subMchid = u"1900000110"_s;
    QCOMPARE(AnswerBinding::mismatches(byOrderId, other).size(), 2);
}

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
