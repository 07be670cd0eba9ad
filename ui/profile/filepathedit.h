#pragma once

// A path field with a "Browse…" button, for the key, certificate and CA files of a profile.
// The path can be typed or pasted too; tests set it with setPath().

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace fenzhang {

class FilePathEdit final : public QWidget {
    Q_OBJECT
public:
    explicit FilePathEdit(const QString &filter, QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    void setPlaceholderText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void pathChanged(const QString &path);

protected:
    // Names the inner edit and its Browse button after the label whose buddy this is, for
    // screen readers (the label is this widget's sibling, not the edit's).
    void showEvent(QShowEvent *event) override;

private:
    void browse();

    QString m_filter;
    QLineEdit *m_edit;
    QToolButton *m_button;
};

} // namespace fenzhang
