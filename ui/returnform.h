#pragma once

// The 分账回退查询 form: sub_mchid, out_return_no, and the order it returns from, named either by
// WeChat Pay's order_id or by the merchant's out_order_no (exactly one, as the API requires).
// Each way has its own field, label and value: switching shows the other field and never carries
// a number typed for one over into the other.

#include "queryform.h"

class QComboBox;

namespace fenzhang {

class ReturnForm final : public QueryForm {
    Q_OBJECT
public:
    enum class OrderBy { OrderId, OutOrderNo };

    explicit ReturnForm(QWidget *parent = nullptr);

    ReturnQuery query() const; // trimmed
    void setQuery(const ReturnQuery &query);
    OrderBy orderBy() const;
    void setOrderBy(OrderBy by);
    QComboBox *orderByCombo() const { return m_orderBy; }
    FieldEdit *orderField() const; // the field of the way chosen

protected:
    QList<FieldError> currentErrors() const override;
    FieldEdit *fieldForError(const QString &apiName) const override;

private:
    void showOrderField();

    FieldEdit *m_subMchid;
    FieldEdit *m_outReturnNo;
    QComboBox *m_orderBy;
    FieldEdit *m_orderId;
    FieldEdit *m_outOrderNo;
};

} // namespace fenzhang
