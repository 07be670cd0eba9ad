#pragma once

// fenzhang-desk's command line: --demo, --version, connection options like fenzhang-cli's (they
// make a "command line" profile), and hidden options for benchmarks and screenshots.

#include "connectionprovider.h"

#include <optional>
#include <QSize>
#include <QStringList>

class QCoreApplication;

namespace fenzhang {

struct DeskOptions {
    bool demo = false;
    // --product: the command-line profile's product, and the demo profile opened first.
    Product product = Product::ServiceProvider;
    bool exitAfterStartup = false; // quit once the main window has painted (benchmarks)
    std::optional<ConnectionProfile> commandLineProfile;
    QString language; // overrides the setting for this run: zh_CN | en
    // Screenshots: page to show, field values to type, run the look-up, file to save a grab to.
    QString page; // order | return
    QList<QPair<QString, QString>> fieldValues;
    bool run = false;
    bool remainingAmount = false; // after run: the order's remaining amount too
    QString screenshotFile;
    QSize windowSize;
    bool darkPalette = false; // Fusion with a dark palette, to check readability

    // Parses the application's arguments; exits the process for --help, --version and errors.
    static DeskOptions parse(const QCoreApplication &app);
};

} // namespace fenzhang
