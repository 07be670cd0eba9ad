#pragma once

// The product the desktop's forms ask as. The desktop does not follow the profile's product yet
// (issue 18 goes on: forms without sub_mchid for a direct merchant, the ordinary return form
// without order_id, the remaining-amount page); until it does it asks what it always asked: orders as
// a service provider (普通分账), returns as a chain brand (连锁品牌分账). The one place this is decided.

#include "lookup/queries.h"

namespace fenzhang {

inline Product deskProduct(LookupKind kind)
{
    return kind == LookupKind::Return ? Product::Brand : Product::ServiceProvider;
}

} // namespace fenzhang
