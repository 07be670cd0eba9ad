#include "fieldedit.h"
#include "orderform.h"
#include "returnform.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fenzhang;
using namespace Qt::StringLiterals;

namespace {

void fillValidOrder(OrderForm &form)
{
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"transaction_id"_s), u"4208450740201411110007820472"_s);
    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
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
};

void TestQueryForms::emptyForm_queryDisabledAndNothingRed()
{
    OrderForm form;
    QVERIFY(!form.queryButton()->isEnabled());
    QVERIFY(!form.isValid());
    for (FieldEdit *field : form.fields()) {
        QVERIFY(!field->hasError());
        QVERIFY(errorLabel(form, field->apiName())->text().isEmpty());
    }
}

void TestQueryForms::typingValidValues_enablesQuery()
{
    OrderForm form;
    QSignalSpy validity(&form, &QueryForm::validityChanged);
    fillValidOrder(form);
    QVERIFY(form.queryButton()->isEnabled());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), true);
    const OrderQuery q = form.query();
    QCOMPARE(q.subMchid, u"1900000109"_s);
    QCOMPARE(q.transactionId, u"4208450740201411110007820472"_s);
    QCOMPARE(q.outOrderNo, u"P20150806125346"_s);
}

void TestQueryForms::typingLetterIntoDigits_marksFieldWithReason()
{
    OrderForm form;
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
    OrderForm form;
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
    OrderForm form;
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
    OrderForm form;
    FieldEdit *no = form.field(u"out_order_no"_s);
    QTest::keyClicks(no, u" P2015 "_s);
    QCOMPARE(no->text(), u"P2015"_s);
}

void TestQueryForms::enter_submitsOnlyWhenValid()
{
    OrderForm form;
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
    OrderForm form;
    form.show();
    QTest::keyClick(form.field(u"sub_mchid"_s), Qt::Key_Return);
    for (FieldEdit *field : form.fields())
        QVERIFY2(field->hasError(), qPrintable(field->apiName()));
}

void TestQueryForms::escape_cancelsWhileBusy()
{
    OrderForm form;
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
    OrderForm form;
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
    OrderForm form;
    form.setQuery({u" 1900000109 "_s, u"4208450740201411110007820472\n"_s, u"P1"_s});
    QCOMPARE(form.field(u"sub_mchid"_s)->text(), u"1900000109"_s);
    QVERIFY(form.queryButton()->isEnabled());
}

void TestQueryForms::returnForm_orderByChoosesTheField()
{
    ReturnForm form;
    form.setProduct(Product::Brand); // the brand's return names the order either way
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"out_return_no"_s), u"R20190516"_s);
    QVERIFY(!form.queryButton()->isEnabled());
    QTest::keyClicks(form.field(u"order_id"_s), u"3008450740201411110007820472"_s);
    QVERIFY(form.queryButton()->isEnabled());
    ReturnQuery q = form.query();
    QCOMPARE(q.orderId, u"3008450740201411110007820472"_s);
    QVERIFY(q.outOrderNo.isEmpty());

    form.setQuery({u"1900000109"_s, u"R1"_s, {}, u"P20150806125346"_s});
    QCOMPARE(form.orderBy(), ReturnForm::OrderBy::OutOrderNo);
    QCOMPARE(form.orderField(), form.field(u"out_order_no"_s));
    QCOMPARE(form.field(u"out_order_no"_s)->text(), u"P20150806125346"_s);
    QCOMPARE(form.query().outOrderNo, u"P20150806125346"_s);
    QVERIFY(form.query().orderId.isEmpty());
}

// Issue 16.5: switching 查询方式 used to carry the 32-digit order_id over and send it as out_order_no.
void TestQueryForms::returnForm_eachWayKeepsItsOwnNumber()
{
    ReturnForm form;
    form.setProduct(Product::Brand); // the brand's return names the order either way
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"out_return_no"_s), u"R20190516"_s);
    const QString orderId = u"3008450740201411110007820472"_s;
    QTest::keyClicks(form.field(u"order_id"_s), orderId);
    QVERIFY(form.field(u"order_id"_s)->isVisible());
    QVERIFY(!form.field(u"out_order_no"_s)->isVisible());
    QVERIFY(form.labelText(form.orderField()).contains(u"order_id"_s));

    form.setOrderBy(ReturnForm::OrderBy::OutOrderNo);
    // The other way's own, empty field, labelled with its API name; nothing is carried over.
    QCOMPARE(form.orderField(), form.field(u"out_order_no"_s));
    QVERIFY(form.field(u"out_order_no"_s)->isVisible());
    QVERIFY(!form.field(u"order_id"_s)->isVisible());
    QVERIFY(form.labelText(form.orderField()).contains(u"out_order_no"_s));
    QVERIFY(!form.labelText(form.orderField()).contains(u"(order_id)"_s));
    QVERIFY(form.field(u"out_order_no"_s)->text().isEmpty());
    QVERIFY(form.query().outOrderNo.isEmpty());
    QVERIFY(form.query().orderId.isEmpty());
    QVERIFY(!form.queryButton()->isEnabled());
    QVERIFY(!form.fields().contains(form.field(u"order_id"_s)));

    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
    QCOMPARE(form.query().outOrderNo, u"P20150806125346"_s);
    QVERIFY(form.query().orderId.isEmpty());

    // Back: the order_id typed first is still there, and only it is sent.
    form.orderByCombo()->setCurrentIndex(0);
    QCOMPARE(form.field(u"order_id"_s)->text(), orderId);
    QCOMPARE(form.query().orderId, orderId);
    QVERIFY(form.query().outOrderNo.isEmpty());
    form.orderByCombo()->setCurrentIndex(1);
    QCOMPARE(form.field(u"out_order_no"_s)->text(), u"P20150806125346"_s);
    QVERIFY(form.query().orderId.isEmpty());
}

