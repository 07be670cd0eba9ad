#pragma once

// Names for what Qt adds to a widget without one, so screen readers say what a control does.

class QLineEdit;

namespace fenzhang::Accessibility {

// The line edit's clear button (setClearButtonEnabled) is an unnamed push button to AT-SPI and
// UI Automation; this names it "Clear the field". Call after enabling the button.
void nameClearButton(QLineEdit *edit);

} // namespace fenzhang::Accessibility
