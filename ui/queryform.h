#pragma once

// The shared behaviour of the two look-up forms: fields validated as you type by the core
// query's validate() (reason beside the field, Query disabled until valid), Enter runs, Esc
// cancels, and a busy state with a Cancel button while a look-up runs.

#include "lookup/queries.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fenzhang {

class FieldEdit;

class QueryForm : public QWidget {
    Q_OBJECT
public:
    bool isValid() const;
    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    QPushButton *queryButton() const { return m_query; }
    QPushButton *cancelButton() const { return m_cancel; }
    FieldEdit *field(const QString &apiName) const;
    QList<FieldEdit *> fields() const;

    // Runs the look-up if the form is valid; otherwise marks every field. Returns whether it ran.
    bool submit();

Q_SIGNALS:
    void submitted();
    void cancelRequested();
    void validityChanged(bool valid);

protected:
    explicit QueryForm(QWidget *parent = nullptr);

    FieldEdit *addField(const QString &apiName, const QString &label, const QString &placeholder);
    void addRow(const QString &label, QWidget *widget);
    QFormLayout *formLayout() const { return m_form; }
    // The validation errors of the current input (the core query's validate()).
    virtual QList<FieldError> currentErrors() const = 0;
    // Which field shows an error reported for this API name (ReturnForm maps two names to one).
    virtual FieldEdit *fieldForError(const QString &apiName) const;
    void revalidate();
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Row {
        FieldEdit *edit;
        QLabel *error;
    };
    QFormLayout *m_form;
    QList<Row> m_rows;
    QPushButton *m_query;
    QPushButton *m_cancel;
    QProgressBar *m_busyIndicator;
    bool m_busy = false;
    bool m_valid = false;
};

} // namespace fenzhang
