#pragma once

// The optional part of "Check profile": an order the user knows exists (sub-merchant — not for a
// direct merchant —, WeChat Pay order number, out_order_no), looked up end to end as the profile's
// product when given.

#include "lookup/queries.h"

#include <QGroupBox>

class QLineEdit;

namespace fenzhang {

class KnownOrderBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit KnownOrderBox(QWidget *parent = nullptr);

    bool isEmpty() const;
    OrderQuery query() const; // of the product set
    void setQuery(const OrderQuery &query);
    void setProduct(Product product);

private:
    Product m_product = Product::ServiceProvider;
    QLineEdit *m_subMchid;
    QLineEdit *m_transactionId;
    QLineEdit *m_outOrderNo;
};

} // namespace fenzhang
