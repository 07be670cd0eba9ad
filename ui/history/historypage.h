#pragma once

// The history page: every look-up this computer made (single, batch, watch), searchable by any
// number or Request-ID, filtered by date and state; a past answer opens in the result view marked
// "from history, looked up at …"; re-run, export (workbook or CSV; all matching or only the selected), retention and "clear history". A corrupt or
// locked database is a message on the page, with a way to start afresh, never a crash.

#include "format/exporttable.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace fenzhang {

class HistoryBackend;
class HistoryModel;
class LookupController;
class ResultDialog;
struct HistoryEntry;
struct HistoryFilter;
struct LookupResult;

class HistoryPage final : public QWidget {
    Q_OBJECT
public:
    HistoryPage(HistoryBackend *backend, LookupController *controller, QWidget *parent = nullptr);

    QString title() const { return tr("History"); }
    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *stateCombo() const { return m_state; }
    QCheckBox *dateCheck() const { return m_useDates; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QSpinBox *retentionSpin() const { return m_retention; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *countLabel() const { return m_count; }
    ResultDialog *lastDialog() const;

    HistoryFilter currentFilter() const;
    void refresh();
    // Opens the entry of a row (the selected one for -1).
    void openRow(int row = -1);
    void rerunSelected();
    // Selected rows, or all matching entries when nothing is selected.
    void exportHistory();
    void clearHistory();

Q_SIGNALS:
    void rerunFinished(const fenzhang::LookupResult &result);
    // For the status bar: what an export wrote.
    void statusMessage(const QString &text);

private:
    void updateState();
    void showResult(const LookupResult &result, const HistoryEntry *entry);
    QList<int> selectedRows() const;
    ExportInfo historyExportInfo(const QList<HistoryEntry> &entries, bool onlySelected) const;

    HistoryBackend *m_backend;
    LookupController *m_controller;
    HistoryModel *m_model;
    QLineEdit *m_search;
    QCheckBox *m_useDates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_state;
    QTableView *m_table;
    QLabel *m_count;
    QLabel *m_error;
    QPushButton *m_afresh;
    QPushButton *m_open;
    QPushButton *m_rerun;
    QPushButton *m_export;
    QPushButton *m_clear;
    QSpinBox *m_retention;
    QTimer *m_searchDelay;
    QPointer<ResultDialog> m_dialog;
};

} // namespace fenzhang
