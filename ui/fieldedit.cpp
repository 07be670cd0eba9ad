#include "fieldedit.h"

#include "plaintext.h"
#include "tonecolors.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

FieldEdit::FieldEdit(const QString &apiName, QWidget *parent) : QLineEdit(parent), m_apiName(apiName)
{
    setObjectName(apiName);
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::textEdited, this, &FieldEdit::trimEdit);
}

void FieldEdit::trimEdit(const QString &text)
{
    m_touched = true;
    const QString trimmed = text.trimmed();
    if (trimmed != text) {
        // Keep the cursor where the user was, minus what was trimmed before it.
        const int leading = static_cast<int>(text.indexOf(trimmed.isEmpty() ? text : trimmed));
        const int cursor = qBound(0, cursorPosition() - qMax(leading, 0), static_cast<int>(trimmed.size()));
        setText(trimmed);
        setCursorPosition(cursor);
    }
    Q_EMIT edited();
}

void FieldEdit::setError(const QString &message)
{
    if (message == m_error)
        return;
    if (m_error.isEmpty())
        m_baseToolTip = toolTip();
    m_error = message;
    if (message.isEmpty()) {
        setStyleSheet({});
        setToolTip(m_baseToolTip);
    } else {
        setStyleSheet(u"QLineEdit { border: 2px solid %1; border-radius: 3px; padding: 1px 2px; }"_s.arg(
            ToneColors::warningText(palette()).name()));
        setToolTip(plainToolTip(message)); // may quote what was pasted
    }
}

} // namespace fenzhang
