#pragma once

// The batch's totals as a small table: rows answered and without a result, then orders by state
// (returns by result) and receivers by result, each with its count and amount in yuan.

#include "batch/batchexport.h"

#include <QTableWidget>

namespace fenzhang {

class BatchSummaryView final : public QTableWidget {
    Q_OBJECT
public:
    explicit BatchSummaryView(QWidget *parent = nullptr);

    void setSummary(const BatchSummary &summary);
    void clearSummary();
    const BatchSummary &summary() const { return m_summary; }

private:
    void addLine(const QString &group, const QString &label, int count, const QString &yuan);

    BatchSummary m_summary;
};

} // namespace fenzhang