void TestQueryForms::returnForm_emptyOrderField_marked()
{
    ReturnForm form;
    form.setProduct(Product::Brand); // the brand's return names the order either way
    form.show();
    QTest::keyClicks(form.field(u"order_id"_s), u"1"_s);
    QTest::keyClick(form.field(u"order_id"_s), Qt::Key_Backspace);
    QVERIFY(form.field(u"order_id"_s)->hasError());
    QTest::keyClicks(form.field(u"order_id"_s), u"12a"_s); // order_id is digits only
    QVERIFY(form.field(u"order_id"_s)->hasError());
    form.setOrderBy(ReturnForm::OrderBy::OutOrderNo); // out_order_no allows letters
    QVERIFY(!form.field(u"order_id"_s)->hasError());
}

// Issue 16.4: Enter with a field in error said nothing and left the cursor where it was.
void TestQueryForms::enterOnInvalidField_focusesFirstInvalidAndSaysWhy()
{
    OrderForm form;
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
    for (const bool returnForm : {false, true}) {
        std::unique_ptr<QueryForm> owner(returnForm ? static_cast<QueryForm *>(new ReturnForm)
                                                    : static_cast<QueryForm *>(new OrderForm));
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
    ReturnForm form;
    for (FieldEdit *field : {form.field(u"sub_mchid"_s), form.field(u"out_return_no"_s), form.field(u"order_id"_s),
                             form.field(u"out_order_no"_s)})
        QCOMPARE(field->accessibleName(), form.labelText(field));
    QVERIFY(!form.orderByCombo()->accessibleName().isEmpty());
}

// Issue 18: the form asks the numbers of the profile's product.
void TestQueryForms::orderForm_directMerchant_asksNoSubMchid()
{
    OrderForm form;
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
    const OrderQuery q = form.query();
    QCOMPARE(q.product, Product::Direct);
    QVERIFY(q.subMchid.isEmpty());
    QVERIFY(q.validate().isEmpty());
    QVERIFY(form.queryButton()->isEnabled());

    // Back to a service provider: sub_mchid is asked (and required) again.
    form.setProduct(Product::ServiceProvider);
    QVERIFY(form.field(u"sub_mchid"_s)->isVisible());
    QCOMPARE(form.query().subMchid, u"1900000109"_s);
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
    ReturnForm form;
    form.setProduct(Product::Brand);
    form.setOrderBy(ReturnForm::OrderBy::OrderId);
    form.field(u"order_id"_s)->setText(u"3008450740201411110007820472"_s);
    form.setProduct(product);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    // No way to choose: the order is named by out_order_no, and order_id is never sent.
    QVERIFY(!form.orderByCombo()->isVisible());
    QCOMPARE(form.orderField(), form.field(u"out_order_no"_s));
    QVERIFY(form.field(u"out_order_no"_s)->isVisible());
    QVERIFY(!form.field(u"order_id"_s)->isVisible());
    QCOMPARE(form.field(u"sub_mchid"_s)->isVisible(), product == Product::ServiceProvider);
    if (product == Product::ServiceProvider)
        QTest::keyClicks(form.field(u"sub_mchid"_s), u"1900000109"_s);
    QTest::keyClicks(form.field(u"out_return_no"_s), u"R20190516"_s);
    QVERIFY(!form.queryButton()->isEnabled());
    QTest::keyClicks(form.field(u"out_order_no"_s), u"P20150806125346"_s);
    QVERIFY(form.queryButton()->isEnabled());
    const ReturnQuery q = form.query();
    QCOMPARE(q.product, product);
    QVERIFY(q.orderId.isEmpty());
    QCOMPARE(q.outOrderNo, u"P20150806125346"_s);
    QVERIFY(q.validate().isEmpty());
    QVERIFY(QString::fromLatin1(q.requestTarget()).startsWith(u"/v3/profitsharing/return-orders/R20190516"_s));
}

QTEST_MAIN(TestQueryForms)
#include "tst_queryforms.moc"
