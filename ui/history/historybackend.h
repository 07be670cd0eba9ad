#pragma once

// The desktop app's one history: the store (opened lazily in the app's data folder), the buffered
// recorder every finished look-up goes through (source "single", "batch" or "watch"), and the
// retention setting. Pages listen to changed() to refresh, and show error() instead of crashing
// when the database is corrupt or locked; look-ups meanwhile are held and written once it opens.
// Writes go to a HistoryWriter thread (a locked database never freezes the window); reads use the
// GUI thread's own connection, which SQLite's WAL journal lets read beside the writer.

#include "history/historyrecorder.h"
#include "history/historystore.h"

#include <memory>
#include <QObject>

namespace fenzhang {

class HistoryBackend final : public QObject {
    Q_OBJECT
public:
    // An empty path means HistoryStore::defaultPath(); nothing is opened until first use.
    explicit HistoryBackend(const QString &path = {}, QObject *parent = nullptr);
    ~HistoryBackend() override;

    // Opens when not open yet; false with error() set when the database is unusable.
    bool ensureOpen();
    HistoryStore *store() { return &m_store; }
    QString path() const { return m_path; }
    // The last problem, translated and complete; empty when all is well.
    QString error() const { return m_error; }
    bool isCorrupt() const { return m_corrupt; }

    void setProfile(const QString &profile);
    void record(const LookupResult &result, const QString &source);
    // Writes what is buffered now (before a search, so the page shows the latest look-ups).
    void flush();
    // Look-ups recorded but not written yet: buffered, or held while error() is set.
    int pendingCount() const { return m_recorder->pending(); }

    int retentionDays() const;
    // Stores the setting and purges by it at once.
    void setRetentionDays(int days);
    // Deletes every entry; false with error() set on failure.
    bool clear();
    // Renames a corrupt database out of the way and starts afresh; returns the old file's new name.
    QString startAfresh();

    // Another writer (the watcher) added entries directly.
    void notifyChanged() { Q_EMIT changed(); }

    static constexpr int defaultRetentionDays = HistoryStore::defaultRetentionDays;

Q_SIGNALS:
    void changed();
    void errorChanged(const QString &message);

private:
    void setError(const QString &message, bool corrupt = false);

    QString m_path;
    HistoryStore m_store;
    // Writes on its own thread with its own connection; m_store is the GUI thread's reading one.
    std::unique_ptr<HistoryWriter> m_writer;
    std::unique_ptr<HistoryRecorder> m_recorder; // lives as long as the backend, holding what waits
    QString m_profile;
    QString m_error;
    bool m_corrupt = false;
    bool m_writeLocked = false; // the warning shown is the writer's "locked"
};

} // namespace fenzhang
