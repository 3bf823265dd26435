// The encodings of the private inbox: an author's home document and an ephemeral job's route,
// as compact JSON that is only ever stored sealed. No nlohmann::json leaves this file.
#include "bot/home.hpp"

#include "bot/json_codec.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace openfloor::bot {
namespace {

using json = nlohmann::json;

constexpr int document_version = 1;

// Times are unix milliseconds, as in the database columns.
std::int64_t to_millis(time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

time_point from_millis(std::int64_t ms) {
    return time_point(std::chrono::milliseconds(ms));
}

bool read_string(const json& doc, const char* key, std::string& out) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) {
        return false;
    }
    out = it->get<std::string>();
    return true;
}

bool read_integer(const json& doc, const char* key, std::int64_t& out) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_integer() ||
        (it->is_number_unsigned() &&
         it->get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()})) {
        return false;
    }
    out = it->get<std::int64_t>();
    return true;
}

bool read_line(const json& doc, home_line& out) {
    std::int64_t at = 0;
    if (!doc.is_object() || !read_string(doc, "n", out.name) || !read_string(doc, "t", out.text) ||
        !read_integer(doc, "at", at)) {
        return false;
    }
    out.at = from_millis(at);
    return true;
}

bool read_entry(const json& doc, home_entry& out) {
    std::int64_t added = 0;
    if (!doc.is_object() || !read_integer(doc, "p", out.post_id) ||
        !read_integer(doc, "at", added)) {
        return false;
    }
    out.added = from_millis(added);
    const auto lines = doc.find("l");
    if (lines == doc.end() || !lines->is_array()) {
        return false;
    }
    return std::all_of(lines->begin(), lines->end(),
                       [&](const json& l) { return read_line(l, out.lines.emplace_back()); });
}

bool read_document(const json& doc, home_document& out) {
    std::int64_t version = 0;
    if (!doc.is_object() || !read_integer(doc, "v", version) || version != document_version) {
        return false;
    }
    const auto posts = doc.find("posts");
    if (posts == doc.end() || !posts->is_array()) {
        return false;
    }
    return std::all_of(posts->begin(), posts->end(),
                       [&](const json& p) { return read_entry(p, out.posts.emplace_back()); });
}

} // namespace

home_entry* home_document::entry_for(std::int64_t post_id, time_point added) {
    // Post ids grow with time: keeping them in descending order keeps the newest first.
    const auto at = std::find_if(posts.begin(), posts.end(),
                                 [&](const home_entry& e) { return e.post_id <= post_id; });
    if (at != posts.end() && at->post_id == post_id) {
        return &*at;
    }
    const auto index = static_cast<std::size_t>(at - posts.begin());
    if (index >= home_posts_kept) {
        return nullptr;
    }
    posts.insert(at, home_entry{post_id, added, {}});
    if (posts.size() > home_posts_kept) {
        posts.resize(home_posts_kept);
    }
    return &posts[index];
}

void home_document::add_line(home_entry& e, home_line line) {
    e.lines.push_back(std::move(line));
    if (e.lines.size() > home_lines_kept) {
        e.lines.erase(e.lines.begin(), e.lines.begin() + static_cast<std::ptrdiff_t>(
                                                             e.lines.size() - home_lines_kept));
    }
}

std::string encode(const home_document& d) {
    json posts = json::array();
    for (const home_entry& e : d.posts) {
        json lines = json::array();
        for (const home_line& l : e.lines) {
            lines.push_back({{"n", l.name}, {"t", l.text}, {"at", to_millis(l.at)}});
        }
        posts.push_back({{"p", e.post_id}, {"at", to_millis(e.added)}, {"l", std::move(lines)}});
    }
    return json_codec::dump(json{{"v", document_version}, {"posts", std::move(posts)}});
}

bool decode(std::string_view encoded, home_document& out) {
    return json_codec::parse(encoded, out, read_document);
}

std::string encode(const ephemeral_route& r) {
    return json_codec::dump(json{{"c", r.channel}, {"u", r.user}});
}

bool decode(std::string_view encoded, ephemeral_route& out) {
    return json_codec::parse(encoded, out, [](const json& doc, ephemeral_route& r) {
        return doc.is_object() && read_string(doc, "c", r.channel) && read_string(doc, "u", r.user);
    });
}

} // namespace openfloor::bot
