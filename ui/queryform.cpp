#include "queryform.h"

#include "fieldedit.h"
#include "tonecolors.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

QueryForm::QueryForm(QWidget *parent)
    : QWidget(parent), m_form(new QFormLayout), m_query(new QPushButton(this)),
      m_cancel(new QPushButton(this)), m_busyIndicator(new QProgressBar(this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_query->setText(tr("Query"));
    m_query->setObjectName(u"queryButton"_s);
    m_query->setToolTip(tr("Look up (Enter or Ctrl+Enter)"));
    m_query->setDefault(true);
    m_query->setEnabled(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setToolTip(tr("Stop this look-up (Esc)"));
    m_cancel->hide();
    m_busyIndicator->setRange(0, 0); // indeterminate: the wait is the network's
    m_busyIndicator->setMaximumWidth(120);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setObjectName(u"busyIndicator"_s);
    m_busyIndicator->hide();
    connect(m_query, &QPushButton::clicked, this, &QueryForm::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QueryForm::cancelRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_busyIndicator);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_query);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addLayout(buttons);
}

FieldEdit *QueryForm::addField(const QString &apiName, const QString &label, const QString &placeholder)
{
    auto *edit = new FieldEdit(apiName, this);
    edit->setPlaceholderText(placeholder);
    auto *error = new QLabel(this);
    error->setObjectName(apiName + u"Error"_s);
    error->setTextFormat(Qt::PlainText); // may quote what was typed or pasted
    error->setWordWrap(true);
    QPalette warn = error->palette();
    warn.setColor(QPalette::WindowText, ToneColors::warningText(palette()));
    error->setPalette(warn);
    error->hide();

    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(edit);
    cellLayout->addWidget(error);
    m_form->addRow(label, cell);
    if (auto *labelWidget = qobject_cast<QLabel *>(m_form->labelForField(cell)))
        labelWidget->setBuddy(edit);

    // Enter in a field reaches keyPressEvent(): QLineEdit passes Return on to its parent.
    m_rows.append({edit, error});
    connect(edit, &FieldEdit::edited, this, &QueryForm::revalidate);
    return edit;
}

void QueryForm::addRow(const QString &label, QWidget *widget)
{
    m_form->addRow(label, widget);
}

FieldEdit *QueryForm::field(const QString &apiName) const
{
    for (const Row &row : m_rows) {
        if (row.edit->apiName() == apiName)
            return row.edit;
    }
    return nullptr;
}

QList<FieldEdit *> QueryForm::fields() const
{
    QList<FieldEdit *> list;
    for (const Row &row : m_rows)
        list << row.edit;
    return list;
}

FieldEdit *QueryForm::fieldForError(const QString &apiName) const
{
    return field(apiName);
}

void QueryForm::revalidate()
{
    const QList<FieldError> errors = currentErrors();
    for (const Row &row : std::as_const(m_rows)) {
        QString message;
        for (const FieldError &error : errors) {
            if (fieldForError(error.field) == row.edit) {
                message = error.message;
                break;
            }
        }
        // Fields the user has not touched yet stay calm; the Query button says enough.
        const bool shown = row.edit->isTouched() && !message.isEmpty();
        row.edit->setError(shown ? message : QString());
        row.error->setText(message);
        row.error->setVisible(shown);
    }
    const bool valid = errors.isEmpty();
    m_query->setEnabled(valid && !m_busy);
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

bool QueryForm::isValid() const
{
    return currentErrors().isEmpty();
}

bool QueryForm::submit()
{
    if (m_busy)
        return false;
    if (!isValid()) {
        for (const Row &row : std::as_const(m_rows))
            row.edit->setTouched(true);
        revalidate();
        return false;
    }
    Q_EMIT submitted();
    return true;
}

void QueryForm::setBusy(bool busy)
{
    m_busy = busy;
    for (const Row &row : std::as_const(m_rows))
        row.edit->setReadOnly(busy);
    m_busyIndicator->setVisible(busy);
    m_cancel->setVisible(busy);
    m_query->setEnabled(!busy && isValid());
}

void QueryForm::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        submit();
        event->accept();
        return;
    case Qt::Key_Escape:
        if (m_busy) {
            Q_EMIT cancelRequested();
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

} // namespace fenzhang
