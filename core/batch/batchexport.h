#pragma once

// The CSV or workbook of a whole batch: the single export's columns (ResultExport, reused, not copied) with the
// input row number in front and the row's error in columns of its own at the end; one line per
// receiver for orders, one line per return or remaining amount, one line for a row without an
// answer. Plus a summary: totals by order state / return result and by receiver result, or of the
// money still to split, with amounts in fen and yuan (the workbook's Summary sheet).
// Same safety as the single export: UTF-8 BOM, RFC 4180, formula-safe cells, typed workbook cells,
// atomic save.

#include "api/lookupservice.h"
#include "batch/batchrow.h"
#include "format/exporttable.h"

#include <optional>
#include <QCoreApplication>
#include <QIODevice>
#include <QList>
#include <QString>

namespace fenzhang {

class BatchRunner;

struct BatchExportRow {
    int rowNumber = 0;
    LookupResult result; // kind InvalidInput with fieldErrors for a row that was never sent
    int duplicateOf = 0;
    // An order batch that also asked each payment's remaining amount (剩余待分金额): remainingAsked on
    // every row, and the answer for this row's transaction_id when its order was answered.
    bool remainingAsked = false;
    std::optional<LookupResult> remaining = std::nullopt;
};

struct BatchSummary {
    struct Line {
        QString value; // the state or result code as received
        int count = 0;
        qint64 amount = 0; // fen
    };
    LookupKind kind = LookupKind::Order;
    int rows = 0;
    int answered = 0;             // rows with a typed result
    int failed = 0;               // rows answered with an error, or not at all
    // ResultState::of the answers: orders by state, returns by result (amount = return amounts),
    // remaining amounts "frozen" (amount = the money still to split) and "none", both always there.
    QList<Line> byState;
    QList<Line> byReceiverResult; // orders only: receivers by result, with their amounts
    // Orders with their remaining amounts asked: each payment once, "frozen" (amount = the money
    // still to split) and "none" (ResultState of the remaining-amount answers).
    QList<Line> byRemaining;

    // Several lines of plain text for the CLI's stderr and the batch page.
    QString toText() const;
};

class BatchExport final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::BatchExport)
public:
    // row, the single export's columns, error_kind, http_status, error_code, error_message, error_advice.
    // As the product asked answers (a brand's returns and an ordinary one's differ). With the
    // remaining amounts asked (orders), ResultExport::remainingColumns() come before the error columns.
    static ExportColumns columns(LookupKind kind, Product product, bool withRemaining = false);
    static QStringList header(LookupKind kind, Product product, bool withRemaining = false); // the CSV's: API names
    // Whether these rows carry remaining amounts (attachRemaining was called on them).
    static bool withRemaining(const QList<BatchExportRow> &rows);
    // The remaining-amount look-ups an order batch asks after its orders: one per payment whose order
    // was answered, in the order first met, numbered from 1.
    static QList<BatchRow> remainingRows(const QList<BatchExportRow> &orders);
    // Gives every order row the answer for its transaction_id among answers (the remaining-amount
    // look-ups' results) and marks all rows as having asked.
    static void attachRemaining(QList<BatchExportRow> &orders, const QList<LookupResult> &answers);
    // The product a batch's rows were asked as (one importer, one product: the first row's), whose
    // columns writeCsv() and writeXlsx() write.
    static Product productOf(const QList<BatchExportRow> &rows);
    // Every row of the runner: answered rows with their results, invalid and cancelled ones with why.
    static QList<BatchExportRow> rowsOf(const BatchRunner &runner);

    static WriteResult writeCsv(LookupKind kind, const QList<BatchExportRow> &rows, QIODevice *device);
    // The rows on a "Batch" sheet, the summary on "Summary", and an About sheet.
    static WriteResult writeXlsx(LookupKind kind, const QList<BatchExportRow> &rows, const ExportInfo &info,
                                 QIODevice *device);
    static WriteResult save(LookupKind kind, const QList<BatchExportRow> &rows, const QString &path,
                            ExportFormat format, const ExportInfo &info);
    static WriteResult saveCsv(LookupKind kind, const QList<BatchExportRow> &rows, const QString &path);

    static BatchSummary summarize(LookupKind kind, const QList<BatchExportRow> &rows);
    // group,value,label,count,amount_yuan,amount_fen: the summary as its own small CSV.
    static WriteResult writeSummaryCsv(const BatchSummary &summary, QIODevice *device);
};

} // namespace fenzhang
