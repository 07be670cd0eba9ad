#pragma once

// The batch's totals as a small table: rows answered and without a result, then orders by state
// (returns by result) and receivers by result, each with its count and amount in yuan.

#include "batch/batchexport.h"

#include <QTableWidget>

namespace fenzhang {

class ColumnSizer;

class BatchSummaryView final : public QTableWidget {
    Q_OBJECT
public:
    enum Column { GroupColumn, LabelColumn, CountColumn, AmountColumn };

    explicit BatchSummaryView(QWidget *parent = nullptr);
    // The sizer goes first: QTableWidget's own model resets while the table is torn down.
    ~BatchSummaryView() override;

    void setSummary(const BatchSummary &summary);
    void clearSummary();
    const BatchSummary &summary() const { return m_summary; }
    QSize minimumSizeHint() const override;

private:
    void addLine(const QString &group, const QString &label, int count, const QString &yuan);

    static constexpr int MinTextWidth = 60;
    BatchSummary m_summary;
    ColumnSizer *m_sizer = nullptr;
};

} // namespace fenzhang
