#pragma once

// A value or an error, for operations whose failure the caller must handle (C++20 has no
// std::expected). Deliberately small: construct from either, test, then take one. The one error
// convention of core/: a function that can fail returns Expected<T, E> (Expected<void, E> when it
// yields nothing else), never a bool with an error out-parameter. Stateful writers that work like a
// QIODevice (CsvWriter, XlsxWriter) keep Qt's ok()/errorString() pair, and the functions that drive
// them turn it into an Expected.

#include <optional>
#include <utility>
#include <variant>

namespace fenzhang {

template <typename E>
struct Unexpected {
    E error;
};

template <typename E>
Unexpected<E> unexpected(E error)
{
    return Unexpected<E>{std::move(error)};
}

template <typename T, typename E>
class Expected final {
public:
    Expected(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Expected(Unexpected<E> error) : m_data(std::in_place_index<1>, std::move(error.error)) {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &std::get<0>(m_data); }
    T *operator->() { return &std::get<0>(m_data); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

// Success, or why not: for an operation that yields nothing else (a file written).
template <typename E> class Expected<void, E> final {
public:
    Expected() = default; // success
    Expected(Unexpected<E> error) : m_error(std::move(error.error)) {}

    bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }
    const E &error() const { return *m_error; }

private:
    std::optional<E> m_error;
};

} // namespace fenzhang
