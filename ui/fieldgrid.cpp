#include "fieldgrid.h"

#include <QGridLayout>
#include <QLabel>

namespace fenzhang {

FieldGrid::FieldGrid(int columns, QWidget *parent)
    : QWidget(parent), m_layout(new QGridLayout(this)), m_columns(columns)
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setHorizontalSpacing(12);
    m_layout->setVerticalSpacing(6);
    for (int c = 0; c < columns; ++c)
        m_layout->setColumnStretch(c * 2 + 1, 1);
}

QLabel *FieldGrid::addField(const QString &label, const QString &objectName)
{
    auto *name = new QLabel(label, this);
    name->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText); // values come from the answer
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    m_entries.append(Entry{name, value});
    layOut();
    return value;
}

void FieldGrid::addWide(QWidget *widget)
{
    m_entries.append(Entry{nullptr, widget});
    layOut();
}

void FieldGrid::setFieldShown(QWidget *value, bool shown)
{
    for (Entry &entry : m_entries) {
        if (entry.widget == value && entry.shown != shown) {
            entry.shown = shown;
            layOut();
        }
    }
}

void FieldGrid::setCaption(QLabel *value, const QString &caption)
{
    for (Entry &entry : m_entries) {
        if (entry.widget == value && entry.caption)
            entry.caption->setText(caption);
    }
}

QString FieldGrid::caption(QLabel *value) const
{
    for (const Entry &entry : m_entries) {
        if (entry.widget == value && entry.caption)
            return entry.caption->text();
    }
    return {};
}

void FieldGrid::layOut()
{
    // Placed afresh in order: fields fill the columns left to right, a wide widget takes a line.
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.caption)
            m_layout->removeWidget(entry.caption);
        m_layout->removeWidget(entry.widget);
    }
    int row = 0;
    int column = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.caption)
            entry.caption->setVisible(entry.shown);
        entry.widget->setVisible(entry.shown);
        if (!entry.shown)
            continue;
        if (!entry.caption) {
            if (column > 0)
                ++row;
            m_layout->addWidget(entry.widget, row++, 0, 1, m_columns * 2);
            column = 0;
            continue;
        }
        m_layout->addWidget(entry.caption, row, column * 2, Qt::AlignRight | Qt::AlignTop);
        m_layout->addWidget(entry.widget, row, column * 2 + 1, Qt::AlignTop);
        if (++column == m_columns) {
            column = 0;
            ++row;
        }
    }
}

} // namespace fenzhang
