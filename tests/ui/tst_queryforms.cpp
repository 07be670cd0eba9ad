#include "fieldedit.h"
#include "lookup/queryfields.h"
#include "queryform.h"

#include <memory>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace fenzhang;
using namespace Qt::StringLiterals;

namespace {

void fillValidOrder(QueryForm &form)
{
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"transaction_id"_s), u"4208450740201411110007820472"_s);
    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
}

OrderQuery orderOf(const QueryForm &form)
{
    return *form.currentQuery().order();
}

ReturnQuery returnOf(const QueryForm &form)
{
    return *form.currentQuery().returnOrder();
}

QLabel *errorLabel(QWidget &form, const QString &field)
{
    return form.findChild<QLabel *>(field + u"Error"_s);
}

} // namespace

class TestQueryForms final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyForm_queryDisabledAndNothingRed();
    void typingValidValues_enablesQuery();
    void typingLetterIntoDigits_marksFieldWithReason();
    void fixingField_clearsMark();
    void pastedValue_isTrimmed();
    void typedSurroundingSpaces_areTrimmed();
    void enter_submitsOnlyWhenValid();
    void enterOnInvalidForm_marksEveryField();
    void escape_cancelsWhileBusy();
    void busy_disablesQueryAndShowsCancel();
    void setQuery_trimsAndValidates();
    void returnForm_orderByChoosesTheField();
    void returnForm_eachWayKeepsItsOwnNumber();
    void returnForm_emptyOrderField_marked();
    void enterOnInvalidField_focusesFirstInvalidAndSaysWhy();
    void inlineErrors_doNotMoveTheFields();
    void fields_haveAccessibleNames();
    void orderForm_directMerchant_asksNoSubMchid();
    void returnForm_ordinary_namesTheOrderByOutOrderNoOnly_data();
    void returnForm_ordinary_namesTheOrderByOutOrderNoOnly();
    void form_asksWhatTheKindDescribes_data();
    void form_asksWhatTheKindDescribes();
    void brandReturn_choiceStandsBeforeItsFields();
    void amountsForm_asksTheTransactionOnly();
};

void TestQueryForms::emptyForm_queryDisabledAndNothingRed()
{
    QueryForm form(LookupKind::Order);
    QVERIFY(!form.queryButton()->isEnabled());
    QVERIFY(!form.isValid());
    for (FieldEdit *field : form.fields()) {
        QVERIFY(!field->hasError());
        QVERIFY(errorLabel(form, field->apiName())->text().isEmpty());
    }
}

void TestQueryForms::typingValidValues_enablesQuery()
{
    QueryForm form(LookupKind::Order);
    QSignalSpy validity(&form, &QueryForm::validityChanged);
    fillValidOrder(form);
    QVERIFY(form.queryButton()->isEnabled());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), true);
    const OrderQuery q = orderOf(form);
    QCOMPARE(q.subMchid, u"1900000109"_s);
    QCOMPARE(q.transactionId, u"4208450740201411110007820472"_s);
    QCOMPARE(q.outOrderNo, u"P20150806125346"_s);
}

void TestQueryForms::typingLetterIntoDigits_marksFieldWithReason()
{
    QueryForm form(LookupKind::Order);
    form.show();
    fillValidOrder(form);
    FieldEdit *sub = form.field(u"sub_mchid"_s);
    QTest::keyClicks(sub, u"x"_s);
    QVERIFY(sub->hasError());
    QCOMPARE(sub->toolTip(), sub->error());
    QVERIFY(!errorLabel(form, u"sub_mchid"_s)->text().isEmpty());
    QCOMPARE(errorLabel(form, u"sub_mchid"_s)->text(), sub->error());
    QVERIFY(!form.queryButton()->isEnabled());
    // The other fields stay valid and unmarked.
    QVERIFY(!form.field(u"out_order_no"_s)->hasError());
}

