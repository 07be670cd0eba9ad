#include "history/historystore.h"
#include "lookup/lookupkind.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

QAtomicInt connectionCounter;

// SQLite primary result codes (extended codes carry them in the low byte).
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteIoErr = 10;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteCantOpen = 14;
constexpr int sqliteNotADb = 26;

const QString columns =
    u"looked_up_at_utc, utc_offset, profile, lookup, source, sub_mchid, transaction_id, "
    u"out_order_no, out_return_no, order_id, http_status, request_id, verified, result_kind, "
    u"state, receiver_results, receiver_count, total_fen, error_code, error_message, body, product"_s;

// Version 1. Later versions append steps; each runs in its own transaction with user_version.
const char *const schemaV1[] = {
    "CREATE TABLE lookups ("
    " id INTEGER PRIMARY KEY,"
    " looked_up_at_utc INTEGER NOT NULL," // ms since the epoch
    " utc_offset INTEGER NOT NULL,"       // seconds east of UTC, as it was seen
    " profile TEXT,"
    " lookup TEXT NOT NULL," // order | return
    " source TEXT,"
    " sub_mchid TEXT,"
    " transaction_id TEXT,"
    " out_order_no TEXT,"
    " out_return_no TEXT,"
    " order_id TEXT,"
    " http_status INTEGER NOT NULL DEFAULT 0,"
    " request_id TEXT,"
    " verified INTEGER NOT NULL DEFAULT 0,"
    " result_kind TEXT,"
    " state TEXT,"
    " receiver_results TEXT,"
    " receiver_count INTEGER NOT NULL DEFAULT 0,"
    " total_fen INTEGER NOT NULL DEFAULT 0,"
    " error_code TEXT,"
    " error_message TEXT,"
    " body BLOB)",
    "CREATE INDEX lookups_time ON lookups(looked_up_at_utc)",
};

// Version 2: the product each look-up was asked as (lookup/product.h). Rows of version 1 have none:
// their orders were asked as a service provider, their returns as a brand (all that version could).
const char *const schemaV2[] = {
    "ALTER TABLE lookups ADD COLUMN product TEXT",
};

struct SchemaStep {
    int version;
    const char *const *begin;
    const char *const *end;
};
const SchemaStep schemaSteps[] = {
    {1, std::begin(schemaV1), std::end(schemaV1)},
    {2, std::begin(schemaV2), std::end(schemaV2)},
};

HistoryEntry entryFrom(const QSqlQuery &q)
{
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.lookedUpAt =
        QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong()).toOffsetFromUtc(q.value(2).toInt());
    e.profile = q.value(3).toString();
    e.lookup = LookupKinds::fromName(q.value(4).toString()).value_or(LookupKind::Order);
    e.source = q.value(5).toString();
    e.subMchid = q.value(6).toString();
    e.transactionId = q.value(7).toString();
    e.outOrderNo = q.value(8).toString();
    e.outReturnNo = q.value(9).toString();
    e.orderId = q.value(10).toString();
    e.httpStatus = q.value(11).toInt();
    e.requestId = q.value(12).toString();
    e.verified = q.value(13).toBool();
    e.resultKind = q.value(14).toString();
    e.state = q.value(15).toString();
    e.receiverResults = q.value(16).toString();
    e.receiverCount = q.value(17).toInt();
    e.totalFen = q.value(18).toLongLong();
    e.errorCode = q.value(19).toString();
    e.errorMessage = q.value(20).toString();
    e.body = q.value(21).toByteArray();
    const std::optional<Product> product = Products::fromId(q.value(22).toString());
    e.product = product                          ? *product
                : e.lookup == LookupKind::Return ? Product::Brand
                                                 : Product::ServiceProvider;
    return e;
}

