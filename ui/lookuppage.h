#pragma once

// One look-up page (分账结果查询 or 分账回退查询): its form above, and below either the result,
// the error panel, or a hint. Runs the look-up through the LookupController, shows busy state,
// offers Refresh for PROCESSING answers, and exports the shown result as CSV. A result (or error)
// that no longer answers the numbers in the form is marked as the previous one at once. The form
// asks the numbers of the profile's product (setProduct). Beside an order it looks up the remaining
// amount (剩余待分金额) on request, or by itself for a FINISHED order when the profile wants it.

#include "api/lookupservice.h"
#include "exportdialog.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace fenzhang {

class AnswerView;
class ErrorPanel;
class LookupController;
class OrderResultView;
class ProcessingBar;
class QueryForm;
class ReturnResultView;
class StaleBanner;

class LookupPage final : public QWidget {
    Q_OBJECT
public:
    enum class View { Empty, Result, Error };

    LookupPage(LookupKind kind, LookupController *controller, QWidget *parent = nullptr);
    ~LookupPage() override;

    LookupKind kind() const { return m_kind; }
    QString title() const;
    QueryForm *form() const { return m_form; }
    OrderResultView *orderView() const { return m_orderView; }
    ReturnResultView *returnView() const { return m_returnView; }
    AnswerView *answerView() const { return m_answerView; } // a kind without a view of its own
    ErrorPanel *errorPanel() const { return m_errorPanel; }
    ProcessingBar *processingBar() const { return m_processing; }
    View currentView() const;

    bool isBusy() const { return !m_job.isNull(); }
    // The last verified result shown (what Export writes); empty after an error.
    const std::optional<LookupResult> &shownResult() const { return m_shown; }
    // The shown result or error is for other numbers than the form's, or other numbers are being
    // looked up: it is dimmed under a "Previous result" banner and not exported.
    bool isStale() const;
    StaleBanner *staleBanner() const { return m_staleBanner; }
    // Writes the shown result (ResultExport::save: atomic); the error says why it could not.
    WriteResult exportTo(const ExportTarget &target, const ExportInfo &info) const;
    // "profitsharing-order-P2015…", without a suffix.
    QString suggestedExportName() const;
    // How many rows the export of the shown result has (one per receiver).
    int exportRowCount() const;
    // Copies the selected receivers (orders) as TSV; false when nothing to copy.
    bool copyRows() const;

    // The profile's product: the form asks its numbers, the hint says which.
    void setProduct(Product product);
    Product product() const;
    // The shown order's 剩余待分金额 (orders only; nothing when no order is shown).
    void lookUpRemainingAmount();
    bool isRemainingAmountBusy() const { return !m_amountsJob.isNull(); }

    void run();     // the form's query
    void refresh(); // the shown result's query again
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void lookupFinished(const fenzhang::LookupResult &result);
    // A remaining-amount look-up beside the shown order ended (for the history).
    void remainingAmountFinished(const fenzhang::LookupResult &result);
    void exportableChanged(bool exportable);

private:
    void start(const Query &query);
    void finish(const LookupResult &result);
    void setJob(LookupJob *job);
    // notify: emit exportableChanged() even when exportability did not change (a new answer).
    void updateStale(bool notify = false);
    bool formAsks(const Query &query) const;
    void updateHint();
    bool shownIsThisProducts() const; // the shown result was asked as the form's product

    LookupKind m_kind;
    LookupController *m_controller;
    QueryForm *m_form;
    OrderResultView *m_orderView = nullptr;
    ReturnResultView *m_returnView = nullptr;
    AnswerView *m_answerView = nullptr;
    ErrorPanel *m_errorPanel;
    ProcessingBar *m_processing;
    QLabel *m_hint;
    QStackedWidget *m_stack;
    StaleBanner *m_staleBanner;
    QPointer<LookupJob> m_job;
    QPointer<LookupJob> m_amountsJob;
    std::optional<LookupResult> m_shown;
    // The remaining amount answered for the shown order's payment (its export's About sheet says it).
    std::optional<LookupResult> m_remaining;
    // The numbers the result or error on screen answers, and those being looked up.
    std::optional<Query> m_displayedFor;
    std::optional<Query> m_running;
    bool m_exportable = false;
};

} // namespace fenzhang
