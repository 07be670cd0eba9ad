#include "filepathedit.h"

#include "accessibility.h"
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace fenzhang {

FilePathEdit::FilePathEdit(const QString &filter, QWidget *parent)
    : QWidget(parent), m_filter(filter), m_edit(new QLineEdit(this)), m_button(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    m_button->setText(tr("Browse…"));
    m_edit->setClearButtonEnabled(true);
    Accessibility::nameClearButton(m_edit);
    setFocusProxy(m_edit);
    connect(m_button, &QToolButton::clicked, this, &FilePathEdit::browse);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { Q_EMIT pathChanged(path()); });
}

void FilePathEdit::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!parentWidget())
        return;
    const auto labels = parentWidget()->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
    for (const QLabel *label : labels) {
        if (label->buddy() != this && label->buddy() != m_edit)
            continue;
        QString name = label->text();
        name.remove(u'&');
        while (name.endsWith(u':') || name.endsWith(u'：'))
            name.chop(1);
        m_edit->setAccessibleName(name);
        m_button->setAccessibleName(tr("Choose the file for %1").arg(name));
        return;
    }
}

QString FilePathEdit::path() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() ? QString() : QDir::fromNativeSeparators(text);
}

void FilePathEdit::setPath(const QString &path)
{
    m_edit->setText(QDir::toNativeSeparators(path));
}

void FilePathEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void FilePathEdit::browse()
{
    const QString start = path().isEmpty() ? QDir::homePath() : QFileInfo(path()).absolutePath();
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a file"), start, m_filter);
    if (!chosen.isEmpty())
        setPath(chosen);
}

} // namespace fenzhang