// "%" and "_" in a searched number are literal.
QString likePattern(const QString &number)
{
    QString escaped = number;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

struct Where {
    QString sql;
    QVariantList values;
};

Where whereFor(const HistoryFilter &filter)
{
    QStringList parts;
    Where where;
    const QString number = filter.number.trimmed();
    if (!number.isEmpty()) {
        parts.append(
            u"(sub_mchid LIKE ? ESCAPE '\\' OR transaction_id LIKE ? ESCAPE '\\' OR out_order_no LIKE ? "
            u"ESCAPE '\\' OR out_return_no LIKE ? ESCAPE '\\' OR order_id LIKE ? ESCAPE '\\' OR request_id "
            u"LIKE ? ESCAPE '\\')"_s);
        for (int i = 0; i < 6; ++i)
            where.values.append(likePattern(number));
    }
    if (filter.from.isValid()) {
        parts.append(u"looked_up_at_utc >= ?"_s);
        where.values.append(filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        parts.append(u"looked_up_at_utc < ?"_s);
        where.values.append(filter.to.toMSecsSinceEpoch());
    }
    if (!filter.state.isEmpty()) {
        parts.append(u"state = ?"_s);
        where.values.append(filter.state);
    }
    if (!filter.resultKinds.isEmpty()) {
        QStringList marks;
        for (const QString &kind : filter.resultKinds) {
            marks.append(u"?"_s);
            where.values.append(kind);
        }
        parts.append(u"result_kind IN (%1)"_s.arg(marks.join(u", "_s)));
    }
    if (filter.lookup) {
        parts.append(u"lookup = ?"_s);
        where.values.append(LookupKinds::name(*filter.lookup));
    }
    if (!parts.isEmpty())
        where.sql = u" WHERE "_s + parts.join(u" AND "_s);
    return where;
}

} // namespace

HistoryStore::HistoryStore()
    : m_connection(u"fenzhang-history-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

HistoryStore::~HistoryStore()
{
    close();
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite3"_s;
}

bool HistoryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void HistoryStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

HistoryError HistoryStore::notOpen() const
{
    return {HistoryError::Kind::NotOpen, tr("The history is not open.")};
}

HistoryError HistoryStore::errorFrom(const QSqlError &error, const QString &what) const
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    HistoryError result;
    switch (code) {
    case sqliteBusy:
    case sqliteLocked:
        result.kind = HistoryError::Kind::Locked;
        result.message =
            tr("The history (%1) is in use by another program, so %2 is not possible now. Close the "
               "other program and try again.")
                .arg(QDir::toNativeSeparators(m_path), what);
        break;
    case sqliteCorrupt:
    case sqliteNotADb:
        result.kind = HistoryError::Kind::Corrupt;
        result.message =
            tr("The history file %1 is damaged or is not a history file (%2). It can be moved aside "
               "and a new, empty history started.")
                .arg(QDir::toNativeSeparators(m_path), error.databaseText());
        break;
    case sqliteReadOnly:
    case sqliteIoErr:
    case sqliteCantOpen:
        result.kind = HistoryError::Kind::Io;
        result.message = tr("The history file %1 cannot be written (%2).")
                             .arg(QDir::toNativeSeparators(m_path), error.databaseText());
        break;
    default:
        result.kind = HistoryError::Kind::Other;
        result.message = tr("The history failed while %1: %2").arg(what, error.text());
        break;
    }
    return result;
}

Expected<void, HistoryError> HistoryStore::open(const QString &path, const Options &options)
{
    close();
    m_path = path;
    m_options = options;
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
        return unexpected(HistoryError{HistoryError::Kind::Other, tr("Qt's SQLite driver is missing.")});
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return unexpected(HistoryError{
            HistoryError::Kind::Io,
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()))});

    std::optional<HistoryError> error;
    {
        // Scoped: close() below must find no QSqlDatabase or QSqlQuery still using the connection.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(std::max(0, options.busyTimeoutMs)));
        if (!db.open()) {
            error = errorFrom(db.lastError(), tr("opening it"));
        } else {
            // SQLite opens lazily: the first statement is where a garbage file shows.
            QSqlQuery q(db);
            if (!q.exec(u"PRAGMA journal_mode=WAL"_s))
                error = errorFrom(q.lastError(), tr("opening it"));
            else // FULL: a committed transaction survives a power cut too, not only a crash.
                q.exec(u"PRAGMA synchronous=FULL"_s);
        }
    }
    if (error) {
        close();
        return unexpected(*error);
    }
    if (auto migrated = migrate(); !migrated) {
        close();
        return migrated;
    }
    if (auto purged = purge(); !purged) {
        // A locked database may still be read; the purge is tried again next time.
        if (purged.error().kind != HistoryError::Kind::Locked) {
            close();
            return unexpected(purged.error());
        }
    }
    return {};
}

Expected<void, HistoryError> HistoryStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return unexpected(errorFrom(q.lastError(), tr("reading its version")));
    const int version = q.value(0).toInt();
    q.finish();
    if (version > schemaVersion)
        return unexpected(HistoryError{
            HistoryError::Kind::TooNew,
            tr("The history file %1 was written by a newer version of Fenzhang Desk (schema %2).")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(version)});
    if (version == schemaVersion)
        return {};

    // Each step from the file's version on, in its own transaction with its user_version.
    const QString what = version == 0 ? tr("creating it") : tr("updating it to this version");
    for (const SchemaStep &step : schemaSteps) {
        if (step.version <= version)
            continue;
        if (!db.transaction())
            return unexpected(errorFrom(db.lastError(), what));
        for (const char *const *statement = step.begin; statement != step.end; ++statement) {
            if (!q.exec(QString::fromLatin1(*statement))) {
                const HistoryError error = errorFrom(q.lastError(), what);
                db.rollback();
                return unexpected(error);
            }
        }
        if (!q.exec(u"PRAGMA user_version = %1"_s.arg(step.version)) || !db.commit()) {
            const HistoryError error =
                errorFrom(q.lastError().isValid() ? q.lastError() : db.lastError(), what);
            db.rollback();
            return unexpected(error);
        }
    }
    return {};
}

Expected<qint64, HistoryError> HistoryStore::add(const LookupResult &result, const QString &profile,
                                                 const QString &source)
{
    return add(HistoryEntry::fromResult(result, profile, source));
}

