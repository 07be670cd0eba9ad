#pragma once

// The optional part of "Check profile": an order the user knows exists (sub-merchant, WeChat Pay
// order number, out_order_no), looked up end to end when all three are given.

#include "lookup/queries.h"

#include <QGroupBox>

class QLineEdit;

namespace fenzhang {

class KnownOrderBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit KnownOrderBox(QWidget *parent = nullptr);

    bool isEmpty() const;
    OrderQuery query() const;
    void setQuery(const OrderQuery &query);

private:
    QLineEdit *m_subMchid;
    QLineEdit *m_transactionId;
    QLineEdit *m_outOrderNo;
};

} // namespace fenzhang
