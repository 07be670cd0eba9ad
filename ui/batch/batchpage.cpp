#include "batchpage.h"

#include "batch/batchexport.h"
#include "exportdialog.h"
#include "batch/batchrunner.h"
#include "batch/watcher.h"
#include "batchinputpanel.h"
#include "batchrowsmodel.h"
#include "batchsummaryview.h"
#include "columnsizer.h"
#include "historybackend.h"
#include "lookupcontroller.h"
#include "messagebox.h"
#include "resultdialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

QString durationText(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return BatchPage::tr("%n s", nullptr, int(seconds));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return BatchPage::tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    return BatchPage::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

BatchPage::BatchPage(LookupController *controller, HistoryBackend *history, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_history(history), m_input(new BatchInputPanel(this)),
      m_concurrency(new QSpinBox(this)), m_rate(new QDoubleSpinBox(this)),
      m_run(new QPushButton(tr("&Run batch"), this)), m_pause(new QPushButton(tr("&Pause"), this)),
      m_cancel(new QPushButton(tr("Ca&ncel"), this)), m_rerun(new QPushButton(tr("Re-run &failed"), this)),
      m_watch(new QPushButton(tr("&Watch the PROCESSING ones"), this)),
      m_export(new QPushButton(tr("&Export…"), this)), m_progress(new QProgressBar(this)),
      m_counts(new QLabel(this)), m_watching(new QLabel(this)), m_table(new QTableView(this)),
      m_rowDetail(new QLabel(this)), m_summary(new BatchSummaryView(this))
{
    setObjectName(u"batchPage"_s);
    m_concurrency->setRange(1, 16);
    m_concurrency->setValue(4);
    m_concurrency->setToolTip(tr("How many look-ups run at the same time."));
    m_rate->setRange(0, 100);
    m_rate->setDecimals(1);
    m_rate->setValue(10);
    m_rate->setSpecialValueText(tr("no limit"));
    m_rate->setSuffix(tr(" per second"));
    m_rate->setToolTip(tr("Look-ups started per second at most; 0 switches the limit off."));
    m_run->setObjectName(u"batchRun"_s);
    m_run->setDefault(true);

    auto *controls = new QHBoxLayout;
    auto *concurrencyLabel = new QLabel(tr("At once:"), this);
    concurrencyLabel->setBuddy(m_concurrency);
    auto *rateLabel = new QLabel(tr("Rate:"), this);
    rateLabel->setBuddy(m_rate);
    controls->addWidget(concurrencyLabel);
    controls->addWidget(m_concurrency);
    controls->addWidget(rateLabel);
    controls->addWidget(m_rate);
    controls->addSpacing(12);
    controls->addWidget(m_run);
    controls->addWidget(m_pause);
    controls->addWidget(m_cancel);
    controls->addStretch(1);
    controls->addWidget(m_rerun);
    controls->addWidget(m_watch);
    controls->addWidget(m_export);

    m_progress->setObjectName(u"batchProgress"_s);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_counts->setObjectName(u"batchCounts"_s);
    m_watching->setObjectName(u"batchWatching"_s);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_counts);

    m_table->setObjectName(u"batchTable"_s);
    m_table->setAccessibleName(tr("Batch results"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { openRow(index.row()); });

    m_rowDetail->setObjectName(u"batchRowDetail"_s);
    m_rowDetail->setTextFormat(Qt::PlainText);
    m_rowDetail->setWordWrap(true);
    m_rowDetail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_rowDetail->setFrameShape(QFrame::StyledPanel);
    m_rowDetail->setMargin(6);
    m_rowDetail->setAccessibleName(tr("Selected row"));
    m_rowDetail->hide();
    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(m_rowDetail);

    auto *summaryBox = new QGroupBox(tr("Summary"), this);
    auto *summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->addWidget(m_summary);

    auto *results = new QSplitter(Qt::Horizontal, this);
    results->addWidget(tableArea);
    results->addWidget(summaryBox);
    results->setStretchFactor(0, 3);
    results->setStretchFactor(1, 1);
    results->setChildrenCollapsible(false);

    auto *runArea = new QWidget(this);
    auto *runLayout = new QVBoxLayout(runArea);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addLayout(controls);
    runLayout->addLayout(progressRow);
    runLayout->addWidget(m_watching);
    runLayout->addWidget(results, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_input);
    split->addWidget(runArea);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_run, &QPushButton::clicked, this, &BatchPage::run);
    connect(m_pause, &QPushButton::clicked, this, &BatchPage::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, &BatchPage::cancel);
    connect(m_rerun, &QPushButton::clicked, this, &BatchPage::rerunFailed);
    connect(m_watch, &QPushButton::clicked, this, &BatchPage::watchProcessing);
    connect(m_export, &QPushButton::clicked, this, &BatchPage::exportResults);
    connect(m_input, &BatchInputPanel::importChanged, this, &BatchPage::updateButtons);
    connect(m_controller, &LookupController::currentProfileChanged, this, [this] {
        if (!isBusy())
            dropService();
        m_input->setProduct(m_controller->currentProfile().product);
    });
    m_input->setProduct(m_controller->currentProfile().product);
    // Row numbers, states and amounts are read whole; the reason, number, status and sub-merchant
    // give way (the pane under the table has the selected row whole).
    m_sizer =
        new ColumnSizer(m_table, {.whole = {BatchRowsModel::RowNumberColumn, BatchRowsModel::StateColumn,
                                            BatchRowsModel::AmountColumn, BatchRowsModel::RemainingColumn},
                                  .giveWay = {BatchRowsModel::DetailColumn, BatchRowsModel::StatusColumn,
                                              BatchRowsModel::NumberColumn, BatchRowsModel::SubMchidColumn},
                                  .grow = {BatchRowsModel::DetailColumn},
                                  .minWidth = 80});
    m_watching->hide();
    updateProgress();
    updateButtons();
}

BatchPage::~BatchPage() = default;

QCheckBox *BatchPage::remainingCheck() const
{
    return m_input->remainingCheck();
}

bool BatchPage::isBusy() const
{
    return (m_runner && m_runner->isRunning()) || (m_remainingRunner && m_remainingRunner->isRunning());
}

bool BatchPage::ensureService(QString *error)
{
    const ConnectionProfile profile = m_controller->currentProfile();
    if (m_connection && m_connection->profileId() == profile.id)
        return true;
    dropService();
    // The batch has a connection of its own so its look-ups never queue behind, or cancel, the
    // single look-up pages'; built by the same rules (the keychain secret must have arrived).
    m_connection = ProfileConnection::open(profile, this, error);
    if (!m_connection)
        return false;
    LookupService *service = m_connection->service();
    m_runner = new BatchRunner(service, this);
    m_model = new BatchRowsModel(m_runner, this);
    m_table->setModel(m_model);
    m_table->setColumnHidden(BatchRowsModel::RemainingColumn, true);
    m_sizer->fit();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &BatchPage::showRowDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int current = m_table->currentIndex().row();
                if (current >= topLeft.row() && current <= bottomRight.row())
                    showRowDetail();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &BatchPage::showRowDetail);
    connect(m_runner, &BatchRunner::progressChanged, this, &BatchPage::updateProgress);
    connect(m_runner, &BatchRunner::finished, this, &BatchPage::onFinished);
    connect(m_runner, &BatchRunner::rowFinished, this,
            [this](int, const LookupResult &result) { m_history->record(result, u"batch"_s); });
    m_remainingRunner = new BatchRunner(service, this);
    connect(m_remainingRunner, &BatchRunner::progressChanged, this, &BatchPage::updateProgress);
    connect(m_remainingRunner, &BatchRunner::finished, this, &BatchPage::onRemainingFinished);
    connect(m_remainingRunner, &BatchRunner::rowFinished, this, [this](int, const LookupResult &result) {
        m_history->record(result, u"batch"_s);
        m_model->addRemaining(result);
    });

    m_watcher = new Watcher(service, this);
    if (m_history->ensureOpen())
        m_watcher->setHistory(m_history->store(), profile.name);
    const auto watchesChanged = [this] {
        const int n = int(m_watcher->watchIds().size());
        m_watching->setText(
            tr("Watching %n look-up(s) still PROCESSING; you will be told when they are final.", nullptr, n));
        m_watching->setVisible(n > 0);
    };
    connect(m_watcher, &Watcher::checked, this, [this] { m_history->notifyChanged(); });
    connect(m_watcher, &Watcher::becameFinal, this, [this, watchesChanged](int, const LookupResult &result) {
        m_history->notifyChanged();
        watchesChanged();
        Q_EMIT watchFinished(result);
    });
    connect(m_watcher, &Watcher::gaveUp, this, [watchesChanged] { watchesChanged(); });
    connect(m_watcher, &Watcher::checked, this, [watchesChanged] { watchesChanged(); });
    m_history->setProfile(profile.name);
    return true;
}