void TestQueryForms::fixingField_clearsMark()
{
    QueryForm form(LookupKind::Order);
    fillValidOrder(form);
    FieldEdit *sub = form.field(u"sub_mchid"_s);
    QTest::keyClicks(sub, u"x"_s);
    QVERIFY(sub->hasError());
    QTest::keyClick(sub, Qt::Key_Backspace);
    QVERIFY(!sub->hasError());
    QVERIFY(form.queryButton()->isEnabled());
}

void TestQueryForms::pastedValue_isTrimmed()
{
    QueryForm form(LookupKind::Order);
    form.show();
    FieldEdit *tx = form.field(u"transaction_id"_s);
    QApplication::clipboard()->setText(u"  4208450740201411110007820472\t\r\n"_s);
    tx->setFocus();
    QTest::keySequence(tx, QKeySequence::Paste);
    QCOMPARE(tx->text(), u"4208450740201411110007820472"_s);
    QVERIFY(!tx->hasError());
}

void TestQueryForms::typedSurroundingSpaces_areTrimmed()
{
    QueryForm form(LookupKind::Order);
    FieldEdit *no = form.field(u"out_order_no"_s);
    QTest::keyClicks(no, u" P2015 "_s);
    QCOMPARE(no->text(), u"P2015"_s);
}

void TestQueryForms::enter_submitsOnlyWhenValid()
{
    QueryForm form(LookupKind::Order);
    form.show();
    QSignalSpy submitted(&form, &QueryForm::submitted);
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClick(form.field(u"sub_mchid"_s), Qt::Key_Return);
    QCOMPARE(submitted.size(), 0);
    QTest::keyClicks(form.field(u"transaction_id"_s), u"4208450740201411110007820472"_s);
    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
    QTest::keyClick(form.field(u"out_order_no"_s), Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QTest::keyClick(form.field(u"out_order_no"_s), Qt::Key_Enter);
    QCOMPARE(submitted.size(), 2);
}

void TestQueryForms::enterOnInvalidForm_marksEveryField()
{
    QueryForm form(LookupKind::Order);
    form.show();
    QTest::keyClick(form.field(u"sub_mchid"_s), Qt::Key_Return);
    for (FieldEdit *field : form.fields())
        QVERIFY2(field->hasError(), qPrintable(field->apiName()));
}

void TestQueryForms::escape_cancelsWhileBusy()
{
    QueryForm form(LookupKind::Order);
    form.show();
    fillValidOrder(form);
    QSignalSpy cancel(&form, &QueryForm::cancelRequested);
    QTest::keyClick(form.field(u"sub_mchid"_s), Qt::Key_Escape);
    QCOMPARE(cancel.size(), 0); // nothing running: nothing to cancel
    form.setBusy(true);
    QTest::keyClick(form.field(u"sub_mchid"_s), Qt::Key_Escape);
    QCOMPARE(cancel.size(), 1);
    QTest::mouseClick(form.cancelButton(), Qt::LeftButton);
    QCOMPARE(cancel.size(), 2);
}

void TestQueryForms::busy_disablesQueryAndShowsCancel()
{
    QueryForm form(LookupKind::Order);
    form.show();
    fillValidOrder(form);
    QSignalSpy submitted(&form, &QueryForm::submitted);
    form.setBusy(true);
    QVERIFY(!form.queryButton()->isEnabled());
    QVERIFY(form.cancelButton()->isVisible());
    QVERIFY(form.field(u"sub_mchid"_s)->isReadOnly());
    QVERIFY(!form.submit());
    QCOMPARE(submitted.size(), 0);
    form.setBusy(false);
    QVERIFY(form.queryButton()->isEnabled());
    QVERIFY(!form.cancelButton()->isVisible());
}

void TestQueryForms::setQuery_trimsAndValidates()
{
    QueryForm form(LookupKind::Order);
    form.setQuery(OrderQuery{u" 1900000109 "_s, u"4208450740201411110007820472\n"_s, u"P1"_s});
    QCOMPARE(form.field(u"sub_mchid"_s)->text(), u"1900000109"_s);
    QVERIFY(form.queryButton()->isEnabled());
}

void TestQueryForms::returnForm_orderByChoosesTheField()
{
    QueryForm form(LookupKind::Return);
    form.setProduct(Product::Brand); // the brand's return names the order either way
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"out_return_no"_s), u"R20190516"_s);
    QVERIFY(!form.queryButton()->isEnabled());
    QTest::keyClicks(form.field(u"order_id"_s), u"3008450740201411110007820472"_s);
    QVERIFY(form.queryButton()->isEnabled());
    ReturnQuery q = returnOf(form);
    QCOMPARE(q.orderId, u"3008450740201411110007820472"_s);
    QVERIFY(q.outOrderNo.isEmpty());

    form.setQuery(ReturnQuery{u"1900000109"_s, u"R1"_s, {}, u"P20150806125346"_s});
    QCOMPARE(form.choiceBox(u"order_id"_s)->currentData().toString(), u"out_order_no"_s);
    QCOMPARE(form.chosenField(u"order_id"_s), form.field(u"out_order_no"_s));
    QCOMPARE(form.field(u"out_order_no"_s)->text(), u"P20150806125346"_s);
    QCOMPARE(returnOf(form).outOrderNo, u"P20150806125346"_s);
    QVERIFY(returnOf(form).orderId.isEmpty());
}

