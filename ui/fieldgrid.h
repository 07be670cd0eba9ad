#pragma once

// Label/value pairs laid out in two columns for a result's header; values are selectable so a
// clerk can copy any number.

#include <QWidget>

class QGridLayout;
class QLabel;

namespace fenzhang {

class FieldGrid final : public QWidget {
    Q_OBJECT
public:
    explicit FieldGrid(int columns = 2, QWidget *parent = nullptr);

    // Adds a row; the value label is named objectName for tests. Returns the value label.
    QLabel *addField(const QString &label, const QString &objectName);
    // Adds a widget spanning a whole line.
    void addWide(QWidget *widget);

private:
    QGridLayout *m_layout;
    int m_columns;
    int m_count = 0;
    int m_nextRow = 0;
};

} // namespace fenzhang
