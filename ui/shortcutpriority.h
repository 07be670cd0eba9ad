#pragma once

// Lets chosen window actions keep their shortcut while a text field has the focus. Line edits
// claim some Ctrl+letter keys for editing before any shortcut sees them — on Linux Ctrl+E is
// "end of line" — so type → Enter → Ctrl+E would only move the cursor. For the actions given,
// while one is enabled, the field does not get to claim its key and the action runs; a disabled
// action leaves the key to the field as before.

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace fenzhang {

class ShortcutPriority final : public QObject {
    Q_OBJECT
public:
    // Watches key events for window's widgets (an application event filter, removed with this).
    ShortcutPriority(QWidget *window, const QList<QAction *> &actions);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_window;
    QList<QPointer<QAction>> m_actions;
};

} // namespace fenzhang
