// The query family (lookup/query.h): any kind's question and answer through one type, each kind's
// fields as its product asks them, and the same bytes as the kind's own struct.

#include "api/lookupservice.h"
#include "lookup/answerbinding.h"
#include "lookup/query.h"
#include "lookup/queryfields.h"
#include "lookup/resultfacts.h"

#include <limits>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {
ReceiverDetail receiverOf(qint64 fen);
}

class TestQuery final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void blank_isOfItsKindAndProduct();
    void fields_asEachProductAsks();
    void values_fillAnyKind();
    void sameBytesAsTheKindsOwnStruct();
    void key_andNumber();
    void answer_readAsTheQuestionsKind();
    void answer_stateAndMoney();
    void binding_answerOfAnotherKind();
    void fieldWords_everyFieldAndChoiceHasThem();
    void fieldWords_nounList();
    void facts_describeEachKindAsItsProductAnswers();
};

void TestQuery::blank_isOfItsKindAndProduct()
{
    for (const LookupKind kind : LookupKinds::all()) {
        for (const Product product : Products::all()) {
            const Query query = Query::blank(kind, product);
            QCOMPARE(query.kind(), kind);
            QCOMPARE(query.product(), product);
        }
    }
    QVERIFY(Query::blank(LookupKind::Return, Product::Brand).returnOrder());
    QVERIFY(!Query::blank(LookupKind::Return, Product::Brand).order());
    QCOMPARE(Query(AmountsQuery{u"42"_s, Product::Brand}).kind(), LookupKind::Amounts);
}

void TestQuery::fields_asEachProductAsks()
{
    using G = FieldGroups;
    QCOMPARE(Query::fieldGroups(LookupKind::Order, Product::ServiceProvider),
             (G{{u"sub_mchid"_s}, {u"transaction_id"_s}, {u"out_order_no"_s}}));
    QCOMPARE(Query::fieldGroups(LookupKind::Order, Product::Direct), (G{{u"transaction_id"_s}, {u"out_order_no"_s}}));
    // A chain brand names the order of a return either way; ordinary returns by out_order_no only.
    QCOMPARE(Query::fieldGroups(LookupKind::Return, Product::Brand),
             (G{{u"sub_mchid"_s}, {u"out_return_no"_s}, {u"order_id"_s, u"out_order_no"_s}}));
    QCOMPARE(Query::fieldGroups(LookupKind::Return, Product::Direct), (G{{u"out_return_no"_s}, {u"out_order_no"_s}}));
    for (const Product product : Products::all())
        QCOMPARE(Query::fields(LookupKind::Amounts, product), QStringList{u"transaction_id"_s});
    QCOMPARE(Query::fields(LookupKind::Return, Product::Brand),
             (QStringList{u"sub_mchid"_s, u"out_return_no"_s, u"order_id"_s, u"out_order_no"_s}));
    QCOMPARE(Query::allFields(), (QStringList{u"sub_mchid"_s, u"transaction_id"_s, u"out_order_no"_s,
                                              u"out_return_no"_s, u"order_id"_s}));
}

void TestQuery::values_fillAnyKind()
{
    Query order = Query::blank(LookupKind::Order, Product::ServiceProvider);
    for (const QString &field : Query::allFields())
        order.setValue(field, field + u"-value"_s);
    // A field the kind does not have is neither kept nor read.
    QCOMPARE(order.order()->subMchid, u"sub_mchid-value"_s);
    QCOMPARE(order.order()->transactionId, u"transaction_id-value"_s);
    QCOMPARE(order.order()->outOrderNo, u"out_order_no-value"_s);
    QVERIFY(order.value(u"out_return_no").isEmpty());
    QVERIFY(order.value(u"order_id").isEmpty());

    Query ret = Query::blank(LookupKind::Return, Product::Brand);
    ret.setValue(u"order_id", u"3008"_s);
    ret.setValue(u"transaction_id", u"4208"_s);
    QCOMPARE(ret.returnOrder()->orderId, u"3008"_s);
    QCOMPARE(ret.value(u"order_id"), u"3008"_s);
    QVERIFY(ret.value(u"transaction_id").isEmpty());

    ret.setProduct(Product::Direct);
    QCOMPARE(ret.product(), Product::Direct);
    QCOMPARE(ret.kind(), LookupKind::Return);
}

