#include "format/labels.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

using LabelFn = QString (*)(const QString &);
Q_DECLARE_METATYPE(LabelFn)

class TestLabels final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCode_hasLabel_data();
    void everyCode_hasLabel();
    void everyFailureCode_hasAdvice_data();
    void everyFailureCode_hasAdvice();
    void unknownCode_passesThrough_data();
    void unknownCode_passesThrough();
    void advice_isFaithfulToDocs();
    void tones();
};

namespace {

struct Group {
    const char *name;
    LabelFn label;
    QStringList codes;
};

QList<Group> labelGroups()
{
    return {
        {"orderState", &Labels::orderState, {u"PROCESSING"_s, u"FINISHED"_s}},
        {"receiverType",
         &Labels::receiverType,
         {u"MERCHANT_ID"_s, u"PERSONAL_OPENID"_s, u"PERSONAL_SUB_OPENID"_s}},
        {"receiverResult", &Labels::receiverResult, {u"PENDING"_s, u"SUCCESS"_s, u"CLOSED"_s}},
        {"receiverFailReason",
         &Labels::receiverFailReason,
         {u"ACCOUNT_ABNORMAL"_s, u"NO_RELATION"_s, u"RECEIVER_HIGH_RISK"_s,
          u"RECEIVER_REAL_NAME_NOT_VERIFIED"_s, u"NO_AUTH"_s, u"RECEIVER_RECEIPT_LIMIT"_s,
          u"PAYER_ACCOUNT_ABNORMAL"_s, u"INVALID_REQUEST"_s}},
        {"returnResult", &Labels::returnResult, {u"PROCESSING"_s, u"SUCCESS"_s, u"FAIL"_s, u"FAILED"_s}},
        {"returnFailReason",
         &Labels::returnFailReason,
         {u"ACCOUNT_ABNORMAL"_s, u"TIME_OUT_CLOSED"_s, u"PAYER_ACCOUNT_ABNORMAL"_s, u"INVALID_REQUEST"_s}},
        {"errorCode",
         &Labels::errorCode,
         {u"PARAM_ERROR"_s, u"INVALID_REQUEST"_s, u"SIGN_ERROR"_s, u"NO_AUTH"_s, u"RESOURCE_NOT_EXISTS"_s,
          u"FREQUENCY_LIMITED"_s, u"SYSTEM_ERROR"_s}},
    };
}

QList<Group> adviceGroups()
{
    QList<Group> groups = labelGroups();
    QList<Group> advice;
    for (const Group &g : groups) {
        const QByteArray name(g.name);
        if (name == "orderState")
            advice.append({"orderStateAdvice", &Labels::orderStateAdvice, g.codes});
        else if (name == "receiverFailReason")
            advice.append({"receiverFailAdvice", &Labels::receiverFailAdvice, g.codes});
        else if (name == "returnResult")
            advice.append({"returnResultAdvice", &Labels::returnResultAdvice, g.codes});
        else if (name == "returnFailReason")
            advice.append({"returnFailAdvice", &Labels::returnFailAdvice, g.codes});
        else if (name == "errorCode")
            advice.append({"errorAdvice", &Labels::errorAdvice, g.codes});
    }
    return advice;
}

void addRows(const QList<Group> &groups)
{
    QTest::addColumn<LabelFn>("fn");
    QTest::addColumn<QString>("code");
    for (const Group &g : groups) {
        for (const QString &code : g.codes)
            QTest::addRow("%s %s", g.name, qPrintable(code)) << g.label << code;
    }
}

} // namespace

void TestLabels::everyCode_hasLabel_data()
{
    addRows(labelGroups());
}

void TestLabels::everyCode_hasLabel()
{
    QFETCH(LabelFn, fn);
    QFETCH(QString, code);
    const QString label = fn(code);
    QVERIFY(!label.trimmed().isEmpty());
    QVERIFY2(label != code, qPrintable(label));
}

void TestLabels::everyFailureCode_hasAdvice_data()
{
    addRows(adviceGroups());
}

void TestLabels::everyFailureCode_hasAdvice()
{
    QFETCH(LabelFn, fn);
    QFETCH(QString, code);
    const QString advice = fn(code);
    QVERIFY(advice.size() > 10);
    QVERIFY(advice != code);
}

