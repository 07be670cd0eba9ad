// HistoryStore: persistence across a restart, a crash mid-transaction, corrupt and locked files,
// search by any number, date/state filters and paging, retention, clear, restoring a past result.

#include "history/historystore.h"

#include <limits>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

namespace {

const QByteArray orderBody =
    R"({"sub_mchid":"1900000109","transaction_id":"4208450740202511201234567890","out_order_no":"P20251120_001",
"order_id":"3008450740201411110007820472","state":"FINISHED","receivers":[
{"amount":12800,"description":"平台服务费","type":"MERCHANT_ID","account":"1900000110","result":"SUCCESS",
"create_time":"2025-11-20T10:15:30+08:00","finish_time":"2025-11-20T10:16:02+08:00","detail_id":"36011111111111111111111"},
{"amount":250,"description":"佣金","type":"PERSONAL_OPENID","account":"oUpF8u","result":"CLOSED","fail_reason":"NO_RELATION",
"create_time":"2025-11-20T10:15:30+08:00","finish_time":"2025-11-20T10:16:02+08:00","detail_id":"36011111111111111111112"}]})"_ba;

const QByteArray returnBody =
    R"({"sub_mchid":"1900000109","order_id":"3008450740201411110007820472","out_order_no":"P20251120_001",
"out_return_no":"R20251121001","return_no":"3008450740201411110007820473","return_mchid":"86693852","amount":10,
"result":"PROCESSING","finish_time":"2025-11-21T10:16:02+08:00"})"_ba;

// Hour `hour` in Shanghai on a day of a month ending 10 days ago (inside the default retention).
QDateTime shanghai(int day, int hour)
{
    static const QDate base = QDate::currentDate().addDays(-40);
    // No Qt::TimeSpec: that constructor is deprecated from Qt 6.9.
    return QDateTime::fromString(base.addDays(day).toString(Qt::ISODate) +
                                     u"T%1:00:00+08:00"_s.arg(hour, 2, 10, QChar(u'0')),
                                 Qt::ISODate);
}

LookupResult orderResult(const QDateTime &when)
{
    LookupResult r;
    r.kind = LookupResult::Kind::Ok;
    r.query = OrderQuery{u"1900000109"_s, u"4208450740202511201234567890"_s, u"P20251120_001"_s};
    r.response.outcome = ApiResponse::Outcome::Success;
    r.response.httpStatus = 200;
    r.response.requestId = "08DE9A1B2C3D-REQ-ORDER"_ba;
    r.response.verified = true;
    r.response.body = orderBody;
    // What the client saw; the store must never keep headers, let alone a request's Authorization.
    r.response.headers = {{"Wechatpay-Serial"_ba, "PUB_KEY_ID_0114232"_ba}};
    r.answer = OrderResult::fromJson(orderBody, Product::ServiceProvider).value();
    r.lookedUpAt = when;
    return r;
}

LookupResult returnResult(const QDateTime &when)
{
    LookupResult r;
    r.kind = LookupResult::Kind::Ok;
    r.query = ReturnQuery{u"1900000109"_s, u"R20251121001"_s, u"3008450740201411110007820472"_s, QString(),
                          Product::Brand};
    r.response.httpStatus = 200;
    r.response.requestId = "08DE9A1B2C3D-REQ-RETURN"_ba;
    r.response.verified = true;
    r.response.body = returnBody;
    r.answer = ReturnResult::fromJson(returnBody, Product::Brand).value();
    r.lookedUpAt = when;
    return r;
}

LookupResult errorResult(const QDateTime &when)
{
    LookupResult r;
    r.kind = LookupResult::Kind::ApiError;
    r.query = OrderQuery{u"1900000111"_s, u"4208450740202511209999999999"_s, u"MISSING-1"_s};
    r.response.httpStatus = 404;
    r.response.requestId = "08DE9A1B2C3D-REQ-404"_ba;
    r.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    r.response.errorMessage = u"记录不存在"_s;
    r.lookedUpAt = when;
    return r;
}

} // namespace

class TestHistoryStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void defaultPath_isInAppDataFolder();
    void fromResult_hugeTotals_saturate();
    void add_persistsAcrossRestart_andRestores();
    void add_neverStoresHeadersOrUnverifiedBodies();
    void search_byAnyNumber_data();
    void search_byAnyNumber();
    void filter_dateRangeStateKind_andPaging();
    void retention_purgesOnOpenAndOnDemand();
    void clear_removesEverything();
    void open_garbageFile_isCorruptError_moveAsideRecovers();
    void write_whileAnotherConnectionHoldsTheLock_isLockedError();
    void open_newerSchema_isTooNewError();
    void open_version1File_isUpdatedAndKeepsItsProducts();
    void products_andAmounts_roundTrip();
    void crashMidTransaction_losesNothingCommitted();
    void notOpen_isAnErrorValue();

