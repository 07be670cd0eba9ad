#include "batch/batchimporter.h"

#include "fileread.h"

#include <algorithm>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const QString subMchidField = u"sub_mchid"_s;
const QString transactionIdField = u"transaction_id"_s;
const QString outOrderNoField = u"out_order_no"_s;
const QString outReturnNoField = u"out_return_no"_s;
const QString orderIdField = u"order_id"_s;

// "Sub_MchID ", "sub mchid", "sub-mchid" and "子商户号：" all come to one spelling.
QString normaliseHeaderCell(const QString &cell)
{
    QString name = cell.trimmed().toLower();
    while (name.endsWith(u':') || name.endsWith(u'\uff1a'))
        name.chop(1);
    name = name.trimmed();
    name.replace(u' ', u'_');
    name.replace(u'-', u'_');
    return name;
}

// Headings other than the API names, as clerks' sheets carry them: the names WeChat Pay's merchant
// platform uses, and this app's own screen and workbook headings in both languages (which also name
// the field in brackets, see fieldOfHeading). Normalised spelling.
struct HeadingAlias {
    QStringView heading;
    const QString &field;
};
const HeadingAlias headingAliases[] = {
    {u"子商户号", subMchidField},
    {u"特约商户号", subMchidField},
    {u"sub_merchant_id", subMchidField},
    {u"sub_merchant", subMchidField},
    {u"微信支付订单号", transactionIdField},
    {u"微信订单号", transactionIdField},
    {u"transaction_id", transactionIdField},
    {u"商户分账单号", outOrderNoField},
    {u"merchant_order_no.", outOrderNoField},
    {u"merchant_order_no", outOrderNoField},
    {u"商户回退单号", outReturnNoField},
    {u"merchant_return_no.", outReturnNoField},
    {u"merchant_return_no", outReturnNoField},
    {u"微信分账单号", orderIdField},
    {u"wechat_pay_order_id", orderIdField},
};

// The API field a heading names, or empty.
QString fieldOfHeading(const QString &cell)
{
    const QString name = normaliseHeaderCell(cell);
    static const QStringList apiFields = Query::allFields(); // every kind's, as any product asks
    const auto apiField = [](const QString &candidate) {
        return apiFields.contains(candidate) ? candidate : QString();
    };
    if (const QString field = apiField(name); !field.isEmpty())
        return field;
    // "Sub-merchant ID (sub_mchid)", "特约商户号（sub_mchid）": the field in brackets decides.
    static const QRegularExpression bracketed(u"[(\uff08]_*([a-z_]+?)_*[)\uff09]$"_s);
    if (const QRegularExpressionMatch match = bracketed.match(name); match.hasMatch()) {
        if (const QString field = apiField(match.captured(1)); !field.isEmpty())
            return field;
    }
    for (const HeadingAlias &alias : headingAliases) {
        if (name == alias.heading)
            return alias.field;
    }
    return {};
}

constexpr int previewRecords = 20;

QString cellAt(const QStringList &record, int column)
{
    if (column < 0 || column >= record.size())
        return {};
    return record.at(column).trimmed();
}

} // namespace

int ColumnMapping::column(const QString &apiField) const
{
    if (apiField == subMchidField)
        return subMchid;
    if (apiField == transactionIdField)
        return transactionId;
    if (apiField == outOrderNoField)
        return outOrderNo;
    if (apiField == outReturnNoField)
        return outReturnNo;
    if (apiField == orderIdField)
        return orderId;
    return -1;
}

void ColumnMapping::setColumn(const QString &apiField, int column)
{
    if (apiField == subMchidField)
        subMchid = column;
    else if (apiField == transactionIdField)
        transactionId = column;
    else if (apiField == outOrderNoField)
        outOrderNo = column;
    else if (apiField == outReturnNoField)
        outReturnNo = column;
    else if (apiField == orderIdField)
        orderId = column;
}

bool ColumnMapping::isCompleteFor(LookupKind kind, Product product) const
{
    return missingFor(kind, product).isEmpty();
}

QStringList ColumnMapping::missingFor(LookupKind kind, Product product) const
{
    QStringList missing;
    for (const QStringList &group : Query::fieldGroups(kind, product)) {
        if (std::none_of(group.begin(), group.end(),
                         [this](const QString &field) { return column(field) >= 0; }))
            missing += group;
    }
    return missing;
}

QStringList ColumnMapping::fieldsFor(LookupKind kind, Product product)
{
    return Query::fields(kind, product);
}

