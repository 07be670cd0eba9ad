#pragma once

// Label/value pairs laid out in two columns for a result's header; values are selectable so a
// clerk can copy any number. A field can be left out (a number the product's answer does not
// have) and given another caption (the product's API name): the others close up, leaving no hole.

#include <QList>
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

    // The field of this value label (or wide widget) shown or left out.
    void setFieldShown(QWidget *value, bool shown);
    void setCaption(QLabel *value, const QString &caption);
    QString caption(QLabel *value) const;

private:
    struct Entry {
        QLabel *caption = nullptr; // nullptr for a wide widget
        QWidget *widget;
        bool shown = true;
    };
    void layOut();

    QGridLayout *m_layout;
    int m_columns;
    QList<Entry> m_entries;
};

} // namespace fenzhang
