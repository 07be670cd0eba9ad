#pragma once

// The optional last step of "Check profile": looks up an order the user knows exists, end to end
// through LookupService, which proves what the offline checks cannot: that WeChat Pay accepts the
// signature (mchid, key, serial) and that its answer verifies (public key and id), over the
// profile's hosts, CA and timeout.

#include "api/connection.h"
#include "lookup/queries.h"
#include "profile/profilechecker.h"

#include <QObject>
#include <QPointer>

namespace fenzhang {

class LookupJob;

class ProfileLookupCheck final : public QObject {
    Q_OBJECT
public:
    explicit ProfileLookupCheck(QObject *parent = nullptr);

    // settings as Profile::toConnectionSettings gives them; they are used to build the client and
    // not kept. Answers once with finished(), possibly before returning.
    void start(const ConnectionSettings &settings, const OrderQuery &query);
    void cancel();

Q_SIGNALS:
    void finished(const fenzhang::CheckItem &item);

private:
    void finish(CheckItem::Outcome outcome, const QString &detail);

    QPointer<LookupJob> m_job;
    QObject *m_owner = nullptr; // client and service of the running check
};

} // namespace fenzhang
