#include "history/historyrecorder.h"

#include <utility>

namespace fenzhang {

HistoryRecorder::HistoryRecorder(HistoryStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &HistoryRecorder::flush);
}

HistoryRecorder::~HistoryRecorder()
{
    flush();
}

void HistoryRecorder::record(const LookupResult &result, const QString &source)
{
    if (result.kind == LookupResult::Kind::Cancelled || result.kind == LookupResult::Kind::InvalidInput)
        return;
    m_buffer.append(HistoryEntry::fromResult(result, m_profile, source));
    if (!m_timer.isActive())
        m_timer.start();
}

void HistoryRecorder::setWriter(HistoryWriter *writer)
{
    if (m_writer == writer)
        return;
    if (m_writer)
        disconnect(m_writer, nullptr, this, nullptr);
    m_writer = writer;
    if (m_writer) {
        connect(m_writer, &HistoryWriter::written, this, &HistoryRecorder::written);
        connect(m_writer, &HistoryWriter::failed, this, &HistoryRecorder::failed);
    }
}

void HistoryRecorder::requeue(const QList<HistoryEntry> &entries)
{
    m_buffer = entries + m_buffer;
}

bool HistoryRecorder::flush()
{
    m_timer.stop();
    if (m_buffer.isEmpty())
        return true;
    if (m_writer) {
        m_writer->write(std::exchange(m_buffer, {})); // the writer's thread writes, retries, reports
        return true;
    }
    if (!m_store || !m_store->isOpen())
        return false;
    const auto ids = m_store->addAll(m_buffer);
    if (!ids) {
        if (!m_reported)
            Q_EMIT failed(ids.error());
        m_reported = true;
        m_timer.start(); // kept, and tried again
        return false;
    }
    const int count = int(m_buffer.size());
    m_buffer.clear();
    m_reported = false;
    Q_EMIT written(count);
    return true;
}

} // namespace fenzhang
