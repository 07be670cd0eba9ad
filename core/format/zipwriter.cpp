#include "format/zipwriter.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <QBuffer>
#include <QtEndian>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

constexpr qint64 zipLimit = 0xFFFFFFFFLL; // sizes and offsets without zip64
constexpr int outChunk = 1 << 16;
constexpr uInt inChunk = 1U << 30; // zlib counts input in uInt

void putLe16(QByteArray &to, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    to.append(bytes, 2);
}

void putLe32(QByteArray &to, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    to.append(bytes, 4);
}

// The fields a local header and a central directory entry share, from "version needed" to the
// name's length: version 2.0, no flags, deflated, 1980-01-01 00:00 (the files carry no time), no extra.
void putCommonFields(QByteArray &to, const QByteArray &name, const DeflatedSize &size)
{
    putLe16(to, 20);     // version needed to extract: 2.0 (deflate)
    putLe16(to, 0);      // flags: sizes are in the header, names are ASCII
    putLe16(to, 8);      // deflated
    putLe16(to, 0);      // time 00:00:00
    putLe16(to, 0x0021); // date 1980-01-01
    putLe32(to, size.crc);
    putLe32(to, quint32(size.compressedSize));
    putLe32(to, quint32(size.size));
    putLe16(to, quint16(name.size()));
    putLe16(to, 0); // extra field length
}

} // namespace

DeflatedSize DeflatedSize::followedBy(const DeflatedSize &next) const
{
    Q_ASSERT(next.size <= maxFollowing);
    DeflatedSize joined;
    joined.crc = quint32(crc32_combine(crc, next.crc, z_off_t(next.size)));
    joined.size = size + next.size;
    joined.compressedSize = compressedSize + next.compressedSize;
    return joined;
}

struct Deflater::Private {
    QIODevice *out = nullptr;
    z_stream stream{};
    bool started = false;
    bool ended = false;
    DeflatedSize size;
    QByteArray buffer = QByteArray(outChunk, Qt::Uninitialized);
    QString error;

    bool fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
        return false;
    }
    // Runs deflate until it has taken all input (flush: Z_NO_FLUSH) or finished the flush.
    bool pump(int flush)
    {
        do {
            stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
            stream.avail_out = outChunk;
            const int status = ::deflate(&stream, flush);
            if (status == Z_STREAM_ERROR)
                return fail(Deflater::tr("The compressor failed."));
            const qint64 produced = outChunk - stream.avail_out;
            if (produced > 0 && out->write(buffer.constData(), produced) != produced)
                return fail(out->errorString());
            size.compressedSize += produced;
        } while (stream.avail_out == 0 || (flush == Z_NO_FLUSH && stream.avail_in > 0));
        return true;
    }
};

Deflater::Deflater(QIODevice *out, int level) : d(std::make_unique<Private>())
{
    d->out = out;
    // -15: raw deflate, no zlib header or trailer (zip keeps its own CRC-32).
    if (deflateInit2(&d->stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        d->fail(tr("The compressor could not start."));
    else
        d->started = true;
    d->size.crc = quint32(crc32(0, nullptr, 0));
}

Deflater::~Deflater()
{
    if (d->started)
        deflateEnd(&d->stream);
}

bool Deflater::write(const char *data, qsizetype size)
{
    if (!d->started || d->ended || !d->error.isEmpty())
        return d->fail(tr("The compressor is not open."));
    while (size > 0) {
        const uInt take = size > qsizetype(inChunk) ? inChunk : uInt(size);
        const auto *bytes = reinterpret_cast<const Bytef *>(data);
        d->size.crc = quint32(crc32(d->size.crc, bytes, take));
        d->size.size += take;
        d->stream.next_in = const_cast<Bytef *>(bytes);
        d->stream.avail_in = take;
        if (!d->pump(Z_NO_FLUSH))
            return false;
        data += take;
        size -= take;
    }
    return true;
}

bool Deflater::end(bool last)
{
    if (!d->started || d->ended || !d->error.isEmpty())
        return d->fail(tr("The compressor is not open."));
    d->ended = true;
    d->stream.next_in = nullptr;
    d->stream.avail_in = 0;
    return d->pump(last ? Z_FINISH : Z_SYNC_FLUSH);
}

DeflatedSize Deflater::size() const
{
    return d->size;
}

QString Deflater::errorString() const
{
    return d->error;
}

QByteArray Deflater::deflate(const QByteArray &bytes, bool last, DeflatedSize *size)
{
    QByteArray compressed;
    QBuffer buffer(&compressed);
    buffer.open(QIODevice::WriteOnly);
    Deflater deflater(&buffer);
    const bool ok = deflater.write(bytes) && deflater.end(last);
    *size = deflater.size();
    return ok ? compressed : QByteArray();
}

struct ThreadedDeflater::Private {
    static constexpr qsizetype maxWaiting = 3;

    explicit Private(QIODevice *out) : deflater(out) {}

    Deflater deflater; // used by the thread only, until it has stopped
    std::mutex mutex;
    std::condition_variable changed;
    QList<QByteArray> waiting; // full blocks, oldest first
    QList<QByteArray> spare;   // emptied blocks, to be filled again
    bool ending = false;
    bool failed = false;
    std::thread thread;

    void run()
    {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [this] { return !waiting.isEmpty() || ending; });
            if (waiting.isEmpty())
                return; // ending, and every block done
            QByteArray block = waiting.takeFirst();
            const bool skip = failed; // after a failure, blocks are only dropped
            lock.unlock();
            const bool ok = skip || deflater.write(block);
            block.resize(0);
            lock.lock();
            failed = failed || !ok;
            spare.append(std::move(block));
            changed.notify_all();
        }
    }
    void stop()
    {
        if (!thread.joinable())
            return;
        {
            std::lock_guard lock(mutex);
            ending = true;
        }
        changed.notify_all();
        thread.join();
    }
};