private:
    void fill(HistoryStore &store);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestHistoryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"sub/history.sqlite3"_s);
}

void TestHistoryStore::cleanup()
{
    m_dir.reset();
}

void TestHistoryStore::fill(HistoryStore &store)
{
    QVERIFY(store.add(orderResult(shanghai(20, 10)), u"Shop A"_s, u"single"_s));
    QVERIFY(store.add(returnResult(shanghai(21, 10)), u"Shop A"_s, u"batch"_s));
    QVERIFY(store.add(errorResult(shanghai(22, 10)), u"Shop B"_s, u"batch"_s));
}

// Issue 15.10: an order whose receiver results each total INT64_MAX fen used to wrap the entry's
// total to a negative number; it now stops at INT64_MAX.
void TestHistoryStore::fromResult_hugeTotals_saturate()
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    LookupResult r = orderResult(shanghai(1, 10));
    r.order()->receivers[0].amount = max; // SUCCESS
    r.order()->receivers[1].amount = max; // CLOSED
    const HistoryEntry entry = HistoryEntry::fromResult(r, u"p"_s, u"single"_s);
    QCOMPARE(entry.totalFen, max);
    QCOMPARE(entry.receiverResults, u"SUCCESS:1,CLOSED:1"_s);
}

void TestHistoryStore::defaultPath_isInAppDataFolder()
{
    const QString path = HistoryStore::defaultPath();
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(path.endsWith(u"history.sqlite3"_s));
}

void TestHistoryStore::add_persistsAcrossRestart_andRestores()
{
    qint64 orderId = 0;
    {
        HistoryStore store;
        QVERIFY(store.open(m_path));
        auto id = store.add(orderResult(shanghai(20, 10)), u"Shop A"_s, u"single"_s);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        orderId = *id;
    }
    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto entry = store.entry(orderId);
    QVERIFY2(entry, entry ? "" : qPrintable(entry.error().message));
    QCOMPARE(entry->profile, u"Shop A"_s);
    QCOMPARE(entry->source, u"single"_s);
    QCOMPARE(entry->lookedUpAt, shanghai(20, 10));
    QCOMPARE(entry->lookedUpAt.offsetFromUtc(), 8 * 3600);
    QCOMPARE(entry->outOrderNo, u"P20251120_001"_s);
    QCOMPARE(entry->orderId, u"3008450740201411110007820472"_s);
    QCOMPARE(entry->httpStatus, 200);
    QCOMPARE(entry->requestId, u"08DE9A1B2C3D-REQ-ORDER"_s);
    QVERIFY(entry->verified);
    QCOMPARE(entry->state, u"FINISHED"_s);
    QCOMPARE(entry->receiverCount, 2);
    QCOMPARE(entry->totalFen, 13050);
    QCOMPARE(entry->receiverResults, u"SUCCESS:1,CLOSED:1"_s);
    QCOMPARE(entry->body, orderBody);

    const HistoricResult historic = HistoryStore::restore(*entry);
    QVERIFY(historic.fromHistory);
    QCOMPARE(historic.lookedUpAt, shanghai(20, 10));
    QCOMPARE(historic.result.kind, LookupResult::Kind::Ok);
    QVERIFY(historic.result.order());
    QCOMPARE(historic.result.order()->receivers.size(), 2);
    QCOMPARE(historic.result.order()->receivers.at(1).failReason, u"NO_RELATION"_s);
    QCOMPARE(historic.result.query.order()->transactionId, u"4208450740202511201234567890"_s);
    QVERIFY(historic.result.isFinal());
}

void TestHistoryStore::add_neverStoresHeadersOrUnverifiedBodies()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    LookupResult unverified = orderResult(shanghai(20, 10));
    unverified.kind = LookupResult::Kind::VerificationFailed;
    unverified.response.verified = false;
    unverified.response.body = "UNTRUSTED-BODY-MARKER"_ba;
    unverified.answer.reset();
    auto id = store.add(unverified, u"Shop A"_s, u"single"_s);
    QVERIFY(id);
    QVERIFY(store.entry(*id)->body.isEmpty());
    QCOMPARE(HistoryStore::restore(*store.entry(*id)).result.kind, LookupResult::Kind::VerificationFailed);
    store.close();
    for (const QString &file : QStringList{m_path, m_path + u"-wal"_s}) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("UNTRUSTED-BODY-MARKER"));
        QVERIFY(!bytes.contains("PUB_KEY_ID_0114232")); // no header was kept
    }
}

