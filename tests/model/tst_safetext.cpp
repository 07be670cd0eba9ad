#include "format/safetext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;

// The one rule for text from outside shown on a terminal (issue 15): what is replaced and what is
// kept, in one line and in several.
class TestSafeText final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forDisplay_data();
    void forDisplay();
    void everyUnsafeCharacterIsReplaced();
};

void TestSafeText::forDisplay_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("keepBreaks");
    QTest::addColumn<QString>("expected");

    const QString fffd = u"\uFFFD"_s;
    QTest::newRow("plain") << u"记录不存在 (404)"_s << false << u"记录不存在 (404)"_s;
    QTest::newRow("clear screen") << u"\x1b[2J\x1b[Hok"_s << false << fffd + u"[2J"_s + fffd + u"[Hok"_s;
    QTest::newRow("OSC title") << u"\x1b]0;pwned\x07x"_s << false << fffd + u"]0;pwned"_s + fffd + u"x"_s;
    QTest::newRow("C1 CSI") << u"a\u009b31mb"_s << false << u"a"_s + fffd + u"31mb"_s;
    QTest::newRow("DEL") << u"a\x7f"_s << false << u"a"_s + fffd;
    QTest::newRow("NUL") << QString(QChar(0)) << false << fffd;
    QTest::newRow("RLO") << u"txt.\u202Eexe"_s << false << u"txt."_s + fffd + u"exe"_s;
    QTest::newRow("isolates") << u"\u2066a\u2069\u2067b\u2068"_s << false
                              << fffd + u"a"_s + fffd + fffd + u"b"_s + fffd;
    QTest::newRow("marks and zero width") << u"\u200Ea\u200Fb\u200Bc\u2060\uFEFF"_s << false
                                          << fffd + u"a"_s + fffd + u"b"_s + fffd + u"c"_s + fffd + fffd;
    QTest::newRow("tag characters") << u"a\U000E0041\U000E007F"_s << false << u"a"_s + fffd + fffd;
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + u"x"_s << false << fffd + u"x"_s;
    QTest::newRow("emoji with joiner kept") << u"👨\u200D👩\u200D👧"_s << false << u"👨\u200D👩\u200D👧"_s;
    QTest::newRow("one line: breaks become spaces") << u"a\nb\tc\r\nd"_s << false << u"a b c  d"_s;
    QTest::newRow("lines kept") << u"a\nb\tc\r\nd"_s << true << u"a\nb\tc\r\nd"_s;
    QTest::newRow("lone CR is not a line") << u"FAILED\rOK    "_s << true << u"FAILED"_s + fffd + u"OK    "_s;
    QTest::newRow("line separator") << u"a\u2028b"_s << true << u"a"_s + fffd + u"b"_s;
}

void TestSafeText::forDisplay()
{
    QFETCH(QString, text);
    QFETCH(bool, keepBreaks);
    QFETCH(QString, expected);
    QCOMPARE(SafeText::forDisplay(text, keepBreaks ? SafeText::Breaks::Keep : SafeText::Breaks::Replace),
             expected);
}

// Every code point of the list, by range, written out here rather than taken from the code.
void TestSafeText::everyUnsafeCharacterIsReplaced()
{
    QList<char32_t> unsafe;
    for (char32_t c = 0; c < 0x20; ++c)
        if (c != u'\t' && c != u'\n' && c != u'\r')
            unsafe << c;
    for (char32_t c = 0x7F; c <= 0x9F; ++c)
        unsafe << c;
    for (char32_t c = 0x202A; c <= 0x202E; ++c)
        unsafe << c;
    for (char32_t c = 0x2066; c <= 0x2069; ++c)
        unsafe << c;
    unsafe << 0x061C << 0x200E << 0x200F << 0x200B << 0xFEFF << 0x2028 << 0x2029;
    for (const char32_t c : unsafe) {
        const QString text = u"a"_s + QChar(char16_t(c)) + u"b"_s; // all in the BMP
        QVERIFY2(SafeText::isUnsafe(c), qPrintable(QString::number(uint(c), 16)));
        QCOMPARE(SafeText::forDisplay(text, SafeText::Breaks::Keep), u"a\uFFFDb"_s);
    }
    for (const char32_t c : {char32_t(u' '), char32_t(u'A'), char32_t(0xA0), char32_t(0x4E2D), char32_t(0x200C),
                             char32_t(0x200D), char32_t(0x3000), char32_t(0xFF1D), char32_t(0x1F600)})
        QVERIFY2(!SafeText::isUnsafe(c), qPrintable(QString::number(uint(c), 16)));
}

QTEST_GUILESS_MAIN(TestSafeText)
#include "tst_safetext.moc"
