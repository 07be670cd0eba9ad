#include "batchinputpanel.h"

#include "fileread.h"
#include "plaintext.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {
constexpr int previewRows = 6;
const QStringList allFields = {u"sub_mchid"_s, u"transaction_id"_s, u"out_order_no"_s, u"out_return_no"_s,
                               u"order_id"_s};
} // namespace

BatchInputPanel::BatchInputPanel(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox(this)),
      m_withRemaining(new QCheckBox(tr("&Also look up remaining amounts"), this)), m_paste(new QPlainTextEdit(this)),
      m_pasteButton(new QPushButton(tr("&Paste from Excel"), this)),
      m_fileButton(new QPushButton(tr("&Import CSV…"), this)), m_source(new QLabel(this)),
      m_preview(new QTableWidget(this)), m_problems(new QListWidget(this)), m_summary(new QLabel(this)),
      m_suggestion(new QLabel(this)), m_switchKind(new QPushButton(this)), m_pasteDelay(new QTimer(this))
{
    setObjectName(u"batchInput"_s);
    m_kind->setObjectName(u"batchKind"_s);
    for (const LookupKind kind : LookupKinds::all())
        m_kind->addItem(LookupKinds::batchChoice(kind), int(kind));
    m_withRemaining->setObjectName(u"batchWithRemaining"_s);
    m_withRemaining->setToolTip(tr("After the orders, look up how much of each payment is still frozen for "
                                   "sharing (剩余待分金额): one look-up per payment, shown and exported beside "
                                   "its order."));

    m_paste->setObjectName(u"batchPaste"_s);
    m_paste->setAccessibleName(tr("Rows to look up (pasted from Excel or typed)"));
    m_paste->setPlaceholderText(tr("Paste rows copied from Excel here (tab-separated), or import a CSV file. "
                                   "Order columns: sub_mchid, transaction_id, out_order_no. Return columns: "
                                   "sub_mchid, out_return_no, order_id or out_order_no. Remaining amounts: "
                                   "transaction_id."));
    m_paste->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_paste->setMaximumHeight(84);

    auto *top = new QHBoxLayout;
    auto *kindLabel = new QLabel(tr("Look up:"), this);
    kindLabel->setBuddy(m_kind);
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    top->addWidget(m_withRemaining);
    top->addSpacing(12);
    top->addWidget(m_pasteButton);
    top->addWidget(m_fileButton);
    top->addWidget(m_source, 1);

    auto *mappingBox = new QGroupBox(tr("Columns"), this);
    auto *mappingLayout = new QFormLayout(mappingBox);
    for (const QString &field : allFields) {
        auto *combo = new QComboBox(mappingBox);
        combo->setObjectName(u"map_"_s + field);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        mappingLayout->addRow(field, combo);
        m_mapping.append({field, combo});
        connect(combo, &QComboBox::currentIndexChanged, this, &BatchInputPanel::mappingEdited);
    }

    m_preview->setObjectName(u"batchPreview"_s);
    m_preview->setAccessibleName(tr("Preview of the rows read"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setMaximumHeight(150);
    auto *previewBox = new QGroupBox(tr("Preview of the first rows"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);

    m_problems->setObjectName(u"batchProblems"_s);
    m_problems->setAccessibleName(tr("Problems in the rows"));
    m_problems->setMaximumHeight(150);
    auto *problemsBox = new QGroupBox(tr("Rows that will not be sent"), this);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->addWidget(m_problems);

    auto *middle = new QHBoxLayout;
    middle->addWidget(mappingBox);
    middle->addWidget(previewBox, 3);
    middle->addWidget(problemsBox, 2);

    m_summary->setObjectName(u"batchImportSummary"_s);
    m_suggestion->setObjectName(u"batchKindSuggestion"_s);
    m_suggestion->setWordWrap(true);
    m_switchKind->setObjectName(u"batchSwitchKind"_s);
    m_suggestion->hide();
    m_switchKind->hide();
    auto *suggestionRow = new QHBoxLayout;
    suggestionRow->addWidget(m_suggestion, 1);
    suggestionRow->addWidget(m_switchKind);
    showPlain({m_source, m_summary}); // the file's name, what the importer says of its rows
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_paste);
    layout->addLayout(middle);
    layout->addWidget(m_summary);
    layout->addLayout(suggestionRow);

    m_pasteDelay->setSingleShot(true);
    m_pasteDelay->setInterval(300);
    connect(m_pasteDelay, &QTimer::timeout, this, [this] {
        m_text = m_paste->toPlainText();
        m_fromFile = false;
        startImport(false);
    });
    connect(m_paste, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            m_pasteDelay->start();
    });
    connect(m_pasteButton, &QPushButton::clicked, this, &BatchInputPanel::pasteFromClipboard);
    connect(m_fileButton, &QPushButton::clicked, this, &BatchInputPanel::chooseFile);
    connect(m_switchKind, &QPushButton::clicked, this, &BatchInputPanel::switchToSuggestedKind);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_withRemaining->setVisible(kind() == LookupKind::Order);
        startImport(false);
    });
    fillMapping();
    m_summary->setText(tr("No rows yet."));
}

