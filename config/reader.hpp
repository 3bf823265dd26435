// What every section reader shares: where problems and notes go, the line of a key path,
// ${ENV} expansion, and typed reads of one JSON value that report instead of throwing.
#pragma once

#include "config/json_with_lines.hpp"
#include "config/loader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::config::detail {

class context {
public:
    context(const line_map& lines, const env_lookup& env)
        : lines_(lines)
        , env_(env) {}

    // The line of a path, or of its nearest ancestor that is in the file.
    int line_of(std::string_view path) const;
    void problem(const std::string& path, std::string message);
    void problem_at(int line, const std::string& path, std::string message);
    void note(std::string text) { notes_.push_back(std::move(text)); }
    // Every key path a reader asks for (config/key_reference.hpp: a test compares the two).
    void asked(std::string path) { keys_asked_.push_back(std::move(path)); }
    // A whole-value "${NAME}" becomes the variable's value; an unset one is reported.
    std::optional<std::string> expand(const std::string& path, const std::string& raw);

    std::vector<config::problem> take_problems() { return std::move(problems_); }
    std::vector<std::string> take_notes() { return std::move(notes_); }
    std::vector<std::string> take_keys_asked() { return std::move(keys_asked_); }

private:
    const line_map& lines_;
    const env_lookup& env_;
    std::vector<config::problem> problems_;
    std::vector<std::string> notes_;
    std::vector<std::string> keys_asked_;
};

// "a string", "an integer", "null": for "expected X, got Y".
std::string describe(const json& v);
// A string as JSON text, safe to print whatever bytes it holds.
std::string quote(std::string_view s);

// Each reports what is wrong under `path` and returns nullopt instead of throwing.
std::optional<std::string> read_string(context& ctx, const json& v, const std::string& path);
std::optional<bool> read_bool(context& ctx, const json& v, const std::string& path);
std::optional<std::int64_t> read_integer(context& ctx, const json& v, const std::string& path,
                                         std::int64_t min, std::int64_t max);
// An array of strings; empty items are reported unless allowed.
std::optional<std::vector<std::string>>
read_strings(context& ctx, const json& v, const std::string& path, bool allow_empty_items);

} // namespace openfloor::config::detail