ColumnMapping ColumnMapping::positional(LookupKind kind, Product product)
{
    // A pasted list without a header: one column per part of the question, in order; where either of
    // two fields will do, the first (a brand's returns: sub_mchid, out_return_no, order_id).
    ColumnMapping mapping;
    const FieldGroups groups = Query::fieldGroups(kind, product);
    for (qsizetype i = 0; i < groups.size(); ++i)
        mapping.setColumn(groups.at(i).constFirst(), int(i));
    return mapping;
}

int BatchImport::validCount() const
{
    int count = 0;
    for (const BatchRow &row : rows)
        count += row.isValid() ? 1 : 0;
    return count;
}

QList<BatchRow> BatchImport::invalidRows() const
{
    QList<BatchRow> invalid;
    for (const BatchRow &row : rows) {
        if (!row.isValid())
            invalid.append(row);
    }
    return invalid;
}

QList<BatchRow> BatchImport::validRows() const
{
    QList<BatchRow> valid;
    valid.reserve(rows.size());
    for (const BatchRow &row : rows) {
        if (row.isValid())
            valid.append(row);
    }
    return valid;
}

BatchImport BatchImporter::importFile(const QString &path) const
{
    auto bytes = readBounded(path, FileLimits::BatchInput);
    if (!bytes) {
        BatchImport failed;
        failed.kind = m_kind;
        failed.error = bytes.error().message;
        return failed;
    }
    return importBytes(*bytes);
}

BatchImport BatchImporter::importBytes(const QByteArray &bytes) const
{
    const TextDecoding::Decoded decoded = TextDecoding::decode(bytes);
    if (!decoded.ok) {
        BatchImport failed;
        failed.kind = m_kind;
        failed.error = tr("The file is neither UTF-8 nor GB18030 text.");
        return failed;
    }
    return build(decoded.text, decoded.encoding);
}

BatchImport BatchImporter::importText(const QString &text) const
{
    return build(text, TextDecoding::Encoding::Utf8);
}

QChar BatchImporter::detectDelimiter(QStringView text)
{
    // Only the first record decides, and only outside quotes: a quoted cell may hold either
    // character (CsvWriter quotes a cell with a comma, so "a\tb, c" is one CSV cell).
    bool inQuotes = false;
    for (const QChar c : text) {
        if (c == u'"')
            inQuotes = !inQuotes; // "" inside quotes toggles twice
        else if (!inQuotes && c == u'\t')
            return u'\t';
        else if (!inQuotes && (c == u'\n' || c == u'\r'))
            break;
    }
    return u',';
}

QList<QStringList> BatchImporter::parseRecords(QStringView text, QChar delimiter)
{
    QList<QStringList> records;
    QStringList record;
    QString cell;
    bool inQuotes = false;
    bool cellWasQuoted = false;
    bool recordHasContent = false;

    const auto endCell = [&] {
        record.append(cell);
        if (!cell.isEmpty() || cellWasQuoted)
            recordHasContent = true;
        cell.clear();
        cellWasQuoted = false;
    };
    const auto endRecord = [&] {
        endCell();
        if (recordHasContent)
            records.append(std::move(record));
        record = QStringList();
        recordHasContent = false;
    };

    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < size && text[i + 1] == u'"') {
                    cell += u'"';
                    i += 2;
                    continue;
                }
                inQuotes = false;
                ++i;
                continue;
            }
            cell += c;
            ++i;
            continue;
        }
        if (c == u'"' && cell.isEmpty() && !cellWasQuoted) {
            inQuotes = true;
            cellWasQuoted = true;
            ++i;
        } else if (c == delimiter) {
            endCell();
            ++i;
        } else if (c == u'\r' || c == u'\n') {
            endRecord();
            // CRLF is one line end.
            i += (c == u'\r' && i + 1 < size && text[i + 1] == u'\n') ? 2 : 1;
        } else {
            // Text after a closing quote ("a"b) is kept as written, as Excel does.
            cell += c;
            ++i;
        }
    }
    if (!cell.isEmpty() || cellWasQuoted || !record.isEmpty())
        endRecord();
    return records;
}

ColumnMapping BatchImporter::mappingFromHeader(const QStringList &header)
{
    ColumnMapping mapping;
    for (int column = 0; column < header.size(); ++column) {
        const QString name = fieldOfHeading(header.at(column));
        if (!name.isEmpty() && mapping.column(name) == -1)
            mapping.setColumn(name, column); // the first column of a name wins
    }
    return mapping;
}

