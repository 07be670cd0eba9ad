#pragma once

// The batch page's live table: one line per imported row with its status as BatchRunner reports it
// and, once answered, the state and amount, and the error or the reason it did not go through. Reads the
// runner; keeps no copy.

#include "batch/batchrunner.h"

#include <QAbstractTableModel>
#include <QHash>

namespace fenzhang {

class BatchRowsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        RowNumberColumn,
        StatusColumn,
        SubMchidColumn,
        NumberColumn,
        StateColumn,
        AmountColumn,
        RemainingColumn, // an order batch with remaining amounts asked: the payment's 剩余待分金额
        DetailColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // codes, fen and row numbers as they are, for sorting and tests
        StatusRole,                      // BatchRunner::RowStatus as int
    };

    explicit BatchRowsModel(BatchRunner *runner, QObject *parent = nullptr);

    // After BatchRunner::setRows().
    void reload();
    // An order batch's remaining amounts: whether this run asks them (the column means something; not
    // asked, it is empty and the page hides it). Clears the answers.
    void setRemainingAsked(bool asked);
    bool remainingAsked() const { return m_remainingAsked; }
    // One payment's answer: the rows of its orders change, no others.
    void addRemaining(const LookupResult &answer);
    // The answers so far, by transaction_id.
    const QHash<QString, LookupResult> &remainingAnswers() const { return m_remaining; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(BatchRunner::RowStatus status);
    // The row in words for the detail pane: number, status, state, amount, the reason it failed
    // (or why receivers were not paid) with what to do, and the Request-ID.
    QString detailText(int row) const;

private:
    QVariant display(int row, int column) const;
    QVariant raw(int row, int column) const;
    void rowChanged(int row);

    // The remaining-amount answer of this row's payment, when there is one.
    const LookupResult *remainingOf(int row) const;

    BatchRunner *m_runner;
    int m_rows = 0;
    bool m_remainingAsked = false;
    QHash<QString, LookupResult> m_remaining;
    QMultiHash<QString, int> m_rowsByTransaction; // order rows by their transaction_id
};

} // namespace fenzhang
