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

QString ResultState::groupKey(LookupKind kind)
{
    switch (kind) {
    case LookupKind::Order:
        return u"order_state"_s;
    case LookupKind::Return:
        return u"return_result"_s;
    case LookupKind::Amounts:
        return u"unsplit_amount"_s;
    }
    return {};
}

QString ResultState::groupName(LookupKind kind)
{
    switch (kind) {
    case LookupKind::Order:
        return tr("Orders");
    case LookupKind::Return:
        return tr("Returns");
    case LookupKind::Amounts:
        return tr("Transactions");
    }
    return {};
}

} // namespace fenzhang
