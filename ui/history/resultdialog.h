#pragma once

// A look-up's result in its own window, drawn by the app's result views (or the error panel):
// how the batch page opens a row and the history page a past look-up, the latter marked
// "from history, looked up at …" so nobody mistakes it for a fresh answer.

#include <QDateTime>
#include <QDialog>

class QLabel;

namespace fenzhang {

class AnswerView;
class ErrorPanel;
class OrderResultView;
class ReturnResultView;
struct LookupResult;

class ResultDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ResultDialog(QWidget *parent = nullptr);

    void setResult(const LookupResult &result);
    // Marks the result as restored from history, looked up at `lookedUpAt`.
    void setFromHistory(const QDateTime &lookedUpAt);

    QString historyNote() const;
    OrderResultView *orderView() const { return m_orderView; }
    ReturnResultView *returnView() const { return m_returnView; }
    AnswerView *answerView() const { return m_answerView; }
    ErrorPanel *errorPanel() const { return m_errorPanel; }

private:
    QLabel *m_history;
    OrderResultView *m_orderView;
    ReturnResultView *m_returnView;
    AnswerView *m_answerView;
    ErrorPanel *m_errorPanel;
};

} // namespace fenzhang
