#pragma once

// Every message box the app shows goes through here, so tests can pre-answer it instead of
// blocking on a modal dialog (KeePassXC's MessageBox pattern). The same for the save dialog.

#include <QMessageBox>

namespace fenzhang {

class MessageBox final {
public:
    using Button = QMessageBox::StandardButton;

    static Button critical(QWidget *parent, const QString &title, const QString &text,
                           QMessageBox::StandardButtons buttons = QMessageBox::Ok);
    static Button warning(QWidget *parent, const QString &title, const QString &text,
                          QMessageBox::StandardButtons buttons = QMessageBox::Ok);
    static Button information(QWidget *parent, const QString &title, const QString &text,
                              QMessageBox::StandardButtons buttons = QMessageBox::Ok);
    static Button question(QWidget *parent, const QString &title, const QString &text,
                           QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No);
    static void about(QWidget *parent, const QString &title, const QString &text);

    // Tests: the next box returns this button without being shown.
    static void setNextAnswer(Button button);
    // Tests: text of the last box that was answered or shown.
    static QString lastText();

    // A save-file dialog; tests set the next answer ("" = the user cancelled).
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                const QString &filter);
    static void setNextSaveFileName(const QString &path);

private:
    static Button show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                       QMessageBox::StandardButtons buttons);
};

} // namespace fenzhang
