// object_reader: typed getters over one config object, and the "unknown key" report with a
// "did you mean" for near misses.
#include "config/object_reader.hpp"

#include <algorithm>

namespace openfloor::config::detail {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string>& known) {
    const std::string* best = nullptr;
    std::size_t best_distance = std::max<std::size_t>(1, key.size() / 4) + 1; // near misses only
    for (const std::string& candidate : known) {
        const std::size_t d = edit_distance(key, candidate);
        if (d < best_distance) {
            best = &candidate;
            best_distance = d;
        }
    }
    if (best != nullptr) {
        return "unknown key; did you mean " + quote(*best) + "?";
    }
    std::string out = "unknown key; expected one of";
    for (const std::string& candidate : known) {
        out += (&candidate == &known.front() ? " " : ", ") + candidate;
    }
    return known.empty() ? "unknown key" : out;
}

std::string list_choices(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += i + 1 == names.size() ? " or " : ", ";
        }
        out += quote(names[i]);
    }
    return out;
}

} // namespace

object_reader::object_reader(context& ctx, const json* value, std::string path)
    : ctx_(&ctx)
    , path_(std::move(path)) {
    if (value != nullptr && !value->is_object()) {
        ctx.problem(path_, "expected an object, got " + describe(*value));
        value = nullptr;
        wrong_type_ = true;
    }
    object_ = value;
}

const json* object_reader::get(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        known_.emplace_back(key);
        ctx_->asked(path_of(key));
    }
    if (object_ == nullptr) {
        return nullptr;
    }
    const auto it = object_->find(key);
    return it == object_->end() ? nullptr : &*it;
}

const json* object_reader::require(std::string_view key) {
    const json* v = get(key);
    if (v == nullptr && !wrong_type_) {
        ctx_->problem(path_of(key), "is required but missing");
    }
    return v;
}

std::optional<std::string> object_reader::string(std::string_view key) {
    const json* v = get(key);
    return v == nullptr ? std::nullopt : read_string(*ctx_, *v, path_of(key));
}

std::optional<std::string> object_reader::required_string(std::string_view key) {
    const json* v = require(key);
    return v == nullptr ? std::nullopt : read_string(*ctx_, *v, path_of(key));
}

std::optional<bool> object_reader::boolean(std::string_view key) {
    const json* v = get(key);
    return v == nullptr ? std::nullopt : read_bool(*ctx_, *v, path_of(key));
}

std::optional<std::int64_t> object_reader::integer(std::string_view key, std::int64_t min,
                                                   std::int64_t max) {
    const json* v = get(key);
    return v == nullptr ? std::nullopt : read_integer(*ctx_, *v, path_of(key), min, max);
}

std::optional<std::vector<std::string>> object_reader::strings(std::string_view key,
                                                               bool allow_empty_items) {
    const json* v = get(key);
    return v == nullptr ? std::nullopt : read_strings(*ctx_, *v, path_of(key), allow_empty_items);
}

void object_reader::nullable_string(std::string_view key, std::optional<std::string>& out) {
    const json* v = get(key);
    if (v == nullptr) {
        return;
    }
    if (v->is_null()) {
        out.reset();
        return;
    }
    if (!v->is_string()) {
        ctx_->problem(path_of(key), "expected a string or null, got " + describe(*v));
        return;
    }
    if (auto s = read_string(*ctx_, *v, path_of(key))) {
        out = std::move(*s);
    }
}

std::optional<std::size_t> object_reader::one_of(std::string_view key,
                                                 const std::vector<std::string_view>& names) {
    const auto value = string(key);
    if (!value) {
        return std::nullopt;
    }
    const auto it = std::find(names.begin(), names.end(), *value);
    if (it == names.end()) {
        ctx_->problem(path_of(key), "must be " + list_choices(names) + ", got " + quote(*value));
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - names.begin());
}

void object_reader::finish() {
    if (object_ == nullptr) {
        return;
    }
    for (const auto& [key, value] : object_->items()) {
        if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
            ctx_->problem(path_of(key), unknown_key_message(key, known_));
        }
    }
}

} // namespace openfloor::config::detail
