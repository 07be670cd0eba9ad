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
    const int column = (m_count % m_columns) * 2;
    if (column == 0 && m_count > 0)
        ++m_nextRow;
    m_layout->addWidget(name, m_nextRow, column, Qt::AlignRight | Qt::AlignTop);
    m_layout->addWidget(value, m_nextRow, column + 1, Qt::AlignTop);
    ++m_count;
    return value;
}

void FieldGrid::addWide(QWidget *widget)
{
    ++m_nextRow;
    m_layout->addWidget(widget, m_nextRow, 0, 1, m_columns * 2);
    m_count = 0;
}

} // namespace fenzhang
