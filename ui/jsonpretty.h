#pragma once

// Re-indents JSON text for the Raw tab without parsing numbers, so 64-bit amounts are shown
// exactly as received (QJsonDocument would round them through a double). Text that is not JSON
// comes back unchanged.

#include <QByteArrayView>
#include <QString>

namespace fenzhang {

QString prettyJson(QByteArrayView json, int indent = 2);

} // namespace fenzhang
