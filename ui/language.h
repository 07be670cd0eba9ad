#pragma once

// Which language the app speaks: the Settings choice, else Chinese on a Chinese system and
// English elsewhere; and installing the compiled translations (app and Qt's own) for it.

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace fenzhang::Language {

inline constexpr QLatin1StringView Chinese{"zh_CN"};
inline constexpr QLatin1StringView English{"en"};

// setting: "" (follow the system), "zh_CN" or "en".
QString resolve(const QString &setting, const QLocale &system = QLocale::system());
// Loads :/i18n/fenzhang_<language>.qm and Qt's base translation; false if the app's is missing.
bool install(QCoreApplication *app, const QString &language);

} // namespace fenzhang::Language