ThreadedDeflater::ThreadedDeflater(QIODevice *out) : d(std::make_unique<Private>(out))
{
    d->thread = std::thread([this] { d->run(); });
}

ThreadedDeflater::~ThreadedDeflater()
{
    d->stop();
}

void ThreadedDeflater::write(QByteArray &block)
{
    if (block.isEmpty())
        return;
    const qsizetype room = block.capacity();
    {
        std::unique_lock lock(d->mutex);
        d->changed.wait(lock, [this] { return d->waiting.size() < Private::maxWaiting; });
        d->waiting.append(std::move(block));
        block = d->spare.isEmpty() ? QByteArray() : d->spare.takeLast();
    }
    d->changed.notify_all();
    if (block.capacity() < room)
        block.reserve(room);
}

bool ThreadedDeflater::end(bool last)
{
    d->stop();
    return !d->failed && d->deflater.end(last);
}

DeflatedSize ThreadedDeflater::size() const
{
    return d->deflater.size();
}

QString ThreadedDeflater::errorString() const
{
    return d->deflater.errorString();
}

ZipWriter::ZipWriter(QIODevice *out) : m_out(out) {}

bool ZipWriter::fail(const QString &why)
{
    if (m_error.isEmpty())
        m_error = why;
    return false;
}

bool ZipWriter::put(const QByteArray &bytes)
{
    if (!m_out || m_out->write(bytes) != bytes.size())
        return fail(m_out ? m_out->errorString() : tr("No output device."));
    m_written += bytes.size();
    return true;
}

bool ZipWriter::addEntry(const QByteArray &name, const DeflatedSize &size,
                         const std::function<bool(QIODevice *)> &writeData)
{
    if (!m_error.isEmpty())
        return false;
    if (size.size > zipLimit || size.compressedSize > zipLimit || m_written > zipLimit)
        return fail(tr("The file would be larger than 4 GB; export CSV instead."));
    QByteArray header;
    putLe32(header, 0x04034b50);
    putCommonFields(header, name, size);
    header.append(name);
    const qint64 offset = m_written;
    if (!put(header))
        return false;
    if (!writeData(m_out))
        return fail(m_out->errorString().isEmpty() ? tr("Could not write \"%1\".").arg(QString::fromLatin1(name))
                                                   : m_out->errorString());
    m_written += size.compressedSize;
    m_entries.append({name, size, offset});
    return true;
}

bool ZipWriter::addEntry(const QByteArray &name, const QByteArray &content)
{
    DeflatedSize size;
    const QByteArray compressed = Deflater::deflate(content, true, &size);
    if (compressed.isEmpty()) // a final block is never empty: nothing means it failed
        return fail(tr("Could not compress \"%1\".").arg(QString::fromLatin1(name)));
    return addEntry(name, size,
                    [&](QIODevice *out) { return out->write(compressed) == compressed.size(); });
}

bool ZipWriter::finish()
{
    if (!m_error.isEmpty())
        return false;
    QByteArray directory;
    for (const Entry &entry : std::as_const(m_entries)) {
        putLe32(directory, 0x02014b50);
        putLe16(directory, 20); // made by: version 2.0, MS-DOS attributes
        putCommonFields(directory, entry.name, entry.size);
        putLe16(directory, 0); // comment length
        putLe16(directory, 0); // disk
        putLe16(directory, 0); // internal attributes
        putLe32(directory, 0); // external attributes
        putLe32(directory, quint32(entry.offset));
        directory.append(entry.name);
    }
    const qint64 directoryOffset = m_written;
    if (directoryOffset > zipLimit || m_entries.size() > 0xFFFF)
        return fail(tr("The file would be larger than 4 GB; export CSV instead."));
    QByteArray end;
    putLe32(end, 0x06054b50);
    putLe16(end, 0); // this disk
    putLe16(end, 0); // the directory's disk
    putLe16(end, quint16(m_entries.size()));
    putLe16(end, quint16(m_entries.size()));
    putLe32(end, quint32(directory.size()));
    putLe32(end, quint32(directoryOffset));
    putLe16(end, 0); // comment length
    return put(directory) && put(end);
}

} // namespace fenzhang