void TestHistoryStore::search_byAnyNumber_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("matches");
    QTest::newRow("sub_mchid") << u"1900000109"_s << 2;
    QTest::newRow("transaction_id") << u"4208450740202511201234567890"_s << 1;
    QTest::newRow("out_order_no, both") << u"P20251120_001"_s << 1; // the return was looked up by order_id
    QTest::newRow("out_return_no") << u"R20251121001"_s << 1;
    QTest::newRow("order_id: order answer and return query") << u"3008450740201411110007820472"_s << 2;
    QTest::newRow("request id") << u"08DE9A1B2C3D-REQ-404"_s << 1;
    QTest::newRow("part of a number") << u"REQ"_s << 3;
    QTest::newRow("underscore is literal") << u"P20251120_0"_s << 1;
    QTest::newRow("percent is literal") << u"%"_s << 0;
    QTest::newRow("nothing") << u"7777777"_s << 0;
    QTest::newRow("spaces trimmed") << u"  MISSING-1 "_s << 1;
}

void TestHistoryStore::search_byAnyNumber()
{
    QFETCH(QString, number);
    QFETCH(int, matches);
    HistoryStore store;
    QVERIFY(store.open(m_path));
    fill(store);
    HistoryFilter filter;
    filter.number = number;
    auto found = store.search(filter);
    QVERIFY(found);
    QCOMPARE(found->size(), matches);
    QCOMPARE(*store.count(filter), matches);
}

void TestHistoryStore::filter_dateRangeStateKind_andPaging()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    fill(store);
    HistoryFilter filter;
    filter.from = shanghai(21, 0);
    filter.to = shanghai(22, 0);
    auto found = store.search(filter);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->constFirst().outReturnNo, u"R20251121001"_s);
    QCOMPARE(found->constFirst().state, u"PROCESSING"_s);

    filter = {};
    filter.state = u"FINISHED"_s;
    QCOMPARE(*store.count(filter), 1);
    filter = {};
    filter.lookup = LookupKind::Return;
    QCOMPARE(*store.count(filter), 1);

    // Newest first, two per page.
    filter = {};
    filter.limit = 2;
    auto page1 = store.search(filter);
    filter.offset = 2;
    auto page2 = store.search(filter);
    QVERIFY(page1 && page2);
    QCOMPARE(page1->size(), 2);
    QCOMPARE(page2->size(), 1);
    QCOMPARE(page1->at(0).lookedUpAt, shanghai(22, 10));
    QCOMPARE(page1->at(1).lookedUpAt, shanghai(21, 10));
    QCOMPARE(page2->at(0).lookedUpAt, shanghai(20, 10));
    QCOMPARE(*store.count(filter), 3);
}

void TestHistoryStore::retention_purgesOnOpenAndOnDemand()
{
    const QDateTime now = QDateTime::currentDateTime();
    {
        HistoryStore store;
        HistoryOptions keepAll;
        keepAll.retentionDays = 0;
        QVERIFY(store.open(m_path, keepAll));
        QVERIFY(store.add(orderResult(now.addDays(-200)), u"A"_s, u"single"_s));
        QVERIFY(store.add(orderResult(now.addDays(-100)), u"A"_s, u"single"_s));
        QVERIFY(store.add(orderResult(now.addDays(-1)), u"A"_s, u"single"_s));
        QCOMPARE(*store.count({}), 3);
    }
    HistoryStore store;
    QVERIFY(store.open(m_path)); // default 180 days
    QCOMPARE(store.retentionDays(), 180);
    QCOMPARE(*store.count({}), 2);
    store.setRetentionDays(30);
    QCOMPARE(*store.purge(), 1);
    QCOMPARE(*store.count({}), 1);
}

void TestHistoryStore::clear_removesEverything()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    fill(store);
    QCOMPARE(*store.clear(), 3);
    QCOMPARE(*store.count({}), 0);
    QVERIFY(store.add(orderResult(shanghai(20, 10)), u"A"_s, u"single"_s)); // still usable
}

