#include "profilecheckview.h"

#include "plaintext.h"

#include <QHeaderView>
#include <QStyle>

namespace fenzhang {

ProfileCheckView::ProfileCheckView(QWidget *parent) : QTreeWidget(parent)
{
    setHeaderLabels({tr("Check"), tr("Result"), tr("Details")});
    setRootIsDecorated(false);
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    header()->setSectionResizeMode(2, QHeaderView::Stretch);
    setMinimumHeight(160);
}

QString ProfileCheckView::outcomeText(CheckItem::Outcome outcome)
{
    switch (outcome) {
    case CheckItem::Outcome::Passed:
        return tr("Passed");
    case CheckItem::Outcome::Failed:
        return tr("Failed");
    case CheckItem::Outcome::NotChecked:
        break;
    }
    return tr("Not checked");
}

void ProfileCheckView::showItems(const QList<CheckItem> &items)
{
    clear();
    for (const CheckItem &item : items) {
        auto *row = new QTreeWidgetItem(this);
        row->setText(0, item.title);
        row->setText(1, outcomeText(item.outcome));
        row->setText(2, item.detail);
        row->setToolTip(2, plainToolTip(item.detail));
        if (item.outcome == CheckItem::Outcome::Passed)
            row->setIcon(1, style()->standardIcon(QStyle::SP_DialogApplyButton));
        else if (item.outcome == CheckItem::Outcome::Failed)
            row->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxCritical));
    }
    resizeColumnToContents(0);
    resizeColumnToContents(1);
}

} // namespace fenzhang
