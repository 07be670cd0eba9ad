#include "batch/batchimporter.h"

#include "fileread.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const QString subMchidField = u"sub_mchid"_s;
const QString transactionIdField = u"transaction_id"_s;
const QString outOrderNoField = u"out_order_no"_s;
const QString outReturnNoField = u"out_return_no"_s;
const QString orderIdField = u"order_id"_s;

// "Sub_MchID ", "sub mchid" and "sub-mchid" all name sub_mchid.
QString normaliseHeaderCell(const QString &cell)
{
    QString name = cell.trimmed().toLower();
    name.replace(u' ', u'_');
    name.replace(u'-', u'_');
    return name;
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

bool ColumnMapping::isCompleteFor(LookupKind kind) const
{
    if (kind == LookupKind::Order)
        return subMchid >= 0 && transactionId >= 0 && outOrderNo >= 0;
    return subMchid >= 0 && outReturnNo >= 0 && (orderId >= 0 || outOrderNo >= 0);
}

QStringList ColumnMapping::fieldsFor(LookupKind kind)
{
    if (kind == LookupKind::Order)
        return {subMchidField, transactionIdField, outOrderNoField};
    return {subMchidField, outReturnNoField, orderIdField, outOrderNoField};
}

ColumnMapping ColumnMapping::positional(LookupKind kind)
{
    ColumnMapping mapping;
    if (kind == LookupKind::Order) {
        mapping.subMchid = 0;
        mapping.transactionId = 1;
        mapping.outOrderNo = 2;
    } else {
        // A pasted return list without a header: sub_mchid, out_return_no, order_id.
        mapping.subMchid = 0;
        mapping.outReturnNo = 1;
        mapping.orderId = 2;
    }
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
        const QString name = normaliseHeaderCell(header.at(column));
        if (mapping.column(name) == -1)
            mapping.setColumn(name, column); // the first column of a name wins
    }
    return mapping;
}

BatchImport BatchImporter::build(const QString &text, TextDecoding::Encoding encoding) const
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
        result.mapping = ColumnMapping::positional(m_kind);

    if (!result.mapping.isCompleteFor(m_kind)) {
        QStringList missing;
        for (const QString &field : ColumnMapping::fieldsFor(m_kind)) {
            if (result.mapping.column(field) < 0)
                missing.append(field);
        }
        // Returns need only one of order_id / out_order_no.
        if (m_kind == LookupKind::Return && (result.mapping.orderId >= 0 || result.mapping.outOrderNo >= 0)) {
            missing.removeAll(orderIdField);
            missing.removeAll(outOrderNoField);
        }
        result.error = tr("No column is mapped to %1.").arg(missing.join(u", "_s));
        return result;
    }

    const ColumnMapping &m = result.mapping;
    QHash<QString, int> firstRowOfKey;
    firstRowOfKey.reserve(records.size());
    result.rows.reserve(records.size());
    const int first = result.hasHeader ? 1 : 0;
    for (int index = first; index < records.size(); ++index) {
        const QStringList &record = records.at(index);
        BatchRow row;
        row.rowNumber = index + 1;
        row.kind = m_kind;
        QString key;
        if (m_kind == LookupKind::Order) {
            row.order = OrderQuery{cellAt(record, m.subMchid), cellAt(record, m.transactionId),
                                   cellAt(record, m.outOrderNo)};
            row.errors = row.order.validate();
            key = row.order.subMchid + u'\x1f' + row.order.transactionId + u'\x1f' + row.order.outOrderNo;
        } else {
            row.returnQuery = ReturnQuery{cellAt(record, m.subMchid), cellAt(record, m.outReturnNo),
                                          cellAt(record, m.orderId), cellAt(record, m.outOrderNo)};
            row.errors = row.returnQuery.validate();
            const ReturnQuery &q = row.returnQuery;
            key = q.subMchid + u'\x1f' + q.outReturnNo + u'\x1f' + q.orderId + u'\x1f' + q.outOrderNo;
        }
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
    return result;
}

} // namespace fenzhang
