#include "format/csvwriter.h"

#include <algorithm>
#include <cstring>
#include <QCoreApplication>
#include <QStringEncoder>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// Invisible characters a spreadsheet may skip before it decides whether a cell is a formula:
// every Unicode space and line break (QChar::isSpace: tab, LF, CR, U+3000, NBSP, U+2028, ...) and
// the zero-width no-break space and zero-width space.
bool isLeadingBlank(char16_t u)
{
    return QChar::isSpace(u) || u == 0xFEFF || u == 0x200B;
}

// A formula's first character, in ASCII or in the full-width (and small) forms a Chinese input
// method types: = + - @ and ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20), ﹦ ﹢ ﹣ (U+FE66, U+FE62, U+FE63).
bool isFormulaStart(char16_t u)
{
    switch (u) {
    case u'=': case u'+': case u'-': case u'@':
    case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20:
    case 0xFE66: case 0xFE62: case 0xFE63:
        return true;
    default:
        return false;
    }
}

// OWASP's CSV injection list: a cell starting with = + - @ tab or CR; also when that character
// comes after leading spaces or line breaks, and in its full-width forms.
bool startsFormula(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    const char16_t first = cell.front().unicode();
    if (first == u'\t' || first == u'\r')
        return true;
    for (const QChar c : cell) {
        if (!isLeadingBlank(c.unicode()))
            return isFormulaStart(c.unicode());
    }
    return false;
}

bool needsQuotes(char16_t u)
{
    return u == u',' || u == u'"' || u == u'\n' || u == u'\r';
}

// Whether escapeCell() would change the cell.
bool needsEscaping(QStringView cell, bool numeric)
{
    if (!numeric && startsFormula(cell))
        return true;
    return std::any_of(cell.begin(), cell.end(), [](QChar c) { return needsQuotes(c.unicode()); });
}

// Copies the cell to out when it is plain ASCII that needs no escaping, as nearly every cell an
// export writes is, and returns the end of what it wrote; nullptr otherwise (out is then scratch).
char *copyPlainAscii(char *out, QStringView cell, bool numeric)
{
    if (!numeric && startsFormula(cell))
        return nullptr;
    for (const QChar c : cell) {
        const char16_t u = c.unicode();
        // Letters, digits and most punctuation ('-' to 0x7F) are decided by one comparison.
        if (u >= 0x80 || (u < u'-' && needsQuotes(u)))
            return nullptr;
        *out++ = static_cast<char>(u);
    }
    return out;
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device) : m_device(device) {}

void CsvWriter::writeBom()
{
    if (!m_ok)
        return;
    const QByteArray bom = "\xEF\xBB\xBF"_ba;
    m_ok = m_device && m_device->write(bom) == bom.size();
}

void CsvWriter::writeRow(const QStringList &cells, const QList<int> &numericColumns)
{
    for (qsizetype i = 0; i < cells.size(); ++i)
        addCell(cells.at(i), numericColumns.contains(static_cast<int>(i)));
    endRow();
}

// A line is built as UTF-8 in one reused buffer and written once: no QString per line or per cell
// (exports of 100,000 rows spent most of their time in temporaries and in QString's appends).
void CsvWriter::addCell(QStringView cell, bool numeric)
{
    if (!m_ok)
        return; // the first failure is the one worth reporting
    // Room for the comma and, when it is plain ASCII, the cell.
    char *const start = reserveInLine(1 + cell.size());
    char *out = start;
    if (m_cellsInLine++ > 0)
        *out++ = ',';
    if (char *end = copyPlainAscii(out, cell, numeric)) {
        m_lineSize += end - start;
        return;
    }
    m_lineSize += out - start;
    if (needsEscaping(cell, numeric))
        appendUtf8(escapeCell(cell.toString(), numeric));
    else
        appendUtf8(cell); // text beyond ASCII: Chinese descriptions, translated labels
}

// The text's UTF-8, exactly as QString::toUtf8() has always written it, encoded into the line.
void CsvWriter::appendUtf8(QStringView text)
{
    // QStringEncoder writes an unpaired surrogate as U+FFFD where toUtf8() writes '?': text with
    // surrogates at all (emoji; rare) goes through toUtf8() itself.
    if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSurrogate(); })) {
        appendToLine(text.toUtf8());
        return;
    }
    QStringEncoder utf8(QStringConverter::Utf8);
    char *const start = reserveInLine(utf8.requiredSpace(text.size()));
    m_lineSize += utf8.appendToBuffer(start, text) - start;
}

CsvWriter::EncodedCells CsvWriter::encodeCells(const QStringList &cells)
{
    CsvWriter scratch(nullptr); // never written: endRow() is not called
    for (const QString &cell : cells)
        scratch.addCell(cell);
    return {scratch.m_line.left(scratch.m_lineSize), cells.size()};
}

void CsvWriter::addCells(const EncodedCells &cells)
{
    if (!m_ok || cells.count == 0)
        return;
    if (m_cellsInLine > 0)
        appendToLine(",");
    appendToLine(cells.utf8);
    m_cellsInLine += cells.count;
}

void CsvWriter::endRow()
{
    if (m_ok) {
        appendToLine("\r\n");
        m_ok = m_device && m_device->write(m_line.constData(), m_lineSize) == m_lineSize;
    }
    m_lineSize = 0;
    m_cellsInLine = 0;
}

void CsvWriter::growLine(qsizetype size)
{
    m_line.resize(std::max(2 * m_line.size(), size));
}

void CsvWriter::appendToLine(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    std::memcpy(reserveInLine(bytes.size()), bytes.data(), size_t(bytes.size()));
    m_lineSize += bytes.size();
}

QString CsvWriter::errorString() const
{
    if (m_ok)
        return {};
    if (!m_device)
        return QCoreApplication::translate("CsvWriter", "No output device.");
    const QString reason = m_device->errorString();
    return reason.isEmpty() ? QCoreApplication::translate("CsvWriter", "Could not write the CSV data.")
                            : reason;
}

QString CsvWriter::escapeCell(const QString &cell, bool numeric)
{
    QString text = cell;
    // Spreadsheets start a formula on these; a leading ' makes the cell plain text.
    if (!numeric && startsFormula(text))
        text.prepend(u'\'');
    const bool needsQuotes =
        text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!needsQuotes)
        return text;
    text.replace(u"\""_s, u"\"\""_s);
    return u'"' + text + u'"';
}

} // namespace fenzhang
