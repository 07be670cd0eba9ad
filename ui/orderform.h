#pragma once

// The 分账结果查询 form: sub_mchid, transaction_id and out_order_no, validated by OrderQuery.

#include "queryform.h"

namespace fenzhang {

class OrderForm final : public QueryForm {
    Q_OBJECT
public:
    explicit OrderForm(QWidget *parent = nullptr);

    OrderQuery query() const; // trimmed
    void setQuery(const OrderQuery &query);

protected:
    QList<FieldError> currentErrors() const override;

private:
    FieldEdit *m_subMchid;
    FieldEdit *m_transactionId;
    FieldEdit *m_outOrderNo;
};

} // namespace fenzhang
