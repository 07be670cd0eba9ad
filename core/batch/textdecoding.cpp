#include "batch/textdecoding.h"

#include <QStringDecoder>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#elif defined(FENZHANG_HAVE_ICONV)
#include <cerrno>
#include <iconv.h>
#endif

using namespace Qt::StringLiterals;

namespace fenzhang::TextDecoding {

namespace {

constexpr char utf8Bom[] = "\xEF\xBB\xBF";

} // namespace

bool qtHasGb18030()
{
    return QStringDecoder("GB18030").isValid();
}

Decoded decodeGb18030ViaQt(const QByteArray &bytes)
{
    QStringDecoder decoder("GB18030");
    if (!decoder.isValid())
        return {{}, Encoding::Gb18030, false};
    QString text = decoder.decode(bytes);
    return {std::move(text), Encoding::Gb18030, !decoder.hasError()};
}

Decoded decodeGb18030ViaPlatform(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {{}, Encoding::Gb18030, true};
#if defined(Q_OS_WIN)
    constexpr UINT gb18030CodePage = 54936;
    const int size = static_cast<int>(bytes.size());
    const int needed =
        MultiByteToWideChar(gb18030CodePage, MB_ERR_INVALID_CHARS, bytes.constData(), size, nullptr, 0);
    if (needed <= 0)
        return {{}, Encoding::Gb18030, false};
    QString text(needed, Qt::Uninitialized);
    MultiByteToWideChar(gb18030CodePage, MB_ERR_INVALID_CHARS, bytes.constData(), size,
                        reinterpret_cast<wchar_t *>(text.data()), needed);
    return {std::move(text), Encoding::Gb18030, true};
#elif defined(FENZHANG_HAVE_ICONV)
    iconv_t cd = iconv_open("UTF-16LE", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return {{}, Encoding::Gb18030, false};
    // GB18030 needs at most 4 bytes per code point, UTF-16 at most 4 bytes per code point too, and
    // single bytes become 2: twice the input is always enough.
    QByteArray out(bytes.size() * 2 + 4, Qt::Uninitialized);
    char *in = const_cast<char *>(bytes.constData());
    size_t inLeft = static_cast<size_t>(bytes.size());
    char *outPtr = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    const size_t rc = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == static_cast<size_t>(-1) || inLeft != 0)
        return {{}, Encoding::Gb18030, false};
    const qsizetype written = out.size() - static_cast<qsizetype>(outLeft);
    QString text(reinterpret_cast<const QChar *>(out.constData()), written / 2);
    return {std::move(text), Encoding::Gb18030, true};
#else
    Q_UNUSED(bytes);
    return {{}, Encoding::Gb18030, false};
#endif
}

Decoded decode(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool little = bytes.at(0) == '\xFF';
        QStringDecoder utf16(little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE,
                             QStringDecoder::Flag::Stateless);
        QString text = utf16.decode(QByteArrayView(bytes).sliced(2));
        return {std::move(text), Encoding::Utf16, !utf16.hasError()};
    }
    if (bytes.startsWith(utf8Bom)) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8.decode(QByteArrayView(bytes).sliced(3));
        return {std::move(text), Encoding::Utf8Bom, !utf8.hasError()};
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return {std::move(text), Encoding::Utf8, true};
    if (qtHasGb18030())
        return decodeGb18030ViaQt(bytes);
    return decodeGb18030ViaPlatform(bytes);
}

QString encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return u"UTF-8"_s;
    case Encoding::Utf8Bom:
        return u"UTF-8 (BOM)"_s;
    case Encoding::Gb18030:
        return u"GB18030"_s;
    case Encoding::Utf16:
        return u"UTF-16"_s;
    }
    return {};
}

} // namespace fenzhang::TextDecoding
