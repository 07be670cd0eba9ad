#pragma once

// The look-up form of one kind, built from what the kind's question asks (Query::fieldGroups) as the
// profile's product asks it: a field per number, labelled from the one table of field words
// (lookup/queryfields.h), a field the product does not ask hidden (a direct merchant's sub_mchid), and
// a choice (a chain brand's return names its order by order_id or out_order_no) as a box choosing which
// field is asked — each way keeps its own number, and only the chosen one is sent.
// Fields are validated as you type by the core query's validate() (reason under the field, in a line
// kept free for it so nothing moves while typing; Query disabled until valid); Enter runs — or, with
// a field in error, says why and puts the cursor in the first such field —, Esc cancels, and a busy
// state with a Cancel button while a look-up runs.

#include "lookup/query.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fenzhang {

class FieldEdit;

class QueryForm final : public QWidget {
    Q_OBJECT
public:
    explicit QueryForm(LookupKind kind, QWidget *parent = nullptr);

    LookupKind kind() const { return m_kind; }
    // What the form asks, of its kind and product, trimmed: the fields in use only.
    Query currentQuery() const;
    // Fills the numbers of a question of this kind (another kind's is ignored) and chooses, in each
    // choice, the field that has a number; the form's product stays (it is the profile's).
    void setQuery(const Query &query);
    // The product whose fields the form asks (no sub_mchid for a direct merchant, ...).
    Product product() const { return m_product; }
    void setProduct(Product product);

    bool isValid() const;
    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    QPushButton *queryButton() const { return m_query; }
    QPushButton *cancelButton() const { return m_cancel; }
    // Any field by API name, also one not in use (the other way of a choice, a field the product
    // does not ask).
    FieldEdit *field(QStringView apiName) const;
    // The fields in use, in form order.
    QList<FieldEdit *> fields() const;
    // The box choosing among the fields of the choice that holds this field (nullptr: none does).
    QComboBox *choiceBox(QStringView apiName) const;
    // Chooses this field in its choice (nothing when it is in none).
    void choose(QStringView apiName);
    // The field asked for this part of the question: of a choice, the way in use (the chosen one,
    // or the one the product asks without a choice); else the field itself.
    FieldEdit *chosenField(QStringView apiName) const;
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
    // The input changed (typed, pasted, set, or another field of a choice chosen).
    void inputChanged();
    void cancelRequested();
    void validityChanged(bool valid);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Row {
        FieldEdit *edit;
        QLabel *error;
        QWidget *cell;
        bool inUse = true;
    };
    struct Choice {
        QStringList fields;
        QComboBox *box;
    };
    void addField(const QString &apiName);
    void addChoice(const QStringList &fields);
    // Which fields are in use and which choices shown, for the product and the choices made.
    void showFields();
    const Row *rowOf(const FieldEdit *edit) const;
    const Choice *choiceOf(QStringView apiName) const;
    bool offered(const Choice &choice) const; // the product asks this choice
    QList<FieldError> currentErrors() const;
    FieldEdit *fieldForError(const QString &apiName) const;
    void revalidate();

    LookupKind m_kind;
    Product m_product = Product::ServiceProvider;
    QFormLayout *m_form;
    QList<Row> m_rows;
    QList<Choice> m_choices;
    QPushButton *m_query;
    QPushButton *m_cancel;
    QProgressBar *m_busyIndicator;
    bool m_busy = false;
    bool m_valid = false;
};

} // namespace fenzhang
