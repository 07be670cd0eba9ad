#pragma once

// A line edit for one API field: trims what is pasted or typed around the value (numbers copied
// from Excel or a chat carry spaces and newlines), and shows a validation reason as a red
// border and tooltip.

#include <QLineEdit>

namespace fenzhang {

class FieldEdit final : public QLineEdit {
    Q_OBJECT
public:
    explicit FieldEdit(const QString &apiName, QWidget *parent = nullptr);

    const QString &apiName() const { return m_apiName; }
    void setError(const QString &message); // empty: valid
    const QString &error() const { return m_error; }
    bool hasError() const { return !m_error.isEmpty(); }
    // True once the user changed the text; untouched empty fields are not marked red.
    bool isTouched() const { return m_touched; }
    void setTouched(bool touched) { m_touched = touched; }

Q_SIGNALS:
    void edited();

private:
    void trimEdit(const QString &text);

    QString m_apiName;
    QString m_error;
    QString m_baseToolTip;
    bool m_touched = false;
};

} // namespace fenzhang
