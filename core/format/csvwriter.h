#pragma once

// RFC 4180 CSV that Excel opens safely: UTF-8 with BOM, CRLF, quoting for commas, quotes and
// newlines, and cells that would start a formula neutralised with a leading ' (OWASP's list: = + - @
// tab CR, also after leading spaces or line breaks, and the full-width ＝＋－＠).
// Numeric cells are written as given so amounts stay numbers.

#include <QByteArray>
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

    // The same row built cell by cell, for exports too large for a QStringList per row: addCell()
    // and addCells() in column order, then endRow(). Cells are escaped exactly as writeRow() does.
    void addCell(QStringView cell, bool numeric = false);
    // Text cells repeated on every row (an order's own fields beside each of its receivers):
    // escaped and encoded once by encodeCells(), then copied into each row by addCells().
    struct EncodedCells {
        QByteArray utf8;
        qsizetype count = 0;
    };
    static EncodedCells encodeCells(const QStringList &cells);
    void addCells(const EncodedCells &cells);
    void endRow();

    bool ok() const { return m_ok; }
    QString errorString() const;

    static QString escapeCell(const QString &cell, bool numeric = false);

private:
    // Room for `bytes` more at the end of the line; returns where they go.
    char *reserveInLine(qsizetype bytes)
    {
        if (m_line.size() < m_lineSize + bytes)
            growLine(m_lineSize + bytes);
        return m_line.data() + m_lineSize;
    }
    void growLine(qsizetype size);
    void appendToLine(QByteArrayView bytes);
    void appendUtf8(QStringView text);

    QIODevice *m_device;
    bool m_ok = true;
    // The row being built, as UTF-8: its first m_lineSize bytes. The buffer is kept between rows.
    QByteArray m_line;
    qsizetype m_lineSize = 0;
    qsizetype m_cellsInLine = 0;
};

} // namespace fenzhang
