#include "language.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace fenzhang::Language {

namespace {

// Qt's own Chinese translation lacks the file dialog's kinds (the "Folder" in its Type column), so
// the app's translation carries them under Qt's context; it is installed after Qt's and asked first.
[[maybe_unused]] const char *const fileDialogKinds[][2] = {
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Folder", "All other platforms"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Shortcut", "All other platforms"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Alias", "macOS Finder"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Drive", ""),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "File", ""),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Unknown", ""),
};

} // namespace

QString resolve(const QString &setting, const QLocale &system)
{
    if (setting == Chinese || setting == English)
        return setting;
    return system.language() == QLocale::Chinese ? QString(Chinese) : QString(English);
}

QStringList translationDirectories(const QString &applicationDir)
{
    QStringList directories;
    for (const QLatin1StringView relative : {"translations"_L1, "../share/fenzhang-desk/translations"_L1,
                                             "../translations"_L1, "../Resources/translations"_L1})
        directories << QDir::cleanPath(applicationDir + u'/' + relative);
    return directories;
}

bool loadQtTranslation(QTranslator *translator, const QString &language, const QStringList &directories)
{
    for (const QString &directory : directories) {
        for (const QLatin1StringView catalogue : {"qtbase_"_L1, "qt_"_L1}) {
            if (translator->load(catalogue + language, directory))
                return true;
        }
    }
    return false;
}

bool install(QCoreApplication *app, const QString &language)
{
    auto *qt = new QTranslator(app);
    const QStringList applicationDirectories = translationDirectories(QCoreApplication::applicationDirPath());
    if (loadQtTranslation(qt, language,
                          QStringList{QLibraryInfo::path(QLibraryInfo::TranslationsPath)} +
                              applicationDirectories))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(app);
    const QString file = u"fenzhang_"_s + language;
    const bool found = std::any_of(applicationDirectories.cbegin(), applicationDirectories.cend(),
                                   [&](const QString &dir) { return own->load(file, dir); });
    if (!found) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    if (language == Chinese)
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    return true;
}

} // namespace fenzhang::Language
