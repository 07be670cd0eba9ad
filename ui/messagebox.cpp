#include "messagebox.h"

#include <optional>
#include <QAbstractButton>
#include <QCoreApplication>
#include <QFileDialog>
#include <utility>

namespace fenzhang {

namespace {
std::optional<MessageBox::Button> s_nextAnswer;
std::optional<QString> s_nextSaveFileName;
QString s_lastText;
} // namespace

MessageBox::Button MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                    const QString &text, QMessageBox::StandardButtons buttons)
{
    s_lastText = text;
    if (s_nextAnswer) {
        const Button answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText); // messages quote file names, answers and typed text
    // Our own words for the common buttons: Qt's translations may not be installed.
    const std::pair<QMessageBox::StandardButton, const char *> names[] = {
        {QMessageBox::Ok, QT_TRANSLATE_NOOP("fenzhang::MessageBox", "OK")},
        {QMessageBox::Cancel, QT_TRANSLATE_NOOP("fenzhang::MessageBox", "Cancel")},
        {QMessageBox::Yes, QT_TRANSLATE_NOOP("fenzhang::MessageBox", "Yes")},
        {QMessageBox::No, QT_TRANSLATE_NOOP("fenzhang::MessageBox", "No")},
    };
    for (const auto &[standard, name] : names) {
        if (QAbstractButton *button = box.button(standard))
            button->setText(QCoreApplication::translate("fenzhang::MessageBox", name));
    }
    return static_cast<Button>(box.exec());
}

MessageBox::Button MessageBox::critical(QWidget *parent, const QString &title, const QString &text,
                                        QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Critical, parent, title, text, buttons);
}

MessageBox::Button MessageBox::warning(QWidget *parent, const QString &title, const QString &text,
                                       QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Warning, parent, title, text, buttons);
}

MessageBox::Button MessageBox::information(QWidget *parent, const QString &title, const QString &text,
                                           QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Information, parent, title, text, buttons);
}

MessageBox::Button MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                        QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Question, parent, title, text, buttons);
}

void MessageBox::about(QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    if (s_nextAnswer) {
        s_nextAnswer.reset();
        return;
    }
    QMessageBox::about(parent, title, text);
}

void MessageBox::setNextAnswer(Button button)
{
    s_nextAnswer = button;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

QString MessageBox::saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                 const QString &filter)
{
    if (s_nextSaveFileName) {
        const QString path = *s_nextSaveFileName;
        s_nextSaveFileName.reset();
        return path;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void MessageBox::setNextSaveFileName(const QString &path)
{
    s_nextSaveFileName = path;
}

} // namespace fenzhang
