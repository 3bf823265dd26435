// Reads one JSON object of the config: typed getters per key, each of which also marks the key
// as known, so finish() can report every key nobody asked for as unknown (typos).
#pragma once

#include "config/reader.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openfloor::config::detail {

template <class Enum>
using choice = std::pair<std::string_view, Enum>;

class object_reader {
public:
    // `value` may be null (the block is omitted): every getter then finds nothing.
    // A value that is not an object is reported and treated the same way.
    object_reader(context& ctx, const json* value, std::string path);

    context& ctx() const { return *ctx_; }
    bool present() const { return object_ != nullptr; }
    const std::string& path() const { return path_; }
    std::string path_of(std::string_view key) const { return join_path(path_, key); }

    // The raw value under `key`, or null when absent; marks the key as known.
    const json* get(std::string_view key);
    // Like get(), but reports a missing key (unless the block itself was not an object).
    const json* require(std::string_view key);
    object_reader child(std::string_view key) { return {*ctx_, get(key), path_of(key)}; }

    // Each returns nullopt when the key is absent or wrong (and then says why).
    std::optional<std::string> string(std::string_view key);
    std::optional<std::string> required_string(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<std::vector<std::string>> strings(std::string_view key, bool allow_empty_items);
    // null -> nullopt, a string -> that string; `out` is untouched when absent or wrong.
    void nullable_string(std::string_view key, std::optional<std::string>& out);
    // One of `names`, as an index into it.
    std::optional<std::size_t> one_of(std::string_view key,
                                      const std::vector<std::string_view>& names);

    // Sets `out` and returns true when the key holds one of the table's names.
    template <class Enum, std::size_t N>
    bool enumeration(std::string_view key, Enum& out, const std::array<choice<Enum>, N>& table) {
        std::vector<std::string_view> names;
        names.reserve(N);
        for (const auto& [name, value] : table) {
            names.push_back(name);
        }
        const auto index = one_of(key, names);
        if (index) {
            out = table[*index].second;
        }
        return index.has_value();
    }

    // Reports a problem with the value under `key` (or with the key's absence).
    void report(std::string_view key, std::string message) {
        ctx_->problem(path_of(key), std::move(message));
    }
    // Reports `wrong` under `key` when it holds something; true when it holds nothing.
    bool check(std::string_view key, const std::optional<std::string>& wrong) {
        if (wrong) {
            report(key, *wrong);
        }
        return !wrong;
    }

    // Reports every key of the object that no getter asked for.
    void finish();

private:
    context* ctx_;
    const json* object_ = nullptr;
    bool wrong_type_ = false; // reported once; missing keys inside it would only be noise
    std::string path_;
    std::vector<std::string> known_;
};

} // namespace openfloor::config::detail
