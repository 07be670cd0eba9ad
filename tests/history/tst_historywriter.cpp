// HistoryWriter (issue 15): history writes on a thread of their own. While another connection
// holds the database's lock the GUI thread's event loop keeps turning (a timer keeps ticking) as
// the writer waits and retries; once the lock is gone the entries land, none lost, none twice.

#include "history/historyrecorder.h"
#include "history/historywriter.h"
#include "historytestdata.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

LookupResult answered(const QString &outOrderNo)
{
    return testing::answeredLookup(outOrderNo);
}

// Counts the ticks of a 10 ms timer on this thread and the longest gap between two of them.
class Ticker final {
public:
    Ticker()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            ++m_ticks;
            m_longestGapMs = std::max(m_longestGapMs, m_sinceLast.restart());
        });
        m_sinceLast.start();
        m_timer.start();
    }
    int ticks() const { return m_ticks; }
    qint64 longestGapMs() const { return m_longestGapMs; }
    void reset()
    {
        m_ticks = 0;
        m_longestGapMs = 0;
        m_sinceLast.restart();
    }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    int m_ticks = 0;
    qint64 m_longestGapMs = 0;
};

} // namespace

class TestHistoryWriter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void locked_guiKeepsTurning_entriesLandOnceUnlocked();
    void stop_handsBackWhatWasNotWritten();
    void destruction_writesWhatIsQueued();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_reader;
    QString m_path;
};

void TestHistoryWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"history.sqlite3"_s);
    m_reader = std::make_unique<HistoryStore>(); // the GUI thread's own connection, as in the app
    QVERIFY(m_reader->open(m_path));
}

void TestHistoryWriter::cleanup()
{
    m_reader.reset();
    m_dir.reset();
}

void TestHistoryWriter::locked_guiKeepsTurning_entriesLandOnceUnlocked()
{
    HistoryWriter writer;
    HistoryOptions options;
    options.busyTimeoutMs = 3000; // the app's: each attempt waits 3 s for the lock, on the writer's thread
    writer.setDatabase(m_path, options);
    HistoryRecorder recorder(nullptr);
    recorder.setWriter(&writer);
    recorder.setFlushInterval(10);
    QSignalSpy failed(&recorder, &HistoryRecorder::failed);
    QSignalSpy written(&recorder, &HistoryRecorder::written);

    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
    other.setDatabaseName(m_path);
    QVERIFY(other.open());
    {
        QSqlQuery lock(other);
        QVERIFY(lock.exec(u"BEGIN EXCLUSIVE"_s));

        Ticker ticker;
        for (int i = 0; i < 5; ++i)
            recorder.record(answered(u"P%1"_s.arg(i)), u"batch"_s);
        QCOMPARE(recorder.pending(), 5);
        // The first attempt waits out the busy timeout and fails; the loop here turns meanwhile.
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<HistoryError>().kind, HistoryError::Kind::Locked);
        QVERIFY2(ticker.ticks() > 20, qPrintable(QString::number(ticker.ticks())));
        // A GUI thread that waited on the lock would show a gap of the whole busy timeout.
        QVERIFY2(ticker.longestGapMs() < options.busyTimeoutMs / 2,
                 qPrintable(QString::number(ticker.longestGapMs())));

        // Still locked: the writer keeps retrying (a second busy wait), still no freeze, one report.
        ticker.reset();
        QTest::qWait(options.busyTimeoutMs + 2 * HistoryWriter::retryIntervalMs);
        QVERIFY(ticker.longestGapMs() < options.busyTimeoutMs / 2);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(written.size(), 0);
        QCOMPARE(recorder.pending(), 5);
        QCOMPARE(*m_reader->count({}), 0); // reading beside the lock still works

        QVERIFY(lock.exec(u"ROLLBACK"_s));
    }
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"locker"_s);

    QVERIFY(written.wait(20000));
    QCOMPARE(written.at(0).at(0).toInt(), 5);
    QCOMPARE(recorder.pending(), 0);
    QCOMPARE(*m_reader->count({}), 5);
    QCOMPARE(failed.size(), 1);
}

void TestHistoryWriter::stop_handsBackWhatWasNotWritten()
{
    HistoryWriter writer; // no database yet: what is written waits in the worker
    writer.write({HistoryEntry::fromResult(answered(u"P1"_s), u"Shop"_s, u"single"_s),
                  HistoryEntry::fromResult(answered(u"P2"_s), u"Shop"_s, u"single"_s)});
    QCOMPARE(writer.inFlight(), 2);
    QVERIFY(!writer.drain(-1));
    const QList<HistoryEntry> left = writer.stop();
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(1).outOrderNo, u"P2"_s);
    QCOMPARE(writer.inFlight(), 0);

    HistoryRecorder recorder(nullptr);
    recorder.setWriter(&writer);
    recorder.requeue(left);
    QCOMPARE(recorder.pending(), 2);
    QSignalSpy written(&recorder, &HistoryRecorder::written);
    writer.setDatabase(m_path, {});
    QVERIFY(recorder.flush());
    QVERIFY(written.wait(20000));
    QCOMPARE(*m_reader->count({}), 2);
}

void TestHistoryWriter::destruction_writesWhatIsQueued()
{
    {
        HistoryWriter writer;
        writer.setDatabase(m_path, {});
        HistoryRecorder recorder(nullptr);
        recorder.setWriter(&writer);
        recorder.setFlushInterval(60'000);
        recorder.record(answered(u"P1"_s), u"single"_s);
    } // the recorder hands it over, the writer writes it before its thread ends
    QCOMPARE(*m_reader->count({}), 1);
}

QTEST_GUILESS_MAIN(TestHistoryWriter)
#include "tst_historywriter.moc"
