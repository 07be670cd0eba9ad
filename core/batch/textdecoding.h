#pragma once

// Turns the bytes of an imported CSV into text: UTF-16 when it starts with a UTF-16 BOM, UTF-8 (with
// or without BOM) when the bytes are valid UTF-8, else GB18030, which Chinese Excel writes by default.
// GB18030 goes through QStringDecoder when Qt was built with ICU, and through the platform (iconv on Unix,
// code page 54936 on Windows) when it was not, so the import works on every build.

#include <QByteArray>
#include <QString>

namespace fenzhang::TextDecoding {

// Utf16: Excel's "Unicode Text" (tab-separated UTF-16 with a BOM).
enum class Encoding { Utf8, Utf8Bom, Gb18030, Utf16 };

struct Decoded {
    QString text;
    Encoding encoding = Encoding::Utf8;
    bool ok = true; // false: the bytes are neither UTF-8 nor GB18030
};

Decoded decode(const QByteArray &bytes);

// The two GB18030 paths, public so tests can run the platform one on a Qt that has ICU too.
bool qtHasGb18030();
// Empty optional-like result: ok=false when the platform has no converter or the bytes are invalid.
Decoded decodeGb18030ViaQt(const QByteArray &bytes);
Decoded decodeGb18030ViaPlatform(const QByteArray &bytes);

QString encodingName(Encoding encoding);

} // namespace fenzhang::TextDecoding
