#include "format/xlsxwriter.h"

#include "fenzhang_version.h"
#include "format/zipwriter.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <optional>
#include <QDateTime>
#include <QDir>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

constexpr int minWidth = 6;
constexpr int maxWidth = 60;
constexpr qsizetype maxCellChars = 32767; // what a workbook cell can hold
constexpr quint32 maxRows = 1'048'576;     // what a sheet can hold, the header included
constexpr qsizetype flushAt = 1 << 17;     // sheet XML buffered before it goes to the compressor
// The shared strings table: texts that repeat down a column (order numbers, states, codes) are
// written once and referred to by number, which makes the sheet XML (and the time to deflate it)
// about half as large. It takes the first texts that come, up to a fixed size, so memory stays the
// same however many rows follow; every other text is written inline in its cell. A column whose
// texts do not repeat (detail IDs, times) stops offering them, so they do not fill the table.
constexpr qsizetype maxSharedChars = 255;
constexpr int maxShared = 4096;
constexpr int giveUpAfter = 64; // texts of a column added without one of them repeating

// The cell styles of styles.xml, by index.
enum Style { Plain = 0, Bold = 1, YuanStyle = 2, IntegerStyle = 3 };

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

// 1234 fen -> "12.34", -5 -> "-0.05": the decimal a spreadsheet reads, written without a double.
QByteArray yuanDecimal(qint64 fen)
{
    const quint64 magnitude = fen < 0 ? quint64(-fen) : quint64(fen);
    QByteArray text = QByteArray::number(magnitude / 100);
    const auto cents = int(magnitude % 100);
    text += '.';
    text += char('0' + cents / 10);
    text += char('0' + cents % 10);
    if (fen < 0)
        text.prepend('-');
    return text;
}

// A, B, ..., Z, AA, ...: the column's letters in a cell reference.
QByteArray columnLetters(int column)
{
    QByteArray letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(char('A' + (n - 1) % 26));
    return letters;
}

bool isHex(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F') || (c >= u'a' && c <= u'f');
}

void appendHexEscape(QByteArray &to, char16_t c) // _xHHHH_: how a workbook writes what XML cannot hold
{
    static constexpr char digits[] = "0123456789ABCDEF";
    to += "_x";
    for (int shift = 12; shift >= 0; shift -= 4)
        to += digits[(c >> shift) & 0xF];
    to += '_';
}

// Text as the content of an XML element, in UTF-8: markup characters as entities; control
// characters (and a carriage return, which XML would turn into a line feed) as _xHHHH_; a literal
// "_xHHHH_" escaped too, so a spreadsheet shows it as written; a lone surrogate as U+FFFD.
void appendXmlText(QByteArray &to, QStringView text)
{
    const qsizetype size = text.size();
    const QChar *chars = text.data();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = chars[i].unicode();
        if (c < 0x80) {
            switch (c) {
            case u'&': to += "&amp;"; continue;
            case u'<': to += "&lt;"; continue;
            case u'>': to += "&gt;"; continue;
            case u'\t':
            case u'\n': to += char(c); continue;
            case u'_':
                if (i + 6 < size && chars[i + 1] == u'x' && isHex(chars[i + 2].unicode()) &&
                    isHex(chars[i + 3].unicode()) && isHex(chars[i + 4].unicode()) &&
                    isHex(chars[i + 5].unicode()) && chars[i + 6] == u'_') {
                    appendHexEscape(to, c);
                    continue;
                }
                to += '_';
                continue;
            default:
                if (c < 0x20 || c == 0x7F)
                    appendHexEscape(to, c);
                else
                    to += char(c);
                continue;
            }
        }
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && i + 1 < size && chars[i + 1].isLowSurrogate())
            code = QChar::surrogateToUcs4(c, chars[++i].unicode());
        else if (QChar::isSurrogate(c))
            code = 0xFFFD;
        else if (c == 0xFFFE || c == 0xFFFF) { // not characters XML may hold
            appendHexEscape(to, c);
            continue;
        }
        if (code < 0x800) {
            to += char(0xC0 | (code >> 6));
            to += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            to += char(0xE0 | (code >> 12));
            to += char(0x80 | ((code >> 6) & 0x3F));
            to += char(0x80 | (code & 0x3F));
        } else {
            to += char(0xF0 | (code >> 18));
            to += char(0x80 | ((code >> 12) & 0x3F));
            to += char(0x80 | ((code >> 6) & 0x3F));
            to += char(0x80 | (code & 0x3F));
        }
    }
}

