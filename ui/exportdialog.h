#pragma once

// The one way every Export button asks where to save: "Excel workbook (*.xlsx)" offered first and
// "CSV (*.csv)" second, the last choice preselected (AppSettings::Key::ExportFormat), the file's
// format following its extension (or the chosen filter, whose suffix is then added); and the one way
// a finished or failed export is told. Through MessageBox, so tests pre-answer the file name.

#include "format/exporttable.h"

#include <optional>
#include <QCoreApplication>
#include <QString>

class QWidget;

namespace fenzhang {

struct ExportTarget {
    QString path;
    ExportFormat format = ExportFormat::Xlsx;
};

class ExportDialog final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ExportDialog)
public:
    // baseName: the suggested file name without a suffix; the folder is Documents. nullopt: cancelled.
    static std::optional<ExportTarget> ask(QWidget *parent, const QString &caption, const QString &baseName);

    static QString workbookFilter();
    static QString csvFilter();

    // "Exported 12 rows to C:\…\x.xlsx (Excel workbook)." for the status bar.
    static QString doneText(const ExportTarget &target, int rows);
    // The failure box: what could not be written, why, and that no file was left behind.
    static void showFailure(QWidget *parent, const ExportTarget &target, const QString &error);
};

} // namespace fenzhang
