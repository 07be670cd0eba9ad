#pragma once

// The list "Check profile" fills: one row per check with passed / failed / not checked and what
// was found or what to do.

#include "profile/profilechecker.h"

#include <QTreeWidget>

namespace fenzhang {

class ProfileCheckView final : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProfileCheckView(QWidget *parent = nullptr);

    void showItems(const QList<CheckItem> &items);
    static QString outcomeText(CheckItem::Outcome outcome);
};

} // namespace fenzhang