QByteArray xmlText(QStringView text)
{
    QByteArray xml;
    appendXmlText(xml, text);
    return xml;
}

// The characters Excel does not allow in a sheet name.
bool validSheetName(const QString &name)
{
    static const QString forbidden = u"[]:*?/\\"_s;
    return !name.isEmpty() && name.size() <= 31 && !name.startsWith(u'\'') && !name.endsWith(u'\'') &&
           std::none_of(name.begin(), name.end(), [](QChar c) { return forbidden.contains(c); });
}

constexpr char xmlDeclaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr char mainNamespace[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char relationshipNamespace[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

} // namespace

struct XlsxWriter::Private {
    // One finished sheet: its name and settings, and where its deflated rows are in the data file.
    struct Sheet {
        QString name;
        SheetKind kind = SheetKind::Table;
        int columns = 0;
        QList<int> widths;
        quint32 rows = 0; // the header row included
        qint64 dataOffset = 0;
        DeflatedSize data;
    };

    struct ViewHash {
        size_t operator()(std::u16string_view text) const { return qHash(QStringView(text)); }
    };
    QList<QString> sharedTexts; // the table's texts, in order; views below point into them
    std::unordered_map<std::u16string_view, int, ViewHash> sharedIndex;
    struct ColumnShare {
        std::u16string_view last; // the last text written in the column (a view into sharedTexts)
        int lastIndex = -1;       // its index
        int misses = 0;           // texts added since one repeated; past giveUpAfter, none more
    };
    QList<ColumnShare> columnShares;

    static std::u16string_view viewOf(QStringView text)
    {
        return {reinterpret_cast<const char16_t *>(text.utf16()), size_t(text.size())};
    }
    QByteArray sharedXml; // <si> elements
    qint64 sharedRefs = 0;

    QTemporaryFile data{QDir(QDir::tempPath()).filePath(u"fenzhang-export-XXXXXX.tmp"_s)};
    std::unique_ptr<ThreadedDeflater> deflater; // the current sheet's rows, into data
    QList<Sheet> sheets;
    Sheet sheet; // the current one
    bool inSheet = false;
    ExportColumns columns;
    QList<QByteArray> letters; // per column
    QByteArray rowNumber;      // of the current row, as text
    QByteArray xml;            // sheet XML not yet compressed
    int column = 0;
    bool rowOpen = false;
    QString title;
    QString error;
    bool finished = false;

    void fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
    }
    void widen(int at, int width)
    {
        if (at < sheet.widths.size())
            sheet.widths[at] = std::max(sheet.widths[at], width);
    }
    void compressIfFull(bool force = false)
    {
        if (xml.size() < flushAt && !force)
            return;
        deflater->write(xml); // on its thread; a failure shows at endSheet()
    }
    // The opening of a cell: <c r="B2" s="1"
    void openCell(int at, Style style)
    {
        if (!rowOpen) {
            xml += "<row r=\"";
            xml += rowNumber;
            xml += "\">";
            rowOpen = true;
        }
        xml += "<c r=\"";
        xml += at < letters.size() ? letters.at(at) : columnLetters(at);
        xml += rowNumber;
        xml += '"';
        if (style != Plain) {
            xml += " s=\"";
            xml += char('0' + style);
            xml += '"';
        }
    }
    static bool spaceAtEnds(QStringView text)
    {
        const auto isSpace = [](QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; };
        return isSpace(text.front()) || isSpace(text.back());
    }
    // The text's index in the shared strings table, adding it while there is room; -1: write it inline.
    int sharedIndexOf(int at, QStringView text)
    {
        if (text.size() > maxSharedChars)
            return -1;
        const std::u16string_view view = viewOf(text);
        ColumnShare spare;
        ColumnShare &share = at < columnShares.size() ? columnShares[at] : spare;
        if (share.last == view)
            return share.lastIndex; // the same as the row above: the common case
        int index = -1;
        if (const auto found = sharedIndex.find(view); found != sharedIndex.end()) {
            index = found->second;
            share.misses = 0;
        } else if (sharedTexts.size() < maxShared && share.misses < giveUpAfter) {
            ++share.misses;
            index = int(sharedTexts.size());
            sharedTexts.append(text.toString());
            sharedIndex.emplace(viewOf(sharedTexts.constLast()), index);
            sharedXml += spaceAtEnds(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>";
            appendXmlText(sharedXml, text);
            sharedXml += "</t></si>";
        } else {
            return -1;
        }
        share.last = viewOf(sharedTexts.at(index));
        share.lastIndex = index;
        return index;
    }
    void writeText(int at, QStringView text, Style style = Plain)
    {
        if (text.isEmpty())
            return;
        if (text.size() > maxCellChars) {
            fail(XlsxWriter::tr("A cell holds more than %1 characters, more than a workbook cell can.")
                     .arg(maxCellChars));
            return;
        }
        openCell(at, style);
        if (const int index = sharedIndexOf(at, text); index >= 0) {
            xml += " t=\"s\"><v>";
            xml += QByteArray::number(index);
            xml += "</v></c>";
            ++sharedRefs;
        } else {
            xml += spaceAtEnds(text) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>";
            appendXmlText(xml, text);
            xml += "</t></is></c>";
        }
        widen(at, displayWidth(text));
    }
    void writeNumber(int at, const QByteArray &value, Style style, qsizetype shownWidth)
    {
        openCell(at, style);
        xml += "><v>";
        xml += value;
        xml += "</v></c>";
        widen(at, int(shownWidth));
    }
    void startRow(quint32 row)
    {
        rowNumber = QByteArray::number(row + 1);
        column = 0;
        rowOpen = false;
    }
    void endSheet()
    {
        if (!inSheet)
            return;
        inSheet = false;
        compressIfFull(true);
        if (!deflater->end(false))
            fail(XlsxWriter::tr("Could not write the workbook's temporary file: %1").arg(deflater->errorString()));
        sheet.data = deflater->size();
        deflater.reset();
        if (sheet.data.size > DeflatedSize::maxFollowing)
            fail(XlsxWriter::tr("The sheet \"%1\" is too large for a workbook (over 2 GB of cells); export CSV "
                                "instead.")
                     .arg(sheet.name));
        sheets.append(sheet);
    }

    QByteArray range(const Sheet &of) const
    {
        const QByteArray last = columnLetters(std::max(of.columns, 1) - 1) + QByteArray::number(std::max(of.rows, 1U));
        return "A1:" + last;
    }
    QByteArray sheetHead(const Sheet &of, bool first) const;
    QByteArray sheetTail(const Sheet &of) const;
    QByteArray workbookXml() const;
    QByteArray contentTypesXml() const;
    QByteArray workbookRelsXml() const;
    QByteArray sharedStringsXml() const;
    QByteArray appXml() const;
    QByteArray coreXml() const;
    static QByteArray stylesXml();
    static QByteArray rootRelsXml();
};

QByteArray XlsxWriter::Private::sheetHead(const Sheet &of, bool first) const
{
    QByteArray head = xmlDeclaration;
    head += "<worksheet xmlns=\""_ba + mainNamespace + "\" xmlns:r=\"" + relationshipNamespace + "\">";
    head += "<dimension ref=\"" + range(of) + "\"/>";
    head += "<sheetViews><sheetView "_ba + (first ? "tabSelected=\"1\" " : "") + "workbookViewId=\"0\">";
    head += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            "<selection pane=\"bottomLeft\"/></sheetView></sheetViews>";
    head += "<sheetFormatPr defaultRowHeight=\"15\"/>";
    if (!of.widths.isEmpty()) {
        head += "<cols>";
        for (qsizetype i = 0; i < of.widths.size(); ++i) {
            const int width = std::clamp(of.widths.at(i) + 2, minWidth, maxWidth);
            head += "<col min=\"" + QByteArray::number(i + 1) + "\" max=\"" + QByteArray::number(i + 1) +
                    "\" width=\"" + QByteArray::number(width) + ".7109375\" customWidth=\"1\"/>";
        }
        head += "</cols>";
    }
    head += "<sheetData>";
    return head;
}

QByteArray XlsxWriter::Private::sheetTail(const Sheet &of) const
{
    QByteArray tail = "</sheetData>";
    if (of.kind == SheetKind::Table && of.columns > 0)
        tail += "<autoFilter ref=\"" + range(of) + "\"/>";
    tail += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            "</worksheet>";
    return tail;
}

QByteArray XlsxWriter::Private::workbookXml() const
{
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<workbook xmlns=\""_ba + mainNamespace + "\" xmlns:r=\"" + relationshipNamespace + "\">";
    xmlOut += "<workbookPr/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" "
              "windowHeight=\"9660\"/></bookViews><sheets>";
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        const QByteArray n = QByteArray::number(i + 1);
        xmlOut += "<sheet name=\"" + xmlText(sheets.at(i).name) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    }
    xmlOut += "</sheets>";
    QByteArray names;
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        const Sheet &of = sheets.at(i);
        if (of.kind != SheetKind::Table || of.columns == 0)
            continue;
        QString quoted = of.name;
        quoted.replace(u'\'', u"''"_s);
        const QByteArray last = columnLetters(of.columns - 1);
        names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"" + QByteArray::number(i) +
                 "\" hidden=\"1\">'" + xmlText(quoted) + "'!$A$1:$" + last + '$' +
                 QByteArray::number(std::max(of.rows, 1U)) + "</definedName>";
    }
    if (!names.isEmpty())
        xmlOut += "<definedNames>" + names + "</definedNames>";
    xmlOut += "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>";
    return xmlOut;
}

