#include "historybackend.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {
// Kept next to the app's other preferences; not in AppSettings so the ui/ table stays as it is.
const QString retentionKey = u"history/retentionDays"_s;
constexpr int readingBusyTimeoutMs = 300;
constexpr int flushWaitMs = 1500; // under the writer's 3 s busy timeout: never a full freeze
} // namespace

HistoryBackend::HistoryBackend(const QString &path, QObject *parent)
    : QObject(parent), m_path(path.isEmpty() ? HistoryStore::defaultPath() : path),
      m_writer(std::make_unique<HistoryWriter>()), m_recorder(std::make_unique<HistoryRecorder>(&m_store))
{
    m_recorder->setWriter(m_writer.get());
    connect(m_recorder.get(), &HistoryRecorder::written, this, [this] { Q_EMIT changed(); });
    connect(m_recorder.get(), &HistoryRecorder::failed, this, [this](const HistoryError &error) {
        setError(error.message, error.kind == HistoryError::Kind::Corrupt);
        m_writeLocked = error.kind == HistoryError::Kind::Locked;
    });
    connect(m_writer.get(), &HistoryWriter::written, this, [this] {
        // The lock that stopped the writes is gone: the warning goes with it.
        if (m_writeLocked) {
            m_writeLocked = false;
            setError({});
        }
    });
}

HistoryBackend::~HistoryBackend()
{
    // The recorder flushes on destruction into the writer, which tries once more and stops.
    m_recorder.reset();
    m_writer.reset();
    m_store.close();
}

int HistoryBackend::retentionDays() const
{
    return QSettings().value(retentionKey, defaultRetentionDays).toInt();
}

bool HistoryBackend::ensureOpen()
{
    if (m_store.isOpen())
        return true;
    HistoryOptions options;
    options.retentionDays = retentionDays();
    // The writer's thread may wait out another program's lock; the GUI thread's connection (reads,
    // and the rare purge or clear) waits a moment at most.
    HistoryOptions reading = options;
    reading.busyTimeoutMs = readingBusyTimeoutMs;
    if (const auto opened = m_store.open(m_path, reading); !opened) {
        setError(opened.error().message, opened.error().kind == HistoryError::Kind::Corrupt);
        return false;
    }
    setError({});
    m_writer->setDatabase(m_path, options);
    // Look-ups that finished while the history could not be opened are written now.
    flush();
    return true;
}

void HistoryBackend::setError(const QString &message, bool corrupt)
{
    m_corrupt = corrupt;
    if (message == m_error)
        return;
    m_error = message;
    Q_EMIT errorChanged(message);
}

void HistoryBackend::setProfile(const QString &profile)
{
    m_profile = profile;
    m_recorder->setProfile(profile);
}

void HistoryBackend::record(const LookupResult &result, const QString &source)
{
    // Kept by the recorder even when the history cannot be opened (damaged, locked): written once
    // it opens again, after Start afresh or when the lock is gone, so no look-up is lost meanwhile.
    // A damaged file stays damaged until Start afresh opens a new one: not reopened per look-up.
    if (!m_corrupt)
        ensureOpen();
    m_recorder->record(result, source);
}

void HistoryBackend::flush()
{
    if (m_recorder->pending() == 0)
        return;
    m_recorder->flush();
    // A moment for the writer, so a search right after shows them; none while the database is
    // known to be locked (the writer keeps retrying on its own thread).
    if (!m_writeLocked)
        (void)m_writer->drain(flushWaitMs);
}

void HistoryBackend::setRetentionDays(int days)
{
    QSettings().setValue(retentionKey, days);
    m_store.setRetentionDays(days);
    if (!ensureOpen())
        return;
    const auto purged = m_store.purge();
    if (!purged)
        setError(purged.error().message);
    else if (purged.value() > 0)
        Q_EMIT changed();
}

bool HistoryBackend::clear()
{
    if (!ensureOpen())
        return false;
    m_recorder->flush(); // what is buffered goes too, or it would reappear after the clear
    (void)m_writer->drain(-1);
    const auto cleared = m_store.clear();
    if (!cleared) {
        setError(cleared.error().message);
        return false;
    }
    Q_EMIT changed();
    return true;
}

QString HistoryBackend::startAfresh()
{
    // What the recorder and the writer still hold never reached the damaged file: it goes into
    // the new one.
    m_recorder->requeue(m_writer->stop());
    m_store.close();
    const QString moved = HistoryStore::moveAside(m_path);
    if (moved.isEmpty()) {
        setError(tr("The damaged history file %1 could not be moved aside.").arg(m_path), true);
        return {};
    }
    if (ensureOpen())
        Q_EMIT changed();
    return moved;
}

} // namespace fenzhang
