#include "format/csvwriter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang {

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
    if (!m_ok)
        return; // the first failure is the one worth reporting
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        line += escapeCell(cells.at(i), numericColumns.contains(static_cast<int>(i)));
    }
    line += u"\r\n"_s;
    const QByteArray bytes = line.toUtf8();
    m_ok = m_device && m_device->write(bytes) == bytes.size();
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
    if (!numeric && !text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            text.prepend(u'\'');
    }
    const bool needsQuotes =
        text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!needsQuotes)
        return text;
    text.replace(u"\""_s, u"\"\""_s);
    return u'"' + text + u'"';
}

} // namespace fenzhang
