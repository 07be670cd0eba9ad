#pragma once

// Text from an answer, a file or the user is shown by widgets as written, never as HTML: a QLabel,
// a tooltip or a message box guesses rich text from anything that looks like a tag, so an API
// message with <img> or <a> would render. The label helper and the tooltip helper are the one way
// the ui/ widgets show such text.

#include <QString>

#include <initializer_list>

class QLabel;

namespace fenzhang {

// Sets Qt::PlainText on each label.
void showPlain(std::initializer_list<QLabel *> labels);

// A tooltip has no text format of its own: text that Qt would take for HTML comes back as HTML
// that shows it literally (escaped, lines kept); any other text comes back unchanged.
QString plainToolTip(const QString &text);

} // namespace fenzhang