QByteArray XlsxWriter::Private::contentTypesXml() const
{
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              "<Override PartName=\"/docProps/app.xml\" "
              "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
              "<Override PartName=\"/docProps/core.xml\" "
              "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
              "<Override PartName=\"/xl/styles.xml\" "
              "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
              "<Override PartName=\"/xl/workbook.xml\" "
              "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
    for (qsizetype i = 0; i < sheets.size(); ++i)
        xmlOut += "<Override PartName=\"/xl/worksheets/sheet" + QByteArray::number(i + 1) +
                  ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    if (!sharedTexts.isEmpty())
        xmlOut += "<Override PartName=\"/xl/sharedStrings.xml\" "
                  "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
    xmlOut += "</Types>";
    return xmlOut;
}

QByteArray XlsxWriter::Private::rootRelsXml()
{
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "officeDocument\" Target=\"xl/workbook.xml\"/>"
              "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
              "core-properties\" Target=\"docProps/core.xml\"/>"
              "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";
    return xmlOut;
}

QByteArray XlsxWriter::Private::workbookRelsXml() const
{
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        const QByteArray n = QByteArray::number(i + 1);
        xmlOut += "<Relationship Id=\"rId" + n +
                  "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                  "Target=\"worksheets/sheet" + n + ".xml\"/>";
    }
    xmlOut += "<Relationship Id=\"rId" + QByteArray::number(sheets.size() + 1) +
              "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
              "Target=\"styles.xml\"/>";
    if (!sharedTexts.isEmpty())
        xmlOut += "<Relationship Id=\"rId" + QByteArray::number(sheets.size() + 2) +
                  "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
                  "Target=\"sharedStrings.xml\"/>";
    xmlOut += "</Relationships>";
    return xmlOut;
}

