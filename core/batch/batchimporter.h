#pragma once

// Reads the rows of a batch from a CSV file or from text pasted from Excel (TSV): detects the
// encoding (UTF-8 with or without BOM, or GB18030), parses RFC 4180 quoting, recognises a header
// row of API field names or of the headings clerks' sheets carry (子商户号, 微信支付订单号, 商户分账单号,
// 商户回退单号, 微信分账单号, this app's own headings in both languages), maps columns (or takes the UI's
// explicit mapping), trims every cell, validates every row with the query's own rules and flags duplicates.
// Pure and synchronous: 100,000 rows take a fraction of a second (bench/bench_import).

#include "batch/batchrow.h"
#include "batch/textdecoding.h"

#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace fenzhang {

// Which input column (0-based) holds each API field; -1 when none does.
struct ColumnMapping {
    int subMchid = -1;
    int transactionId = -1;
    int outOrderNo = -1;
    int outReturnNo = -1;
    int orderId = -1;

    // API field name -> column, for the UI's mapping combo boxes.
    int column(const QString &apiField) const;
    void setColumn(const QString &apiField, int column);
    // The fields a look-up kind needs mapped as the product asks it (a direct merchant's rows have
    // no sub_mchid; brand returns: order_id or out_order_no, one suffices).
    bool isCompleteFor(LookupKind kind, Product product) const;
    // The fields of the parts of the question no column names (Query::fieldGroups), in order.
    QStringList missingFor(LookupKind kind, Product product) const;
    bool operator==(const ColumnMapping &) const = default;

    // The API fields each kind reads as the product asks it, in the CLI's header order
    // (Query::fields: the kind's own description).
    static QStringList fieldsFor(LookupKind kind, Product product);
    // Columns in fieldsFor() order: for pasted lists without a header.
    static ColumnMapping positional(LookupKind kind, Product product);
};

struct BatchImport {
    LookupKind kind = LookupKind::Order;
    TextDecoding::Encoding encoding = TextDecoding::Encoding::Utf8;
    bool hasHeader = false; // the first row named the columns
    QStringList header;     // the first row as read, when hasHeader
    int columnCount = 0;    // widest row
    ColumnMapping mapping;
    QList<QStringList> preview; // the first records as read (header included), for the mapping UI
    QList<BatchRow> rows;
    QString error; // translated; non-empty when nothing could be read at all
    // Set when the rows look like the other kind's (their headings name its fields, or without a
    // heading most rows are valid only as the other kind): the UI offers to switch.
    std::optional<LookupKind> suggestedKind;

    bool ok() const { return error.isEmpty(); }
    int validCount() const;
    QList<BatchRow> invalidRows() const; // errors or duplicates, in input order
    QList<BatchRow> validRows() const;
};

class BatchImporter final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::BatchImporter)
public:
    // Rows are validated as the product asks them (a direct merchant's rows carry no sub_mchid).
    BatchImporter(LookupKind kind, Product product)
        : m_kind(kind), m_product(product)
    {
    }

    // The UI's choice; overrides header recognition (a header row is still skipped when it names
    // the mapped fields).
    void setMapping(const ColumnMapping &mapping)
    {
        m_mapping = mapping;
        m_explicitMapping = true;
    }
    void clearMapping() { m_explicitMapping = false; }

    BatchImport importFile(const QString &path) const;
    BatchImport importBytes(const QByteArray &bytes) const;
    // Pasted text: tab-separated when the first line has a tab, else comma-separated.
    BatchImport importText(const QString &text) const;

    // RFC 4180 records: "" is a quote inside quotes, quoted fields may hold delimiters and newlines,
    // CRLF, LF or CR end a record. Blank lines are dropped.
    static QList<QStringList> parseRecords(QStringView text, QChar delimiter);
    static QChar detectDelimiter(QStringView text);
    // A mapping from the cells that name a field: API names (case and spaces ignored), the Chinese
    // names of the merchant platform, "Heading (api_name)"; an incomplete mapping when none do.
    static ColumnMapping mappingFromHeader(const QStringList &header);

private:
    BatchImport build(const QString &text, TextDecoding::Encoding encoding, bool suggest = true) const;
    // The kind whose rows are mistaken for this kind's (orders and returns); none for amounts.
    static std::optional<LookupKind> otherKind(LookupKind kind);
    static bool namesTheFieldsOf(const ColumnMapping &fromHeader, LookupKind kind);

    LookupKind m_kind;
    Product m_product;
    ColumnMapping m_mapping;
    bool m_explicitMapping = false;
};

} // namespace fenzhang