void TestQuery::sameBytesAsTheKindsOwnStruct()
{
    const OrderQuery order{u" 1900000109 "_s, u"4208450740201411110007820472"_s, u"P20150806125346"_s,
                           Product::ServiceProvider};
    const ReturnQuery ret{u"1900000109"_s, u"R1"_s, QString(), u"P1"_s, Product::Brand};
    const AmountsQuery amounts{u"4208450740201411110007820472"_s, Product::Direct};
    QCOMPARE(Query(order).requestTarget(), order.requestTarget());
    QCOMPARE(Query(ret).requestTarget(), ret.requestTarget());
    QCOMPARE(Query(amounts).requestTarget(), amounts.requestTarget());
    QCOMPARE(Query(order).trimmed(), Query(order.trimmed()));
    QCOMPARE(Query(order).validate().size(), order.validate().size());
    QCOMPARE(Query(ReturnQuery{u"1900000109"_s, u"R1"_s, u"3008"_s, u"P1"_s, Product::Brand}).validate().size(), 2);
}

void TestQuery::key_andNumber()
{
    const Query a = OrderQuery{u"1900000109"_s, u"4208"_s, u"P1"_s};
    const Query b = OrderQuery{u"1900000109"_s, u"4208"_s, u"P2"_s};
    QCOMPARE(a.key(), Query(OrderQuery{u"1900000109"_s, u"4208"_s, u"P1"_s}).key());
    QVERIFY(a.key() != b.key());
    QCOMPARE(a.number(), u"P1"_s);
    QCOMPARE(Query(ReturnQuery{u"1"_s, u"R9"_s, QString(), u"P1"_s}).number(), u"R9"_s);
    QCOMPARE(Query(AmountsQuery{u"4208"_s}).number(), u"4208"_s);
    // The same numbers asked as a brand's order and as a return are not one question.
    QVERIFY(Query(OrderQuery{u"1"_s, u"2"_s, u"3"_s}) != Query(AmountsQuery{u"2"_s}));
}

void TestQuery::answer_readAsTheQuestionsKind()
{
    const QByteArray amountsBody = R"({"transaction_id":"4208","unsplit_amount":1000})";
    const auto amounts = Answer::fromJson(AmountsQuery{u"4208"_s}, amountsBody);
    QVERIFY2(amounts, qPrintable(amounts ? QString() : amounts.error()));
    QCOMPARE(amounts->kind(), LookupKind::Amounts);
    QCOMPARE(amounts->amounts()->unsplitAmount, 1000);

    // The brand order says "status", the ordinary one "state": the question's product decides.
    const QByteArray brandOrder = R"({"sub_mchid":"1900000109","transaction_id":"4208","out_order_no":"P1",
        "order_id":"3008","status":"PROCESSING","receivers":[]})";
    const auto asBrand = Answer::fromJson(OrderQuery{u"1900000109"_s, u"4208"_s, u"P1"_s, Product::Brand}, brandOrder);
    QVERIFY2(asBrand, qPrintable(asBrand ? QString() : asBrand.error()));
    QCOMPARE(asBrand->order()->state, u"PROCESSING"_s);
    QVERIFY(!asBrand->isFinal());
    QVERIFY(!Answer::fromJson(OrderQuery{u"1900000109"_s, u"4208"_s, u"P1"_s}, brandOrder));
    // Not JSON of the kind asked: why, never an answer.
    const auto notAnOrder = Answer::fromJson(OrderQuery{u"1900000109"_s, u"4208"_s, u"P1"_s}, amountsBody);
    QVERIFY(!notAnOrder);
    QVERIFY(!notAnOrder.error().isEmpty());
}

namespace {
ReceiverDetail receiverOf(qint64 fen)
{
    ReceiverDetail receiver;
    receiver.amount = fen;
    return receiver;
}
} // namespace

void TestQuery::answer_stateAndMoney()
{
    OrderResult order;
    order.state = u"FINISHED"_s;
    order.receivers = {receiverOf(100), receiverOf(250)};
    QCOMPARE(Answer(order).stateCode(), u"FINISHED"_s);
    QCOMPARE(Answer(order).totalFen(), 350);
    order.receivers = {receiverOf(std::numeric_limits<qint64>::max()), receiverOf(1)};
    QCOMPARE(Answer(order).totalFen(), std::numeric_limits<qint64>::max()); // saturates, never wraps

    ReturnResult ret;
    ret.result = u"FAILED"_s;
    ret.amount = 2;
    QCOMPARE(Answer(ret).stateCode(), u"FAILED"_s);
    QCOMPARE(Answer(ret).totalFen(), 2);

    AmountsResult amounts;
    QCOMPARE(Answer(amounts).stateCode(), AmountsResult::nothingLeftCode());
    amounts.unsplitAmount = 12800;
    QCOMPARE(Answer(amounts).stateCode(), AmountsResult::frozenCode());
    QCOMPARE(Answer(amounts).totalFen(), 12800);
    QVERIFY(Answer(amounts).isFinal());
}

