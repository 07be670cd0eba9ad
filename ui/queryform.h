#pragma once

// The shared behaviour of the two look-up forms: fields validated as you type by the core
// query's validate() (reason under the field, in a line kept free for it so nothing moves while
// typing; Query disabled until valid), Enter runs — or, with a field in error, says why and puts
// the cursor in the first such field —, Esc cancels, and a busy state with a Cancel button while a
// look-up runs.

#include "lookup/query.h"

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
    // What the form asks, of its kind and product, trimmed.
    virtual Query currentQuery() const = 0;
    // The product whose fields the form asks (no sub_mchid for a direct merchant, ...).
    virtual Product product() const = 0;
    virtual void setProduct(Product product) = 0;
    bool isValid() const;
    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    QPushButton *queryButton() const { return m_query; }
    QPushButton *cancelButton() const { return m_cancel; }
    // Any field by API name, also one not in use (ReturnForm's order_id / out_order_no).
    FieldEdit *field(const QString &apiName) const;
    // The fields in use, in form order.
    QList<FieldEdit *> fields() const;
    // The label shown for a field ("Sub-merchant ID (sub_mchid)"); what error messages name.
    QString labelText(const FieldEdit *edit) const;
    // The inline error line under a field (empty text while the field is valid).
    QLabel *errorLabel(const FieldEdit *edit) const;

    // Runs the look-up if the form is valid; otherwise marks every field, moves the focus to the
    // first field in error and emits refused(). Returns whether it ran.
    bool submit();

Q_SIGNALS:
    void submitted();
    // Enter or Query with invalid input: what to correct ("<label>: <reason>"), translated.
    void refused(const QString &reason);
    // The input changed (typed, pasted, set, or another way of naming the order chosen).
    void inputChanged();
    void cancelRequested();
    void validityChanged(bool valid);

protected:
    explicit QueryForm(QWidget *parent = nullptr);

    FieldEdit *addField(const QString &apiName, const QString &label, const QString &placeholder);
    void addRow(const QString &label, QWidget *widget);
    // Shows or hides a field's whole row; a field not in use is neither validated nor listed.
    void setFieldInUse(FieldEdit *edit, bool inUse);
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
        QWidget *cell;
        bool inUse = true;
    };
    const Row *rowOf(const FieldEdit *edit) const;
    QFormLayout *m_form;
    QList<Row> m_rows;
    QPushButton *m_query;
    QPushButton *m_cancel;
    QProgressBar *m_busyIndicator;
    bool m_busy = false;
    bool m_valid = false;
};

} // namespace fenzhang
