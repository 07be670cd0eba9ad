#include "plaintext.h"

#include <QLabel>
#include <QTextDocument>

namespace fenzhang {

void showPlain(std::initializer_list<QLabel *> labels)
{
    for (QLabel *label : labels)
        label->setTextFormat(Qt::PlainText);
}

QString plainToolTip(const QString &text)
{
    // QToolTip decides with the same Qt::mightBeRichText().
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

} // namespace fenzhang
