#include "badgedelegate.h"

#include "tonecolors.h"

#include <QApplication>
#include <QPainter>

namespace fenzhang {

namespace {
constexpr int HorizontalPadding = 8;
constexpr int VerticalPadding = 2;
} // namespace

BadgeDelegate::BadgeDelegate(int toneRole, QObject *parent)
    : QStyledItemDelegate(parent), m_toneRole(toneRole)
{
}

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    // Background, selection and focus as the style draws them; the badge goes on top.
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    if (text.isEmpty())
        return;
    const auto tone = static_cast<Labels::Tone>(index.data(m_toneRole).toInt());
    const auto colours = ToneColors::badge(tone, option.palette);
    const QFontMetrics metrics(option.font);
    const int width = qMin(metrics.horizontalAdvance(text) + 2 * HorizontalPadding, option.rect.width() - 4);
    const int height = qMin(metrics.height() + 2 * VerticalPadding, option.rect.height() - 2);
    QRect badge(0, 0, width, height);
    badge.moveCenter(option.rect.center());
    badge.moveLeft(option.rect.left() + 4);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colours.background);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(colours.foreground);
    painter->drawText(badge, Qt::AlignCenter,
                      metrics.elidedText(text, Qt::ElideRight, badge.width() - HorizontalPadding));
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * HorizontalPadding + 8;
    size.rheight() = qMax(size.height(), QFontMetrics(option.font).height() + 2 * VerticalPadding + 4);
    return size;
}

} // namespace fenzhang
