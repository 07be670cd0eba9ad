#pragma once

// One look-up page (分账结果查询 or 分账回退查询): its form above, and below either the result,
// the error panel, or a hint. Runs the look-up through the LookupController, shows busy state,
// offers Refresh for PROCESSING answers, and exports the shown result as CSV.

#include "api/lookupservice.h"
#include "exportdialog.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace fenzhang {

class ErrorPanel;
class LookupController;
class OrderForm;
class OrderResultView;
class ProcessingBar;
class QueryForm;
class ReturnForm;
class ReturnResultView;

class LookupPage final : public QWidget {
    Q_OBJECT
public:
    enum class View { Empty, Result, Error };

    LookupPage(LookupKind kind, LookupController *controller, QWidget *parent = nullptr);
    ~LookupPage() override;

    LookupKind kind() const { return m_kind; }
    QString title() const;
    QueryForm *form() const;
    OrderForm *orderForm() const { return m_orderForm; }
    ReturnForm *returnForm() const { return m_returnForm; }
    OrderResultView *orderView() const { return m_orderView; }
    ReturnResultView *returnView() const { return m_returnView; }
    ErrorPanel *errorPanel() const { return m_errorPanel; }
    ProcessingBar *processingBar() const { return m_processing; }
    View currentView() const;

    bool isBusy() const { return !m_job.isNull(); }
    // The last verified result shown (what Export writes); empty after an error.
    const std::optional<LookupResult> &shownResult() const { return m_shown; }
    // Writes the shown result (ResultExport::save: atomic); false with *error when it could not.
    bool exportTo(const ExportTarget &target, const ExportInfo &info, QString *error) const;
    // "profitsharing-order-P2015…", without a suffix.
    QString suggestedExportName() const;
    // How many rows the export of the shown result has (one per receiver).
    int exportRowCount() const;
    // Copies the selected receivers (orders) as TSV; false when nothing to copy.
    bool copyRows() const;

    void run();     // the form's query
    void refresh(); // the shown result's query again
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void lookupFinished(const fenzhang::LookupResult &result);
    void exportableChanged(bool exportable);

private:
    void start(const OrderQuery &order, const ReturnQuery &ret);
    void finish(const LookupResult &result);
    void setJob(LookupJob *job);

    LookupKind m_kind;
    LookupController *m_controller;
    OrderForm *m_orderForm = nullptr;
    ReturnForm *m_returnForm = nullptr;
    OrderResultView *m_orderView = nullptr;
    ReturnResultView *m_returnView = nullptr;
    ErrorPanel *m_errorPanel;
    ProcessingBar *m_processing;
    QLabel *m_hint;
    QStackedWidget *m_stack;
    QPointer<LookupJob> m_job;
    std::optional<LookupResult> m_shown;
};

} // namespace fenzhang
