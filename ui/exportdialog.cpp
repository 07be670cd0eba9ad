#include "exportdialog.h"

#include "appsettings.h"
#include "messagebox.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

ExportFormat rememberedFormat()
{
    return AppSettings::value(AppSettings::Key::ExportFormat).toString() == u"csv"_s ? ExportFormat::Csv
                                                                                     : ExportFormat::Xlsx;
}

} // namespace

QString ExportDialog::workbookFilter()
{
    return tr("Excel workbook, IDs kept exact (*.xlsx)");
}

QString ExportDialog::csvFilter()
{
    return tr("CSV for programs, Excel shortens long IDs (*.csv)");
}

std::optional<ExportTarget> ExportDialog::ask(QWidget *parent, const QString &caption, const QString &baseName)
{
    const ExportFormat last = rememberedFormat();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(dir).filePath(baseName + u'.' + ExportFiles::suffix(last));
    QString selected = last == ExportFormat::Xlsx ? workbookFilter() : csvFilter();
    // The workbook is always offered first: it is what an Excel user wants.
    const QString filters = workbookFilter() + u";;"_s + csvFilter();
    QString path = MessageBox::saveFileName(parent, caption, suggested, filters, &selected);
    if (path.isEmpty())
        return std::nullopt;
    const ExportFormat chosen = selected == csvFilter() ? ExportFormat::Csv : ExportFormat::Xlsx;
    ExportTarget target;
    target.format = ExportFiles::formatOfPath(path, chosen);
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.compare(ExportFiles::suffix(target.format), Qt::CaseInsensitive) != 0)
        path += u'.' + ExportFiles::suffix(target.format);
    target.path = path;
    AppSettings::setValue(AppSettings::Key::ExportFormat, ExportFiles::suffix(target.format));
    return target;
}

QString ExportDialog::doneText(const ExportTarget &target, int rows)
{
    const QString path = QDir::toNativeSeparators(target.path);
    return target.format == ExportFormat::Xlsx
               ? tr("Exported %n row(s) to %1 (Excel workbook).", nullptr, rows).arg(path)
               : tr("Exported %n row(s) to %1 (CSV).", nullptr, rows).arg(path);
}

void ExportDialog::showFailure(QWidget *parent, const ExportTarget &target, const QString &error)
{
    MessageBox::critical(parent, tr("Export failed"),
                         tr("Could not write %1:\n%2\n\nNo file was written; an existing file of that name "
                            "is unchanged. Choose another folder or close the file in Excel, then export "
                            "again.")
                             .arg(QDir::toNativeSeparators(target.path), error));
}

} // namespace fenzhang
