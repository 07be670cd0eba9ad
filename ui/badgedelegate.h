#pragma once

// Paints a table cell as a coloured badge, the tone taken from the model's ToneRole.

#include <QStyledItemDelegate>

namespace fenzhang {

class BadgeDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit BadgeDelegate(int toneRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_toneRole;
};

} // namespace fenzhang
