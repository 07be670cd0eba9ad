#include "shortcutpriority.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace fenzhang {

ShortcutPriority::ShortcutPriority(QWidget *window, const QList<QAction *> &actions)
    : QObject(window), m_window(window)
{
    for (QAction *action : actions)
        m_actions << action;
    qApp->installEventFilter(this);
}

bool ShortcutPriority::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !m_window)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    for (const QPointer<QAction> &action : std::as_const(m_actions)) {
        if (action && action->isEnabled() && action->shortcuts().contains(pressed)) {
            // Not claimed by the field: the shortcut map gets the key and triggers the action.
            event->ignore();
            return true;
        }
    }
    return false;
}

} // namespace fenzhang
