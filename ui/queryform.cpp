#include "queryform.h"

#include "fieldedit.h"
#include "lookup/queryfields.h"
#include "tonecolors.h"

#include <algorithm>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

QueryForm::QueryForm(LookupKind kind, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_form(new QFormLayout), m_query(new QPushButton(this)),
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

    for (const QStringList &row : Query::fieldRows(kind)) {
        if (row.size() == 1)
            addField(row.first());
        else
            addChoice(row);
    }
    setProduct(m_product);
}

void QueryForm::addField(const QString &apiName)
{
    const QString label = QueryFields::label(apiName);
    auto *edit = new FieldEdit(apiName, this);
    edit->setPlaceholderText(QueryFields::placeholder(apiName));
    auto *error = new QLabel(this);
    error->setObjectName(apiName + u"Error"_s);
    error->setTextFormat(Qt::PlainText); // may quote what was typed or pasted
    error->setWordWrap(true);
    QPalette warn = error->palette();
    warn.setColor(QPalette::WindowText, ToneColors::warningText(palette()));
    error->setPalette(warn);
    // The line under the field is always there, empty while the field is valid: a reason that
    // comes and goes while typing must not move the fields below it.
    error->setMinimumHeight(error->fontMetrics().height());

    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(edit);
    cellLayout->addWidget(error);
    m_form->addRow(label, cell);
    if (auto *labelWidget = qobject_cast<QLabel *>(m_form->labelForField(cell)))
        labelWidget->setBuddy(edit);
    // Screen readers name the field by its label (the buddy) on every platform.
    edit->setAccessibleName(label);

    // Enter in a field reaches keyPressEvent(): QLineEdit passes Return on to its parent.
    m_rows.append({edit, error, cell});
    connect(edit, &FieldEdit::edited, this, &QueryForm::revalidate);
}

void QueryForm::addChoice(const QStringList &fields)
{
    auto *box = new QComboBox(this);
    box->setObjectName(fields.join(u"Or"_s) + u"Choice"_s); // "order_idOrout_order_noChoice"
    for (const QString &field : fields)
        box->addItem(QueryFields::label(field), field);
    const QString label = QueryFields::groupLabel(fields);
    m_form->addRow(label, box);
    if (auto *labelWidget = qobject_cast<QLabel *>(m_form->labelForField(box)))
        labelWidget->setBuddy(box);
    box->setAccessibleName(label);
    m_choices.append({fields, box});
    connect(box, &QComboBox::currentIndexChanged, this, [this, fields] {
        // The cursor follows the number it was in to the field now asked in its place.
        bool hadFocus = false;
        for (const QString &field : fields)
            hadFocus = hadFocus || this->field(field)->hasFocus();
        showFields();
        if (hadFocus)
            chosenField(fields.first())->setFocus();
        revalidate();
    });
}

void QueryForm::setProduct(Product product)
{
    m_product = product;
    showFields();
    revalidate();
}

bool QueryForm::offered(const Choice &choice) const
{
    for (const QStringList &group : Query::fieldGroups(m_kind, m_product)) {
        if (group.size() == choice.fields.size() &&
            std::all_of(group.begin(), group.end(),
                        [&](const QString &f) { return choice.fields.contains(f); }))
            return true;
    }
    return false;
}

void QueryForm::showFields()
{
    QStringList inUse;
    for (const QStringList &group : Query::fieldGroups(m_kind, m_product)) {
        if (group.size() == 1)
            inUse.append(group.first());
    }
    for (const Choice &choice : std::as_const(m_choices)) {
        const bool shown = offered(choice);
        m_form->setRowVisible(choice.box, shown);
        if (shown)
            inUse.append(choice.box->currentData().toString());
    }
    for (Row &row : m_rows) {
        row.inUse = inUse.contains(row.edit->apiName());
        m_form->setRowVisible(row.cell, row.inUse);
    }
}

const QueryForm::Choice *QueryForm::choiceOf(QStringView apiName) const
{
    for (const Choice &choice : m_choices) {
        if (choice.fields.contains(apiName))
            return &choice;
    }
    return nullptr;
}

