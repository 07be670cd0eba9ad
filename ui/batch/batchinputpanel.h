#pragma once

// The first half of the batch page: what to look up. A list pasted from Excel (TSV) or a CSV file
// (UTF-8, GB18030, UTF-16), the column each API field comes from with a preview of the first rows,
// and the rows that fail validation with their row numbers and reasons (they are not sent). The
// import runs on a worker thread so a 100,000-row file never freezes the window.

#include "batch/batchimporter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace fenzhang {

class BatchInputPanel final : public QWidget {
    Q_OBJECT
public:
    explicit BatchInputPanel(QWidget *parent = nullptr);

    LookupKind kind() const;
    void setKind(LookupKind kind);
    // The profile's product: which columns the rows need (no sub_mchid for a direct merchant).
    Product product() const { return m_product; }
    void setProduct(Product product);
    // A list as pasted (tab-separated from Excel, or comma-separated).
    void setText(const QString &text);
    // Reads a CSV file (on the worker thread like the rest).
    void importFile(const QString &path);
    void pasteFromClipboard();
    void chooseFile();
    // The UI's mapping: API field name -> column (0-based), -1 for none.
    void setColumn(const QString &apiField, int column);

    const BatchImport &currentImport() const { return m_import; }
    bool isImporting() const { return m_importing; }
    QComboBox *kindCombo() const { return m_kind; }
    // Orders only: also look up each answered order's payment's remaining amount (剩余待分金额).
    QCheckBox *remainingCheck() const { return m_withRemaining; }
    bool withRemaining() const;
    QComboBox *mappingCombo(const QString &apiField) const;
    QTableWidget *preview() const { return m_preview; }
    QListWidget *problems() const { return m_problems; }
    QLabel *summary() const { return m_summary; }
    QPlainTextEdit *pasteEdit() const { return m_paste; }
    // Shown when the rows look like the other kind's; one click switches.
    QLabel *kindSuggestion() const { return m_suggestion; }
    QPushButton *switchKindButton() const { return m_switchKind; }
    void switchToSuggestedKind();

Q_SIGNALS:
    // A new import is ready (currentImport()).
    void importChanged();

private:
    void startImport(bool keepMapping);
    void applyImport(quint64 generation, const BatchImport &import);
    void fillMapping();
    void fillPreview();
    void fillProblems();
    void mappingEdited();
    QString columnName(int column) const;
    static void fitComboWidth(QComboBox *combo);
    void updateSuggestion();

    QComboBox *m_kind;
    QCheckBox *m_withRemaining;
    Product m_product = Product::ServiceProvider;
    QPlainTextEdit *m_paste;
    QPushButton *m_pasteButton;
    QPushButton *m_fileButton;
    QLabel *m_source;
    QList<std::pair<QString, QComboBox *>> m_mapping;
    QTableWidget *m_preview;
    QListWidget *m_problems;
    QLabel *m_summary;
    QLabel *m_suggestion;
    QPushButton *m_switchKind;
    QTimer *m_pasteDelay;

    // Where the rows come from: pasted text, or a file's bytes.
    QString m_text;
    QByteArray m_bytes;
    bool m_fromFile = false;
    ColumnMapping m_explicit;
    bool m_hasExplicit = false;
    BatchImport m_import;
    quint64 m_generation = 0;
    bool m_importing = false;
    bool m_filling = false;
};

} // namespace fenzhang
