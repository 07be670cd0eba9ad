// Bad local files the history database can meet beyond a file of garbage (tests/history): pages
// damaged after a crash or a bad disk, a file cut short, a table of the wrong shape under the
// right schema version, a folder where the file should be. Each must be an error value with a
// message, never a crash, and moving the file aside must keep every byte of it.

#include "history/historystore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

HistoryEntry entry(int i)
{
    HistoryEntry e;
    e.lookedUpAt = QDateTime::currentDateTime().addSecs(-i);
    e.profile = u"Shop A"_s;
    e.source = u"batch"_s;
    e.subMchid = u"1900000109"_s;
    e.transactionId = u"4208450740201411110007820472"_s;
    e.outOrderNo = u"P%1"_s.arg(i);
    e.resultKind = u"network_error"_s;
    e.errorMessage = QString(200, u'x'); // rows big enough to span many pages
    return e;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Every operation either works or is an error value that says something.
void exercise(HistoryStore &store)
{
    const auto found = store.search(HistoryFilter());
    if (!found)
        QVERIFY(!found.error().message.isEmpty());
    const auto counted = store.count(HistoryFilter());
    if (!counted)
        QVERIFY(!counted.error().message.isEmpty());
    const auto added = store.add(entry(9999));
    if (!added)
        QVERIFY(!added.error().message.isEmpty());
    const auto purged = store.purge();
    if (!purged)
        QVERIFY(!purged.error().message.isEmpty());
}

} // namespace

class TestLocalFaults final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void history_damagedFile_errorValue_moveAsideKeepsBytes_data();
    void history_damagedFile_errorValue_moveAsideKeepsBytes();
    void history_wrongTableShape_errorValue();
    void history_pathIsAFolder_errorValue();

private:
    void makeHistory(int rows);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestLocalFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLocalFaults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"history.sqlite3"_s);
}

void TestLocalFaults::cleanup()
{
    m_dir.reset();
}

void TestLocalFaults::makeHistory(int rows)
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    QList<HistoryEntry> entries;
    for (int i = 0; i < rows; ++i)
        entries << entry(i);
    QVERIFY(store.addAll(entries));
    store.close();
    QVERIFY(!QFile::exists(m_path + u"-wal"_s) || QFileInfo(m_path + u"-wal"_s).size() == 0);
}

void TestLocalFaults::history_damagedFile_errorValue_moveAsideKeepsBytes_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("pages overwritten in the middle") << u"overwrite"_s;
    QTest::newRow("cut to half its size") << u"truncate"_s;
    QTest::newRow("header intact, the rest zeroed") << u"zero"_s;
}

void TestLocalFaults::history_damagedFile_errorValue_moveAsideKeepsBytes()
{
    QFETCH(QString, damage);
    makeHistory(500);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > 16 * 4096);
    if (damage == u"overwrite"_s) {
        QVERIFY(file.seek(size / 3));
        file.write(QByteArray(3 * 4096, '\xA5'));
    } else if (damage == u"truncate"_s) {
        QVERIFY(file.resize(size / 2));
    } else {
        QVERIFY(file.seek(100));
        file.write(QByteArray(size - 100, '\0'));
    }
    file.close();

    HistoryStore store;
    const auto opened = store.open(m_path);
    if (!opened) {
        QVERIFY(!opened.error().message.isEmpty());
        QVERIFY(!store.isOpen());
    }
    exercise(store);
    // At least one of the reads sees the damage.
    const auto all = store.search(HistoryFilter{});
    QVERIFY(opened || !all || all->size() < 500);
    store.close();

    const QByteArray before = fileHash(m_path);
    const QString aside = HistoryStore::moveAside(m_path);
    QVERIFY(!aside.isEmpty());
    QCOMPARE(fileHash(aside), before); // moved, not rewritten: nothing of what was there is lost
    HistoryStore fresh;
    QVERIFY(fresh.open(m_path));
    QVERIFY(fresh.add(entry(1)));
}

void TestLocalFaults::history_wrongTableShape_errorValue()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"shape"_s);
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE lookups (id INTEGER PRIMARY KEY, note TEXT)"_s));
        QVERIFY(query.exec(u"INSERT INTO lookups (note) VALUES ('kept')"_s));
        QVERIFY(query.exec(u"PRAGMA user_version = %1"_s.arg(HistoryStore::schemaVersion)));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"shape"_s);

    HistoryStore store;
    const auto opened = store.open(m_path);
    if (!opened)
        QVERIFY(!opened.error().message.isEmpty());
    exercise(store);
    const auto added = store.add(entry(1));
    QVERIFY(!added); // the columns are not there: an error, not a crash
    QVERIFY(!added.error().message.isEmpty());
}

void TestLocalFaults::history_pathIsAFolder_errorValue()
{
    QVERIFY(QDir().mkpath(m_path));
    HistoryStore store;
    const auto opened = store.open(m_path);
    QVERIFY(!opened);
    QVERIFY(!opened.error().message.isEmpty());
    QVERIFY(!store.isOpen());
    exercise(store);
    QVERIFY(QFileInfo(m_path).isDir()); // left as it was
}

QTEST_GUILESS_MAIN(TestLocalFaults)
#include "tst_localfaults.moc"