void BatchPage::dropService()
{
    // Watches in progress keep their client; a profile change only affects the next batch.
    if (m_watcher && !m_watcher->watchIds().isEmpty())
        return;
    m_table->setModel(nullptr);
    delete m_model;
    delete m_watcher;
    delete m_remainingRunner;
    delete m_runner;
    delete m_connection;
    m_model = nullptr;
    m_watcher = nullptr;
    m_remainingRunner = nullptr;
    m_runner = nullptr;
    showRowDetail();
    updateProgress();
    updateButtons();
}

bool BatchPage::run()
{
    if (isBusy())
        return false;
    const BatchImport &import = m_input->currentImport();
    if (m_input->isImporting() || !import.ok() || import.validCount() == 0) {
        MessageBox::warning(this, tr("Run batch"),
                            import.ok() || import.error.isEmpty() ? tr("There are no valid rows to look up.")
                                                                  : import.error);
        return false;
    }
    QString error;
    if (!ensureService(&error)) {
        MessageBox::critical(this, tr("Run batch"), error);
        return false;
    }
    BatchRunner::Options options = m_runner->options();
    options.concurrency = m_concurrency->value();
    options.qps = m_rate->value();
    m_runner->setOptions(options);
    m_runKind = import.kind;
    const bool remainingAsked = m_runKind == LookupKind::Order && m_input->withRemaining();
    m_cancelled = false;
    m_runner->setRows(import.rows);
    m_model->reload();
    m_model->setRemainingAsked(remainingAsked);
    m_table->setColumnHidden(BatchRowsModel::RemainingColumn, !remainingAsked);
    m_sizer->fit();
    m_summary->clearSummary();
    m_runner->start();
    updateProgress();
    updateButtons();
    Q_EMIT busyChanged(true);
    return true;
}