void TestHistoryStore::open_garbageFile_isCorruptError_moveAsideRecovers()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile garbage(m_path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, '\x5a'));
    garbage.close();

    HistoryStore store;
    const auto opened = store.open(m_path);
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, HistoryError::Kind::Corrupt);
    QVERIFY(opened.error().message.contains(QFileInfo(m_path).fileName()));
    QVERIFY(!store.isOpen());
    QVERIFY(!store.add(orderResult(shanghai(20, 10)), u"A"_s, u"single"_s)); // a value, not a crash

    const QString aside = HistoryStore::moveAside(m_path);
    QVERIFY(!aside.isEmpty());
    QVERIFY(QFile::exists(aside));
    QVERIFY(store.open(m_path));
    QVERIFY(store.add(orderResult(shanghai(20, 10)), u"A"_s, u"single"_s));
}

void TestHistoryStore::write_whileAnotherConnectionHoldsTheLock_isLockedError()
{
    HistoryStore store;
    HistoryOptions options;
    options.busyTimeoutMs = 50;
    QVERIFY(store.open(m_path, options));
    fill(store);
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        other.setDatabaseName(m_path);
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY(q.exec(u"DELETE FROM lookups WHERE state = 'FINISHED'"_s));

        auto added = store.add(orderResult(shanghai(23, 10)), u"A"_s, u"single"_s);
        QVERIFY(!added);
        QCOMPARE(added.error().kind, HistoryError::Kind::Locked);
        QVERIFY(!added.error().message.isEmpty());
        // Reading still works in WAL mode, and sees only what was committed.
        QCOMPARE(*store.count({}), 3);

        QVERIFY(q.exec(u"ROLLBACK"_s));
        other.close();
    }
    QSqlDatabase::removeDatabase(u"other"_s);
    QVERIFY(store.add(orderResult(shanghai(23, 10)), u"A"_s, u"single"_s));
    QCOMPARE(*store.count({}), 4);
}

void TestHistoryStore::open_newerSchema_isTooNewError()
{
    {
        HistoryStore store;
        QVERIFY(store.open(m_path));
    }
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA user_version = 99"_s));
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    HistoryStore store;
    const auto opened = store.open(m_path);
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, HistoryError::Kind::TooNew);
}

void TestHistoryStore::open_version1File_isUpdatedAndKeepsItsProducts()
{
    // A file as version 1 wrote it: no product column; its orders were asked as a service provider,
    // its returns as a brand.
    QVERIFY(QDir().mkpath(QFileInfo(m_path).path()));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"CREATE TABLE lookups (id INTEGER PRIMARY KEY, looked_up_at_utc INTEGER NOT NULL, "
                       "utc_offset INTEGER NOT NULL, profile TEXT, lookup TEXT NOT NULL, source TEXT, sub_mchid TEXT, "
                       "transaction_id TEXT, out_order_no TEXT, out_return_no TEXT, order_id TEXT, http_status "
                       "INTEGER NOT NULL DEFAULT 0, request_id TEXT, verified INTEGER NOT NULL DEFAULT 0, result_kind "
                       "TEXT, state TEXT, receiver_results TEXT, receiver_count INTEGER NOT NULL DEFAULT 0, total_fen "
                       "INTEGER NOT NULL DEFAULT 0, error_code TEXT, error_message TEXT, body BLOB)"_s));
        QVERIFY(q.exec(u"CREATE INDEX lookups_time ON lookups(looked_up_at_utc)"_s));
        const qint64 when = shanghai(20, 10).toMSecsSinceEpoch();
        for (const auto &[lookup, body] : {std::pair{u"order"_s, orderBody}, std::pair{u"return"_s, returnBody}}) {
            QVERIFY(q.prepare(u"INSERT INTO lookups (looked_up_at_utc, utc_offset, profile, lookup, sub_mchid, "
                              "transaction_id, out_order_no, out_return_no, order_id, http_status, verified, "
                              "result_kind, body) VALUES (?, 28800, 'Shop A', ?, '1900000109', "
                              "'4208450740202511201234567890', 'P20251120_001', 'R20251121001', "
                              "'3008450740201411110007820472', 200, 1, 'ok', ?)"_s));
            q.addBindValue(when);
            q.addBindValue(lookup);
            q.addBindValue(body);
            QVERIFY(q.exec());
        }
        QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"v1"_s);

    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto entries = store.search({});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 2);
    for (const HistoryEntry &entry : *entries) {
        QCOMPARE(entry.product, entry.lookup == LookupKind::Return ? Product::Brand : Product::ServiceProvider);
        const HistoricResult restored = HistoryStore::restore(entry);
        QVERIFY2(restored.result.kind == LookupResult::Kind::Ok, qPrintable(restored.result.parseError));
    }
    // The updated file takes the new look-ups with their products.
    QVERIFY(store.add(orderResult(shanghai(22, 10)), u"Shop A"_s, u"single"_s));
    store.close();
    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
    raw.setDatabaseName(m_path);
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), HistoryStore::schemaVersion);
        QVERIFY(q.exec(u"SELECT product FROM lookups ORDER BY id"_s));
        QStringList products;
        while (q.next())
            products.append(q.value(0).toString());
        QCOMPARE(products, (QStringList{QString(), QString(), u"service-provider"_s}));
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"v2"_s);
}

