#include "lookup/resultstate.h"

#include "api/lookupservice.h"
#include "format/labels.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

QString ResultState::of(const LookupResult &result)
{
    return result.answer ? result.answer->stateCode() : QString();
}

QStringList ResultState::fixedCodes(LookupKind kind)
{
    return kind == LookupKind::Amounts ? QStringList{AmountsResult::frozenCode(), AmountsResult::nothingLeftCode()} : QStringList();
}

QString ResultState::label(LookupKind kind, const QString &code)
{
    switch (kind) {
    case LookupKind::Order:
        return Labels::orderState(code);
    case LookupKind::Return:
        return Labels::returnResult(code);
    case LookupKind::Amounts:
        return code == AmountsResult::frozenCode() ? tr("Money still to split") : tr("Nothing left to split");
    }
    return {};
}

} // namespace fenzhang
