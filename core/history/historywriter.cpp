#include "history/historywriter.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <memory>
#include <utility>

namespace fenzhang {

// The half that lives on the writer's thread: the connection, the queue and the retry timer.
class HistoryWriterWorker final : public QObject {
public:
    explicit HistoryWriterWorker(HistoryWriter *owner) : m_owner(owner), m_retry(this)
    {
        m_retry.setSingleShot(true);
        m_retry.setInterval(HistoryWriter::retryIntervalMs);
        connect(&m_retry, &QTimer::timeout, this, &HistoryWriterWorker::tryWrite);
    }

    void setDatabase(const QString &path, const HistoryOptions &options)
    {
        if (m_store.isOpen() && m_store.path() != path)
            m_store.close();
        m_path = path;
        m_options = options;
        m_options.retentionDays = 0; // purging is the reading side's job
        tryWrite();
    }

    void enqueue(const QList<HistoryEntry> &entries)
    {
        m_queue.append(entries);
        tryWrite();
    }

    // True when nothing is left to write.
    bool tryWrite()
    {
        m_retry.stop();
        if (m_queue.isEmpty())
            return true;
        if (m_path.isEmpty())
            return false; // no database yet: kept until setDatabase()
        std::optional<HistoryError> error;
        if (!m_store.isOpen()) {
            if (auto opened = m_store.open(m_path, m_options); !opened)
                error = opened.error();
        }
        if (!error) {
            const auto ids = m_store.addAll(m_queue); // may wait out the busy timeout: on this thread
            if (ids) {
                const int count = int(m_queue.size());
                m_queue.clear();
                m_reported = false;
                QMetaObject::invokeMethod(m_owner, [owner = m_owner, count] { owner->onWrittenFromWorker(count); });
                return true;
            }
            error = ids.error();
        }
        if (!m_reported) {
            m_reported = true;
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, e = *error] { Q_EMIT owner->failed(e); });
        }
        m_retry.start(); // kept, and tried again
        return false;
    }

    QList<HistoryEntry> stop()
    {
        m_retry.stop();
        m_store.close();
        m_path.clear();
        m_reported = false;
        return std::exchange(m_queue, {});
    }

private:
    HistoryWriter *m_owner;
    HistoryStore m_store;
    QString m_path;
    HistoryOptions m_options;
    QList<HistoryEntry> m_queue;
    QTimer m_retry;
    bool m_reported = false; // one report per run of failures
};

HistoryWriter::HistoryWriter(QObject *parent) : QObject(parent), m_worker(new HistoryWriterWorker(this))
{
    m_thread.setObjectName(QStringLiteral("history writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

HistoryWriter::~HistoryWriter()
{
    (void)drain(-1);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { (void)worker->stop(); },
                              Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryWriter::setDatabase(const QString &path, const HistoryOptions &options)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path, options] { worker->setDatabase(path, options); });
}

void HistoryWriter::write(const QList<HistoryEntry> &entries)
{
    if (entries.isEmpty())
        return;
    m_inFlight += int(entries.size());
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, entries] { worker->enqueue(entries); });
}

bool HistoryWriter::drain(int timeoutMs)
{
    // Shared with the worker's call, which may outlive a wait that timed out.
    auto done = std::make_shared<QSemaphore>();
    auto empty = std::make_shared<std::atomic_bool>(false);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, done, empty] {
        empty->store(worker->tryWrite());
        done->release();
    });
    if (!done->tryAcquire(1, timeoutMs))
        return false;
    // The worker's "written" is queued to this object: take it now, so inFlight() is current.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    return empty->load();
}

QList<HistoryEntry> HistoryWriter::stop()
{
    QList<HistoryEntry> left;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, &left] { left = worker->stop(); },
                              Qt::BlockingQueuedConnection);
    // Written signals already posted still arrive and count down; what is handed back is not in flight.
    m_inFlight = std::max(0, m_inFlight - int(left.size()));
    return left;
}

void HistoryWriter::onWrittenFromWorker(int count)
{
    m_inFlight = std::max(0, m_inFlight - count);
    Q_EMIT written(count);
}

} // namespace fenzhang
