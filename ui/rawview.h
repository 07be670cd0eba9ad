#pragma once

// The "Raw" tab: the HTTP status, the response headers (never Authorization or cookies) and the
// body, re-indented without touching its numbers.

#include "api/apiresponse.h"

#include <QPlainTextEdit>

namespace fenzhang {

class RawView final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit RawView(QWidget *parent = nullptr);

    void setResponse(const ApiResponse &response);
    static QString format(const ApiResponse &response);
    static bool isHiddenHeader(QByteArrayView name);
};

} // namespace fenzhang