QByteArray XlsxWriter::Private::sharedStringsXml() const
{
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<sst xmlns=\""_ba + mainNamespace + "\" count=\"" + QByteArray::number(sharedRefs) +
              "\" uniqueCount=\"" + QByteArray::number(sharedTexts.size()) + "\">";
    xmlOut += sharedXml;
    xmlOut += "</sst>";
    return xmlOut;
}

QByteArray XlsxWriter::Private::stylesXml()
{
    // Fonts without a theme (the file has none): Calibri 11, and its bold for the header row. Cell
    // formats in the order of Style: plain, bold, "0.00" (yuan), "0" (fen and counts).
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<styleSheet xmlns=\""_ba + mainNamespace + "\">";
    xmlOut += "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/>"
              "<numFmt numFmtId=\"165\" formatCode=\"0\"/></numFmts>"
              "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
              "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
              "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
              "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
              "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
              "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
              "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
              "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
              "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
              "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" "
              "defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>";
    return xmlOut;
}

QByteArray XlsxWriter::Private::appXml() const
{
    const QByteArray count = QByteArray::number(sheets.size());
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
              "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">";
    xmlOut += "<Application>" + xmlText(appName()) + "</Application><DocSecurity>0</DocSecurity>"
              "<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant>"
              "<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>" + count +
              "</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"" + count +
              "\" baseType=\"lpstr\">";
    for (const Sheet &of : sheets)
        xmlOut += "<vt:lpstr>" + xmlText(of.name) + "</vt:lpstr>";
    xmlOut += "</vt:vector></TitlesOfParts><Company>" + xmlText(appName()) +
              "</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
              "<HyperlinksChanged>false</HyperlinksChanged></Properties>";
    return xmlOut;
}

