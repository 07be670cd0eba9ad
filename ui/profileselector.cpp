#include "profileselector.h"

#include "lookupcontroller.h"
#include "plaintext.h"

#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace fenzhang {

ProfileSelector::ProfileSelector(LookupController *controller, QWidget *parent)
    : QComboBox(parent), m_controller(controller)
{
    setObjectName(u"profileSelector"_s);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("The merchant account the look-ups are made with"));
    connect(controller->provider(), &ConnectionProvider::profilesChanged, this, &ProfileSelector::reload);
    connect(controller, &LookupController::currentProfileChanged, this, [this](const QString &id) {
        const QSignalBlocker blocker(this);
        setCurrentIndex(findData(id));
    });
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { m_controller->setCurrentProfile(currentProfileId()); });
    reload();
}

void ProfileSelector::reload()
{
    const QSignalBlocker blocker(this);
    clear();
    const auto profiles = m_controller->provider()->profiles();
    for (const ConnectionProfile &p : profiles) {
        addItem(p.name, p.id);
        setItemData(count() - 1, plainToolTip(p.settings.client.primaryUrl.toString()), Qt::ToolTipRole);
    }
    if (profiles.isEmpty())
        addItem(tr("No profile — start with --demo or pass connection options"), QString());
    setCurrentIndex(qMax(findData(m_controller->currentProfileId()), 0));
    if (currentProfileId() != m_controller->currentProfileId())
        m_controller->setCurrentProfile(currentProfileId());
}

QString ProfileSelector::currentProfileId() const
{
    return currentData().toString();
}

} // namespace fenzhang
