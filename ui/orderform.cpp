#include "orderform.h"

#include "fieldedit.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

OrderForm::OrderForm(QWidget *parent) : QueryForm(parent)
{
    m_subMchid = addField(u"sub_mchid"_s, tr("Sub-merchant ID (sub_mchid)"), tr("e.g. 1900000109"));
    m_transactionId = addField(u"transaction_id"_s, tr("Transaction ID (transaction_id)"),
                               tr("WeChat Pay order number, up to 32 digits"));
    m_outOrderNo = addField(u"out_order_no"_s, tr("Merchant order No. (out_order_no)"),
                            tr("Your profit-sharing order number"));
    setProduct(m_product);
}

void OrderForm::setProduct(Product product)
{
    m_product = product;
    setFieldInUse(m_subMchid, Products::hasSubMchid(product));
    revalidate();
}

OrderQuery OrderForm::query() const
{
    OrderQuery q;
    q.product = m_product;
    if (Products::hasSubMchid(m_product)) // a number kept from another profile is not sent
        q.subMchid = m_subMchid->text();
    q.transactionId = m_transactionId->text();
    q.outOrderNo = m_outOrderNo->text();
    return q.trimmed();
}

void OrderForm::setQuery(const OrderQuery &query)
{
    const OrderQuery q = query.trimmed();
    m_subMchid->setText(q.subMchid);
    m_transactionId->setText(q.transactionId);
    m_outOrderNo->setText(q.outOrderNo);
    for (FieldEdit *edit : fields())
        edit->setTouched(!edit->text().isEmpty());
    revalidate();
}

QList<FieldError> OrderForm::currentErrors() const
{
    return query().validate();
}

} // namespace fenzhang
