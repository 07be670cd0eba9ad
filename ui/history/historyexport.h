#pragma once

// History entries as CSV, one line per look-up: when, profile, source, the query's numbers, the
// answer's status, Request-ID, state and totals (yuan and fen). Same safety as the result export:
// UTF-8 with BOM, RFC 4180, formula-safe cells, written atomically.

#include "history/historyentry.h"

#include <QCoreApplication>
#include <QIODevice>

namespace fenzhang {

class HistoryExport final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::HistoryExport)
public:
    static QStringList header();
    static bool writeCsv(const QList<HistoryEntry> &entries, QIODevice *device, QString *errorString);
    static bool saveCsv(const QList<HistoryEntry> &entries, const QString &path, QString *errorString);
};

} // namespace fenzhang
