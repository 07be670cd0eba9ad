#pragma once

// The columns of an export, listed once for both of its writers: the CSV (headings are the API's
// names, for programs) and the Excel workbook (headings in the app's language, cells typed by the
// column). One exported row is a QStringList in column order; a column's type says how a cell's
// text is written: Text as text, Yuan ("12.34") and Integer as numbers, Time as text.

#include "expected.h"

#include <functional>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace fenzhang {

struct ExportColumn {
    enum class Type {
        Text,    // IDs, accounts, codes, free text: exactly these characters, never a number or formula
        Yuan,    // "12.34", made by Money::formatYuan
        Integer, // fen, counts, row numbers, HTTP status
        Time,    // ExportTime::text(): ISO 8601 with the UTC offset
    };
    QString name;    // CSV heading: the API's name
    QString heading; // workbook heading, translated
    Type type = Type::Text;
};
using ExportColumns = QList<ExportColumn>;

namespace ExportTable {

// The column of this API name, with its heading in the app's language (one table for every export,
// so a sub_mchid column is headed alike everywhere).
ExportColumn column(const QString &name, ExportColumn::Type type = ExportColumn::Type::Text);
// The column of this API name under the heading of the table's entry `headedAs`: for a name that
// means something else in one export (a return's description is the reason for the return).
ExportColumn column(const QString &name, ExportColumn::Type type, const QString &headedAs);
ExportColumns columns(std::initializer_list<std::pair<const char16_t *, ExportColumn::Type>> list);
QStringList names(const ExportColumns &columns);
// group, value, label, count, amount_yuan, amount_fen: the summaries of batch and history exports.
ExportColumns summaryColumns();
// Columns the CSV writes verbatim (program-made numbers): every type but Text and Time.
QList<int> numericColumns(const ExportColumns &columns);

} // namespace ExportTable

// What the About sheet of a workbook says besides its rows.
struct ExportInfo {
    QString subject; // "Order 4208…", "Batch of 120 order look-ups", ...: also the document title
    QString profile; // the merchant profile's name
    QString mchid;
    // Further lines of the workbook's About sheet, item and detail (the remaining amount looked up
    // beside an exported order).
    QList<std::pair<QString, QString>> notes;
};

// What writing an export came to: nothing, or why it failed (the system's or the writer's text).
using WriteResult = Expected<void, QString>;

// The two files an export can be.
enum class ExportFormat { Csv, Xlsx };

namespace ExportFiles {

// .xlsx -> Xlsx, .csv -> Csv (any case); nullopt-like fallback for anything else.
ExportFormat formatOfPath(const QString &path, ExportFormat fallback);
// "xlsx" / "csv".
QString suffix(ExportFormat format);
// Writes the file atomically (QSaveFile): write(device) fills it, and a failure at any step leaves no
// file (and an existing one untouched); the error says why.
WriteResult save(const QString &path, const std::function<WriteResult(QIODevice *)> &write);

} // namespace ExportFiles

// How many terminal / spreadsheet cells the text takes: CJK and other wide characters count two.
int displayWidth(QStringView text);

} // namespace fenzhang

class QDateTime;

namespace fenzhang {

class WxTime;

// The one rule for times in exports (CSV and workbook): the instant in this computer's time zone,
// as the screen shows it, with its UTC offset, so no time is ever without its zone. JSON exports keep
// WeChat Pay's own text instead.
namespace ExportTime {

// "2025-11-20T10:15:30+08:00" (ISO 8601); empty for an invalid time.
QString text(const QDateTime &time);
// A WeChat Pay time the same way; its raw text when it could not be parsed.
QString text(const WxTime &time);
// The workbook's form of text(): "2025-11-20 10:15:30 +08:00", as the app shows times.
QString display(QStringView isoText);
// One sentence that states the rule, for the About sheet.
QString ruleText();

} // namespace ExportTime

} // namespace fenzhang
