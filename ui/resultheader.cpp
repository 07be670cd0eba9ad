#include "resultheader.h"

#include "badgelabel.h"
#include "fieldgrid.h"
#include "plaintext.h"
#include "resultmetabar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fenzhang::ResultHeader {

QHBoxLayout *titleRow(const QString &title, BadgeLabel *badge, QLabel *advice, QWidget *parent)
{
    advice->setWordWrap(true);
    advice->setTextFormat(Qt::PlainText);

    auto *titleLabel = new QLabel(title, parent);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);

    auto *row = new QHBoxLayout;
    row->addWidget(titleLabel);
    row->addWidget(badge);
    row->addWidget(advice, 1);
    row->addStretch();
    return row;
}

QLabel *addWideLine(FieldGrid *grid, const QString &objectName, QWidget *parent)
{
    auto *line = new QLabel(parent);
    line->setObjectName(objectName);
    line->setWordWrap(true);
    line->setTextFormat(Qt::PlainText); // the answer's text
    line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWide(line);
    return line;
}

void showState(BadgeLabel *badge, QLabel *advice, const QString &text, Labels::Tone tone,
               const QString &apiValue, const QString &explanation)
{
    badge->setBadge(text, tone);
    badge->setToolTip(plainToolTip(apiValue)); // an unknown value is shown as received
    advice->setText(explanation);
}

void clearState(BadgeLabel *badge, QLabel *advice)
{
    badge->setBadge({}, Labels::Tone::Neutral);
    advice->clear();
}

void layOut(QWidget *view, QHBoxLayout *titleRow, QWidget *underTitle, ResultMetaBar *meta, QTabWidget *tabs)
{
    auto *layout = new QVBoxLayout(view);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(underTitle);
    layout->addWidget(meta);
    layout->addWidget(tabs, 1);
}

} // namespace fenzhang::ResultHeader