void TestHistoryStore::products_andAmounts_roundTrip()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    // A direct merchant's order: no sub_mchid asked or answered.
    LookupResult direct;
    direct.kind = LookupResult::Kind::Ok;
    direct.query =
        OrderQuery{QString(), u"4208450740202511251234567895"_s, u"P20251125093000011"_s, Product::Direct};
    direct.response.verified = true;
    direct.response.httpStatus = 200;
    direct.response.body = R"({"transaction_id":"4208450740202511251234567895","out_order_no":"P20251125093000011",
        "order_id":"3008","state":"FINISHED","receivers":[]})"_ba;
    direct.answer = OrderResult::fromJson(direct.response.body, Product::Direct).value();
    direct.lookedUpAt = shanghai(20, 10);
    // 剩余待分金额 of a brand's payment.
    LookupResult amounts;
    amounts.kind = LookupResult::Kind::Ok;
    amounts.query = AmountsQuery{u"4208450740202511291234567898"_s, Product::Brand};
    amounts.response.verified = true;
    amounts.response.httpStatus = 200;
    amounts.response.body = R"({"transaction_id":"4208450740202511291234567898","unsplit_amount":15000})"_ba;
    amounts.answer = AmountsResult::fromJson(amounts.response.body).value();
    amounts.lookedUpAt = shanghai(21, 10);
    QVERIFY(store.add(direct, u"Direct"_s, u"single"_s));
    QVERIFY(store.add(amounts, u"Brand"_s, u"single"_s));

    HistoryFilter onlyAmounts;
    onlyAmounts.lookup = LookupKind::Amounts;
    const auto found = store.search(onlyAmounts);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    const HistoryEntry &entry = found->first();
    QCOMPARE(entry.product, Product::Brand);
    QCOMPARE(entry.transactionId, u"4208450740202511291234567898"_s);
    QCOMPARE(entry.totalFen, 15000);
    const HistoricResult restored = HistoryStore::restore(entry);
    QCOMPARE(restored.result.kind, LookupResult::Kind::Ok);
    QCOMPARE(restored.result.query.amounts()->product, Product::Brand);
    QVERIFY(restored.result.amounts());
    QCOMPARE(restored.result.amounts()->unsplitAmount, 15000);

    HistoryFilter byOrderNo;
    byOrderNo.number = u"P20251125093000011"_s;
    const auto byNumber = store.search(byOrderNo);
    QVERIFY(byNumber);
    QCOMPARE(byNumber->size(), 1);
    QCOMPARE(byNumber->first().product, Product::Direct);
    const HistoricResult order = HistoryStore::restore(byNumber->first());
    QCOMPARE(order.result.kind, LookupResult::Kind::Ok);
    QVERIFY(order.result.order());
    QVERIFY(order.result.order()->subMchid.isEmpty());
}

void TestHistoryStore::crashMidTransaction_losesNothingCommitted()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QProcess helper;
    helper.start(QStringLiteral(HISTORY_CRASH_HELPER), {m_path});
    QVERIFY(helper.waitForStarted());
    QVERIFY(helper.waitForFinished(120000));
    // It got as far as intended (its stdout is text mode: "\r\n" on Windows).
    QCOMPARE(helper.readAllStandardOutput().trimmed(), "in-transaction"_ba);
    QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

    HistoryStore store;
    QVERIFY(store.open(m_path));
    auto all = store.search({});
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QStringList numbers;
    for (const HistoryEntry &entry : *all)
        numbers.append(entry.outOrderNo);
    numbers.sort();
    QCOMPARE(numbers, QStringList({u"COMMITTED-1"_s, u"COMMITTED-2"_s, u"COMMITTED-3"_s}));

    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
    raw.setDatabaseName(m_path);
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_s);
}

void TestHistoryStore::notOpen_isAnErrorValue()
{
    HistoryStore store;
    auto found = store.search({});
    QVERIFY(!found);
    QCOMPARE(found.error().kind, HistoryError::Kind::NotOpen);
    QVERIFY(!store.clear());
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
