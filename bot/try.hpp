// Early return on a failed result, so a use case reads as its steps. Any failure aborts the
// whole use case, and its transaction rolls back.
#pragma once

#include <boost/system/result.hpp>

#define OPENFLOOR_CONCAT_INNER(a, b) a##b
#define OPENFLOOR_CONCAT(a, b) OPENFLOOR_CONCAT_INNER(a, b)

// OPENFLOOR_TRY(auto post, db.posts().find(ws, n)); declares `post` from a result<T>.
#define OPENFLOOR_TRY_IMPL(tmp, decl, expr)                                                       \
    auto tmp = (expr);                                                                             \
    if (!tmp) {                                                                                    \
        return {::boost::system::in_place_error, tmp.error()};                                     \
    }                                                                                              \
    decl = std::move(*tmp)
#define OPENFLOOR_TRY(decl, expr) OPENFLOOR_TRY_IMPL(OPENFLOOR_CONCAT(try_, __LINE__), decl, expr)

// OPENFLOOR_CHECK(db.posts().update(p)); for result<void>.
#define OPENFLOOR_CHECK(expr)                                                                      \
    do {                                                                                           \
        if (auto check_result_ = (expr); !check_result_) {                                        \
            return {::boost::system::in_place_error, check_result_.error()};                       \
        }                                                                                          \
    } while (false)