void BatchPage::togglePause()
{
    if (!m_runner || !m_runner->isRunning())
        return;
    if (m_runner->isPaused())
        m_runner->resume();
    else
        m_runner->pause();
    updateProgress();
    updateButtons();
}

void BatchPage::cancel()
{
    m_cancelled = true;
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
    if (m_remainingRunner && m_remainingRunner->isRunning())
        m_remainingRunner->cancel();
    updateButtons();
}

int BatchPage::rerunFailed()
{
    if (!m_runner || isBusy())
        return 0;
    m_summary->clearSummary();
    m_cancelled = false;
    const int n = m_runner->rerunFailed();
    updateProgress();
    updateButtons();
    if (n > 0)
        Q_EMIT busyChanged(true);
    return n;
}

int BatchPage::watchProcessing()
{
    if (!m_runner || !m_watcher)
        return 0;
    const QList<int> rows = m_runner->rowsWithStatus(BatchRunner::RowStatus::Processing);
    for (int row : rows)
        m_watcher->watch(m_runner->result(row));
    const int n = int(m_watcher->watchIds().size());
    m_watching->setText(
        tr("Watching %n look-up(s) still PROCESSING; you will be told when they are final.", nullptr, n));
    m_watching->setVisible(n > 0);
    return int(rows.size());
}

void BatchPage::exportResults()
{
    if (!m_runner || m_runner->rowCount() == 0)
        return;
    const QString name =
        u"fenzhang-batch-%1-%2"_s.arg(LookupKinds::pluralName(m_runKind),
                                      QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s));
    const std::optional<ExportTarget> target = ExportDialog::ask(this, tr("Export batch"), name);
    if (!target)
        return;
    const QList<BatchExportRow> rows = exportRows();
    if (const WriteResult saved =
            BatchExport::save(m_runKind, rows, target->path, target->format, m_controller->exportInfo());
        !saved) {
        ExportDialog::showFailure(this, *target, saved.error());
        return;
    }
    Q_EMIT statusMessage(ExportDialog::doneText(*target, int(rows.size())));
}

void BatchPage::openRow(int row)
{
    if (!m_runner || row < 0 || row >= m_runner->rowCount())
        return;
    if (!m_runner->hasResult(row)) {
        const QString reason = m_model->index(row, BatchRowsModel::DetailColumn).data().toString();
        MessageBox::information(this, tr("Row %1").arg(m_runner->row(row).rowNumber),
                                reason.isEmpty() ? BatchRowsModel::statusText(m_runner->status(row))
                                                 : reason);
        return;
    }
    if (m_dialog)
        m_dialog->close();
    m_dialog = new ResultDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setResult(m_runner->result(row));
    m_dialog->show();
}

void BatchPage::showRowDetail()
{
    const int row = m_model ? m_table->currentIndex().row() : -1;
    const QString text = row >= 0 ? m_model->detailText(row) : QString();
    m_rowDetail->setText(text);
    m_rowDetail->setVisible(!text.isEmpty());
}

QString BatchPage::rowDetailText() const
{
    return m_rowDetail->isHidden() ? QString() : m_rowDetail->text();
}

QList<BatchExportRow> BatchPage::exportRows() const
{
    QList<BatchExportRow> rows = BatchExport::rowsOf(*m_runner);
    if (m_model->remainingAsked())
        BatchExport::attachRemaining(rows, m_model->remainingAnswers().values());
    return rows;
}

void BatchPage::onFinished()
{
    if (m_model->remainingAsked() && !m_cancelled && startRemaining())
        return;
    finishRun();
}

