#pragma once

// The two pieces a workbook file needs from zip (zlib underneath): a raw deflate stream that can be
// ended in the middle of an entry and continued by another (a sync flush: byte-aligned, not final),
// so a sheet's header can be deflated after its rows; and a zip archive writer for entries whose
// compressed bytes and sizes are known before they are written (no data descriptors, no seeking,
// so it writes to any sequential device). Files up to 4 GiB (no zip64): a workbook never gets near.

#include <functional>
#include <memory>
#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QList>
#include <QString>

namespace fenzhang {

// What an entry's reader checks: the CRC-32 and both sizes of its bytes.
struct DeflatedSize {
    quint32 crc = 0;
    qint64 size = 0;           // uncompressed
    qint64 compressedSize = 0; // as stored

    // The sizes of this piece followed by the next one (CRC-32 combined as zlib does). The next
    // piece may hold at most maxFollowing bytes: zlib takes its length as z_off_t, 32 bits on Windows.
    DeflatedSize followedBy(const DeflatedSize &next) const;
    static constexpr qint64 maxFollowing = 0x7FFFFFFF;
};

// Raw deflate (what zip stores) of the bytes written, into a device.
class Deflater final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::Deflater)
public:
    // Level 1: the fastest; XML shrinks about as well with it as with the default.
    explicit Deflater(QIODevice *out, int level = 1);
    ~Deflater();
    Deflater(const Deflater &) = delete;
    Deflater &operator=(const Deflater &) = delete;

    bool write(const char *data, qsizetype size);
    bool write(const QByteArray &bytes) { return write(bytes.constData(), bytes.size()); }
    // Ends this piece. last: the final block of the entry; otherwise a sync flush, after which
    // another Deflater's bytes may follow in the same entry.
    bool end(bool last);

    DeflatedSize size() const;
    QString errorString() const;

    // Deflates bytes in memory as one piece (see end()).
    static QByteArray deflate(const QByteArray &bytes, bool last, DeflatedSize *size);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// A Deflater on a thread of its own: write() hands a block over and returns at once (unless three
// wait already), so the caller makes the next block while this one is compressed. On two cores a
// large sheet takes about as long as the slower of the two jobs instead of both.
class ThreadedDeflater final {
public:
    // out belongs to the thread until end() returns.
    explicit ThreadedDeflater(QIODevice *out);
    ~ThreadedDeflater(); // ends (if not yet) and waits for the thread
    ThreadedDeflater(const ThreadedDeflater &) = delete;
    ThreadedDeflater &operator=(const ThreadedDeflater &) = delete;

    // Takes the block's bytes; block comes back empty (with room) to be filled again.
    void write(QByteArray &block);
    // Waits until every block is compressed, then ends as Deflater::end.
    bool end(bool last);

    DeflatedSize size() const;
    QString errorString() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

class ZipWriter final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ZipWriter)
public:
    explicit ZipWriter(QIODevice *out);

    // An entry from deflated pieces (in order, the last one ended with last = true); writeData
    // writes exactly size.compressedSize bytes to the device it is given.
    bool addEntry(const QByteArray &name, const DeflatedSize &size,
                  const std::function<bool(QIODevice *)> &writeData);
    // A small entry deflated here from memory.
    bool addEntry(const QByteArray &name, const QByteArray &content);
    // The central directory; the archive is complete after it.
    bool finish();

    QString errorString() const { return m_error; }

private:
    struct Entry {
        QByteArray name;
        DeflatedSize size;
        qint64 offset = 0;
    };
    bool put(const QByteArray &bytes);
    bool fail(const QString &why);

    QIODevice *m_out;
    QList<Entry> m_entries;
    qint64 m_written = 0;
    QString m_error;
};

} // namespace fenzhang