QComboBox *QueryForm::choiceBox(QStringView apiName) const
{
    const Choice *choice = choiceOf(apiName);
    return choice ? choice->box : nullptr;
}

void QueryForm::choose(QStringView apiName)
{
    if (const Choice *choice = choiceOf(apiName))
        choice->box->setCurrentIndex(int(choice->fields.indexOf(apiName)));
}

FieldEdit *QueryForm::chosenField(QStringView apiName) const
{
    // The way of the choice in use: the chosen one, or the one the product asks without a choice
    // (an ordinary return names its order by out_order_no only).
    if (const Choice *choice = choiceOf(apiName)) {
        for (const QString &way : choice->fields) {
            FieldEdit *edit = field(way);
            if (const Row *row = rowOf(edit); row && row->inUse)
                return edit;
        }
    }
    return field(apiName);
}

Query QueryForm::currentQuery() const
{
    Query query = Query::blank(m_kind, m_product);
    // Only the fields in use are sent: a number kept from another profile or the other way of a
    // choice keeps its value for switching back, unsent.
    for (const Row &row : m_rows) {
        if (row.inUse)
            query.setValue(row.edit->apiName(), row.edit->text());
    }
    return query.trimmed();
}

void QueryForm::setQuery(const Query &query)
{
    if (query.kind() != m_kind)
        return;
    const Query q = query.trimmed();
    for (const Choice &choice : std::as_const(m_choices)) {
        // The first way that has a number, else the first way.
        const auto named = std::find_if(choice.fields.begin(), choice.fields.end(),
                                        [&q](const QString &field) { return !q.value(field).isEmpty(); });
        choice.box->setCurrentIndex(named == choice.fields.end() ? 0 : int(named - choice.fields.begin()));
    }
    for (const Row &row : std::as_const(m_rows)) {
        row.edit->setText(q.value(row.edit->apiName()));
        row.edit->setTouched(!row.edit->text().isEmpty());
    }
    revalidate();
}

QList<FieldError> QueryForm::currentErrors() const
{
    return currentQuery().validate();
}

const QueryForm::Row *QueryForm::rowOf(const FieldEdit *edit) const
{
    for (const Row &row : m_rows) {
        if (row.edit == edit)
            return &row;
    }
    return nullptr;
}

QString QueryForm::labelText(const FieldEdit *edit) const
{
    const Row *row = rowOf(edit);
    const auto *label = row ? qobject_cast<QLabel *>(m_form->labelForField(row->cell)) : nullptr;
    return label ? label->text() : QString();
}

QLabel *QueryForm::errorLabel(const FieldEdit *edit) const
{
    const Row *row = rowOf(edit);
    return row ? row->error : nullptr;
}

FieldEdit *QueryForm::field(QStringView apiName) const
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
    for (const Row &row : m_rows) {
        if (row.inUse)
            list << row.edit;
    }
    return list;
}

FieldEdit *QueryForm::fieldForError(const QString &apiName) const
{
    // "Enter either order_id or out_order_no" belongs to the field of the way chosen.
    return chosenField(apiName);
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
        const bool shown = row.inUse && row.edit->isTouched() && !message.isEmpty();
        row.edit->setError(shown ? message : QString());
        row.error->setText(shown ? message : QString());
        row.edit->setAccessibleDescription(shown ? message : QString());
    }
    const bool valid = errors.isEmpty();
    m_query->setEnabled(valid && !m_busy);
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
    Q_EMIT inputChanged();
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
        // The cursor goes where the first correction is needed, with its reason said once more.
        for (const Row &row : std::as_const(m_rows)) {
            if (row.inUse && row.edit->hasError()) {
                row.edit->setFocus(Qt::OtherFocusReason);
                row.edit->selectAll();
                Q_EMIT refused(tr("Not looked up: %1 — %2").arg(labelText(row.edit), row.edit->error()));
                break;
            }
        }
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
