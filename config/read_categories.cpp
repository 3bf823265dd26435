// The categories block: name -> {label, keywords}. Given at all, it replaces the default
// categories wholesale and keeps the order of the file.
#include "config/rules.hpp"
#include "config/sections.hpp"

#include <algorithm>
#include <map>

namespace openfloor::config::detail {
namespace {

constexpr std::size_t max_category_name = 64;

struct keyword_owner {
    std::string category;
    std::string path;
};

std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return s;
}

std::vector<std::string> read_keywords(object_reader& r, const std::string& name) {
    const json* given = r.get("keywords");
    if (given == nullptr) {
        return {name};
    }
    auto keywords = r.strings("keywords", /*allow_empty_items=*/false);
    if (keywords && keywords->empty()) {
        r.report("keywords", "needs at least one keyword (omit it to use " + quote(name) + ")");
    }
    return keywords.value_or(std::vector<std::string>{});
}

// Authors pick a category by keyword, so one keyword must not lead to two categories.
void check_unique_keywords(context& ctx, const category_settings& c, const object_reader& r,
                           bool defaulted, std::map<std::string, keyword_owner>& owners) {
    for (std::size_t i = 0; i < c.keywords.size(); ++i) {
        const std::string path = defaulted ? r.path() : index_path(r.path_of("keywords"), i);
        const auto [it, fresh] =
            owners.try_emplace(lowercase(c.keywords[i]), keyword_owner{c.name, path});
        if (!fresh && it->second.category != c.name) {
            ctx.problem(path, quote(c.keywords[i]) + " is already a keyword of category " +
                                  quote(it->second.category) + " (line " +
                                  std::to_string(ctx.line_of(it->second.path)) + ")");
        }
    }
}

} // namespace

void read_categories(object_reader& root, settings& out) {
    context& ctx = root.ctx();
    const json* block = root.get("categories");
    if (block == nullptr) {
        return; // the defaults stay
    }
    if (!block->is_object()) {
        ctx.problem("categories", "expected an object of categories, got " + describe(*block));
        return;
    }
    if (block->empty()) {
        ctx.problem("categories", "needs at least one category");
    }
    std::vector<category_settings> categories;
    std::map<std::string, keyword_owner> owners;
    for (const auto& [name, body] : block->items()) {
        object_reader r(ctx, &body, join_path("categories", name));
        if (!is_simple_name(name, max_category_name)) {
            ctx.problem(r.path(), "category names use a-z, 0-9, '_' and '-' (at most 64)");
        }
        category_settings c{name, {}, {}};
        if (auto label = r.required_string("label")) {
            if (label->empty()) {
                r.report("label", "must not be empty");
            }
            c.label = std::move(*label);
        }
        c.keywords = read_keywords(r, name);
        check_unique_keywords(ctx, c, r, r.present() && !body.contains("keywords"), owners);
        r.finish();
        categories.push_back(std::move(c));
    }
    out.categories = std::move(categories);
}

} // namespace openfloor::config::detail
