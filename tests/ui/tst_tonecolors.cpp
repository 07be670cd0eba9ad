#include "badgedelegate.h"
#include "tonecolors.h"

#include <cmath>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace fenzhang;

namespace {

double luminance(const QColor &c)
{
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

// WCAG contrast ratio, 1..21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::WindowText, Qt::black);
    return p;
}

} // namespace

class TestToneColors final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badges_readableInLightAndDark_data();
    void badges_readableInLightAndDark();
    void warningText_readableOnWindow();
    void delegate_paintsToneColour();
};

void TestToneColors::badges_readableInLightAndDark_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("tone");
    for (bool dark : {false, true}) {
        for (auto tone :
             {Labels::Tone::Neutral, Labels::Tone::Good, Labels::Tone::Pending, Labels::Tone::Bad}) {
            QTest::addRow("%s tone %d", dark ? "dark" : "light", int(tone)) << dark << int(tone);
        }
    }
}

void TestToneColors::badges_readableInLightAndDark()
{
    QFETCH(bool, dark);
    QFETCH(int, tone);
    const QPalette palette = dark ? darkPalette() : lightPalette();
    QCOMPARE(ToneColors::isDark(palette), dark);
    const auto pair = ToneColors::badge(static_cast<Labels::Tone>(tone), palette);
    const double ratio = contrast(pair.foreground, pair.background);
    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("contrast %1").arg(ratio)));
    // Distinct tones must look distinct: the badge is not the plain window colour.
    if (tone != int(Labels::Tone::Neutral))
        QVERIFY(pair.background != palette.color(QPalette::Window));
}

void TestToneColors::warningText_readableOnWindow()
{
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        const double ratio = contrast(ToneColors::warningText(palette), palette.color(QPalette::Window));
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("contrast %1").arg(ratio)));
    }
}

void TestToneColors::delegate_paintsToneColour()
{
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), QStringLiteral("Succeeded"));
    model.setData(model.index(0, 0), int(Labels::Tone::Bad), Qt::UserRole + 2);
    BadgeDelegate delegate(Qt::UserRole + 2);
    QImage image(160, 30, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette = lightPalette();
    option.font = QApplication::font();
    delegate.paint(&painter, option, model.index(0, 0));
    painter.end();
    const QColor expected = ToneColors::badge(Labels::Tone::Bad, lightPalette()).background;
    // Just inside the badge's left edge, vertically centred: the badge colour, not white.
    QCOMPARE(image.pixelColor(10, 15).rgb(), expected.rgb());
}

QTEST_MAIN(TestToneColors)
#include "tst_tonecolors.moc"
