#include "accessibility.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QToolButton>

namespace fenzhang::Accessibility {

void nameClearButton(QLineEdit *edit)
{
    const auto buttons = edit->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly);
    for (QToolButton *button : buttons)
        button->setAccessibleName(QCoreApplication::translate("fenzhang::Accessibility", "Clear the field"));
}

} // namespace fenzhang::Accessibility
