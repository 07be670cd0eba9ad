#pragma once

// The local history of look-ups: SQLite through Qt SQL, in the app's data folder, WAL journal and
// one transaction per write so a crash loses nothing committed, schema versioned with
// PRAGMA user_version. Search by any number, filter by date and state, page; retention purge on
// open and on demand; clear. A corrupt or locked database is a HistoryError value, never a crash.
// Lives on one thread (the GUI's); every call is short.

#include "expected.h"
#include "history/historyentry.h"

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QSqlError;

namespace fenzhang {

struct HistoryOptions {
    int retentionDays = 180;  // <= 0: keep forever
    int busyTimeoutMs = 3000; // how long a write waits for another connection's lock
};

struct HistoryError {
    enum class Kind {
        NotOpen,
        Corrupt, // not a database, or a damaged one: offer moveAside()
        Locked,  // another program holds it
        TooNew,  // written by a newer Fenzhang Desk
        Io,      // cannot create or write the file
        Other,
    };
    Kind kind = Kind::Other;
    QString message; // translated, complete: shown as is
};

class HistoryStore final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::HistoryStore)
public:
    static constexpr int schemaVersion = 2;
    static constexpr int defaultRetentionDays = 180;

    using Options = HistoryOptions;

    HistoryStore();
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // AppDataLocation/history.sqlite3
    static QString defaultPath();

    // Opens (creating it and its folder when missing), upgrades the schema, purges by retention.
    Expected<void, HistoryError> open(const QString &path, const Options &options = {});
    Expected<void, HistoryError> open() { return open(defaultPath()); }
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    int retentionDays() const { return m_options.retentionDays; }
    void setRetentionDays(int days) { m_options.retentionDays = days; }

    Expected<qint64, HistoryError> add(const HistoryEntry &entry);
    Expected<qint64, HistoryError> add(const LookupResult &result, const QString &profile,
                                       const QString &source);
    // All or nothing, in one transaction: a batch's results.
    Expected<QList<qint64>, HistoryError> addAll(const QList<HistoryEntry> &entries);

    Expected<QList<HistoryEntry>, HistoryError> search(const HistoryFilter &filter) const;
    Expected<int, HistoryError> count(const HistoryFilter &filter) const; // ignores offset/limit
    Expected<HistoryEntry, HistoryError> entry(qint64 id) const;

    // Deletes entries older than the retention; returns how many.
    Expected<int, HistoryError> purge();
    Expected<int, HistoryError> purgeOlderThan(const QDateTime &cutoff);
    Expected<int, HistoryError> clear();

    // The stored answer parsed again; an entry without a verified body comes back as what it was
    // (an error, a network failure) with its codes.
    static HistoricResult restore(const HistoryEntry &entry);

    // Renames an unusable database file (and its -wal/-shm) out of the way so a fresh one can be
    // made; returns the new name, empty on failure.
    static QString moveAside(const QString &path);

private:
    Expected<void, HistoryError> migrate();
    HistoryError errorFrom(const QSqlError &error, const QString &what) const;
    HistoryError notOpen() const;

    QString m_connection;
    QString m_path;
    Options m_options;
};

} // namespace fenzhang
