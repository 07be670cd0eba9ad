#pragma once

// Test helper for GUI tests: keeps the app's QSettings and standard paths away from the user's
// real ones, so a test run never reads or changes them and tests never see each other's.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace fenzhang::testing {

// Standard paths in test mode; QSettings as INI files under dir, for an app named applicationName
// of a test-only organisation.
inline void useTestSettings(const QString &dir, const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("FenzhangDeskTest"));
    QCoreApplication::setApplicationName(applicationName);
}

} // namespace fenzhang::testing
