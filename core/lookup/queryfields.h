#pragma once

// What the fields of the look-ups' questions are called, one table (queryfields.cpp): the label a
// form and a result show ("Sub-merchant ID (sub_mchid)"), what to type (the placeholder), and the
// words a sentence names it with ("the sub-merchant ID"); a choice group (lookup/queries.h,
// FieldGroups: a chain brand's return names its order by order_id or out_order_no) has a label and
// words of its own. Translated in the context fenzhang::QueryFields. A field a kind adds gets its row
// here; the forms, the page hints and the result views read it.

#include "lookup/queries.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace fenzhang {

class QueryFields final {
public:
    // Every field with a row in the table, in the table's order.
    static QStringList all();
    static QString label(QStringView field);       // "Sub-merchant ID (sub_mchid)"; the API name if unknown
    static QString placeholder(QStringView field); // "e.g. 1900000109"
    static QString noun(QStringView field);        // "the sub-merchant ID"

    // A group of one field is that field's; a choice's: "Original order identified by", "the original
    // profit-sharing order".
    static QString groupLabel(const QStringList &group);
    static QString groupNoun(const QStringList &group);
    // "the sub-merchant ID, your return number and the original profit-sharing order": what a
    // question of these groups asks, as the user's language lists things.
    static QString nounList(const FieldGroups &groups);
};

} // namespace fenzhang
