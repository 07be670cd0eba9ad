#pragma once

// The batch page: the rows to look up (BatchInputPanel), then a run with bounded concurrency and a
// rate limit through BatchRunner, live per-row status, progress with counts and ETA, pause / resume
// / cancel, re-run the failed rows, export one CSV (BatchExport), the totals, and "watch the
// PROCESSING ones" (Watcher). Every answered row also goes to the history as source "batch".

#include "api/lookupservice.h"
#include "batch/batchexport.h"
#include "profileconnection.h"

#include <memory>
#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace fenzhang {

class BatchInputPanel;
class BatchRowsModel;
class BatchRunner;
class BatchSummaryView;
class ColumnSizer;
class HistoryBackend;
class LookupController;
class ResultDialog;
class Watcher;

class BatchPage final : public QWidget {
    Q_OBJECT
public:
    BatchPage(LookupController *controller, HistoryBackend *history, QWidget *parent = nullptr);
    ~BatchPage() override;

    QString title() const { return tr("Batch"); }
    BatchInputPanel *input() const { return m_input; }
    BatchRunner *runner() const { return m_runner; }
    BatchRowsModel *model() const { return m_model; }
    Watcher *watcher() const { return m_watcher; }
    BatchSummaryView *summaryView() const { return m_summary; }
    QTableView *table() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *countsLabel() const { return m_counts; }
    QSpinBox *concurrencySpin() const { return m_concurrency; }
    QDoubleSpinBox *rateSpin() const { return m_rate; }
    // Orders: also look up each answered order's payment's remaining amount (剩余待分金额) after them.
    QCheckBox *remainingCheck() const;
    BatchRunner *remainingRunner() const { return m_remainingRunner; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *rerunButton() const { return m_rerun; }
    QPushButton *watchButton() const { return m_watch; }
    QPushButton *exportButton() const { return m_export; }
    ResultDialog *lastDialog() const;
    // The pane under the table: the current row in words (reason and advice); empty when hidden.
    QString rowDetailText() const;
    LookupKind runKind() const { return m_runKind; }
    bool isBusy() const;

    // Starts the imported valid rows; false (with a message box) when nothing can run.
    bool run();
    void togglePause();
    void cancel();
    int rerunFailed();
    // Hands the rows still PROCESSING to the watcher; returns how many.
    int watchProcessing();
    void exportResults();
    void openRow(int row);
    // Demo profile only: a sample list from the sandbox's data (for trying the page and screenshots).
    void fillDemoRows();
    static QString demoText();

Q_SIGNALS:
    void batchFinished();
    // A watched look-up reached a final state (the main window turns it into a tray message).
    void watchFinished(const fenzhang::LookupResult &result);
    void busyChanged(bool busy);
    // For the status bar: what an export wrote.
    void statusMessage(const QString &text);

private:
    bool ensureService(QString *error);
    void dropService();
    void updateProgress();
    void updateButtons();
    void onFinished();
    // After an order run with remaining amounts asked: looks up the payments not yet answered; false
    // when there are none.
    bool startRemaining();
    void onRemainingFinished();
    void finishRun();
    // The rows as exported and summarised: with the remaining amounts, when they were asked.
    QList<BatchExportRow> exportRows() const;
    void showRowDetail();

    LookupController *m_controller;
    HistoryBackend *m_history;
    BatchInputPanel *m_input;
    QSpinBox *m_concurrency;
    QDoubleSpinBox *m_rate;
    QPushButton *m_run;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QPushButton *m_rerun;
    QPushButton *m_watch;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QLabel *m_counts;
    QLabel *m_watching;
    QTableView *m_table;
    QLabel *m_rowDetail;
    BatchSummaryView *m_summary;
    ColumnSizer *m_sizer = nullptr;

    // Built for the selected profile on the first run, rebuilt after the profile changes.
    QPointer<ProfileConnection> m_connection;
    BatchRunner *m_runner = nullptr;
    BatchRunner *m_remainingRunner = nullptr; // the remaining amounts of an order run's payments
    bool m_cancelled = false;                 // the user cancelled this pass: no remaining amounts after it
    BatchRowsModel *m_model = nullptr;
    Watcher *m_watcher = nullptr;
    LookupKind m_runKind = LookupKind::Order;
    QPointer<ResultDialog> m_dialog;
};

} // namespace fenzhang
