#pragma once

// The 分账结果查询 form: sub_mchid (not for a direct merchant), transaction_id and out_order_no,
// validated by OrderQuery of the profile's product.

#include "queryform.h"

namespace fenzhang {

class OrderForm final : public QueryForm {
    Q_OBJECT
public:
    explicit OrderForm(QWidget *parent = nullptr);

    OrderQuery query() const; // trimmed, of product()
    Query currentQuery() const override { return query(); }
    // Fills the numbers; the form's product stays (it is the profile's).
    void setQuery(const OrderQuery &query);
    Product product() const override { return m_product; }
    // Asks the numbers this product's look-up takes: no sub_mchid for a direct merchant.
    void setProduct(Product product) override;

protected:
    QList<FieldError> currentErrors() const override;

private:
    Product m_product = Product::ServiceProvider;
    FieldEdit *m_subMchid;
    FieldEdit *m_transactionId;
    FieldEdit *m_outOrderNo;
};

} // namespace fenzhang
