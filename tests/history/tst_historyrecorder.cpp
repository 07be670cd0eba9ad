// HistoryRecorder: buffered writes committed together, kept and retried while the database is
// locked (one failure report), flushed on destruction, cancelled look-ups skipped.

#include "history/historyrecorder.h"
#include "historytestdata.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

LookupResult answered(const QString &outOrderNo)
{
    return testing::answeredLookup(outOrderNo);
}

} // namespace

class TestHistoryRecorder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void record_buffersThenCommitsTogether();
    void flush_whileLocked_keepsRetriesAndReportsOnce();
    void destruction_flushes();
    void cancelledAndInvalid_notRecorded();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
};

void TestHistoryRecorder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<HistoryStore>();
    HistoryOptions options;
    options.busyTimeoutMs = 20;
    QVERIFY(m_store->open(m_dir->filePath(u"history.sqlite3"_s), options));
}

void TestHistoryRecorder::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestHistoryRecorder::record_buffersThenCommitsTogether()
{
    HistoryRecorder recorder(m_store.get());
    recorder.setProfile(u"Shop A"_s);
    recorder.setFlushInterval(10);
    QSignalSpy written(&recorder, &HistoryRecorder::written);
    for (int i = 0; i < 3; ++i)
        recorder.record(answered(u"P%1"_s.arg(i)), u"batch"_s);
    QCOMPARE(recorder.pending(), 3);
    QCOMPARE(*m_store->count({}), 0);
    QVERIFY(written.wait(5000));
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.at(0).at(0).toInt(), 3);
    QCOMPARE(*m_store->count({}), 3);
    QCOMPARE(m_store->search({})->constFirst().profile, u"Shop A"_s);
    QCOMPARE(m_store->search({})->constFirst().source, u"batch"_s);
}

void TestHistoryRecorder::flush_whileLocked_keepsRetriesAndReportsOnce()
{
    HistoryRecorder recorder(m_store.get());
    recorder.setFlushInterval(60'000);
    QSignalSpy failed(&recorder, &HistoryRecorder::failed);
    recorder.record(answered(u"P1"_s), u"single"_s);
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        other.setDatabaseName(m_store->path());
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY(!recorder.flush());
        QVERIFY(!recorder.flush());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<HistoryError>().kind, HistoryError::Kind::Locked);
        QCOMPARE(recorder.pending(), 1);
        QVERIFY(q.exec(u"ROLLBACK"_s));
        other.close();
    }
    QSqlDatabase::removeDatabase(u"locker"_s);
    QVERIFY(recorder.flush());
    QCOMPARE(recorder.pending(), 0);
    QCOMPARE(*m_store->count({}), 1);
}

void TestHistoryRecorder::destruction_flushes()
{
    {
        HistoryRecorder recorder(m_store.get());
        recorder.setFlushInterval(60'000);
        recorder.record(answered(u"P1"_s), u"single"_s);
        QCOMPARE(*m_store->count({}), 0);
    }
    QCOMPARE(*m_store->count({}), 1);
}

void TestHistoryRecorder::cancelledAndInvalid_notRecorded()
{
    HistoryRecorder recorder(m_store.get());
    LookupResult cancelled = answered(u"P1"_s);
    cancelled.kind = LookupResult::Kind::Cancelled;
    LookupResult invalid = answered(u"P 2"_s);
    invalid.kind = LookupResult::Kind::InvalidInput;
    recorder.record(cancelled, u"batch"_s);
    recorder.record(invalid, u"batch"_s);
    QCOMPARE(recorder.pending(), 0);
    QVERIFY(recorder.flush());
    QCOMPARE(*m_store->count({}), 0);
}

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