// Issue 16.5: switching 查询方式 used to carry the 32-digit order_id over and send it as out_order_no.
void TestQueryForms::returnForm_eachWayKeepsItsOwnNumber()
{
    QueryForm form(LookupKind::Return);
    form.setProduct(Product::Brand); // the brand's return names the order either way
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"out_return_no"_s), u"R20190516"_s);
    const QString orderId = u"3008450740201411110007820472"_s;
    QTest::keyClicks(form.field(u"order_id"_s), orderId);
    QVERIFY(form.field(u"order_id"_s)->isVisible());
    QVERIFY(!form.field(u"out_order_no"_s)->isVisible());
    QVERIFY(form.labelText(form.chosenField(u"order_id"_s)).contains(u"order_id"_s));

    form.choose(u"out_order_no"_s);
    // The other way's own, empty field, labelled with its API name; nothing is carried over.
    QCOMPARE(form.chosenField(u"order_id"_s), form.field(u"out_order_no"_s));
    QVERIFY(form.field(u"out_order_no"_s)->isVisible());
    QVERIFY(!form.field(u"order_id"_s)->isVisible());
    QVERIFY(form.labelText(form.chosenField(u"order_id"_s)).contains(u"out_order_no"_s));
    QVERIFY(!form.labelText(form.chosenField(u"order_id"_s)).contains(u"(order_id)"_s));
    QVERIFY(form.field(u"out_order_no"_s)->text().isEmpty());
    QVERIFY(returnOf(form).outOrderNo.isEmpty());
    QVERIFY(returnOf(form).orderId.isEmpty());
    QVERIFY(!form.queryButton()->isEnabled());
    QVERIFY(!form.fields().contains(form.field(u"order_id"_s)));

    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
    QCOMPARE(returnOf(form).outOrderNo, u"P20150806125346"_s);
    QVERIFY(returnOf(form).orderId.isEmpty());

    // Back: the order_id typed first is still there, and only it is sent.
    form.choiceBox(u"order_id"_s)->setCurrentIndex(0);
    QCOMPARE(form.field(u"order_id"_s)->text(), orderId);
    QCOMPARE(returnOf(form).orderId, orderId);
    QVERIFY(returnOf(form).outOrderNo.isEmpty());
    form.choiceBox(u"order_id"_s)->setCurrentIndex(1);
    QCOMPARE(form.field(u"out_order_no"_s)->text(), u"P20150806125346"_s);
    QVERIFY(returnOf(form).orderId.isEmpty());
}

