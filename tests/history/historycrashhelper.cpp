// history_crash_helper PATH: commits three look-ups to the history at PATH, then, inside an open
// transaction that has deleted them and written megabytes more (enough for SQLite to spill pages
// into the WAL), dies with std::abort(). tst_historystore checks that reopening finds exactly the
// committed three.

#include "history/historystore.h"

#include <cstdio>
#include <cstdlib>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);

    fenzhang::HistoryStore store;
    if (!store.open(path))
        return 3;
    for (int i = 1; i <= 3; ++i) {
        fenzhang::HistoryEntry entry;
        entry.lookedUpAt = QDateTime::currentDateTime();
        entry.profile = u"crash"_s;
        entry.subMchid = u"1900000109"_s;
        entry.outOrderNo = u"COMMITTED-%1"_s.arg(i);
        entry.resultKind = u"ok"_s;
        if (!store.add(entry))
            return 4;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
    db.setDatabaseName(path);
    if (!db.open())
        return 5;
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s) || !q.exec(u"DELETE FROM lookups"_s))
        return 6;
    q.prepare(u"INSERT INTO lookups (looked_up_at_utc, utc_offset, lookup, out_order_no, body) VALUES (?, 0, "
              u"'order', ?, ?)"_s);
    const QByteArray filler(4096, 'x');
    for (int i = 0; i < 3000; ++i) {
        q.bindValue(0, qint64(i));
        q.bindValue(1, u"UNCOMMITTED-%1"_s.arg(i));
        q.bindValue(2, filler);
        if (!q.exec())
            return 7;
    }
    std::fputs("in-transaction\n", stdout);
    std::fflush(stdout);
#ifdef Q_OS_WIN
    // MinGW's abort() (msvcrt) exits with status 3, an ordinary exit to QProcess; end the way the UCRT's
    // abort() does, with the fail-fast status (STATUS_STACK_BUFFER_OVERRUN), which QProcess calls a crash.
    TerminateProcess(GetCurrentProcess(), 0xC0000409);
#endif
    std::abort();
}
