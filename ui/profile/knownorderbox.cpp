#include "knownorderbox.h"

#include "lookup/queryfields.h"

#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace fenzhang {

KnownOrderBox::KnownOrderBox(QWidget *parent)
    : QGroupBox(tr("Also look up a known order (optional)"), parent), m_subMchid(new QLineEdit),
      m_transactionId(new QLineEdit), m_outOrderNo(new QLineEdit)
{
    auto *form = new QFormLayout(this);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_subMchid->setObjectName(u"knownSubMchidEdit"_s);
    m_transactionId->setObjectName(u"knownTransactionIdEdit"_s);
    m_outOrderNo->setObjectName(u"knownOutOrderNoEdit"_s);
    m_subMchid->setPlaceholderText(QueryFields::label(u"sub_mchid"));
    m_transactionId->setPlaceholderText(QueryFields::label(u"transaction_id"));
    m_outOrderNo->setPlaceholderText(QueryFields::label(u"out_order_no"));
    form->addRow(tr("Sub-merchant:"), m_subMchid);
    form->addRow(tr("WeChat Pay order:"), m_transactionId);
    form->addRow(tr("Profit-sharing order:"), m_outOrderNo);
    setToolTip(tr("Proves that WeChat Pay accepts this profile's signature and that its answer verifies."));
}

void KnownOrderBox::setProduct(Product product)
{
    m_product = product;
    if (auto *form = qobject_cast<QFormLayout *>(layout()))
        form->setRowVisible(m_subMchid, Products::hasSubMchid(product));
}

bool KnownOrderBox::isEmpty() const
{
    return (!Products::hasSubMchid(m_product) || m_subMchid->text().trimmed().isEmpty()) && m_transactionId->text().trimmed().isEmpty() &&
           m_outOrderNo->text().trimmed().isEmpty();
}

OrderQuery KnownOrderBox::query() const
{
    return OrderQuery{Products::hasSubMchid(m_product) ? m_subMchid->text().trimmed() : QString(),
                      m_transactionId->text().trimmed(), m_outOrderNo->text().trimmed(), m_product};
}

void KnownOrderBox::setQuery(const OrderQuery &query)
{
    m_subMchid->setText(query.subMchid);
    m_transactionId->setText(query.transactionId);
    m_outOrderNo->setText(query.outOrderNo);
}

} // namespace fenzhang