void TestQueryForms::returnForm_emptyOrderField_marked()
{
    QueryForm form(LookupKind::Return);
    form.setProduct(Product::Brand); // the brand's return names the order either way
    form.show();
    QTest::keyClicks(form.field(u"order_id"_s), u"1"_s);
    QTest::keyClick(form.field(u"order_id"_s), Qt::Key_Backspace);
    QVERIFY(form.field(u"order_id"_s)->hasError());
    QTest::keyClicks(form.field(u"order_id"_s), u"12a"_s); // order_id is digits only
    QVERIFY(form.field(u"order_id"_s)->hasError());
    form.choose(u"out_order_no"_s); // out_order_no allows letters
    QVERIFY(!form.field(u"order_id"_s)->hasError());
}

// Issue 16.4: Enter with a field in error said nothing and left the cursor where it was.
void TestQueryForms::enterOnInvalidField_focusesFirstInvalidAndSaysWhy()
{
    QueryForm form(LookupKind::Order);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    form.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"transaction_id"_s), u"42084507x"_s);
    FieldEdit *last = form.field(u"out_order_no"_s);
    last->setFocus();
    QTRY_VERIFY(last->hasFocus());
    QSignalSpy submitted(&form, &QueryForm::submitted);
    QSignalSpy refused(&form, &QueryForm::refused);
    QTest::keyClick(last, Qt::Key_Return);
    QCOMPARE(submitted.size(), 0);
    QCOMPARE(refused.size(), 1);
    FieldEdit *wrong = form.field(u"transaction_id"_s);
    QTRY_VERIFY(wrong->hasFocus());
    const QString reason = refused.constFirst().constFirst().toString();
    QVERIFY2(reason.contains(form.labelText(wrong)) && reason.contains(wrong->error()), qPrintable(reason));
    QCOMPARE(wrong->selectedText(), wrong->text()); // ready to be typed over
    // Every field in error now says so, under itself, and to a screen reader.
    QCOMPARE(errorLabel(form, u"out_order_no"_s)->text(), last->error());
    QVERIFY(!last->error().isEmpty());
    QCOMPARE(wrong->accessibleDescription(), wrong->error());
}

// Issue 16.4: a reason that appears under a field while typing must not push the fields around.
void TestQueryForms::inlineErrors_doNotMoveTheFields()
{
    for (const LookupKind kind : LookupKinds::all()) {
        std::unique_ptr<QueryForm> owner(new QueryForm(kind));
        QueryForm &form = *owner;
        form.resize(700, form.sizeHint().height());
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        const auto geometries = [&] {
            QList<QRect> list;
            for (FieldEdit *field : form.fields())
                list << QRect(field->mapTo(&form, QPoint(0, 0)), field->size());
            list << QRect(form.queryButton()->mapTo(&form, QPoint(0, 0)), form.queryButton()->size());
            return list;
        };
        const QList<QRect> before = geometries();
        FieldEdit *first = form.fields().constFirst();
        QTest::keyClicks(first, u"19x"_s); // "digits only" appears
        QVERIFY(first->hasError());
        QVERIFY(!errorLabel(form, first->apiName())->text().isEmpty());
        QApplication::processEvents();
        QCOMPARE(geometries(), before);
        QTest::keyClick(first, Qt::Key_Backspace); // and goes
        QVERIFY(!first->hasError());
        QApplication::processEvents();
        QCOMPARE(geometries(), before);
    }
}

void TestQueryForms::fields_haveAccessibleNames()
{
    QueryForm form(LookupKind::Return);
    for (FieldEdit *field : {form.field(u"sub_mchid"_s), form.field(u"out_return_no"_s), form.field(u"order_id"_s),
                             form.field(u"out_order_no"_s)})
        QCOMPARE(field->accessibleName(), form.labelText(field));
    QVERIFY(!form.choiceBox(u"order_id"_s)->accessibleName().isEmpty());
}

