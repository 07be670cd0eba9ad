#include "format/xlsxwriter.h"

#include "fenzhang_version.h"

#include <algorithm>
#include <optional>
#include <xlsxwriter.h>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

constexpr int minWidth = 6;
constexpr int maxWidth = 60;
constexpr qsizetype maxCellChars = 32767; // what a workbook cell can hold

// libxlsxwriter takes UTF-8 file names on every platform (lxw_fopen widens them on Windows).
QByteArray nativePath(const QString &path)
{
#ifdef Q_OS_WIN
    return QDir::toNativeSeparators(path).toUtf8();
#else
    return QFile::encodeName(path);
#endif
}

// "-12.34" -> -1234 fen, exactly; nullopt for anything Money::formatYuan would not have written.
std::optional<qint64> fenOfYuan(QStringView text)
{
    const qsizetype dot = text.indexOf(u'.');
    if (dot < 0 || dot != text.size() - 3)
        return std::nullopt;
    bool ok = false;
    const qlonglong whole = text.first(dot).toLongLong(&ok);
    if (!ok || text.first(dot).isEmpty())
        return std::nullopt;
    bool centsOk = false;
    const int cents = text.sliced(dot + 1).toInt(&centsOk);
    if (!centsOk || !text.at(dot + 1).isDigit() || !text.at(dot + 2).isDigit())
        return std::nullopt;
    const bool negative = text.startsWith(u'-');
    if (whole > XlsxWriter::maxExactNumber / 100 || whole < -XlsxWriter::maxExactNumber / 100)
        return std::nullopt; // too large for a number anyway: kept as text by the caller
    return whole * 100 + (negative ? -cents : cents);
}

} // namespace

struct XlsxWriter::Private {
    QTemporaryFile file{QDir(QDir::tempPath()).filePath(u"fenzhang-export-XXXXXX.xlsx"_s)};
    QByteArray fileName;
    QByteArray tmpDir;
    lxw_workbook *workbook = nullptr;
    lxw_format *bold = nullptr;
    lxw_format *yuan = nullptr;
    lxw_format *integer = nullptr;
    lxw_worksheet *sheet = nullptr;
    SheetKind kind = SheetKind::Table;
    ExportColumns columns;
    QList<int> widths;
    lxw_row_t row = 0;
    lxw_col_t column = 0;
    QByteArray utf8; // one cell's text, NUL-terminated, reused
    QByteArray title;
    QString error;
    bool closed = false;

    bool check(lxw_error status)
    {
        if (status != LXW_NO_ERROR && error.isEmpty())
            error = QString::fromUtf8(lxw_strerror(status));
        return status == LXW_NO_ERROR;
    }
    void fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
    }
    const char *encode(QStringView text)
    {
        QStringEncoder encoder(QStringConverter::Utf8);
        utf8.resize(encoder.requiredSpace(text.size()) + 1);
        char *end = encoder.appendToBuffer(utf8.data(), text);
        *end = '\0';
        return utf8.constData();
    }
    void widen(lxw_col_t at, int width)
    {
        if (at < widths.size())
            widths[at] = std::max(widths[at], width);
    }
    void writeText(lxw_col_t at, QStringView text, lxw_format *format = nullptr)
    {
        if (text.isEmpty())
            return;
        if (text.size() > maxCellChars) {
            fail(XlsxWriter::tr("A cell holds more than %1 characters, more than a workbook cell can.")
                     .arg(maxCellChars));
            return;
        }
        check(worksheet_write_string(sheet, row, at, encode(text), format));
        widen(at, displayWidth(text));
    }
    void writeNumber(lxw_col_t at, double value, lxw_format *format, qsizetype shownWidth)
    {
        check(worksheet_write_number(sheet, row, at, value, format));
        widen(at, int(shownWidth));
    }
    void endSheet()
    {
        if (!sheet)
            return;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const double width = std::clamp(widths.at(i) + 2, minWidth, maxWidth);
            check(worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), width, nullptr));
        }
        if (kind == SheetKind::Table && !columns.isEmpty())
            check(worksheet_autofilter(sheet, 0, 0, row == 0 ? 0 : row - 1, lxw_col_t(columns.size() - 1)));
        sheet = nullptr;
    }
};

XlsxWriter::XlsxWriter() : d(std::make_unique<Private>())
{
    if (!d->file.open()) {
        d->fail(tr("Could not create a temporary file for the workbook: %1").arg(d->file.errorString()));
        return;
    }
    d->file.close(); // libxlsxwriter writes it by name; the QTemporaryFile removes it afterwards
    d->fileName = nativePath(d->file.fileName());
    d->tmpDir = nativePath(QDir::tempPath());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = d->tmpDir.data();
    d->workbook = workbook_new_opt(d->fileName.constData(), &options);
    if (!d->workbook) {
        d->fail(tr("Could not start the workbook."));
        return;
    }
    d->bold = workbook_add_format(d->workbook);
    format_set_bold(d->bold);
    d->yuan = workbook_add_format(d->workbook);
    format_set_num_format(d->yuan, "0.00");
    d->integer = workbook_add_format(d->workbook);
    format_set_num_format(d->integer, "0");
}

XlsxWriter::~XlsxWriter()
{
    if (d->workbook && !d->closed)
        workbook_close(d->workbook); // frees it; the temporary file goes with d->file
}

