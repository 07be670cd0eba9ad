#include "tableformatter.h"

#include "format/exporttable.h"
#include "lookup/resultfacts.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

QString pad(const QString &text, int width, bool right)
{
    const int fill = qMax(0, width - TableFormatter::displayWidth(text));
    return right ? QString(QString(fill, u' ') + text) : QString(text + QString(fill, u' '));
}

// "Label:  value" lines with the values aligned.
QString fieldList(const QList<QPair<QString, QString>> &fields)
{
    int width = 0;
    for (const auto &field : fields)
        width = qMax(width, TableFormatter::displayWidth(field.first));
    QString text;
    for (const auto &[name, value] : fields) {
        if (value.isEmpty())
            continue;
        text += "  "_L1 + pad(name + u':', width + 1, false) + "  "_L1 + value + u'\n';
    }
    return text;
}

QString signatureLine(const LookupResult &result)
{
    return result.response.verified ? TableFormatter::tr("verified") : TableFormatter::tr("NOT verified");
}

} // namespace

int TableFormatter::displayWidth(QStringView text)
{
    return fenzhang::displayWidth(text); // the one table of wide characters, shared with the workbook
}

QString TableFormatter::alignedTable(const QList<QStringList> &rows, const QList<int> &rightAligned)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = qMax(widths[i], displayWidth(row.at(i)));
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line = "  "_L1;
        for (int i = 0; i < row.size(); ++i) {
            if (i > 0)
                line += "  "_L1;
            line += pad(row.at(i), widths.at(i), rightAligned.contains(i));
        }
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    }
    return text;
}

QString TableFormatter::format(const LookupResult &result)
{
    // Every kind from its own description (lookup/resultfacts): nothing here names a kind.
    const ResultFacts facts = ResultFacts::of(result);
    if (facts.title.isEmpty())
        return {};
    QString text = facts.title + u'\n';
    QList<QPair<QString, QString>> fields = {
        {facts.state.name, ResultFacts::labelled(facts.state.label, facts.state.sent)},
        {tr("Advice"), facts.state.advice},
    };
    for (const ResultFacts::Fact &fact : facts.facts)
        fields.append({fact.label, fact.value});
    fields.append({tr("Signature"), signatureLine(result)});
    fields.append({u"Request-ID"_s, QString::fromLatin1(result.response.requestId)});
    text += fieldList(fields);

    if (!facts.linesTitle.isEmpty()) {
        text += u'\n' + facts.linesTitle + u'\n';
        if (!facts.lines.isEmpty())
            text += alignedTable(QList<QStringList>{facts.lineHeader} + facts.lines, facts.numericColumns);
    }
    if (!facts.advice.isEmpty()) {
        text += u'\n' + tr("What to do:") + u'\n';
        for (const ResultFacts::Fact &advice : facts.advice)
            text += "  "_L1 + advice.label + ": "_L1 + advice.value + u'\n';
    }
    return text;
}

} // namespace fenzhang