// Issue 18: the form asks the numbers of the profile's product.
void TestQueryForms::orderForm_directMerchant_asksNoSubMchid()
{
    QueryForm form(LookupKind::Order);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QCOMPARE(form.product(), Product::ServiceProvider);
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"transaction_id"_s), u"4208450740201411110007820472"_s);
    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
    QVERIFY(form.queryButton()->isEnabled());

    form.setProduct(Product::Direct);
    QVERIFY(!form.field(u"sub_mchid"_s)->isVisible());
    QVERIFY(!form.fields().contains(form.field(u"sub_mchid"_s)));
    // The number typed as a service provider stays in its hidden field but is not sent.
    const OrderQuery q = orderOf(form);
    QCOMPARE(q.product, Product::Direct);
    QVERIFY(q.subMchid.isEmpty());
    QVERIFY(q.validate().isEmpty());
    QVERIFY(form.queryButton()->isEnabled());

    // Back to a service provider: sub_mchid is asked (and required) again.
    form.setProduct(Product::ServiceProvider);
    QVERIFY(form.field(u"sub_mchid"_s)->isVisible());
    QCOMPARE(orderOf(form).subMchid, u"1900000109"_s);
    form.field(u"sub_mchid"_s)->clear();
    QTest::keyClicks(form.field(u"transaction_id"_s), u"0"_s);
    QTest::keyClick(form.field(u"transaction_id"_s), Qt::Key_Backspace);
    QVERIFY(!form.isValid());
}

void TestQueryForms::returnForm_ordinary_namesTheOrderByOutOrderNoOnly_data()
{
    QTest::addColumn<Product>("product");
    QTest::newRow("service provider") << Product::ServiceProvider;
    QTest::newRow("direct merchant") << Product::Direct;
}

void TestQueryForms::returnForm_ordinary_namesTheOrderByOutOrderNoOnly()
{
    QFETCH(Product, product);
    QueryForm form(LookupKind::Return);
    form.setProduct(Product::Brand);
    form.choose(u"order_id"_s);
    form.field(u"order_id"_s)->setText(u"3008450740201411110007820472"_s);
    form.setProduct(product);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    // No way to choose: the order is named by out_order_no, and order_id is never sent.
    QVERIFY(!form.choiceBox(u"order_id"_s)->isVisible());
    QCOMPARE(form.chosenField(u"order_id"_s), form.field(u"out_order_no"_s));
    QVERIFY(form.field(u"out_order_no"_s)->isVisible());
    QVERIFY(!form.field(u"order_id"_s)->isVisible());
    QCOMPARE(form.field(u"sub_mchid"_s)->isVisible(), product == Product::ServiceProvider);
    if (product == Product::ServiceProvider)
        QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"out_return_no"_s), u"R20190516"_s);
    QVERIFY(!form.queryButton()->isEnabled());
    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
    QVERIFY(form.queryButton()->isEnabled());
    const ReturnQuery q = returnOf(form);
    QCOMPARE(q.product, product);
    QVERIFY(q.orderId.isEmpty());
    QCOMPARE(q.outOrderNo, u"P20150806125346"_s);
    QVERIFY(q.validate().isEmpty());
    QVERIFY(QString::fromLatin1(q.requestTarget()).startsWith(u"/v3/profitsharing/return-orders/R20190516"_s));
}

void TestQueryForms::form_asksWhatTheKindDescribes_data()
{
    QTest::addColumn<LookupKind>("kind");
    QTest::addColumn<Product>("product");
    for (const LookupKind kind : LookupKinds::all()) {
        for (const Product product : Products::all())
            QTest::addRow("%s %s", qPrintable(LookupKinds::name(kind)), qPrintable(Products::id(product)))
                << kind << product;
    }
}

