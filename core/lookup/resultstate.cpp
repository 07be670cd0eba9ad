#include "lookup/resultstate.h"

#include "api/lookupservice.h"
#include "format/labels.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const QString frozenCode = u"frozen"_s;
const QString nothingLeftCode = u"none"_s;

} // namespace

QString ResultState::of(const LookupResult &result)
{
    if (result.order())
        return result.order()->state;
    if (result.returnOrder())
        return result.returnOrder()->result;
    if (result.amounts())
        return result.amounts()->unsplitAmount > 0 ? frozenCode : nothingLeftCode;
    return {};
}

QStringList ResultState::fixedCodes(LookupKind kind)
{
    return kind == LookupKind::Amounts ? QStringList{frozenCode, nothingLeftCode} : QStringList();
}

QString ResultState::label(LookupKind kind, const QString &code)
{
    switch (kind) {
    case LookupKind::Order:
        return Labels::orderState(code);
    case LookupKind::Return:
        return Labels::returnResult(code);
    case LookupKind::Amounts:
        return code == frozenCode ? tr("Money still to split") : tr("Nothing left to split");
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
