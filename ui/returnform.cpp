#include "returnform.h"

#include "fieldedit.h"

#include <QComboBox>
#include <QFormLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

ReturnForm::ReturnForm(QWidget *parent) : QueryForm(parent), m_orderBy(new QComboBox(this))
{
    m_subMchid = addField(u"sub_mchid"_s, tr("Sub-merchant ID (sub_mchid)"), tr("e.g. 1900000109"));
    m_outReturnNo = addField(u"out_return_no"_s, tr("Merchant return No. (out_return_no)"),
                             tr("Your profit-sharing return number"));
    m_orderBy->setObjectName(u"orderBy"_s);
    m_orderBy->addItem(tr("WeChat Pay order ID (order_id)"));
    m_orderBy->addItem(tr("Merchant order No. (out_order_no)"));
    addRow(tr("Original order identified by"), m_orderBy);
    m_orderId = addField(u"order_id"_s, tr("WeChat Pay order ID (order_id)"),
                         tr("WeChat Pay profit-sharing order ID"));
    m_outOrderNo = addField(u"out_order_no"_s, tr("Merchant order No. (out_order_no)"),
                            tr("Your profit-sharing order number"));
    connect(m_orderBy, &QComboBox::currentIndexChanged, this, [this] {
        const bool hadFocus = m_orderId->hasFocus() || m_outOrderNo->hasFocus();
        showOrderField();
        if (hadFocus)
            orderField()->setFocus();
        revalidate();
    });
    setProduct(m_product);
}

void ReturnForm::setProduct(Product product)
{
    m_product = product;
    setFieldInUse(m_subMchid, Products::hasSubMchid(product));
    formLayout()->setRowVisible(m_orderBy, offersOrderId());
    showOrderField();
    revalidate();
}

void ReturnForm::showOrderField()
{
    const bool byOrderId = offersOrderId() && orderBy() == OrderBy::OrderId;
    setFieldInUse(m_orderId, byOrderId);
    setFieldInUse(m_outOrderNo, !byOrderId);
}

FieldEdit *ReturnForm::orderField() const
{
    return offersOrderId() && orderBy() == OrderBy::OrderId ? m_orderId : m_outOrderNo;
}

ReturnForm::OrderBy ReturnForm::orderBy() const
{
    return m_orderBy->currentIndex() == 1 ? OrderBy::OutOrderNo : OrderBy::OrderId;
}

void ReturnForm::setOrderBy(OrderBy by)
{
    m_orderBy->setCurrentIndex(by == OrderBy::OutOrderNo ? 1 : 0);
}

ReturnQuery ReturnForm::query() const
{
    ReturnQuery q;
    q.product = m_product;
    if (Products::hasSubMchid(m_product)) // a number kept from another profile is not sent
        q.subMchid = m_subMchid->text();
    q.outReturnNo = m_outReturnNo->text();
    // Only the field of the way chosen is sent; the other keeps its value for switching back.
    if (orderField() == m_orderId)
        q.orderId = m_orderId->text();
    else
        q.outOrderNo = m_outOrderNo->text();
    return q.trimmed();
}

void ReturnForm::setQuery(const ReturnQuery &query)
{
    const ReturnQuery q = query.trimmed();
    m_subMchid->setText(q.subMchid);
    m_outReturnNo->setText(q.outReturnNo);
    const bool byOutOrderNo = q.orderId.isEmpty() && !q.outOrderNo.isEmpty();
    setOrderBy(byOutOrderNo ? OrderBy::OutOrderNo : OrderBy::OrderId);
    m_orderId->setText(q.orderId);
    m_outOrderNo->setText(q.outOrderNo);
    for (FieldEdit *edit : {m_subMchid, m_outReturnNo, m_orderId, m_outOrderNo})
        edit->setTouched(!edit->text().isEmpty());
    revalidate();
}

QList<FieldError> ReturnForm::currentErrors() const
{
    return query().validate();
}

FieldEdit *ReturnForm::fieldForError(const QString &apiName) const
{
    // "Enter either order_id or out_order_no" belongs to the field of the way chosen.
    if (apiName == u"order_id"_s || apiName == u"out_order_no"_s)
        return orderField();
    return QueryForm::fieldForError(apiName);
}

} // namespace fenzhang
