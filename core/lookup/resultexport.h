#pragma once

// The CSV, workbook and JSON forms of a look-up's result, shared by the desktop app and the CLI.
// CSV and workbook are two writers of the same rows and columns (orderColumns(), returnColumns()):
// one row per receiver (orders) or one row (returns, remaining amounts); a return's columns are its
// product's answer's (brand: return_no; ordinary: return_id, description, create_time);
// amounts in yuan with two decimals plus the raw
// fen; raw codes, human labels and advice; the look-up's sub_mchid, numbers, Request-ID and verified
// flag on every row; times by ExportTime's rule. CSV: UTF-8 with BOM, RFC 4180, formula-safe, API
// names as headings (for programs). Workbook: typed cells, headings in the app's language, an
// About sheet.

#include "api/lookupservice.h"
#include "format/exporttable.h"

#include <QIODevice>
#include <QString>

namespace fenzhang::ResultExport {

ExportColumns orderColumns();
ExportColumns returnColumns(Product product); // as that product answers
ExportColumns amountsColumns();
// A look-up's columns as the product asked it answers (LookupResult::product()).
ExportColumns columns(LookupKind kind, Product product);
QStringList orderCsvHeader();  // the API names of orderColumns()
QStringList returnCsvHeader(Product product);

// The data rows of the CSV (no BOM, no header) and which of their columns are numeric, so the
// batch export repeats exactly these columns. Empty when the result has no typed answer.
QList<QStringList> csvRows(const LookupResult &result);
QList<int> csvNumericColumns(LookupKind kind, Product product);
// "ok", "api_error", ...: the machine name of a result kind, as the JSON export writes it.
QString kindName(LookupResult::Kind kind);
// "Profit-sharing order 1217752501201407033233368018": what the export is, for its title.
QString subject(const LookupResult &result);

// The remaining amount (剩余待分金额) of an order's payment, beside each line of the order:
// unsplit_amount_yuan, unsplit_amount_fen, unsplit_request_id, unsplit_error.
ExportColumns remainingColumns();
// Its cells: the amount and the answer's Request-ID; without an amount, the Request-ID (if any) and
// why ("CODE: message", problemText()).
QStringList remainingCells(const LookupResult &remaining);
// What went wrong with a look-up without a typed result, in one line: WeChat Pay's message, the
// network's or verifier's reason, the fields in error; empty for an answer.
QString problemText(const LookupResult &result);

// remaining: the remaining-amount answer of an order's payment, written beside each of its lines under
// remainingColumns(); nullptr (the default) for none. Not used for other kinds.
WriteResult writeCsv(const LookupResult &result, QIODevice *device, const LookupResult *remaining = nullptr);
WriteResult writeXlsx(const LookupResult &result, const ExportInfo &info, QIODevice *device,
                      const LookupResult *remaining = nullptr);
// Atomic (QSaveFile): a failed write never leaves half a file.
WriteResult save(const LookupResult &result, const QString &path, ExportFormat format, const ExportInfo &info,
                 const LookupResult *remaining = nullptr);
WriteResult saveCsv(const LookupResult &result, const QString &path);

// The API's response fields under their API names, amounts as exact JSON integers, plus
// "verified" and "request_id".
QByteArray toJson(const LookupResult &result);

} // namespace fenzhang::ResultExport