void XlsxWriter::setTitle(const QString &title)
{
    if (!d->workbook)
        return;
    d->title = title.toUtf8();
    static QByteArray author = QCoreApplication::applicationName().isEmpty()
                                   ? QByteArray("Fenzhang Desk")
                                   : QCoreApplication::applicationName().toUtf8();
    lxw_doc_properties properties{};
    properties.title = d->title.data();
    properties.author = author.data();
    properties.company = author.data();
    d->check(workbook_set_properties(d->workbook, &properties));
}

void XlsxWriter::beginSheet(const QString &name, const ExportColumns &columns, SheetKind kind)
{
    if (!d->workbook)
        return;
    d->endSheet();
    d->sheet = workbook_add_worksheet(d->workbook, d->encode(name));
    if (!d->sheet) {
        d->fail(tr("Could not add the sheet \"%1\".").arg(name));
        return;
    }
    d->kind = kind;
    d->columns = columns;
    d->widths = QList<int>(columns.size(), 0);
    d->row = 0;
    d->column = 0;
    for (qsizetype i = 0; i < columns.size(); ++i)
        d->writeText(lxw_col_t(i), columns.at(i).heading, d->bold);
    worksheet_freeze_panes(d->sheet, 1, 0);
    d->row = 1;
}

void XlsxWriter::addCell(QStringView text)
{
    if (!d->sheet)
        return;
    const lxw_col_t at = d->column++;
    const ExportColumn::Type type =
        at < d->columns.size() ? d->columns.at(at).type : ExportColumn::Type::Text;
    switch (type) {
    case ExportColumn::Type::Text:
        d->writeText(at, text);
        return;
    case ExportColumn::Type::Time:
        d->writeText(at, ExportTime::display(text));
        return;
    case ExportColumn::Type::Yuan:
        if (const std::optional<qint64> fen = fenOfYuan(text); fen && *fen <= maxExactNumber &&
                                                                 *fen >= -maxExactNumber) {
            d->writeNumber(at, double(*fen) / 100.0, d->yuan, text.size());
            return;
        }
        break;
    case ExportColumn::Type::Integer: {
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        if (ok && value <= maxExactNumber && value >= -maxExactNumber) {
            d->writeNumber(at, double(value), d->integer, text.size());
            return;
        }
        break;
    }
    }
    d->writeText(at, text); // empty, or a number too large to be exact in a spreadsheet: as text
}

void XlsxWriter::addCells(const QStringList &cells)
{
    for (const QString &cell : cells)
        addCell(cell);
}

void XlsxWriter::endRow()
{
    if (!d->sheet)
        return;
    d->column = 0;
    if (++d->row >= LXW_ROW_MAX)
        d->fail(tr("More than %1 rows do not fit in a workbook; export CSV instead.").arg(LXW_ROW_MAX - 1));
}

void XlsxWriter::addAboutSheet(const ExportInfo &info, int rows, int answers, int verifiedAnswers)
{
    beginSheet(tr("About"), {ExportTable::column(u"item"_s), ExportTable::column(u"detail"_s)}, SheetKind::List);
    const QString verified = answers == 0 ? tr("no answers")
                             : verifiedAnswers == answers
                                 ? tr("all %n answer(s) verified", nullptr, answers)
                                 : tr("%1 of %n answer(s) verified", nullptr, answers).arg(verifiedAnswers);
    const QString app = QCoreApplication::applicationName().isEmpty() ? u"Fenzhang Desk"_s
                                                                       : QCoreApplication::applicationName();
    const QList<std::pair<QString, QString>> lines = {
        {tr("Export"), info.subject},
        {tr("Profile"), info.profile},
        {tr("Merchant ID (mchid)"), info.mchid},
        {tr("Exported at"), ExportTime::display(ExportTime::text(QDateTime::currentDateTime()))},
        {tr("App"), app + u' ' + QStringLiteral(FENZHANG_VERSION)},
        {tr("Rows"), QString::number(rows)},
        {tr("Signatures verified"), verified},
        {tr("Times"), ExportTime::ruleText()},
        {tr("Amounts"), tr("Amounts are numbers (yuan with two decimals, fen as integers); an amount too large "
                           "for a spreadsheet to hold exactly (over 15 digits) is written as text.")},
        {tr("IDs"), tr("Every ID is a text cell holding exactly WeChat Pay's digits.")},
    };
    for (const auto &[item, value] : lines) {
        addCell(item);
        addCell(value);
        endRow();
    }
}

bool XlsxWriter::finish(QIODevice *device)
{
    if (!d->workbook)
        return false;
    d->endSheet();
    if (!d->error.isEmpty())
        return false;
    d->closed = true;
    if (!d->check(workbook_close(d->workbook)))
        return false;
    QFile written(d->file.fileName());
    if (!written.open(QIODevice::ReadOnly)) {
        d->fail(written.errorString());
        return false;
    }
    QByteArray chunk;
    while (!written.atEnd()) {
        chunk = written.read(1 << 20);
        if (chunk.isEmpty() && written.error() != QFileDevice::NoError) {
            d->fail(written.errorString());
            return false;
        }
        if (!device || device->write(chunk) != chunk.size()) {
            d->fail(device ? device->errorString() : tr("No output device."));
            return false;
        }
    }
    return true;
}

bool XlsxWriter::ok() const
{
    return d->workbook && d->error.isEmpty();
}

QString XlsxWriter::errorString() const
{
    return d->error;
}

} // namespace fenzhang
