#pragma once

// The 分账回退查询 form of the profile's product: sub_mchid (not for a direct merchant),
// out_return_no, and the order it returns from. A chain brand names that order either by WeChat
// Pay's order_id or by its out_order_no (exactly one, as the API requires): each way has its own
// field, label and value, and switching never carries a number typed for one over into the other.
// 普通分账 (service provider, direct merchant) names it by out_order_no only.

#include "queryform.h"

class QComboBox;

namespace fenzhang {

class ReturnForm final : public QueryForm {
    Q_OBJECT
public:
    enum class OrderBy { OrderId, OutOrderNo };

    explicit ReturnForm(QWidget *parent = nullptr);

    ReturnQuery query() const; // trimmed, of product()
    Query currentQuery() const override { return query(); }
    // Fills the numbers; the form's product stays (it is the profile's).
    void setQuery(const ReturnQuery &query);
    Product product() const override { return m_product; }
    void setProduct(Product product) override;
    OrderBy orderBy() const;
    void setOrderBy(OrderBy by);
    QComboBox *orderByCombo() const { return m_orderBy; }
    FieldEdit *orderField() const; // the field of the way chosen (out_order_no but for a brand)

protected:
    QList<FieldError> currentErrors() const override;
    FieldEdit *fieldForError(const QString &apiName) const override;

private:
    void showOrderField();
    bool offersOrderId() const { return m_product == Product::Brand; }

    Product m_product = Product::ServiceProvider;
    FieldEdit *m_subMchid;
    FieldEdit *m_outReturnNo;
    QComboBox *m_orderBy;
    FieldEdit *m_orderId;
    FieldEdit *m_outOrderNo;
};

} // namespace fenzhang
