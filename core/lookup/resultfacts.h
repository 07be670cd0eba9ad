#pragma once

// A look-up's answer as a person reads it, one description per kind (resultfacts.cpp): its state
// (what it is called, in words, the code WeChat Pay or this app gave it, its tone and advice), its
// facts in order (label and value; a value the product's answer does not have is empty and left
// out), the lines of an order — its receivers — with their columns, and what failed with the advice
// for each failure met. The CLI's table prints it, the batch table's reason and detail pane read its
// problem and advice, and the desktop shows it for a kind without a view of its own (AnswerView): a
// new kind is readable everywhere once its answer is described here.

#include "format/labels.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace fenzhang {

struct LookupResult;

struct ResultFacts {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ResultFacts)
public:
    struct Fact {
        QString label;
        QString value;
    };
    struct State {
        QString name;  // "State", "Result", "Remaining amount"
        QString label; // "Finished", "Money still to split"
        QString code;  // "FINISHED", "frozen" (ResultState's code)
        QString sent;  // what the answer said, beside the words: "FINISHED", "unsplit_amount = 9200"
        Labels::Tone tone = Labels::Tone::Neutral;
        QString advice; // what it means for the clerk
    };

    QString title; // the kind's: "Profit-sharing result", "Return result", ...
    State state;
    QList<Fact> facts;
    // An order's receivers: "Receivers (3)", the column headings, one row each, and which columns
    // are numbers (right-aligned). Empty for a kind without lines.
    QString linesTitle;
    QStringList lineHeader;
    QList<QStringList> lines;
    QList<int> numericColumns;
    // Why the answer did not (all) go through, in one line: a failed return's reason, an order's
    // receivers not paid with theirs; empty when nothing failed.
    QString problem;
    // What to do, once per failure reason met (label: the reason's code, value: the advice).
    QList<Fact> advice;

    // Empty (no title) for a result without a typed answer.
    static ResultFacts of(const LookupResult &result);
    // Only problem and advice, without formatting the rest (the batch table asks it for every row).
    static ResultFacts failures(const LookupResult &result);
    // "Finished (FINISHED)": the words and the code as sent, both visible; the code alone when the
    // words are the code or unknown; empty without a code.
    static QString labelled(const QString &label, const QString &code);
};

} // namespace fenzhang
