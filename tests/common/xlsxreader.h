#pragma once

// Reads a workbook back with an independent reader (tests/common/xlsxdump.py, on openpyxl) so the
// tests check what a spreadsheet sees, not what our writer meant. Also LibreOffice's round trip:
// `soffice --headless --convert-to xlsx` opens the workbook and saves it again.

#include "hostprogram.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>
#include <QUrl>

namespace fenzhang::test {

using namespace Qt::StringLiterals;

struct XlsxCell {
    QString type; // "str", "int", "float", "empty", ...
    QString value;
    bool bold = false;
    QString format;
};

struct XlsxSheet {
    QString name;
    QString freeze;
    QString autofilter;
    QJsonObject widths;
    QList<QList<XlsxCell>> rows;

    // The cell under the heading (row 0) that reads `heading`, in data row `row` (1 = first data row).
    XlsxCell at(int row, const QString &heading) const
    {
        if (rows.isEmpty() || row >= rows.size())
            return {};
        for (qsizetype c = 0; c < rows.first().size(); ++c) {
            if (rows.first().at(c).value == heading)
                return c < rows.at(row).size() ? rows.at(row).at(c) : XlsxCell{};
        }
        return {};
    }
};

struct XlsxBook {
    QString error; // empty when read
    QString title;
    QString creator;
    QList<XlsxSheet> sheets;

    const XlsxSheet *sheet(const QString &name) const
    {
        for (const XlsxSheet &s : sheets) {
            if (s.name == name)
                return &s;
        }
        return nullptr;
    }
};

inline XlsxBook readXlsx(const QString &path)
{
    XlsxBook book;
    const HostRun python =
        runHostProgram(QStringLiteral(FENZHANG_PYTHON3), {QStringLiteral(FENZHANG_TEST_COMMON "/xlsxdump.py"), hostPath(path)});
    if (!python.ok()) {
        book.error = u"xlsxdump.py failed: "_s + QString::fromUtf8(python.failure());
        return book;
    }
    const QJsonObject root = QJsonDocument::fromJson(python.out).object();
    book.title = root.value(u"properties").toObject().value(u"title").toString();
    book.creator = root.value(u"properties").toObject().value(u"creator").toString();
    for (const QJsonValue &s : root.value(u"sheets").toArray()) {
        const QJsonObject o = s.toObject();
        XlsxSheet sheet{o.value(u"name").toString(), o.value(u"freeze").toString(),
                        o.value(u"autofilter").toString(), o.value(u"widths").toObject(), {}};
        for (const QJsonValue &r : o.value(u"rows").toArray()) {
            QList<XlsxCell> row;
            for (const QJsonValue &c : r.toArray()) {
                const QJsonObject cell = c.toObject();
                row.append({cell.value(u"t").toString(), cell.value(u"v").toString(), cell.value(u"bold").toBool(),
                            cell.value(u"format").toString()});
            }
            sheet.rows.append(row);
        }
        book.sheets.append(sheet);
    }
    return book;
}

// LibreOffice's program, or empty when it is not installed.
inline QString sofficeProgram()
{
    return QStandardPaths::findExecutable(u"soffice"_s);
}

// Opens `path` in LibreOffice Calc (headless) and saves it with `filter` (soffice --convert-to) in
// outDir as <name>.<suffix>; returns the new file's path, or empty with *error.
inline QString sofficeConvert(const QString &path, const QString &outDir, const QString &filter,
                              const QString &suffix, QString *error)
{
    QProcess soffice;
    // A profile of its own, so no running instance or user settings interfere.
    const QString profile = QUrl::fromLocalFile(QDir(outDir).filePath(u"lo-profile"_s)).toString();
    soffice.start(sofficeProgram(), {u"-env:UserInstallation="_s + profile, u"--headless"_s,
                                     u"--convert-to"_s, filter, u"--outdir"_s, outDir, path});
    if (!soffice.waitForFinished(240000) || soffice.exitCode() != 0) {
        *error = u"soffice failed: "_s + QString::fromUtf8(soffice.readAllStandardError() + soffice.readAllStandardOutput());
        return {};
    }
    const QString converted = QDir(outDir).filePath(QFileInfo(path).completeBaseName() + u'.' + suffix);
    if (!QFileInfo::exists(converted)) {
        *error = u"soffice wrote nothing: "_s + QString::fromUtf8(soffice.readAllStandardOutput());
        return {};
    }
    return converted;
}

// Calc opens the workbook and saves it as a new workbook (the same name in outDir).
inline QString sofficeRoundTrip(const QString &path, const QString &outDir, QString *error)
{
    return sofficeConvert(path, outDir, u"xlsx:Calc MS Excel 2007 XML"_s, u"xlsx"_s, error);
}

// Calc opens the workbook and saves its first sheet as UTF-8 CSV: the text a spreadsheet holds.
inline QString sofficeCsv(const QString &path, const QString &outDir, QString *error)
{
    return sofficeConvert(path, outDir, u"csv:Text - txt - csv (StarCalc):44,34,76"_s, u"csv"_s, error);
}

} // namespace fenzhang::test
