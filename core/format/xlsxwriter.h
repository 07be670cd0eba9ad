#pragma once

// An Excel workbook (.xlsx, Office Open XML), written here: rows are turned into sheet XML and
// deflated into a temporary file as they come, so a 100,000-row export holds one row at a time. Sheets are written one after the
// other; each starts with a bold header row (frozen, with an autofilter for tables) and gets column
// widths fitted to its content (capped). Cells are typed by their column (ExportColumn::Type): text
// cells hold exactly the given characters and are never evaluated, so an ID keeps every digit and a
// text starting with '=' stays text; Yuan and Integer cells are numbers while Excel can hold them
// exactly (15 significant digits), text otherwise, so no amount is ever rounded. Nothing is a formula.
// At finish() the package (content types, relationships, document properties, workbook, styles,
// sheets) is written to the device as a zip archive (ZipWriter); each sheet's head, known only once
// its rows are in (dimension, column widths), is deflated then and joined to the deflated rows.
// The XML parts follow what Excel itself and libxlsxwriter write; no theme, no shared strings (cells
// hold their text inline), so memory does not grow with the rows.

#include "format/exporttable.h"

#include <memory>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>

namespace fenzhang {

class XlsxWriter final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::XlsxWriter)
public:
    enum class SheetKind {
        Table, // a header and data rows: autofilter
        List,  // a few "name, value" lines (About): no filter
    };

    XlsxWriter();
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter &) = delete;
    XlsxWriter &operator=(const XlsxWriter &) = delete;

    // Document properties: the title; the author is always the app's name.
    void setTitle(const QString &title);

    // Ends the previous sheet (widths, filter) and starts this one with its header row.
    void beginSheet(const QString &name, const ExportColumns &columns, SheetKind kind = SheetKind::Table);
    // One cell of the current row, typed by its column; then endRow().
    void addCell(QStringView text);
    void addCells(const QStringList &cells);
    void endRow();
    void addRow(const QStringList &cells)
    {
        addCells(cells);
        endRow();
    }

    // The small About sheet every export ends with: what it is, profile, mchid, when, app version,
    // how many rows, whether the answers' signatures were verified, and the rule for times.
    void addAboutSheet(const ExportInfo &info, int rows, int answers, int verifiedAnswers);

    // Closes the workbook and writes its bytes to device. False (errorString()) when any step failed.
    bool finish(QIODevice *device);

    bool ok() const;
    QString errorString() const;

    // The largest amount of fen (or count) written as a number: Excel keeps 15 significant digits.
    static constexpr qint64 maxExactNumber = 999'999'999'999'999;

private:
    static QString appName(); // the document's author and application

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace fenzhang