QByteArray XlsxWriter::Private::coreXml() const
{
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1();
    QByteArray xmlOut = xmlDeclaration;
    xmlOut += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
              "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
              "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
    if (!title.isEmpty())
        xmlOut += "<dc:title>" + xmlText(title) + "</dc:title>";
    xmlOut += "<dc:creator>" + xmlText(appName()) + "</dc:creator><cp:lastModifiedBy>" + xmlText(appName()) +
              "</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + now +
              "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + now +
              "</dcterms:modified></cp:coreProperties>";
    return xmlOut;
}

XlsxWriter::XlsxWriter() : d(std::make_unique<Private>())
{
    if (!d->data.open())
        d->fail(tr("Could not create a temporary file for the workbook: %1").arg(d->data.errorString()));
}

XlsxWriter::~XlsxWriter() = default; // the temporary file goes with d->data

QString XlsxWriter::appName()
{
    return QCoreApplication::applicationName().isEmpty() ? u"Fenzhang Desk"_s : QCoreApplication::applicationName();
}

void XlsxWriter::setTitle(const QString &title)
{
    d->title = title;
}

void XlsxWriter::beginSheet(const QString &name, const ExportColumns &columns, SheetKind kind)
{
    d->endSheet();
    if (!d->error.isEmpty() || d->finished)
        return;
    const bool taken = std::any_of(d->sheets.cbegin(), d->sheets.cend(), [&](const Private::Sheet &of) {
        return of.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    if (!validSheetName(name) || taken) {
        d->fail(tr("Could not add the sheet \"%1\".").arg(name));
        return;
    }
    d->sheet = {};
    d->sheet.name = name;
    d->sheet.kind = kind;
    d->sheet.columns = int(columns.size());
    d->sheet.widths = QList<int>(columns.size(), 0);
    d->sheet.dataOffset = d->data.pos();
    d->columns = columns;
    d->letters.clear();
    for (qsizetype i = 0; i < columns.size(); ++i)
        d->letters.append(columnLetters(int(i)));
    d->columnShares = QList<Private::ColumnShare>(columns.size());
    d->deflater = std::make_unique<ThreadedDeflater>(&d->data);
    d->xml.reserve(flushAt + (1 << 14));
    d->inSheet = true;
    d->startRow(0);
    for (qsizetype i = 0; i < columns.size(); ++i)
        d->writeText(int(i), columns.at(i).heading, Bold);
    endRow();
}

void XlsxWriter::addCell(QStringView text)
{
    if (!d->inSheet)
        return;
    const int at = d->column++;
    const ExportColumn::Type type = at < d->columns.size() ? d->columns.at(at).type : ExportColumn::Type::Text;
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
            d->writeNumber(at, yuanDecimal(*fen), YuanStyle, text.size());
            return;
        }
        break;
    case ExportColumn::Type::Integer: {
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        if (ok && value <= maxExactNumber && value >= -maxExactNumber) {
            d->writeNumber(at, QByteArray::number(value), IntegerStyle, text.size());
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
    if (!d->inSheet)
        return;
    if (d->rowOpen)
        d->xml += "</row>";
    if (++d->sheet.rows >= maxRows) {
        d->fail(tr("More than %1 rows do not fit in a workbook; export CSV instead.").arg(maxRows - 1));
        d->inSheet = false;
        return;
    }
    d->startRow(d->sheet.rows);
    d->compressIfFull();
}

void XlsxWriter::addAboutSheet(const ExportInfo &info, int rows, int answers, int verifiedAnswers)
{
    beginSheet(tr("About"), {ExportTable::column(u"item"_s), ExportTable::column(u"detail"_s)}, SheetKind::List);
    const QString verified = answers == 0 ? tr("no answers")
                             : verifiedAnswers == answers
                                 ? tr("all %n answer(s) verified", nullptr, answers)
                                 : tr("%1 of %n answer(s) verified", nullptr, answers).arg(verifiedAnswers);
    QList<std::pair<QString, QString>> lines = {
        {tr("Export"), info.subject},
        {tr("Profile"), info.profile},
        {tr("Merchant ID (mchid)"), info.mchid},
        {tr("Exported at"), ExportTime::display(ExportTime::text(QDateTime::currentDateTime()))},
        {tr("App"), appName() + u' ' + QStringLiteral(FENZHANG_VERSION)},
        {tr("Rows"), QString::number(rows)},
        {tr("Signatures verified"), verified},
        {tr("Times"), ExportTime::ruleText()},
        {tr("Amounts"), tr("Amounts are numbers (yuan with two decimals, fen as integers); an amount too large "
                           "for a spreadsheet to hold exactly (over 15 digits) is written as text.")},
        {tr("IDs"), tr("Every ID is a text cell holding exactly WeChat Pay's digits.")},
    };
    lines += info.notes;
    for (const auto &[item, value] : lines) {
        addCell(item);
        addCell(value);
        endRow();
    }
}

bool XlsxWriter::finish(QIODevice *device)
{
    if (d->finished)
        return false;
    d->endSheet();
    d->finished = true;
    if (!d->error.isEmpty())
        return false;
    if (d->sheets.isEmpty()) {
        d->fail(tr("The workbook has no sheet."));
        return false;
    }
    if (!d->data.flush()) {
        d->fail(d->data.errorString());
        return false;
    }
    ZipWriter zip(device);
    bool ok = zip.addEntry("[Content_Types].xml", d->contentTypesXml()) &&
              zip.addEntry("_rels/.rels", Private::rootRelsXml()) &&
              zip.addEntry("docProps/app.xml", d->appXml()) && zip.addEntry("docProps/core.xml", d->coreXml()) &&
              zip.addEntry("xl/workbook.xml", d->workbookXml()) &&
              zip.addEntry("xl/_rels/workbook.xml.rels", d->workbookRelsXml()) &&
              zip.addEntry("xl/styles.xml", Private::stylesXml()) &&
              (d->sharedTexts.isEmpty() || zip.addEntry("xl/sharedStrings.xml", d->sharedStringsXml()));
    for (qsizetype i = 0; ok && i < d->sheets.size(); ++i) {
        const Private::Sheet &of = d->sheets.at(i);
        // Head (dimension, frozen header, widths), the rows deflated while they came, the tail: three
        // pieces of one deflate stream.
        DeflatedSize headSize;
        DeflatedSize tailSize;
        const QByteArray head = Deflater::deflate(d->sheetHead(of, i == 0), false, &headSize);
        const QByteArray tail = Deflater::deflate(d->sheetTail(of), true, &tailSize);
        const DeflatedSize size = headSize.followedBy(of.data).followedBy(tailSize);
        ok = zip.addEntry("xl/worksheets/sheet" + QByteArray::number(i + 1) + ".xml", size, [&](QIODevice *out) {
            if (out->write(head) != head.size() || !d->data.seek(of.dataOffset))
                return false;
            for (qint64 left = of.data.compressedSize; left > 0;) {
                const QByteArray chunk = d->data.read(std::min<qint64>(left, 1 << 20));
                if (chunk.isEmpty() || out->write(chunk) != chunk.size())
                    return false;
                left -= chunk.size();
            }
            return out->write(tail) == tail.size();
        });
    }
    if (!ok || !zip.finish()) {
        d->fail(zip.errorString().isEmpty() ? d->data.errorString() : zip.errorString());
        return false;
    }
    return true;
}

bool XlsxWriter::ok() const
{
    return d->error.isEmpty();
}

QString XlsxWriter::errorString() const
{
    return d->error;
}

} // namespace fenzhang
