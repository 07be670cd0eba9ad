// The workbook's zip layer: deflate pieces joined into one entry (the sheet's head written after its
// rows), the threaded deflater, and archives checked by independent readers (zlib's own inflate, and
// Python's zipfile, which checks every entry's CRC-32 and sizes).

#include "format/zipwriter.h"
#include "hostprogram.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <zlib.h>

using namespace Qt::StringLiterals;
using namespace fenzhang;

class TestZipWriter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pieces_joinIntoOneStream();
    void threaded_sameBytesAsDirect();
    void archive_readByPythonZipfile();
    void failures_areReported();
};

namespace {

// Inflates raw deflate data (what a zip entry holds); empty with ok = false on any error.
QByteArray inflateRaw(const QByteArray &compressed, bool *ok)
{
    z_stream stream{};
    *ok = inflateInit2(&stream, -15) == Z_OK;
    QByteArray out;
    if (!*ok)
        return out;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    char buffer[1 << 14];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    *ok = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return out;
}

quint32 crcOf(const QByteArray &bytes)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef *>(bytes.constData()), uInt(bytes.size())));
}

// Text that compresses like sheet XML, with some noise so blocks differ.
QByteArray sampleXml(int rows)
{
    QByteArray xml;
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < rows; ++i)
        xml += "<row r=\"" + QByteArray::number(i + 1) + "\"><c t=\"s\"><v>" + QByteArray::number(random->bounded(50)) +
               "</v></c><c><v>" + QByteArray::number(random->generate64()) + "</v></c></row>";
    return xml;
}

// A device whose every write fails, as a full disk does.
class FullDisk final : public QIODevice {
public:
    FullDisk() { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64) override
    {
        setErrorString(u"No space left on device"_s);
        return -1;
    }
};

} // namespace

void TestZipWriter::pieces_joinIntoOneStream()
{
    // Head, rows and tail are deflated separately (head and rows sync-flushed, tail final) and read
    // back as one stream, with the CRC-32 and sizes of the whole.
    const QByteArray head = "<?xml version=\"1.0\"?><worksheet><sheetData>";
    const QByteArray rows = sampleXml(20000);
    const QByteArray tail = "</sheetData></worksheet>";
    DeflatedSize headSize;
    DeflatedSize rowsSize;
    DeflatedSize tailSize;
    const QByteArray joined = Deflater::deflate(head, false, &headSize) + Deflater::deflate(rows, false, &rowsSize) +
                              Deflater::deflate(tail, true, &tailSize);
    const DeflatedSize whole = headSize.followedBy(rowsSize).followedBy(tailSize);
    bool ok = false;
    const QByteArray inflated = inflateRaw(joined, &ok);
    QVERIFY(ok);
    QCOMPARE(inflated, QByteArray(head + rows + tail));
    QCOMPARE(whole.size, qint64(inflated.size()));
    QCOMPARE(whole.compressedSize, qint64(joined.size()));
    QCOMPARE(whole.crc, crcOf(inflated));
    QVERIFY2(joined.size() * 3 < inflated.size(), "XML compresses well even at level 1");

    // An empty piece in the middle is harmless.
    DeflatedSize emptySize;
    const QByteArray withEmpty = Deflater::deflate(head, false, &headSize) + Deflater::deflate({}, false, &emptySize) +
                                 Deflater::deflate(tail, true, &tailSize);
    QCOMPARE(inflateRaw(withEmpty, &ok), QByteArray(head + tail));
    QVERIFY(ok);
    QCOMPARE(headSize.followedBy(emptySize).followedBy(tailSize).crc, crcOf(QByteArray(head + tail)));
}

