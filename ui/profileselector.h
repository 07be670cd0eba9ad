#pragma once

// The merchant-profile combo box: lists the provider's profiles and makes the chosen one the
// controller's current profile.

#include <QComboBox>

namespace fenzhang {

class LookupController;

class ProfileSelector final : public QComboBox {
    Q_OBJECT
public:
    explicit ProfileSelector(LookupController *controller, QWidget *parent = nullptr);

    void reload();
    QString currentProfileId() const;

private:
    LookupController *m_controller;
};

} // namespace fenzhang
