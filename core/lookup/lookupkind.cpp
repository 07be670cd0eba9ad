#include "lookup/lookupkind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// A translatable text and what it is for (lupdate's disambiguation: "Return" the noun and "Return"
// the sheet name may read differently).
struct Text {
    const char *source;
    const char *role;
};

// What each kind is called, in LookupKind order. Translated in the context fenzhang::LookupKinds.
struct KindWords {
    LookupKind kind;
    const char16_t *name;
    const char16_t *pluralName;
    const char16_t *groupKey;
    Text noun;
    Text pageTitle;
    Text dialogTitle;
    Text batchChoice;
    Text groupName;
    Text stateTitle;
    Text sheetName;
    Text subject;      // %1: the number the look-up is about
    Text batchSubject; // %n: the rows
};

constexpr KindWords kindWords[] = {
    {LookupKind::Order, u"order", u"orders", u"order_state",
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Order", "noun"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Profit-sharing result", "page title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Profit-sharing result", "dialog title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Profit-sharing results (orders)", "batch choice"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Orders", "group"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Orders by state:", "state title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Receivers", "sheet"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Profit-sharing order %1", "subject"),
     QT_TRANSLATE_N_NOOP3("fenzhang::LookupKinds", "Batch of %n order look-up(s)", "batch subject")},
    {LookupKind::Return, u"return", u"returns", u"return_result",
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Return", "noun"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Profit-sharing return", "page title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Return result", "dialog title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Profit-sharing returns", "batch choice"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Returns", "group"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Returns by result:", "state title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Return", "sheet"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Profit-sharing return %1", "subject"),
     QT_TRANSLATE_N_NOOP3("fenzhang::LookupKinds", "Batch of %n return look-up(s)", "batch subject")},
    {LookupKind::Amounts, u"amounts", u"amounts", u"unsplit_amount",
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Remaining amount", "noun"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Remaining amount", "page title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Remaining amount to share", "dialog title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Remaining amounts (剩余待分金额)", "batch choice"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Transactions", "group"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Transactions by amount still to split:", "state title"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Amount", "sheet"),
     QT_TRANSLATE_NOOP3("fenzhang::LookupKinds", "Amount still to split of transaction %1", "subject"),
     QT_TRANSLATE_N_NOOP3("fenzhang::LookupKinds", "Batch of %n remaining-amount look-up(s)",
                          "batch subject")},
};

constexpr bool tableInKindOrder()
{
    for (std::size_t i = 0; i < std::size(kindWords); ++i) {
        if (kindWords[i].kind != LookupKind(i))
            return false;
    }
    return true;
}
static_assert(tableInKindOrder(), "kindWords must list every LookupKind in order");

const KindWords &wordsOf(LookupKind kind)
{
    switch (kind) { // a new kind fails -Wswitch here until it has its row above
    case LookupKind::Order:
    case LookupKind::Return:
    case LookupKind::Amounts:
        return kindWords[std::size_t(kind)];
    }
    return kindWords[0];
}

QString translated(const Text &text, int n = -1)
{
    return QCoreApplication::translate("fenzhang::LookupKinds", text.source, text.role, n);
}

} // namespace

QString LookupKinds::name(LookupKind kind)
{
    return QString::fromUtf16(wordsOf(kind).name);
}

std::optional<LookupKind> LookupKinds::fromName(QStringView word)
{
    for (const LookupKind kind : all()) {
        if (word == name(kind))
            return kind;
    }
    return std::nullopt;
}

QString LookupKinds::pluralName(LookupKind kind)
{
    return QString::fromUtf16(wordsOf(kind).pluralName);
}

QString LookupKinds::groupKey(LookupKind kind)
{
    return QString::fromUtf16(wordsOf(kind).groupKey);
}

QString LookupKinds::noun(LookupKind kind)
{
    return translated(wordsOf(kind).noun);
}

QString LookupKinds::pageTitle(LookupKind kind)
{
    return translated(wordsOf(kind).pageTitle);
}

QString LookupKinds::dialogTitle(LookupKind kind)
{
    return translated(wordsOf(kind).dialogTitle);
}

QString LookupKinds::batchChoice(LookupKind kind)
{
    return translated(wordsOf(kind).batchChoice);
}

QString LookupKinds::groupName(LookupKind kind)
{
    return translated(wordsOf(kind).groupName);
}

QString LookupKinds::stateTitle(LookupKind kind)
{
    return translated(wordsOf(kind).stateTitle);
}

QString LookupKinds::sheetName(LookupKind kind)
{
    return translated(wordsOf(kind).sheetName);
}

QString LookupKinds::subject(LookupKind kind, const QString &number)
{
    return translated(wordsOf(kind).subject).arg(number);
}

QString LookupKinds::batchSubject(LookupKind kind, int rows)
{
    return translated(wordsOf(kind).batchSubject, rows);
}

} // namespace fenzhang
