#pragma once

// After "Import from folder": what was found in the folder and what is still missing, one line
// each (the merchant key and certificate or the p12, the WeChat Pay public key pub_key.pem and its
// PUB_KEY_ID_…, the mchid, the certificate serial), with where to get what is missing.

#include "profile/profile.h"
#include "profile/profileimport.h"

#include <QFrame>

class QLabel;

namespace fenzhang {

class ImportChecklist final : public QFrame {
    Q_OBJECT
public:
    struct Item {
        bool found = false;
        QString text;
    };

    explicit ImportChecklist(QWidget *parent = nullptr);

    // files: what the folder held; profile: the profile after ProfileImport::apply.
    void showFor(const QString &folder, const ImportedFiles &files, const Profile &profile);
    void clear();
    QList<Item> items() const { return m_items; }
    QString text() const;

    static QList<Item> itemsFor(const ImportedFiles &files, const Profile &profile);

private:
    QLabel *m_title;
    QLabel *m_list;
    QList<Item> m_items;
};

} // namespace fenzhang
