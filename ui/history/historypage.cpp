#include "historypage.h"

#include "accessibility.h"
#include "exportdialog.h"
#include "historybackend.h"
#include "history/historyexport.h"
#include "historymodel.h"
#include "lookupcontroller.h"
#include "messagebox.h"
#include "resultdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

HistoryPage::HistoryPage(HistoryBackend *backend, LookupController *controller, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_controller(controller), m_model(new HistoryModel(backend, this)),
      m_search(new QLineEdit(this)), m_useDates(new QCheckBox(tr("Looked up from"), this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_state(new QComboBox(this)),
      m_table(new QTableView(this)), m_count(new QLabel(this)), m_error(new QLabel(this)),
      m_afresh(new QPushButton(tr("Start a new history file"), this)),
      m_open(new QPushButton(tr("&Open"), this)), m_rerun(new QPushButton(tr("&Run again"), this)),
      m_export(new QPushButton(tr("&Export…"), this)),
      m_clear(new QPushButton(tr("&Clear history…"), this)), m_retention(new QSpinBox(this)),
      m_searchDelay(new QTimer(this))
{
    setObjectName(u"historyPage"_s);
    m_search->setObjectName(u"historySearch"_s);
    m_search->setPlaceholderText(tr("Search any number or Request-ID"));
    m_search->setClearButtonEnabled(true);
    Accessibility::nameClearButton(m_search);
    m_search->setAccessibleName(tr("Search the history"));
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setEnabled(false);
        // Room for the whole date next to the calendar arrow, in every font.
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(u"0000-00-00"_s) + 48);
    }
    m_from->setDate(today.addDays(-30));
    m_to->setDate(today);
    m_from->setAccessibleName(tr("Looked up from"));
    m_to->setAccessibleName(tr("Looked up until"));
    // A state of the answer, or a kind of failure to get one: the item's data is "state:CODE" or
    // "kinds:a,b" (HistoryEntry result kinds).
    m_state->addItem(tr("Any state"), QString());
    const QList<std::pair<QString, QString>> states = {
        {u"state:PROCESSING"_s, tr("Processing")},
        {u"state:FINISHED"_s, tr("Finished (orders)")},
        {u"state:SUCCESS"_s, tr("Success (returns)")},
        {u"state:FAIL"_s, tr("Failed (returns)")},
        {u"kinds:api_error,network_error,bad_answer,verification_failed,not_the_answer,cancelled"_s,
         tr("Any error (no result)")},
        {u"kinds:api_error"_s, tr("WeChat Pay answered with an error")},
        {u"kinds:network_error"_s, tr("No answer")},
        {u"kinds:verification_failed,not_the_answer,bad_answer"_s, tr("Not trusted or unreadable answer")}};
    for (const auto &[code, text] : states)
        m_state->addItem(text, code);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    auto *stateLabel = new QLabel(tr("State:"), this);
    stateLabel->setBuddy(m_state);
    filters->addWidget(stateLabel);
    filters->addWidget(m_state);

    m_error->setObjectName(u"historyError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText); // names the file, quotes SQLite
    m_error->setStyleSheet(u"QLabel { background: #fbe9e7; color: #8a1c0c; padding: 8px; }"_s);
    m_error->hide();
    m_afresh->hide();
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_afresh);

    m_table->setObjectName(u"historyTable"_s);
    m_table->setAccessibleName(tr("Look-ups in the history"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("forever"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(m_backend->retentionDays());
    auto *retentionLabel = new QLabel(tr("Keep history for:"), this);
    retentionLabel->setBuddy(m_retention);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_count, 1);
    actions->addWidget(m_open);
    actions->addWidget(m_rerun);
    actions->addWidget(m_export);
    actions->addSpacing(16);
    actions->addWidget(retentionLabel);
    actions->addWidget(m_retention);
    actions->addWidget(m_clear);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(errorRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &HistoryPage::refresh);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        refresh();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryPage::refresh);
    connect(m_state, &QComboBox::currentIndexChanged, this, &HistoryPage::refresh);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { openRow(index.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPage::updateState);
    connect(m_model, &HistoryModel::queried, this, &HistoryPage::updateState);
    connect(m_open, &QPushButton::clicked, this, [this] { openRow(); });
    connect(m_rerun, &QPushButton::clicked, this, &HistoryPage::rerunSelected);
    connect(m_export, &QPushButton::clicked, this, &HistoryPage::exportHistory);
    connect(m_clear, &QPushButton::clicked, this, &HistoryPage::clearHistory);
    // Not through `this`: closing the window takes the focus from the spin box, and its
    // editingFinished then arrives while the page is half destroyed (only QWidget left of it).
    connect(m_retention, &QSpinBox::editingFinished, m_backend,
            [backend = m_backend, spin = m_retention] { backend->setRetentionDays(spin->value()); });
    connect(m_afresh, &QPushButton::clicked, this, [this] {
        const QString moved = m_backend->startAfresh();
        if (!moved.isEmpty())
            MessageBox::information(
                this, tr("History"),
                tr("The damaged file was kept as %1.").arg(QDir::toNativeSeparators(moved)));
        refresh();
    });
    connect(m_backend, &HistoryBackend::changed, this, [this] {
        if (isVisible())
            refresh();
    });
    updateState();
}

HistoryFilter HistoryPage::currentFilter() const
{
    HistoryFilter filter;
    filter.number = m_search->text().trimmed();
    const QString choice = m_state->currentData().toString();
    if (choice.startsWith(u"state:"_s))
        filter.state = choice.mid(6);
    else if (choice.startsWith(u"kinds:"_s))
        filter.resultKinds = choice.mid(6).split(u',');
    if (m_useDates->isChecked()) {
        // Whole local days: from the start of the first to the start of the day after the last.
        filter.from = m_from->date().startOfDay();
        filter.to = m_to->date().addDays(1).startOfDay();
    }
    return filter;
}

void HistoryPage::refresh()
{
    m_model->setFilter(currentFilter());
}

void HistoryPage::updateState()
{
    const QString error = m_model->error().isEmpty() ? m_backend->error() : m_model->error();
    m_error->setText(error.isEmpty() ? QString() : tr("The history cannot be used right now: %1").arg(error));
    m_error->setVisible(!error.isEmpty());
    m_afresh->setVisible(m_backend->isCorrupt());
    const bool selected = !selectedRows().isEmpty();
    m_open->setEnabled(selected);
    m_rerun->setEnabled(selected);
    m_export->setEnabled(m_model->totalCount() > 0);
    m_clear->setEnabled(error.isEmpty());
    m_count->setText(tr("%n look-up(s)", nullptr, m_model->totalCount()));
}

QList<int> HistoryPage::selectedRows() const
{
    QList<int> rows;
    const auto selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void HistoryPage::showResult(const LookupResult &result, const HistoryEntry *entry)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new ResultDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setResult(result);
    if (entry)
        m_dialog->setFromHistory(entry->lookedUpAt);
    m_dialog->show();
}

void HistoryPage::openRow(int row)
{
    if (row < 0) {
        const QList<int> rows = selectedRows();
        if (rows.isEmpty())
            return;
        row = rows.constFirst();
    }
    if (row >= m_model->rowCount())
        return;
    const HistoryEntry &entry = m_model->entry(row);
    const HistoricResult restored = HistoryStore::restore(entry);
    showResult(restored.result, &entry);
}

void HistoryPage::rerunSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const HistoryEntry entry = m_model->entry(rows.constFirst());
    QString error;
    // The question as it was asked (HistoryEntry::query names a return's order the way the product
    // allows: out_order_no, or a brand's order_id).
    LookupJob *job = m_controller->start(entry.query(), &error);
    if (!job) {
        MessageBox::warning(this, tr("Run again"), error);
        return;
    }
    m_rerun->setEnabled(false);
    connect(job, &LookupJob::finished, this, [this](const LookupResult &result) {
        m_backend->record(result, u"single"_s);
        m_backend->flush();
        showResult(result, nullptr);
        updateState();
        Q_EMIT rerunFinished(result);
    });
}

void HistoryPage::exportHistory()
{
    // With rows selected, ask: all matching look-ups (the default) or only the selected ones.
    const QList<int> rows = selectedRows();
    const int matching = m_model->totalCount();
    bool onlySelected = false;
    if (!rows.isEmpty() && int(rows.size()) < matching) {
        const int choice = MessageBox::choose(
            this, tr("Export history"),
            tr("%n look-up(s) match the search; %1 selected. Which should be exported?", nullptr, matching)
                .arg(rows.size()),
            {tr("All %n matching", nullptr, matching), tr("Only the %n selected", nullptr, int(rows.size()))}, 0);
        if (choice < 0)
            return;
        onlySelected = choice == 1;
    }
    QList<HistoryEntry> entries;
    if (onlySelected) {
        for (int row : rows)
            entries.append(m_model->entry(row));
    } else {
        HistoryFilter all = currentFilter();
        all.offset = 0;
        all.limit = 0;
        const auto found = m_backend->store()->search(all);
        if (!found) {
            MessageBox::critical(this, tr("Export failed"), found.error().message);
            return;
        }
        entries = found.value();
    }
    const std::optional<ExportTarget> target = ExportDialog::ask(
        this, tr("Export history"), u"fenzhang-history-%1"_s.arg(QDate::currentDate().toString(u"yyyyMMdd"_s)));
    if (!target)
        return;
    if (const WriteResult saved = HistoryExport::save(entries, target->path, target->format,
                                                      historyExportInfo(entries, onlySelected));
        !saved) {
        ExportDialog::showFailure(this, *target, saved.error());
        return;
    }
    const QString done = ExportDialog::doneText(*target, int(entries.size()));
    Q_EMIT statusMessage(onlySelected ? tr("%1 Only the selected look-ups.").arg(done)
                                      : tr("%1 All look-ups matching the search.").arg(done));
}

ExportInfo HistoryPage::historyExportInfo(const QList<HistoryEntry> &entries, bool onlySelected) const
{
    ExportInfo info = m_controller ? m_controller->exportInfo() : ExportInfo();
    // History spans profiles: name the one(s) in the export, the mchid only for the current one.
    QStringList profiles;
    for (const HistoryEntry &e : entries) {
        if (!profiles.contains(e.profile))
            profiles.append(e.profile);
    }
    if (profiles.size() != 1 || profiles.constFirst() != info.profile) {
        info.profile = profiles.join(u", "_s);
        info.mchid.clear();
    }
    info.subject = onlySelected ? tr("History: %n selected look-up(s)", nullptr, int(entries.size()))
                                : tr("History: %n look-up(s) matching the search", nullptr, int(entries.size()));
    return info;
}

void HistoryPage::clearHistory()
{
    int stored = 0;
    if (m_backend->ensureOpen()) {
        m_backend->flush();
        if (const auto count = m_backend->store()->count({}))
            stored = count.value();
    }
    const auto answer = MessageBox::question(
        this, tr("Clear history"),
        tr("Delete all %n stored look-up(s) from this computer? This cannot be undone.", nullptr, stored));
    if (answer != QMessageBox::Yes)
        return;
    if (!m_backend->clear())
        MessageBox::critical(this, tr("Clear history"), m_backend->error());
    refresh();
}

ResultDialog *HistoryPage::lastDialog() const
{
    return m_dialog;
}

} // namespace fenzhang