bool BatchInputPanel::withRemaining() const
{
    return kind() == LookupKind::Order && m_withRemaining->isChecked();
}

LookupKind BatchInputPanel::kind() const
{
    return LookupKind(m_kind->currentData().toInt());
}

void BatchInputPanel::setKind(LookupKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

void BatchInputPanel::setProduct(Product product)
{
    if (product == m_product)
        return;
    m_product = product;
    // The same rows, read as this product's; a column chosen by hand for a field this product
    // does not take (sub_mchid for a direct merchant) must not stay chosen out of sight.
    startImport(false);
}

QComboBox *BatchInputPanel::mappingCombo(const QString &apiField) const
{
    for (const auto &[field, combo] : m_mapping) {
        if (field == apiField)
            return combo;
    }
    return nullptr;
}

void BatchInputPanel::setText(const QString &text)
{
    m_filling = true;
    m_paste->setPlainText(text);
    m_filling = false;
    m_pasteDelay->stop();
    m_text = text;
    m_fromFile = false;
    m_source->setText(tr("Pasted list"));
    startImport(false);
}

void BatchInputPanel::pasteFromClipboard()
{
    setText(QApplication::clipboard()->text());
}

void BatchInputPanel::chooseFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import CSV"), dir, tr("CSV or text files (*.csv *.txt *.tsv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void BatchInputPanel::importFile(const QString &path)
{
    auto bytes = readBounded(path, FileLimits::BatchInput);
    if (!bytes) {
        m_summary->setText(bytes.error().message);
        return;
    }
    m_bytes = std::move(bytes).value();
    m_fromFile = true;
    m_filling = true;
    m_paste->clear();
    m_filling = false;
    m_source->setText(tr("File: %1").arg(QFileInfo(path).fileName()));
    startImport(false);
}

void BatchInputPanel::setColumn(const QString &apiField, int column)
{
    if (QComboBox *combo = mappingCombo(apiField))
        combo->setCurrentIndex(combo->findData(column));
}

void BatchInputPanel::mappingEdited()
{
    if (m_filling)
        return;
    ColumnMapping mapping;
    for (const auto &[field, combo] : m_mapping) {
        if (!combo->isHidden())
            mapping.setColumn(field, combo->currentData().toInt());
    }
    m_explicit = mapping;
    m_hasExplicit = true;
    startImport(true);
}

void BatchInputPanel::startImport(bool keepMapping)
{
    if (!keepMapping)
        m_hasExplicit = false;
    const quint64 generation = ++m_generation;
    m_importing = true;
    m_summary->setText(tr("Reading the rows…"));
    BatchImporter importer(kind(), m_product);
    if (m_hasExplicit)
        importer.setMapping(m_explicit);
    const bool fromFile = m_fromFile;
    const QString text = m_text;
    const QByteArray bytes = m_bytes;
    QPointer<BatchInputPanel> self(this);
    // Reading and validating is pure: a worker thread does it and hands the result back to the GUI
    // thread; a result older than the latest request is dropped.
    QThread *thread = QThread::create([self, importer, fromFile, text, bytes, generation] {
        const BatchImport import = fromFile ? importer.importBytes(bytes) : importer.importText(text);
        if (self)
            QMetaObject::invokeMethod(
                self,
                [self, generation, import] {
                    if (self)
                        self->applyImport(generation, import);
                },
                Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void BatchInputPanel::applyImport(quint64 generation, const BatchImport &import)
{
    if (generation != m_generation)
        return;
    m_importing = false;
    m_import = import;
    fillMapping();
    fillPreview();
    fillProblems();
    updateSuggestion();
    if (m_text.trimmed().isEmpty() && !m_fromFile) {
        m_summary->setText(tr("No rows yet."));
    } else if (!m_import.ok()) {
        m_summary->setText(m_import.error);
    } else {
        const int bad = int(m_import.rows.size()) - m_import.validCount();
        m_summary->setText(tr("%n row(s) read (%1).", nullptr, int(m_import.rows.size()))
                               .arg(TextDecoding::encodingName(m_import.encoding)) +
                           u' ' + tr("%n will be looked up", nullptr, m_import.validCount()) + u"; "_s +
                           tr("%n will not be sent.", nullptr, bad));
    }
    Q_EMIT importChanged();
}

void BatchInputPanel::fillMapping()
{
    m_filling = true;
    const QStringList wanted = ColumnMapping::fieldsFor(kind(), m_product);
    for (const auto &[field, combo] : m_mapping) {
        combo->clear();
        combo->addItem(tr("(none)"), -1);
        for (int c = 0; c < m_import.columnCount; ++c)
            combo->addItem(columnName(c), c);
        fitComboWidth(combo);
        combo->setCurrentIndex(qMax(0, combo->findData(m_import.mapping.column(field))));
        const bool shown = wanted.contains(field);
        combo->setVisible(shown);
        if (auto *form = qobject_cast<QFormLayout *>(combo->parentWidget()->layout()))
            form->setRowVisible(combo, shown);
    }
    m_filling = false;
}

QString BatchInputPanel::columnName(int column) const
{
    // A column by its heading, or else by the first value in it, so the choice is recognisable.
    const QString heading = m_import.hasHeader && column < m_import.header.size()
                                ? m_import.header.at(column).trimmed()
                                : QString();
    if (!heading.isEmpty())
        return tr("Column %1 (%2)").arg(column + 1).arg(heading);
    const QString first = !m_import.preview.isEmpty() && column < m_import.preview.constFirst().size()
                              ? m_import.preview.constFirst().at(column).trimmed()
                              : QString();
    if (!first.isEmpty())
        return tr("Column %1 (e.g. %2)").arg(column + 1).arg(first);
    return tr("Column %1").arg(column + 1);
}

void BatchInputPanel::fitComboWidth(QComboBox *combo)
{
    // Every choice whole, whatever the font (full-width brackets included): the combo is at least
    // as wide as its widest item.
    int widest = 0;
    for (int i = 0; i < combo->count(); ++i)
        widest = std::max(widest, combo->fontMetrics().horizontalAdvance(combo->itemText(i)));
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.editable = combo->isEditable();
    option.frame = combo->hasFrame();
    const QSize size = combo->style()->sizeFromContents(QStyle::CT_ComboBox, &option,
                                                        QSize(widest, combo->fontMetrics().height()), combo);
    combo->setMinimumWidth(size.width());
}

void BatchInputPanel::updateSuggestion()
{
    const bool suggest = m_import.suggestedKind && *m_import.suggestedKind != kind();
    if (suggest) {
        const bool toReturns = *m_import.suggestedKind == LookupKind::Return;
        m_suggestion->setText(toReturns ? tr("These rows look like profit-sharing returns "
                                             "(out_return_no), not orders.")
                                        : tr("These rows look like profit-sharing orders "
                                             "(transaction_id, out_order_no), not returns."));
        m_switchKind->setText(toReturns ? tr("&Switch to returns") : tr("&Switch to orders"));
    }
    m_suggestion->setVisible(suggest);
    m_switchKind->setVisible(suggest);
}

void BatchInputPanel::switchToSuggestedKind()
{
    if (m_import.suggestedKind)
        setKind(*m_import.suggestedKind);
}

void BatchInputPanel::fillPreview()
{
    const QList<QStringList> &rows = m_import.preview;
    const int shown = int(qMin<qsizetype>(rows.size(), previewRows));
    m_preview->clear();
    m_preview->setColumnCount(m_import.columnCount);
    m_preview->setRowCount(shown);
    QStringList headers;
    for (int c = 0; c < m_import.columnCount; ++c) {
        QStringList fields;
        for (const auto &[field, combo] : m_mapping) {
            if (!combo->isHidden() && combo->currentData().toInt() == c)
                fields.append(field);
        }
        headers.append(fields.isEmpty() ? tr("Column %1").arg(c + 1)
                                        : tr("Column %1 → %2").arg(c + 1).arg(fields.join(u", "_s)));
    }
    m_preview->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < shown; ++r) {
        for (int c = 0; c < rows.at(r).size() && c < m_import.columnCount; ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
    }
    m_preview->resizeColumnsToContents();
}

void BatchInputPanel::fillProblems()
{
    m_problems->clear();
    const QList<BatchRow> invalid = m_import.invalidRows();
    for (const BatchRow &row : invalid) {
        QStringList reasons;
        for (const FieldError &error : row.errors)
            reasons.append(error.field + u": "_s + error.message);
        if (row.duplicateOf > 0)
            reasons.append(tr("the same as row %1").arg(row.duplicateOf));
        auto *item =
            new QListWidgetItem(tr("Row %1: %2").arg(row.rowNumber).arg(reasons.join(u"; "_s)), m_problems);
        item->setData(Qt::UserRole, row.rowNumber);
    }
    if (invalid.isEmpty() && m_import.ok() && !m_import.rows.isEmpty())
        new QListWidgetItem(tr("Every row is valid."), m_problems);
}

} // namespace fenzhang
