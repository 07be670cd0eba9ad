#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace fenzhang::Language {

QString resolve(const QString &setting, const QLocale &system)
{
    if (setting == Chinese || setting == English)
        return setting;
    return system.language() == QLocale::Chinese ? QString(Chinese) : QString(English);
}

bool install(QCoreApplication *app, const QString &language)
{
    auto *qt = new QTranslator(app);
    if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(app);
    if (!own->load(u":/i18n/fenzhang_"_s + language + u".qm"_s)) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    if (language == Chinese)
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    return true;
}

} // namespace fenzhang::Language