void TestZipWriter::threaded_sameBytesAsDirect()
{
    // Many blocks handed to the thread, more than it queues, come out in order.
    const QByteArray rows = sampleXml(60000);
    QByteArray compressed;
    QBuffer out(&compressed);
    QVERIFY(out.open(QIODevice::WriteOnly));
    DeflatedSize size;
    {
        ThreadedDeflater deflater(&out);
        QByteArray block;
        for (qsizetype at = 0; at < rows.size(); at += 4096) {
            block.append(rows.mid(at, 4096));
            deflater.write(block);
            QVERIFY(block.isEmpty());
        }
        QVERIFY(deflater.end(true));
        size = deflater.size();
        QVERIFY(deflater.errorString().isEmpty());
    }
    bool ok = false;
    QCOMPARE(inflateRaw(compressed, &ok), rows);
    QVERIFY(ok);
    QCOMPARE(size.crc, crcOf(rows));
    QCOMPARE(size.size, qint64(rows.size()));
    QCOMPARE(size.compressedSize, qint64(compressed.size()));

    // Destroyed without end(): the thread stops and nothing hangs.
    QByteArray more = rows.first(1000);
    ThreadedDeflater dropped(&out);
    dropped.write(more);
}

void TestZipWriter::archive_readByPythonZipfile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"test.zip"_s);
    const QByteArray big = sampleXml(30000);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        ZipWriter zip(&file);
        QVERIFY(zip.addEntry("[Content_Types].xml", "<Types/>"));
        QVERIFY(zip.addEntry("empty.txt", QByteArray()));
        DeflatedSize headSize;
        DeflatedSize bodySize;
        const QByteArray headPiece = Deflater::deflate("head:", false, &headSize);
        const QByteArray bodyPiece = Deflater::deflate(big, true, &bodySize);
        QVERIFY(zip.addEntry("xl/worksheets/sheet1.xml", headSize.followedBy(bodySize), [&](QIODevice *device) {
            return device->write(headPiece) == headPiece.size() && device->write(bodyPiece) == bodyPiece.size();
        }));
        QVERIFY(zip.finish());
        QVERIFY(zip.errorString().isEmpty());
    }
    // zipfile checks the central directory, every local header, CRC-32 and size.
    const QString script = u"import sys, zipfile, hashlib\n"
                           "z = zipfile.ZipFile(sys.argv[1])\n"
                           "assert z.testzip() is None\n"
                           "for i in z.infolist():\n"
                           "    data = z.read(i)\n"
                           "    print(i.filename, i.compress_type, len(data), hashlib.sha256(data).hexdigest())\n"_s;
    const fenzhang::test::HostRun python = fenzhang::test::runHostProgram(
        QStringLiteral(FENZHANG_PYTHON3), {u"-c"_s, script, fenzhang::test::hostPath(path)});
    QVERIFY2(python.ok(), python.failure().constData());
    const QByteArray expected =
        "[Content_Types].xml 8 8 " + QCryptographicHash::hash("<Types/>", QCryptographicHash::Sha256).toHex() +
        "\nempty.txt 8 0 " + QCryptographicHash::hash("", QCryptographicHash::Sha256).toHex() +
        "\nxl/worksheets/sheet1.xml 8 " + QByteArray::number(big.size() + 5) + ' ' +
        QCryptographicHash::hash(QByteArray("head:" + big), QCryptographicHash::Sha256).toHex() + '\n';
    QCOMPARE(python.out, expected);
}

void TestZipWriter::failures_areReported()
{
    FullDisk disk;
    ZipWriter zip(&disk);
    QVERIFY(!zip.addEntry("a.xml", "<a/>"));
    QCOMPARE(zip.errorString(), u"No space left on device"_s);
    QVERIFY(!zip.finish()); // stays failed

    FullDisk disk2;
    ThreadedDeflater deflater(&disk2);
    QByteArray block = sampleXml(5000);
    deflater.write(block);
    QVERIFY(!deflater.end(true));
    QCOMPARE(deflater.errorString(), u"No space left on device"_s);
}

QTEST_GUILESS_MAIN(TestZipWriter)
#include "tst_zipwriter.moc"
