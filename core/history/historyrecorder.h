#pragma once

// Writes finished look-ups to the history without making the GUI thread wait on the disk for each
// one: results are buffered and committed together (one transaction) every flushIntervalMs, on
// flush() and on destruction. A batch of 1,000 look-ups thus costs a few commits, not 1,000 fsyncs.
// A failed write is reported once per kind through failed(); the results stay buffered and are
// tried again at the next flush, so a briefly locked database loses nothing.
// With a HistoryWriter (the desktop app), a flush hands the buffer to the writer's thread, which
// writes, retries and reports; the GUI thread then never waits on the database.

#include "history/historystore.h"
#include "history/historywriter.h"

#include <QObject>
#include <QTimer>

namespace fenzhang {

class HistoryRecorder final : public QObject {
    Q_OBJECT
public:
    explicit HistoryRecorder(HistoryStore *store, QObject *parent = nullptr);
    ~HistoryRecorder() override;

    void setProfile(const QString &profile) { m_profile = profile; }
    void setFlushInterval(int ms) { m_timer.setInterval(ms); }
    // From now on flush() hands the buffer to the writer instead of writing on this thread.
    void setWriter(HistoryWriter *writer);
    // Buffered here, or handed to the writer and not written yet.
    int pending() const { return int(m_buffer.size()) + (m_writer ? m_writer->inFlight() : 0); }
    // Entries taken back from a stopped writer: buffered again, first.
    void requeue(const QList<HistoryEntry> &entries);

    // source: "single", "batch" or "watch". Cancelled and never-sent look-ups are not history.
    void record(const LookupResult &result, const QString &source);
    // Writes everything buffered now; false when the store refused (see failed()).
    bool flush();

Q_SIGNALS:
    void failed(const fenzhang::HistoryError &error);
    void written(int count);

private:
    HistoryStore *m_store;
    HistoryWriter *m_writer = nullptr;
    QString m_profile;
    QList<HistoryEntry> m_buffer;
    QTimer m_timer;
    bool m_reported = false; // one message per run of failures, not one per flush
};

} // namespace fenzhang
