#pragma once

// Which language the app speaks: the Settings choice, else Chinese on a Chinese system and
// English elsewhere; and installing the compiled translations (app and Qt's own) for it.

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;
class QTranslator;

namespace fenzhang::Language {

inline constexpr QLatin1StringView Chinese{"zh_CN"};
inline constexpr QLatin1StringView English{"en"};

// setting: "" (follow the system), "zh_CN" or "en".
QString resolve(const QString &setting, const QLocale &system = QLocale::system());

// Where fenzhang_<language>.qm is looked for, in order, given the executable's folder: the build
// tree, the Linux packages (share/fenzhang-desk), the Windows installer (translations\ beside
// bin\, with Qt's own) and the macOS bundle (Contents/Resources).
QStringList translationDirectories(const QString &applicationDir);

// Loads Qt's own translation (its dialogs' buttons) into translator from the first of directories
// that has one: qtbase_<language>.qm as Debian's Qt packages ship it, or qt_<language>.qm, the one
// catalogue windeployqt and macdeployqt deploy. False when none of them has either.
bool loadQtTranslation(QTranslator *translator, const QString &language, const QStringList &directories);

// Installs fenzhang_<language>.qm from the first of translationDirectories() that has it, and Qt's
// own translation. False if the app's translation was not found; then the UI stays in English.
bool install(QCoreApplication *app, const QString &language);

} // namespace fenzhang::Language
