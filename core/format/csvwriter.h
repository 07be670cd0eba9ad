#pragma once

// RFC 4180 CSV that Excel opens safely: UTF-8 with BOM, CRLF, quoting for commas, quotes and
// newlines, and cells that would start a formula (= + - @ tab CR) neutralised with a leading '.
// Numeric cells are written as given so amounts stay numbers.

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace fenzhang {

class CsvWriter final {
public:
    explicit CsvWriter(QIODevice *device);

    void writeBom();
    // Text cells are formula-neutralised; cells listed in numericColumns are written verbatim
    // (they must be produced by the program, e.g. formatted amounts, never user text).
    void writeRow(const QStringList &cells, const QList<int> &numericColumns = {});
    bool ok() const { return m_ok; }
    QString errorString() const;

    static QString escapeCell(const QString &cell, bool numeric = false);

private:
    QIODevice *m_device;
    bool m_ok = true;
};

} // namespace fenzhang
