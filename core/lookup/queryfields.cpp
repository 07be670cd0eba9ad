#include "lookup/queryfields.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

constexpr char context[] = "fenzhang::QueryFields";

// One field of a question: its API name, its label (with the API name, as WeChat Pay's documents and
// the clerk's spreadsheets call it), what to type, and the words a sentence names it with.
struct FieldWords {
    const char16_t *field;
    const char *label;
    const char *placeholder;
    const char *noun;
};

constexpr FieldWords fieldWords[] = {
    {u"sub_mchid", QT_TRANSLATE_NOOP("fenzhang::QueryFields", "Sub-merchant ID (sub_mchid)"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "e.g. 1900000109"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "the sub-merchant ID")},
    {u"transaction_id", QT_TRANSLATE_NOOP("fenzhang::QueryFields", "Transaction ID (transaction_id)"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "WeChat Pay order number, up to 32 digits"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "the WeChat Pay transaction ID")},
    {u"out_order_no", QT_TRANSLATE_NOOP("fenzhang::QueryFields", "Merchant order No. (out_order_no)"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "Your profit-sharing order number"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "your profit-sharing order number")},
    {u"out_return_no", QT_TRANSLATE_NOOP("fenzhang::QueryFields", "Merchant return No. (out_return_no)"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "Your profit-sharing return number"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "your return number")},
    {u"order_id", QT_TRANSLATE_NOOP("fenzhang::QueryFields", "WeChat Pay order ID (order_id)"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "WeChat Pay profit-sharing order ID"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "the WeChat Pay profit-sharing order ID")},
};

// A choice between fields that name the same thing (any order of its fields).
struct ChoiceWords {
    const char16_t *fields[2];
    const char *label;
    const char *noun;
};

constexpr ChoiceWords choiceWords[] = {
    {{u"order_id", u"out_order_no"},
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "Original order identified by"),
     QT_TRANSLATE_NOOP("fenzhang::QueryFields", "the original profit-sharing order")},
};

QString translated(const char *source)
{
    return QCoreApplication::translate(context, source);
}

const FieldWords *wordsOf(QStringView field)
{
    for (const FieldWords &words : fieldWords) {
        if (field == QStringView(words.field))
            return &words;
    }
    return nullptr;
}

const ChoiceWords *choiceOf(const QStringList &group)
{
    for (const ChoiceWords &words : choiceWords) {
        if (group.size() == 2 && group.contains(QStringView(words.fields[0])) &&
            group.contains(QStringView(words.fields[1])))
            return &words;
    }
    return nullptr;
}

} // namespace

QStringList QueryFields::all()
{
    QStringList fields;
    for (const FieldWords &words : fieldWords)
        fields.append(QString::fromUtf16(words.field));
    return fields;
}

QString QueryFields::label(QStringView field)
{
    const FieldWords *words = wordsOf(field);
    return words ? translated(words->label) : field.toString();
}

QString QueryFields::placeholder(QStringView field)
{
    const FieldWords *words = wordsOf(field);
    return words ? translated(words->placeholder) : QString();
}

QString QueryFields::noun(QStringView field)
{
    const FieldWords *words = wordsOf(field);
    return words ? translated(words->noun) : field.toString();
}

QString QueryFields::groupLabel(const QStringList &group)
{
    if (group.size() == 1)
        return label(group.first());
    const ChoiceWords *words = choiceOf(group);
    return words ? translated(words->label) : group.join(u" / ");
}

QString QueryFields::groupNoun(const QStringList &group)
{
    if (group.size() == 1)
        return noun(group.first());
    const ChoiceWords *words = choiceOf(group);
    return words ? translated(words->noun) : group.join(u" / ");
}

QString QueryFields::nounList(const FieldGroups &groups)
{
    QStringList nouns;
    for (const QStringList &group : groups)
        nouns.append(groupNoun(group));
    if (nouns.isEmpty())
        return {};
    // "a, b and c" / "a、b和c": the last two joined by "and", the others by the list separator.
    QString text = nouns.takeLast();
    if (!nouns.isEmpty())
        text =
            translated(QT_TRANSLATE_NOOP("fenzhang::QueryFields", "%1 and %2")).arg(nouns.takeLast(), text);
    while (!nouns.isEmpty())
        text = translated(QT_TRANSLATE_NOOP("fenzhang::QueryFields", "%1, %2")).arg(nouns.takeLast(), text);
    return text;
}

} // namespace fenzhang
