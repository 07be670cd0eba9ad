#pragma once

// Writes history entries on a thread of its own, so a locked database (another program holding
// the lock, SQLite's busy timeout waiting for it) never stops the GUI thread. One QThread owns one
// SQLite connection (its own HistoryStore), opened there on first use; the GUI keeps a separate
// connection for reading (search, count, purge, clear), which WAL lets run beside the writer.
//
// Entries handed to write() are queued in the worker; a failed write keeps them and tries again
// every retryIntervalMs until it succeeds, reporting the first failure of each run through
// failed(). written() says how many landed. Signals arrive on the thread the writer was made on.

#include "history/historystore.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace fenzhang {

class HistoryWriterWorker;

class HistoryWriter final : public QObject {
    Q_OBJECT
public:
    static constexpr int retryIntervalMs = 500;

    explicit HistoryWriter(QObject *parent = nullptr);
    // Tries once more to write what is queued (waiting for that), then stops the thread.
    ~HistoryWriter() override;

    // The database the worker writes to from now on (opened there lazily); nothing blocks.
    void setDatabase(const QString &path, const HistoryOptions &options);
    // Queues the entries on the worker; returns at once.
    void write(const QList<HistoryEntry> &entries);
    // Entries handed to write() and not written yet.
    int inFlight() const { return m_inFlight; }

    // Waits up to timeoutMs (-1: as long as it takes) while the worker tries to write what is
    // queued now; true when it did and nothing is left. For what needs the entries written first
    // (a search that should show them, Clear); a locked database may keep it the busy timeout.
    bool drain(int timeoutMs);
    // Blocking: the worker stops trying, closes its connection and hands back what it still held
    // (for Start afresh, which moves the file aside). setDatabase() starts it again.
    QList<HistoryEntry> stop();

Q_SIGNALS:
    void written(int count);
    void failed(const fenzhang::HistoryError &error);

private:
    friend class HistoryWriterWorker;
    void onWrittenFromWorker(int count);

    QThread m_thread;
    HistoryWriterWorker *m_worker; // lives in m_thread; deleted there when it finishes
    int m_inFlight = 0;
};

} // namespace fenzhang
