#pragma once

// The desktop app's preferences in one table of keys and defaults (KeePassXC's Config pattern).
// Only presentation state lives here: never a key, password or anything secret.

#include <QVariant>

namespace fenzhang {

class AppSettings final {
public:
    enum class Key {
        Language,       // "" = follow the system, "zh_CN", "en"
        WindowGeometry, // QByteArray from saveGeometry()
        WindowState,    // QByteArray from saveState()
        LastPage,       // index of the look-up page
        LastProfile,    // profile id
        AutoRefresh,    // opt-in auto-refresh of PROCESSING results
        ExportFormat,   // the last export's choice: "xlsx" (default) or "csv"
    };

    static QVariant value(Key key);
    static void setValue(Key key, const QVariant &value);
    static void reset(Key key);

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
};

} // namespace fenzhang
