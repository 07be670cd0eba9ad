#include "rawview.h"

#include "jsonpretty.h"

#include <QFontDatabase>

using namespace Qt::StringLiterals;

namespace fenzhang {

RawView::RawView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setObjectName(u"rawView"_s);
    setAccessibleName(tr("Raw answer (HTTP status, headers and body)"));
}

bool RawView::isHiddenHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().toLower();
    return lower == "authorization" || lower == "proxy-authorization" || lower == "cookie" ||
           lower == "set-cookie";
}

QString RawView::format(const ApiResponse &response)
{
    QString text;
    if (response.httpStatus > 0)
        text += u"HTTP %1\n"_s.arg(response.httpStatus);
    if (response.finalUrl.isValid())
        text += response.finalUrl.toString(QUrl::RemoveUserInfo) + u'\n';
    for (const auto &[name, value] : response.headers) {
        if (isHiddenHeader(name))
            continue;
        text += QString::fromLatin1(name) + u": "_s + QString::fromLatin1(value) + u'\n';
    }
    if (!response.body.isEmpty())
        text += u'\n' + prettyJson(response.body) + u'\n';
    return text;
}

void RawView::setResponse(const ApiResponse &response)
{
    setPlainText(format(response));
}

} // namespace fenzhang
