#pragma once

// Scenario numbers: an out_order_no (order look-up) or out_return_no (return look-up) of the form
// SCN-<KIND>[-<N>][-<tag>] makes the sandbox misbehave on purpose. KIND is case-insensitive, N is
// the number of calls that misbehave (or the delay in ms for SLOW), and any tag after it only makes
// the number distinct so it gets its own call counter. docs/sandbox.md has the table.

#include <QString>

namespace fenzhang::sandbox {

struct Scenario {
    enum class Kind {
        None,
        Processing,    // PROCESSING for N calls (default 2), then FINISHED / SUCCESS
        NotFound,      // 404 RESOURCE_NOT_EXISTS
        RateLimited,   // 429 FREQUENCY_LIMITED with Retry-After for N calls (default 1), then success
        SystemError,   // 500 SYSTEM_ERROR for N calls (default 1), then success
        NoAuth,        // 403 NO_AUTH
        Slow,          // the answer comes after N ms (default 3000)
        Drop,          // the connection is closed before any byte of the answer
        DropMidBody,   // headers and half the body, then the connection is closed
        PrimaryDown,   // dropped when the Host is 127.0.0.1 (the "primary"), answered for any other
        Tamper,        // the body is changed after signing
        UnknownSerial, // signed, but Wechatpay-Serial names a key the client does not have
        Stale,         // correctly signed with a Wechatpay-Timestamp 10 minutes old
        SignTest,      // Wechatpay-Signature starts with WECHATPAY/SIGNTEST/
        Unsigned,      // no Wechatpay-* headers at all
        NotJson,       // 200, signed, but the body is HTML
        Oversize,      // 200 with a body just over 32 MiB (33 MiB), streamed
        UnknownEnum,   // enum values no document lists
        BigAmount,     // amounts beyond 2^53 (2^53 + 1 and INT64_MAX)
        TimeFormats,   // every time format seen in the docs, including 13:29:35:120+08:00
        OtherAnswer,   // 200, genuinely signed, but the answer to another order / return
        RetryAfter,    // 429 FREQUENCY_LIMITED with Retry-After: N seconds (default 1), every call
        Hostile,       // 400 PARAM_ERROR whose message carries ESC sequences, U+202E and HTML tags
    };

    Kind kind = Kind::None;
    int count = -1; // N as written, -1 when absent

    // Whether the call-th call (1-based) to this number misbehaves.
    bool active(int call) const;
    // For Slow: the delay in milliseconds.
    int delayMs() const;
    QLatin1StringView name() const;

    static Scenario fromNumber(const QString &number);
};

} // namespace fenzhang::sandbox
