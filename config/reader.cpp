// Typed reads of single JSON values, ${ENV} expansion and problem bookkeeping for the loader.
#include "config/reader.hpp"

#include <cmath>
#include <limits>

namespace openfloor::config::detail {
namespace {

// Bounds above this are "no real upper bound" and are not worth mentioning up front.
constexpr std::int64_t unbounded = std::numeric_limits<std::int32_t>::max();

std::string parent_of(std::string_view path) {
    const auto cut = path.find_last_of(".[");
    return cut == std::string_view::npos ? std::string() : std::string(path.substr(0, cut));
}

// "${NAME}" with a plain variable name, or nothing.
std::optional<std::string_view> env_name(std::string_view raw) {
    if (raw.size() < 4 || !raw.starts_with("${") || !raw.ends_with("}")) {
        return std::nullopt;
    }
    const std::string_view name = raw.substr(2, raw.size() - 3);
    const auto ok = [](char c, bool first) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               (!first && c >= '0' && c <= '9');
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (!ok(name[i], i == 0)) {
            return std::nullopt;
        }
    }
    return name;
}

// `too_small` picks the bound to name when there is no real upper one.
std::string range_message(const std::string& n, bool too_small, std::int64_t min,
                          std::int64_t max) {
    const std::string got = ", got " + n;
    if (max >= unbounded) {
        return too_small ? "must be at least " + std::to_string(min) + got
                         : "must be at most " + std::to_string(max) + got;
    }
    return "must be between " + std::to_string(min) + " and " + std::to_string(max) + got;
}

} // namespace

int context::line_of(std::string_view path) const {
    std::string p(path);
    for (;;) {
        if (const auto it = lines_.find(p); it != lines_.end()) {
            return it->second;
        }
        if (p.empty()) {
            return 1;
        }
        p = parent_of(p);
    }
}

void context::problem(const std::string& path, std::string message) {
    problem_at(line_of(path), path, std::move(message));
}

void context::problem_at(int line, const std::string& path, std::string message) {
    problems_.push_back({{}, line, path, std::move(message)});
}

std::optional<std::string> context::expand(const std::string& path, const std::string& raw) {
    const auto name = env_name(raw);
    if (!name) {
        return raw;
    }
    auto value = env_ ? env_(*name) : std::nullopt;
    if (!value) {
        problem(path, "environment variable " + std::string(*name) + " is not set");
    }
    return value;
}

std::string describe(const json& v) {
    switch (v.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return "an integer";
    case json::value_t::number_float:
        return "a number";
    case json::value_t::string:
        return "a string";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    default:
        return "something else";
    }
}

std::string quote(std::string_view s) {
    // replace: a value from the environment need not be valid UTF-8, and dump() would throw.
    return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<std::string> read_string(context& ctx, const json& v, const std::string& path) {
    if (!v.is_string()) {
        ctx.problem(path, "expected a string, got " + describe(v));
        return std::nullopt;
    }
    return ctx.expand(path, v.get_ref<const std::string&>());
}

std::optional<bool> read_bool(context& ctx, const json& v, const std::string& path) {
    if (!v.is_boolean()) {
        ctx.problem(path, "expected true or false, got " + describe(v));
        return std::nullopt;
    }
    return v.get<bool>();
}

std::optional<std::int64_t> read_integer(context& ctx, const json& v, const std::string& path,
                                         std::int64_t min, std::int64_t max) {
    std::int64_t n = 0;
    if (v.is_number_integer() && !v.is_number_unsigned()) {
        n = v.get<std::int64_t>();
    } else if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max)) {
            ctx.problem(path, range_message(std::to_string(u), false, min, max));
            return std::nullopt;
        }
        n = static_cast<std::int64_t>(u);
    } else if (v.is_number_float()) {
        // 1e3 is an integer written as a float; 1e30 or 2.5 is not one we can take.
        const double d = v.get<double>();
        if (std::trunc(d) != d) {
            ctx.problem(path, "expected an integer, got a number with a fraction");
            return std::nullopt;
        }
        if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
            ctx.problem(path, range_message(v.dump(), d < static_cast<double>(min), min, max));
            return std::nullopt;
        }
        n = static_cast<std::int64_t>(d);
    } else {
        ctx.problem(path, "expected an integer, got " + describe(v));
        return std::nullopt;
    }
    if (n < min || n > max) {
        ctx.problem(path, range_message(std::to_string(n), n < min, min, max));
        return std::nullopt;
    }
    return n;
}

std::optional<std::vector<std::string>>
read_strings(context& ctx, const json& v, const std::string& path, bool allow_empty_items) {
    if (!v.is_array()) {
        ctx.problem(path, "expected an array of strings, got " + describe(v));
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string item_path = index_path(path, i);
        auto item = read_string(ctx, v[i], item_path);
        if (item && item->empty() && !allow_empty_items) {
            ctx.problem(item_path, "must not be empty");
            item.reset();
        }
        ok = ok && item.has_value();
        if (item) {
            out.push_back(std::move(*item));
        }
    }
    return ok ? std::optional(std::move(out)) : std::nullopt;
}

} // namespace openfloor::config::detail