Expected<qint64, HistoryError> HistoryStore::add(const HistoryEntry &entry)
{
    auto ids = addAll({entry});
    if (!ids)
        return unexpected(ids.error());
    return ids->constFirst();
}

Expected<QList<qint64>, HistoryError> HistoryStore::addAll(const QList<HistoryEntry> &entries)
{
    if (!isOpen())
        return unexpected(notOpen());
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QString what = tr("saving a look-up");
    if (!db.transaction())
        return unexpected(errorFrom(db.lastError(), what));
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO lookups ("_s + columns +
              u") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    QList<qint64> ids;
    ids.reserve(entries.size());
    for (const HistoryEntry &e : entries) {
        const QDateTime when = e.lookedUpAt.isValid() ? e.lookedUpAt : QDateTime::currentDateTime();
        const QVariantList values = {when.toMSecsSinceEpoch(),
                                     when.offsetFromUtc(),
                                     e.profile,
                                     LookupKinds::name(e.lookup),
                                     e.source,
                                     e.subMchid,
                                     e.transactionId,
                                     e.outOrderNo,
                                     e.outReturnNo,
                                     e.orderId,
                                     e.httpStatus,
                                     e.requestId,
                                     e.verified ? 1 : 0,
                                     e.resultKind,
                                     e.state,
                                     e.receiverResults,
                                     e.receiverCount,
                                     e.totalFen,
                                     e.errorCode,
                                     e.errorMessage,
                                     e.body.isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                                                     : QVariant(e.body),
                                     Products::id(e.product)};
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!q.exec()) {
            const HistoryError error = errorFrom(q.lastError(), what);
            db.rollback();
            return unexpected(error);
        }
        ids.append(q.lastInsertId().toLongLong());
    }
    if (!db.commit()) {
        const HistoryError error = errorFrom(db.lastError(), what);
        db.rollback();
        return unexpected(error);
    }
    return ids;
}

Expected<QList<HistoryEntry>, HistoryError> HistoryStore::search(const HistoryFilter &filter) const
{
    if (!isOpen())
        return unexpected(notOpen());
    const Where where = whereFor(filter);
    QString sql = u"SELECT id, "_s + columns + u" FROM lookups"_s + where.sql +
                  u" ORDER BY looked_up_at_utc DESC, id DESC"_s;
    if (filter.limit > 0)
        sql += u" LIMIT %1 OFFSET %2"_s.arg(filter.limit).arg(std::max(0, filter.offset));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < where.values.size(); ++i)
        q.bindValue(i, where.values.at(i));
    if (!q.exec())
        return unexpected(errorFrom(q.lastError(), tr("searching")));
    QList<HistoryEntry> entries;
    while (q.next())
        entries.append(entryFrom(q));
    return entries;
}

Expected<int, HistoryError> HistoryStore::count(const HistoryFilter &filter) const
{
    if (!isOpen())
        return unexpected(notOpen());
    const Where where = whereFor(filter);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT COUNT(*) FROM lookups"_s + where.sql);
    for (int i = 0; i < where.values.size(); ++i)
        q.bindValue(i, where.values.at(i));
    if (!q.exec() || !q.next())
        return unexpected(errorFrom(q.lastError(), tr("searching")));
    return q.value(0).toInt();
}

Expected<HistoryEntry, HistoryError> HistoryStore::entry(qint64 id) const
{
    if (!isOpen())
        return unexpected(notOpen());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT id, "_s + columns + u" FROM lookups WHERE id = ?"_s);
    q.bindValue(0, id);
    if (!q.exec())
        return unexpected(errorFrom(q.lastError(), tr("reading an entry")));
    if (!q.next())
        return unexpected(
            HistoryError{HistoryError::Kind::Other, tr("History entry %1 no longer exists.").arg(id)});
    return entryFrom(q);
}

Expected<int, HistoryError> HistoryStore::purge()
{
    if (m_options.retentionDays <= 0)
        return 0;
    return purgeOlderThan(QDateTime::currentDateTimeUtc().addDays(-m_options.retentionDays));
}

Expected<int, HistoryError> HistoryStore::purgeOlderThan(const QDateTime &cutoff)
{
    if (!isOpen())
        return unexpected(notOpen());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"DELETE FROM lookups WHERE looked_up_at_utc < ?"_s);
    q.bindValue(0, cutoff.toMSecsSinceEpoch());
    if (!q.exec())
        return unexpected(errorFrom(q.lastError(), tr("removing old entries")));
    return q.numRowsAffected();
}

Expected<int, HistoryError> HistoryStore::clear()
{
    if (!isOpen())
        return unexpected(notOpen());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(u"DELETE FROM lookups"_s))
        return unexpected(errorFrom(q.lastError(), tr("clearing it")));
    const int removed = q.numRowsAffected();
    // Cleared means gone from the disk too, not only unlisted.
    q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    q.exec(u"VACUUM"_s);
    return removed;
}

QString HistoryStore::moveAside(const QString &path)
{
    const QString target =
        path + u".broken-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    if (!QFile::rename(path, target))
        return {};
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

} // namespace fenzhang