// The form is built from the kind's description: one field per number the product asks (a choice
// asks its chosen field), labelled and explained from the one table of field words, in its order.
void TestQueryForms::form_asksWhatTheKindDescribes()
{
    QFETCH(LookupKind, kind);
    QFETCH(Product, product);
    QueryForm form(kind);
    form.setProduct(product);
    QStringList asked;
    for (const QStringList &group : Query::fieldGroups(kind, product))
        asked << group.first(); // a choice starts on its first way
    QStringList shown;
    for (FieldEdit *field : form.fields()) {
        shown << field->apiName();
        QCOMPARE(form.labelText(field), QueryFields::label(field->apiName()));
        QCOMPARE(field->accessibleName(), QueryFields::label(field->apiName()));
        QCOMPARE(field->placeholderText(), QueryFields::placeholder(field->apiName()));
        QVERIFY(!field->placeholderText().isEmpty());
    }
    QCOMPARE(shown, asked);
    QCOMPARE(form.currentQuery().kind(), kind);
    QCOMPARE(form.currentQuery().product(), product);
    // Filled with a question's numbers, it asks exactly that question.
    Query question = Query::blank(kind, product);
    for (const QStringList &group : Query::fieldGroups(kind, product))
        question.setValue(group.last(), group.last() == u"sub_mchid"_s ? u"1900000109"_s
                                                                       : u"4208450740201411110007820472"_s);
    form.setQuery(question);
    QCOMPARE(form.currentQuery(), question.trimmed());
    QVERIFY(form.isValid());
}

void TestQueryForms::brandReturn_choiceStandsBeforeItsFields()
{
    QueryForm form(LookupKind::Return);
    form.setProduct(Product::Brand);
    form.resize(700, form.sizeHint().height());
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QComboBox *box = form.choiceBox(u"out_order_no"_s);
    QVERIFY(box);
    QCOMPARE(form.choiceBox(u"order_id"_s), box);
    QVERIFY(!form.choiceBox(u"out_return_no"_s));
    QVERIFY(box->isVisible());
    QCOMPARE(box->accessibleName(), QueryFields::groupLabel({u"order_id"_s, u"out_order_no"_s}));
    QCOMPARE(box->count(), 2);
    QCOMPARE(box->itemText(0), QueryFields::label(u"order_id"));
    QCOMPARE(box->itemText(1), QueryFields::label(u"out_order_no"));
    const auto top = [&form](QWidget *widget) { return widget->mapTo(&form, QPoint(0, 0)).y(); };
    QVERIFY(top(form.field(u"sub_mchid"_s)) < top(form.field(u"out_return_no"_s)));
    QVERIFY(top(form.field(u"out_return_no"_s)) < top(box));
    QVERIFY(top(box) < top(form.field(u"order_id"_s)));
    form.choose(u"out_order_no"_s);
    QVERIFY(top(box) < top(form.field(u"out_order_no"_s)));
    QCOMPARE(form.chosenField(u"order_id"_s), form.field(u"out_order_no"_s));
}

void TestQueryForms::amountsForm_asksTheTransactionOnly()
{
    QueryForm form(LookupKind::Amounts);
    for (const Product product : Products::all()) {
        form.setProduct(product);
        QCOMPARE(form.fields(), QList<FieldEdit *>{form.field(u"transaction_id"_s)});
        QVERIFY(!form.field(u"sub_mchid"_s));
        QVERIFY(!form.choiceBox(u"transaction_id"_s));
    }
    form.setProduct(Product::ServiceProvider);
    QVERIFY(!form.queryButton()->isEnabled());
    QTest::keyClicks(form.field(u"transaction_id"_s), u" 4208450740201411110007820472"_s);
    QVERIFY(form.queryButton()->isEnabled());
    const Query q = form.currentQuery();
    QVERIFY(q.amounts());
    QCOMPARE(q.amounts()->transactionId, u"4208450740201411110007820472"_s);
    QCOMPARE(q.requestTarget(),
             QByteArray("/v3/profitsharing/transactions/4208450740201411110007820472/amounts"));
    // A question of another kind does not fill it.
    form.setQuery(OrderQuery{u"1900000109"_s, u"1"_s, u"P1"_s});
    QCOMPARE(form.field(u"transaction_id"_s)->text(), u"4208450740201411110007820472"_s);
}

QTEST_MAIN(TestQueryForms)
#include "tst_queryforms.moc"