void TestLabels::unknownCode_passesThrough_data()
{
    QTest::addColumn<LabelFn>("fn");
    QTest::addColumn<LabelFn>("advice");
    QTest::newRow("orderState") << LabelFn(&Labels::orderState) << LabelFn(&Labels::orderStateAdvice);
    QTest::newRow("receiverType") << LabelFn(&Labels::receiverType) << LabelFn(nullptr);
    QTest::newRow("receiverResult") << LabelFn(&Labels::receiverResult) << LabelFn(nullptr);
    QTest::newRow("receiverFailReason")
        << LabelFn(&Labels::receiverFailReason) << LabelFn(&Labels::receiverFailAdvice);
    QTest::newRow("returnResult") << LabelFn(&Labels::returnResult) << LabelFn(&Labels::returnResultAdvice);
    QTest::newRow("returnFailReason")
        << LabelFn(&Labels::returnFailReason) << LabelFn(&Labels::returnFailAdvice);
    QTest::newRow("errorCode") << LabelFn(&Labels::errorCode) << LabelFn(&Labels::errorAdvice);
}

void TestLabels::unknownCode_passesThrough()
{
    QFETCH(LabelFn, fn);
    QFETCH(LabelFn, advice);
    QCOMPARE(fn(u"SOMETHING_NEW_2030"_s), u"SOMETHING_NEW_2030"_s);
    QCOMPARE(fn(QString()), QString());
    // Codes are exact: a lower-case variant is not a known code.
    QCOMPARE(fn(u"success"_s), u"success"_s);
    if (advice)
        QCOMPARE(advice(u"SOMETHING_NEW_2030"_s), QString());
}

void TestLabels::advice_isFaithfulToDocs()
{
    const QString processing = Labels::returnResultAdvice(u"PROCESSING"_s);
    QVERIFY(processing.contains(u"SAME out_return_no"_s));
    QVERIFY(processing.contains(u"never a new"_s));
    QVERIFY(processing.contains(u"5 days"_s));
    QVERIFY(Labels::returnFailAdvice(u"TIME_OUT_CLOSED"_s).contains(u"5 days"_s));
    QVERIFY(Labels::receiverFailAdvice(u"NO_RELATION"_s).contains(u"添加分账接收方"_s));
    QVERIFY(Labels::receiverFailAdvice(u"RECEIVER_REAL_NAME_NOT_VERIFIED"_s)
                .contains(u"real-name verification"_s));
    QVERIFY(Labels::errorAdvice(u"SIGN_ERROR"_s).contains(u"serial number"_s));
    QVERIFY(Labels::errorAdvice(u"SIGN_ERROR"_s).contains(u"private key"_s));
    QVERIFY(Labels::errorAdvice(u"RESOURCE_NOT_EXISTS"_s).contains(u"sub_mchid"_s));
    QVERIFY(Labels::errorAdvice(u"FREQUENCY_LIMITED"_s).contains(u"Wait"_s));
    QVERIFY(Labels::errorAdvice(u"SYSTEM_ERROR"_s).contains(u"Retry later"_s));
    QVERIFY(Labels::orderStateAdvice(u"PROCESSING"_s).contains(u"query again later"_s));
}

void TestLabels::tones()
{
    using Labels::Tone;
    QCOMPARE(Labels::orderStateTone(u"FINISHED"_s), Tone::Good);
    QCOMPARE(Labels::orderStateTone(u"PROCESSING"_s), Tone::Pending);
    QCOMPARE(Labels::orderStateTone(u"NEW_STATE"_s), Tone::Neutral);
    QCOMPARE(Labels::receiverResultTone(u"SUCCESS"_s), Tone::Good);
    QCOMPARE(Labels::receiverResultTone(u"PENDING"_s), Tone::Pending);
    QCOMPARE(Labels::receiverResultTone(u"CLOSED"_s), Tone::Bad);
    QCOMPARE(Labels::receiverResultTone(u"OTHER"_s), Tone::Neutral);
    QCOMPARE(Labels::returnResultTone(u"SUCCESS"_s), Tone::Good);
    QCOMPARE(Labels::returnResultTone(u"PROCESSING"_s), Tone::Pending);
    QCOMPARE(Labels::returnResultTone(u"FAIL"_s), Tone::Bad);
    QCOMPARE(Labels::returnResultTone(u"FAILED"_s), Tone::Bad);
    QCOMPARE(Labels::returnResultTone(QString()), Tone::Neutral);
}

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
