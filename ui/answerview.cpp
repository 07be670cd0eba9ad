#include "answerview.h"

#include "api/lookupservice.h"
#include "badgelabel.h"
#include "fieldgrid.h"
#include "lookup/resultfacts.h"
#include "rawview.h"
#include "resultheader.h"
#include "resultmetabar.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

AnswerView::AnswerView(QWidget *parent)
    : QWidget(parent), m_state(new BadgeLabel(this)), m_advice(new QLabel(this)), m_facts(new QWidget(this)),
      m_factsLayout(new QVBoxLayout(m_facts)), m_meta(new ResultMetaBar(this)), m_tabs(new QTabWidget(this)),
      m_lines(new QTableWidget(this)), m_raw(new RawView(this))
{
    setObjectName(u"answerView"_s);
    m_state->setObjectName(u"answerStateBadge"_s);
    m_advice->setObjectName(u"answerAdvice"_s);
    QHBoxLayout *titleRow = ResultHeader::titleRow(QString(), m_state, m_advice, this);
    m_title = qobject_cast<QLabel *>(titleRow->itemAt(0)->widget());
    m_factsLayout->setContentsMargins(0, 0, 0, 0);

    m_lines->setObjectName(u"answerLines"_s);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->verticalHeader()->hide();
    m_lines->hide(); // a tab only for an answer with lines
    m_tabs->addTab(m_raw, tr("Raw answer"));
    ResultHeader::layOut(this, titleRow, m_facts, m_meta, m_tabs);
}

void AnswerView::setResult(const LookupResult &result)
{
    const ResultFacts facts = ResultFacts::of(result);
    if (facts.title.isEmpty()) {
        clear();
        return;
    }
    m_title->setText(facts.title);
    ResultHeader::showState(m_state, m_advice, facts.state.label, facts.state.tone, facts.state.sent,
                            facts.state.advice);

    // The facts of this answer, afresh: another kind or product has other ones.
    delete m_grid;
    m_grid = new FieldGrid(2, m_facts);
    m_factsLayout->addWidget(m_grid);
    m_values.clear();
    for (const ResultFacts::Fact &fact : facts.facts) {
        if (fact.value.isEmpty())
            continue;
        QLabel *value = m_grid->addField(fact.label, QString());
        value->setText(fact.value);
        value->setAccessibleName(fact.label);
        m_values.append({fact.label, value});
    }
    // What failed and what to do about it, under the numbers.
    QStringList notes;
    if (!facts.problem.isEmpty())
        notes << tr("Not all went through: %1").arg(facts.problem);
    for (const ResultFacts::Fact &advice : facts.advice)
        notes << tr("What to do (%1): %2").arg(advice.label, advice.value);
    if (!notes.isEmpty())
        ResultHeader::addWideLine(m_grid, u"answerNotes"_s, m_grid)->setText(notes.join(u'\n'));

    const int linesTab = m_tabs->indexOf(m_lines);
    if (facts.linesTitle.isEmpty()) {
        if (linesTab >= 0)
            m_tabs->removeTab(linesTab);
    } else {
        if (linesTab < 0)
            m_tabs->insertTab(0, m_lines, facts.linesTitle);
        else
            m_tabs->setTabText(linesTab, facts.linesTitle);
        m_lines->clear();
        m_lines->setColumnCount(int(facts.lineHeader.size()));
        m_lines->setHorizontalHeaderLabels(facts.lineHeader);
        m_lines->setRowCount(int(facts.lines.size()));
        for (int row = 0; row < facts.lines.size(); ++row) {
            for (int column = 0; column < facts.lines.at(row).size(); ++column) {
                auto *item = new QTableWidgetItem(facts.lines.at(row).at(column)); // plain text
                if (facts.numericColumns.contains(column))
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_lines->setItem(row, column, item);
            }
        }
        m_lines->resizeColumnsToContents();
        m_tabs->setCurrentIndex(0);
    }
    m_meta->setResult(result);
    m_raw->setResponse(result.response);
}

void AnswerView::clear()
{
    m_title->clear();
    ResultHeader::clearState(m_state, m_advice);
    delete m_grid;
    m_grid = nullptr;
    m_values.clear();
    if (const int linesTab = m_tabs->indexOf(m_lines); linesTab >= 0)
        m_tabs->removeTab(linesTab);
    m_lines->clear();
    m_raw->clear();
}

QString AnswerView::title() const
{
    return m_title->text();
}

QString AnswerView::value(const QString &label) const
{
    for (const auto &[name, value] : m_values) {
        if (name == label)
            return value->text();
    }
    return {};
}

} // namespace fenzhang
