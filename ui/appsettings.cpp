#include "appsettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

struct Entry {
    AppSettings::Key key;
    QLatin1StringView name;
    QVariant defaultValue;
};

// The one table: every preference, its QSettings key and its default.
const Entry &entry(AppSettings::Key key)
{
    static const Entry entries[] = {
        {AppSettings::Key::Language, "ui/language"_L1, QString()},
        {AppSettings::Key::WindowGeometry, "ui/geometry"_L1, QByteArray()},
        {AppSettings::Key::WindowState, "ui/state"_L1, QByteArray()},
        {AppSettings::Key::LastPage, "ui/lastPage"_L1, 0},
        {AppSettings::Key::LastProfile, "ui/lastProfile"_L1, QString()},
        {AppSettings::Key::AutoRefresh, "lookup/autoRefresh"_L1, false},
        {AppSettings::Key::ExportFormat, "export/format"_L1, u"xlsx"_s},
    };
    for (const Entry &e : entries) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

} // namespace

QVariant AppSettings::value(Key key)
{
    const Entry &e = entry(key);
    return QSettings().value(e.name, e.defaultValue);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    QSettings().setValue(entry(key).name, value);
}

void AppSettings::reset(Key key)
{
    QSettings().remove(entry(key).name);
}

QString AppSettings::keyName(Key key)
{
    return entry(key).name;
}

QVariant AppSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

} // namespace fenzhang
