#pragma once

// The CSV and JSON forms of a look-up's result, shared by the desktop app and the CLI.
// CSV: one row per receiver (orders) or one row (returns); UTF-8 with BOM, RFC 4180,
// formula-safe; amounts in yuan with two decimals plus the raw fen; raw codes and human labels;
// the look-up's sub_mchid, numbers, Request-ID and verified flag on every row.

#include "api/lookupservice.h"

#include <QIODevice>
#include <QString>

namespace fenzhang::ResultExport {

QStringList orderCsvHeader();
QStringList returnCsvHeader();

// The data rows of the CSV (no BOM, no header) and which of their columns are numeric, so the
// batch export repeats exactly these columns. Empty when the result has no typed answer.
QList<QStringList> csvRows(const LookupResult &result);
QList<int> csvNumericColumns(LookupKind kind);
// "ok", "api_error", ...: the machine name of a result kind, as the JSON export writes it.
QString kindName(LookupResult::Kind kind);
// 2025-11-20T10:15:30+08:00, as the looked_up_at column writes a time.
QString isoTime(const QDateTime &time);

bool writeCsv(const LookupResult &result, QIODevice *device, QString *errorString);
// Atomic (QSaveFile): a failed write never leaves half a file.
bool saveCsv(const LookupResult &result, const QString &path, QString *errorString);

// The API's response fields under their API names, amounts as exact JSON integers, plus
// "verified" and "request_id".
QByteArray toJson(const LookupResult &result);

} // namespace fenzhang::ResultExport
