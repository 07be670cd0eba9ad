// libFuzzer target: batch CSV/TSV import (encoding detection, RFC 4180 records, header
// recognition, row validation). The first byte picks the look-up kind and the entry point.

#include "batch/batchimporter.h"

#include <cstddef>
#include <cstdint>

using namespace fenzhang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t mode = data[0];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const BatchImporter importer((mode & 1) ? LookupKind::Return : LookupKind::Order,
                                 (mode & 1) ? Product::Brand : Product::ServiceProvider);
    const BatchImport result =
        (mode & 2) ? importer.importText(QString::fromUtf8(bytes)) : importer.importBytes(bytes);
    if (result.ok()) {
        if (result.validCount() + result.invalidRows().size() != result.rows.size())
            __builtin_trap();
        for (const BatchRow &row : result.rows) {
            if (!row.isValid() && row.errors.isEmpty() && row.duplicateOf == 0)
                __builtin_trap();
        }
    }
    // The record parser alone, with both delimiters.
    const QString text = QString::fromUtf8(bytes);
    (void)BatchImporter::parseRecords(text, (mode & 4) ? u'\t' : u',');
    (void)BatchImporter::detectDelimiter(text);
    return 0;
}