bool BatchPage::startRemaining()
{
    // Each payment once; one already answered (an earlier pass, before a re-run) is not asked again.
    QList<BatchRow> rows;
    for (BatchRow row : BatchExport::remainingRows(BatchExport::rowsOf(*m_runner))) {
        const auto it = m_model->remainingAnswers().constFind(row.query.value(u"transaction_id"));
        if (it != m_model->remainingAnswers().constEnd() && it->kind == LookupResult::Kind::Ok)
            continue;
        row.rowNumber = int(rows.size()) + 1;
        rows.append(row);
    }
    if (rows.isEmpty())
        return false;
    m_remainingRunner->setOptions(m_runner->options());
    m_remainingRunner->setRows(rows);
    m_remainingRunner->start();
    updateProgress();
    updateButtons();
    return m_remainingRunner->isRunning();
}

void BatchPage::onRemainingFinished()
{
    finishRun();
}

void BatchPage::finishRun()
{
    m_summary->setSummary(BatchExport::summarize(m_runKind, exportRows()));
    m_history->flush();
    updateProgress();
    updateButtons();
    Q_EMIT busyChanged(false);
    Q_EMIT batchFinished();
}

void BatchPage::updateProgress()
{
    if (!m_runner || m_runner->rowCount() == 0) {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_counts->setText(tr("Not started"));
        return;
    }
    const BatchRunner::Counts &c = m_runner->counts();
    const int done = c.answered() + c.cancelled;
    m_progress->setRange(0, qMax(1, c.total));
    m_progress->setValue(done);
    QString text = tr("%1 of %2 done · %3 failed · %4 processing · %5 not sent")
                       .arg(done)
                       .arg(c.total)
                       .arg(c.failed)
                       .arg(c.processing)
                       .arg(c.invalid);
    if (c.cancelled > 0)
        text += tr(" · %1 cancelled").arg(c.cancelled);
    if (m_remainingRunner && m_remainingRunner->isRunning()) {
        const BatchRunner::Counts &r = m_remainingRunner->counts();
        text += tr(" · remaining amounts: %1 of %2 payments").arg(r.answered() + r.cancelled).arg(r.total);
    } else if (m_runner->isRunning()) {
        if (m_runner->isPaused()) {
            text += tr(" · paused");
        } else {
            const qint64 eta = m_runner->etaMs();
            if (eta >= 0)
                text += tr(" · about %1 left").arg(durationText(eta));
        }
    }
    m_counts->setText(text);
}

void BatchPage::updateButtons()
{
    const bool running = isBusy();
    const bool ready =
        !m_input->isImporting() && m_input->currentImport().ok() && m_input->currentImport().validCount() > 0;
    m_run->setEnabled(!running && ready);
    // The remaining amounts' short pass is not paused, only cancelled.
    const bool ordersRunning = m_runner && m_runner->isRunning();
    m_pause->setEnabled(ordersRunning);
    m_pause->setText(ordersRunning && m_runner->isPaused() ? tr("&Resume") : tr("&Pause"));
    m_cancel->setEnabled(running);
    const bool hasRun = m_runner && m_runner->rowCount() > 0;
    const BatchRunner::Counts counts = m_runner ? m_runner->counts() : BatchRunner::Counts{};
    m_rerun->setEnabled(hasRun && !running && counts.failed + counts.cancelled > 0);
    m_watch->setEnabled(hasRun && !running && counts.processing > 0);
    m_export->setEnabled(hasRun && !running);
    m_input->setEnabled(!running);
    m_concurrency->setEnabled(!running);
    m_rate->setEnabled(!running);
}

QString BatchPage::demoText()
{
    // The sandbox's demo records (docs/sandbox.md), one not found, one invalid, one duplicate.
    return QStringList{
        u"sub_mchid\ttransaction_id\tout_order_no"_s,
        u"1900000109\t4208450740202511201234567890\tP20251120101530001"_s,
        u"1900000109\t4208450740202511211234567891\tP20251121090000002"_s,
        u"1900000109\t4208450740202511221234567892\tP20251122143000003"_s,
        u"1900000109\t4208450740202511231234567893\tP20251123080000004"_s,
        u"1900000109\t4208450740202511241234567894\tP2025|11*24@A_B-005"_s,
        u"1900000109\t4208450740202511251234567895\tP20251125999999006"_s,
        u"19000001O9\t4208450740202511261234567896\tP20251126000000007"_s,
        u"1900000109\t4208450740202511201234567890\tP20251120101530001"_s,
    }
        .join(u'\n');
}

void BatchPage::fillDemoRows()
{
    m_input->setKind(LookupKind::Order);
    m_input->setText(demoText());
}

ResultDialog *BatchPage::lastDialog() const
{
    return m_dialog;
}

} // namespace fenzhang
