#pragma once

// The selected receiver in words under the receivers table: amount, account, description, result
// and, when it failed, the failure reason with what to do about it. Plain text only (the values
// come from the network), selectable for copying, wrapped so nothing is cut.

#include "lookup/results.h"

#include <QFrame>

class QLabel;

namespace fenzhang {

class ReceiverDetailPane final : public QFrame {
    Q_OBJECT
public:
    explicit ReceiverDetailPane(QWidget *parent = nullptr);

    void setReceiver(const ReceiverDetail &receiver);
    // Nothing selected: a hint what the pane is for.
    void clear();
    QString text() const;
    QString adviceText() const;

private:
    QLabel *m_summary;
    QLabel *m_advice;
};

} // namespace fenzhang
