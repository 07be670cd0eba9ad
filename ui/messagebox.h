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

    // One of several answers, each a button with its own words, plus Cancel; `defaultChoice` is the
    // default button. Returns the index of the answer, -1 for Cancel. Tests pre-answer setNextChoice().
    static int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &choices,
                      int defaultChoice = 0);
    static void setNextChoice(int choice);

    // A save-file dialog; tests set the next answer ("" = the user cancelled). selectedFilter, when
    // given, is the filter shown first and, after the dialog, the one the user picked.
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                const QString &filter, QString *selectedFilter = nullptr);
    static void setNextSaveFileName(const QString &path);

private:
    static Button show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                       QMessageBox::StandardButtons buttons);
};

} // namespace fenzhang