void TestQuery::binding_answerOfAnotherKind()
{
    AmountsResult amounts;
    amounts.transactionId = u"4208"_s;
    const QList<IdMismatch> mismatches =
        AnswerBinding::mismatches(Query(OrderQuery{u"1"_s, u"4208"_s, u"P1"_s}), Answer(amounts));
    QCOMPARE(mismatches.size(), 1);
    QCOMPARE(mismatches.at(0).field, u"kind"_s);
    QCOMPARE(mismatches.at(0).asked, u"order"_s);
    QCOMPARE(mismatches.at(0).answered, u"amounts"_s);
    QVERIFY(AnswerBinding::mismatches(Query(AmountsQuery{u"4208"_s}), Answer(amounts)).isEmpty());
}

// A field or choice a kind asks without a row in the one table of field words would show its bare API
// name in the forms (the fallback): every one any kind asks as any product has its words.
void TestQuery::fieldWords_everyFieldAndChoiceHasThem()
{
    for (const QString &field : Query::allFields()) {
        QVERIFY2(QueryFields::all().contains(field), qPrintable(field));
        QVERIFY(QueryFields::label(field) != field);
        QVERIFY(QueryFields::label(field).contains(u'(' + field + u')')); // the API name, as documents say it
        QVERIFY(!QueryFields::placeholder(field).isEmpty());
        QVERIFY(QueryFields::noun(field) != field);
    }
    for (const LookupKind kind : LookupKinds::all()) {
        for (const Product product : Products::all()) {
            for (const QStringList &group : Query::fieldGroups(kind, product)) {
                QVERIFY2(!QueryFields::groupLabel(group).contains(u" / "_s), qPrintable(group.join(u',')));
                QVERIFY2(!QueryFields::groupNoun(group).contains(u" / "_s), qPrintable(group.join(u',')));
            }
        }
    }
    QCOMPARE(QueryFields::groupLabel({u"out_order_no"_s, u"order_id"_s}),
             QueryFields::groupLabel({u"order_id"_s, u"out_order_no"_s}));
    QCOMPARE(QueryFields::label(u"no_such_field"), u"no_such_field"_s);
}

void TestQuery::fieldWords_nounList()
{
    QCOMPARE(QueryFields::nounList({}), QString());
    QCOMPARE(QueryFields::nounList(AmountsQuery::fieldGroups(Product::Brand)),
             u"the WeChat Pay transaction ID"_s);
    QCOMPARE(QueryFields::nounList(OrderQuery::fieldGroups(Product::Direct)),
             u"the WeChat Pay transaction ID and your profit-sharing order number"_s);
    QCOMPARE(QueryFields::nounList(ReturnQuery::fieldGroups(Product::Brand)),
             u"the sub-merchant ID, your return number and the original profit-sharing order"_s);
}

