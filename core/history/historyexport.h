#pragma once

// History entries as CSV or workbook, one line per look-up: when, profile, source, the query's
// numbers, the answer's status, Request-ID, state and totals (yuan and fen), the error and what to
// do about it. The same columns for both (columns()); the workbook adds a Summary sheet (look-ups by
// state or result kind, receivers by result) and an About sheet. Same safety as the result export:
// UTF-8 with BOM, RFC 4180, formula-safe CSV cells, typed workbook cells, written atomically.

#include "format/exporttable.h"
#include "history/historyentry.h"

#include <QCoreApplication>
#include <QIODevice>

namespace fenzhang {

class HistoryExport final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::HistoryExport)
public:
    static ExportColumns columns();
    static QStringList header(); // the CSV's: API names
    static WriteResult writeCsv(const QList<HistoryEntry> &entries, QIODevice *device);
    static WriteResult writeXlsx(const QList<HistoryEntry> &entries, const ExportInfo &info,
                                 QIODevice *device);
    static WriteResult save(const QList<HistoryEntry> &entries, const QString &path, ExportFormat format,
                            const ExportInfo &info);
    static WriteResult saveCsv(const QList<HistoryEntry> &entries, const QString &path);
};

} // namespace fenzhang
