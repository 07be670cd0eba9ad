#pragma once

// The parts the order and return result views build alike: the title row with the state badge and
// its explanation, a wide selectable line under the numbers, and the view's outer layout. Texts come
// from the views, so their tr() contexts stay theirs.

#include "format/labels.h"

class QHBoxLayout;
class QLabel;
class QString;
class QTabWidget;
class QWidget;

namespace fenzhang {

class BadgeLabel;
class FieldGrid;
class ResultMetaBar;

namespace ResultHeader {

// The title in a larger bold face, the badge beside it and the explanation filling the rest. The
// trailing stretch keeps the badge beside the title when the explanation is hidden.
QHBoxLayout *titleRow(const QString &title, BadgeLabel *badge, QLabel *advice, QWidget *parent);

// A word-wrapped, selectable line across the whole grid (the totals, the failure reason).
QLabel *addWideLine(FieldGrid *grid, const QString &objectName, QWidget *parent);

// The badge's text and tone, the API's own value as its tooltip, and the explanation.
void showState(BadgeLabel *badge, QLabel *advice, const QString &text, Labels::Tone tone,
               const QString &apiValue, const QString &explanation);
void clearState(BadgeLabel *badge, QLabel *advice);

// The view's layout, edge to edge: title row, `underTitle`, meta bar, then the tabs taking the rest.
void layOut(QWidget *view, QHBoxLayout *titleRow, QWidget *underTitle, ResultMetaBar *meta, QTabWidget *tabs);

} // namespace ResultHeader

} // namespace fenzhang
