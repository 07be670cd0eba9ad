#pragma once

// What an answer came to, as one code per look-up kind, and its words: an order's state, a return's
// result, and for a remaining amount "frozen" (money still to split) or "none" (nothing left) — codes of
// this app, not WeChat Pay's. The batch summary, the batch and history tables and their exports all
// group and word answers by these.

#include "lookup/queries.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace fenzhang {

struct LookupResult;

class ResultState final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ResultState)
public:
    // The code of an answer with its typed result; empty without one.
    static QString of(const LookupResult &result);
    // The codes a kind always has, in order (a remaining amount's two); empty when the codes are
    // WeChat Pay's own (states and results are listed as they come).
    static QStringList fixedCodes(LookupKind kind);
    // A code in words, translated ("Finished", "Failed", "Money still to split").
    static QString label(LookupKind kind, const QString &code);
    // The group of such codes is named by LookupKinds::groupKey / groupName.
};

} // namespace fenzhang