// What the CLI's table and the desktop's AnswerView show, per kind: the state with its code, the
// product's own numbers, lines and advice once per failure reason.
void TestQuery::facts_describeEachKindAsItsProductAnswers()
{
    const auto valueOf = [](const ResultFacts &facts, const QString &label) {
        for (const ResultFacts::Fact &fact : facts.facts) {
            if (fact.label == label)
                return fact.value;
        }
        return u"<none>"_s;
    };
    LookupResult none;
    QVERIFY(ResultFacts::of(none).title.isEmpty());

    OrderResult order;
    order.transactionId = u"4208450740201411110007820472"_s;
    order.outOrderNo = u"P1"_s;
    order.state = u"FINISHED"_s;
    ReceiverDetail closed;
    closed.amount = 100;
    closed.result = u"CLOSED"_s;
    closed.failReason = u"NO_RELATION"_s;
    order.receivers = {closed, closed};
    LookupResult orderResult;
    orderResult.query = OrderQuery{{}, order.transactionId, order.outOrderNo, Product::Direct};
    orderResult.answer = order;
    const ResultFacts orderFacts = ResultFacts::of(orderResult);
    QCOMPARE(orderFacts.state.code, u"FINISHED"_s);
    QCOMPARE(orderFacts.state.tone, Labels::orderStateTone(u"FINISHED"_s));
    QCOMPARE(valueOf(orderFacts, QueryFields::label(u"transaction_id")), order.transactionId);
    QCOMPARE(orderFacts.lines.size(), 2);
    QCOMPARE(orderFacts.lines.at(0).size(), orderFacts.lineHeader.size());
    QCOMPARE(orderFacts.lines.at(0).at(1), u"1.00"_s);
    QCOMPARE(orderFacts.advice.size(), 1); // NO_RELATION's advice once, not per receiver
    // The batch table's cheap reading says the same.
    QCOMPARE(ResultFacts::failures(orderResult).problem, orderFacts.problem);
    QCOMPARE(ResultFacts::failures(orderResult).advice.size(), 1);
    QVERIFY(ResultFacts::failures(orderResult).facts.isEmpty());
    QCOMPARE(orderFacts.advice.constFirst().label, u"NO_RELATION"_s);
    QCOMPARE(orderFacts.advice.constFirst().value, Labels::receiverFailAdvice(u"NO_RELATION"_s));
    QVERIFY(orderFacts.problem.contains(Labels::receiverFailReason(u"NO_RELATION"_s)));

    // A brand order's money split back to the merchant: only its answer has it.
    OrderResult brandOrder = order;
    brandOrder.finishAmount = 500;
    LookupResult brandOrderResult;
    brandOrderResult.query =
        OrderQuery{u"1900000109"_s, order.transactionId, order.outOrderNo, Product::Brand};
    brandOrderResult.answer = brandOrder;
    QCOMPARE(valueOf(ResultFacts::of(brandOrderResult), ResultFacts::tr("Returned to the merchant (yuan)")),
             u"5.00"_s);
    QCOMPARE(valueOf(orderFacts, ResultFacts::tr("Returned to the merchant (yuan)")), QString());

    ReturnResult ret;
    ret.outReturnNo = u"R1"_s;
    ret.returnNo = u"3008450740201411110007820473"_s;
    ret.result = u"FAILED"_s;
    ret.failReason = u"BALANCE_NOT_ENOUGH"_s;
    ret.amount = 12345;
    LookupResult brand;
    brand.query = ReturnQuery{u"1900000109"_s, u"R1"_s, u"300"_s, {}, Product::Brand};
    brand.answer = ret;
    const ResultFacts brandFacts = ResultFacts::of(brand);
    QCOMPARE(brandFacts.title, LookupKinds::dialogTitle(LookupKind::Return));
    QCOMPARE(valueOf(brandFacts, ResultFacts::tr("WeChat Pay return No. (%1)").arg(u"return_no"_s)),
             ret.returnNo);
    QCOMPARE(valueOf(brandFacts, ResultFacts::tr("Return amount (yuan)")), u"123.45"_s);
    QVERIFY(valueOf(brandFacts, ResultFacts::tr("Failure reason")).contains(u"(BALANCE_NOT_ENOUGH)"_s));
    QCOMPARE(brandFacts.problem, valueOf(brandFacts, ResultFacts::tr("Failure reason")));
    QCOMPARE(brandFacts.advice.size(), 1);
    QCOMPARE(brandFacts.advice.constFirst().value, Labels::returnFailAdvice(u"BALANCE_NOT_ENOUGH"_s));
    QVERIFY(brandFacts.linesTitle.isEmpty());
    brand.query.setProduct(Product::ServiceProvider);
    QCOMPARE(
        valueOf(ResultFacts::of(brand), ResultFacts::tr("WeChat Pay return No. (%1)").arg(u"return_id"_s)),
        ret.returnNo);

    AmountsResult amounts;
    amounts.transactionId = order.transactionId;
    LookupResult amountsResult;
    amountsResult.query = AmountsQuery{amounts.transactionId};
    amountsResult.answer = amounts;
    const ResultFacts nothing = ResultFacts::of(amountsResult);
    QCOMPARE(nothing.state.code, AmountsResult::nothingLeftCode());
    QCOMPARE(nothing.state.sent, u"unsplit_amount = 0"_s);
    QCOMPARE(nothing.state.tone, Labels::Tone::Good);
    QCOMPARE(valueOf(nothing, ResultFacts::tr("Remaining to share (yuan)")), u"0.00"_s);
    QVERIFY(nothing.problem.isEmpty());
    QVERIFY(nothing.advice.isEmpty());
}

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