// Headings that name every field of a kind, as any product asks it: they say which kind the rows are
// (a clerk's sheet of brand returns pasted on the order page), whatever the product.
bool BatchImporter::namesTheFieldsOf(const ColumnMapping &fromHeader, LookupKind kind)
{
    const QList<Product> products = Products::all();
    return std::any_of(products.begin(), products.end(),
                       [&](Product product) { return fromHeader.isCompleteFor(kind, product); });
}

std::optional<LookupKind> BatchImporter::otherKind(LookupKind kind)
{
    // Orders and returns are both three columns of numbers under similar headings; any other kind
    // (the remaining amount's one column of transaction numbers) is mistaken for nothing.
    if (kind == LookupKind::Order)
        return LookupKind::Return;
    if (kind == LookupKind::Return)
        return LookupKind::Order;
    return std::nullopt;
}

BatchImport BatchImporter::build(const QString &text, TextDecoding::Encoding encoding, bool suggest) const
{
    BatchImport result;
    result.kind = m_kind;
    result.encoding = encoding;

    const QList<QStringList> records = parseRecords(text, detectDelimiter(text));
    if (records.isEmpty()) {
        result.error = tr("There are no rows to import.");
        return result;
    }
    for (const QStringList &record : records)
        result.columnCount = std::max(result.columnCount, int(record.size()));
    result.preview = records.mid(0, previewRecords);

    // A first row naming any field is a header.
    const ColumnMapping fromHeader = mappingFromHeader(records.constFirst());
    result.hasHeader = fromHeader != ColumnMapping();
    if (result.hasHeader)
        result.header = records.constFirst();

    if (m_explicitMapping)
        result.mapping = m_mapping;
    else if (result.hasHeader)
        result.mapping = fromHeader;
    else
        result.mapping = ColumnMapping::positional(m_kind, m_product);

    if (!result.mapping.isCompleteFor(m_kind, m_product)) {
        const QStringList missing = result.mapping.missingFor(m_kind, m_product);
        result.error = tr("No column is mapped to %1.").arg(missing.join(u", "_s));
        const std::optional<LookupKind> other = otherKind(m_kind);
        if (other && !m_explicitMapping && result.hasHeader && namesTheFieldsOf(fromHeader, *other)) {
            result.suggestedKind = other;
            result.error += u' ' + (*other == LookupKind::Return
                                        ? tr("The headings name the fields of a return look-up.")
                                        : tr("The headings name the fields of an order look-up."));
        }
        return result;
    }

    const ColumnMapping &m = result.mapping;
    // Every column the mapping names that this kind has is read, also one the product does not ask
    // (a direct merchant's sub_mchid, an ordinary return's order_id): validate() refuses the row
    // rather than the number being dropped unseen.
    QStringList fields;
    for (const QString &field : Query::allFields()) {
        if (m.column(field) >= 0)
            fields.append(field);
    }
    QHash<QString, int> firstRowOfKey;
    firstRowOfKey.reserve(records.size());
    result.rows.reserve(records.size());
    const int first = result.hasHeader ? 1 : 0;
    for (int index = first; index < records.size(); ++index) {
        const QStringList &record = records.at(index);
        BatchRow row;
        row.rowNumber = index + 1;
        row.query = Query::blank(m_kind, m_product);
        for (const QString &field : fields)
            row.query.setValue(field, cellAt(record, m.column(field)));
        row.errors = row.query.validate();
        const QString key = row.query.key();
        if (row.errors.isEmpty()) {
            const auto it = firstRowOfKey.constFind(key);
            if (it != firstRowOfKey.constEnd())
                row.duplicateOf = it.value();
            else
                firstRowOfKey.insert(key, row.rowNumber);
        }
        result.rows.append(std::move(row));
    }
    if (result.rows.isEmpty())
        result.error = tr("There are no rows under the header.");
    // Without headings the columns are taken by position; a list of the other kind then fails
    // validation row by row. Read it as the other kind once, and suggest that when it fits better.
    const int valid = result.validCount();
    const std::optional<LookupKind> otherRowKind = otherKind(m_kind);
    if (otherRowKind && suggest && !m_explicitMapping && !result.hasHeader && valid * 2 < result.rows.size()) {
        const BatchImport other = BatchImporter(*otherRowKind, m_product).build(text, encoding, false);
        if (other.ok() && other.validCount() > valid && other.validCount() * 2 >= other.rows.size())
            result.suggestedKind = other.kind;
    }
    return result;
}

} // namespace fenzhang
