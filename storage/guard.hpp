// The one place where SQLiteCpp's exceptions become a bot::error: every repository method runs
// its body through guard(), which logs the operation and the SQLite code, never a bound value.
#pragma once

#include "bot/error.hpp"
#include "bot/ports.hpp"

#include <SQLiteCpp/Exception.h>

#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace openfloor::storage {

// A stored value that does not read back (an unknown state name, a bad pseudonym). Thrown by the
// column readers, turned into bot::error::malformed_payload by guard().
class malformed_row : public std::runtime_error {
public:
    explicit malformed_row(const std::string& column)
        : std::runtime_error(column) {}
    std::string_view column() const { return what(); }
};

boost::system::error_code storage_failure(std::string_view op, const SQLite::Exception& e);
boost::system::error_code storage_failure(std::string_view op); // not an SQLite exception
boost::system::error_code malformed(std::string_view op, const malformed_row& e);

namespace detail {
template <class T>
struct result_of_body {
    using type = bot::result<T>;
};
template <class T>
struct result_of_body<bot::result<T>> { // a body may answer an error itself
    using type = bot::result<T>;
};
} // namespace detail

// Runs `body` and wraps what it returns (void, a value or a result) in a bot::result.
template <class Body>
auto guard(std::string_view op, Body&& body) ->
    typename detail::result_of_body<std::invoke_result_t<Body&>>::type {
    using value = std::invoke_result_t<Body&>;
    using out = typename detail::result_of_body<value>::type;
    // Errors go in with in_place_error: result<bool> would otherwise take the code as a bool.
    try {
        if constexpr (std::is_void_v<value>) {
            body();
            return out();
        } else {
            return out(body());
        }
    } catch (const malformed_row& e) {
        return out(boost::system::in_place_error, malformed(op, e));
    } catch (const SQLite::Exception& e) {
        return out(boost::system::in_place_error, storage_failure(op, e));
    } catch (const std::exception&) { // SQLiteCpp also throws std::bad_alloc and friends
        return out(boost::system::in_place_error, storage_failure(op));
    }
}

} // namespace openfloor::storage
