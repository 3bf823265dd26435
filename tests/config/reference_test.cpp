// The README's "Configuration reference" against the loader: it lists every key the loader reads
// and no other, each with the type and the default the loader really applies.
#include "config/json_with_lines.hpp"
#include "config/key_reference.hpp"
#include "tests/config/config_fixture.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace openfloor::testing {
namespace {

std::filesystem::path source_dir() {
    // Set by CTest; the fallback serves a test binary started by hand.
    if (const char* dir = std::getenv("OPENFLOOR_TEST_SOURCE")) { // NOLINT(concurrency-mt-unsafe)
        return dir;
    }
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

// A table cell as written, without the surrounding spaces and code backticks.
std::string cell_text(const std::string& cell) {
    std::string s = trim(cell);
    if (s.size() >= 2 && s.front() == '`' && s.back() == '`') {
        s = s.substr(1, s.size() - 2);
    }
    return s;
}

// "| `key` | type | default | meaning |" as a key_doc (no cell may hold a '|').
void add_row(const std::string& line, std::map<std::string, config::key_doc>& rows) {
    std::vector<std::string> cells;
    std::istringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) {
        cells.push_back(cell);
    }
    ASSERT_GE(cells.size(), 4U) << "a row with too few cells: " << line;
    const std::string key = cell_text(cells[0]);
    EXPECT_FALSE(rows.contains(key)) << key << " is listed twice";
    rows[key] = {key, cell_text(cells[1]), cell_text(cells[2])};
}

// The rows of the README's reference section, by key.
std::map<std::string, config::key_doc> readme_reference() {
    std::istringstream readme(read_text(source_dir() / "README.md"));
    std::map<std::string, config::key_doc> rows;
    bool inside = false;
    for (std::string line; std::getline(readme, line);) {
        if (line.starts_with("## ")) {
            inside = line == "## Configuration reference";
        } else if (inside && line.starts_with("| `")) {
            add_row(line, rows);
        }
    }
    return rows;
}

std::map<std::string, config::key_doc> by_path(const std::vector<config::key_doc>& docs) {
    std::map<std::string, config::key_doc> out;
    for (const auto& doc : docs) {
        out[doc.path] = doc;
    }
    return out;
}

bool is_required(const config::key_doc& doc) {
    return doc.value.starts_with("required");
}

// "channels[0].key" -> "channels[].key", "categories.idea.label" -> "categories.<name>.label".
std::string generic_path(const std::string& path) {
    static const std::regex index(R"(\[\d+\])");
    static const std::regex category(R"(^categories\.[a-z0-9_-]+\.)");
    return std::regex_replace(std::regex_replace(path, index, "[]"), category,
                              "categories.<name>.");
}

// Paths of which no other path is a part: the keys that hold values.
std::set<std::string> leaves(const std::set<std::string>& paths) {
    std::set<std::string> out;
    for (const std::string& p : paths) {
        const bool parent = std::any_of(paths.begin(), paths.end(), [&p](const std::string& q) {
            return q.starts_with(p + ".") || q.starts_with(p + "[");
        });
        if (!parent) {
            out.insert(p);
        }
    }
    return out;
}

// The required keys, both platforms, one channel: everything else is left out.
const std::string required_only = R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "${SLACK_BOT_TOKEN}", "app_token": "${SLACK_APP_TOKEN}" },
  "mattermost": { "url": "https://mm.example.com", "bot_token": "${MATTERMOST_BOT_TOKEN}",
                  "command_token": "${MATTERMOST_COMMAND_TOKEN}" },
  "channels": [ { "key": "eng", "channel_id": "C1" } ]
})";

class ConfigReference : public ConfigTest {
protected:
    // Every key set, and set to something other than its default.
    std::string every_key_set() {
        const std::string cert = write("cert", "cert.pem");
        const std::string key = write("key", "key.pem");
        const std::string ca = write("ca", "ca.pem");
        return R"({
  "server": { "listen": "127.0.0.1:9090", "public_url": "https://openfloor.example.com",
              "tls": { "cert_file": ")" +
               cert + R"(", "key_file": ")" + key + R"(" },
              "max_body_bytes": 2048, "request_timeout_ms": 5000 },
  "storage": { "path": "elsewhere.db", "retention_days": 30 },
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "outbound": { "ca_file": ")" +
               ca + R"(", "timeout_ms": 3000, "max_attempts": 3,
                "channel_interval_ms": 0 },
  "slack": { "mode": "http", "bot_token": "${SLACK_BOT_TOKEN}", "app_token": "${SLACK_APP_TOKEN}",
             "signing_secret": "${SLACK_SIGNING_SECRET}", "api_base_url": "http://127.0.0.1:9/api/" },
  "mattermost": { "url": "https://mm.example.com", "bot_token": "${MATTERMOST_BOT_TOKEN}",
                  "command_token": "${MATTERMOST_COMMAND_TOKEN}" },
  "channels": [ { "key": "eng", "platform": "mattermost", "channel_id": "c1",
                  "categories": ["bug"], "moderation": "pre", "confirm": false,
                  "anonymous_replies": true, "webhook_url": "https://hooks.example.com/x",
                  "digest": true } ],
  "categories": { "idea": { "label": "I have an idea", "keywords": ["idea", "suggestion"] },
                  "bug": { "label": "I found a bug" } },
  "moderation": { "channel": { "slack": "C0MODS", "mattermost": "mods" }, "moderators": ["U1"],
                  "blocked_words": ["password"], "blocked_words_action": "queue",
                  "flag_threshold": 0 },
  "privacy": { "notices": "home" },
  "limits": { "posts_per_hour": 2, "max_chars": 500 },
  "posting": { "delay_seconds": [1, 60] },
  "drafts": { "ttl_minutes": 10 },
  "digest": { "day": "monday", "time": "09:00", "utc_offset": "+01:00" },
  "locale": "sv",
  "log": { "level": "debug", "format": "text" }
})";
    }

    config::settings load_clean(const std::string& text) {
        auto result = load(text);
        EXPECT_EQ(printed(result), std::vector<std::string>{});
        config::settings s; // named: g++ 12 warns falsely about a temporary's optionals
        if (result.value) {
            s = std::move(*result.value);
        }
        return s;
    }
};

TEST_F(ConfigReference, ReadmeListsEveryKeyWithTheLoadersTypeAndDefault) {
    const auto readme = readme_reference();
    const auto loader = by_path(config::key_reference());
    ASSERT_FALSE(readme.empty()) << "README.md has no \"## Configuration reference\" table";
    for (const auto& [path, doc] : loader) {
        const auto row = readme.find(path);
        if (row == readme.end()) {
            ADD_FAILURE() << "README.md does not list " << path << " (" << doc.type << ", default "
                          << doc.value << ")";
            continue;
        }
        EXPECT_EQ(row->second.type, doc.type) << "type of " << path;
        EXPECT_EQ(row->second.value, doc.value) << "default of " << path;
    }
    for (const auto& [path, row] : readme) {
        EXPECT_TRUE(loader.contains(path)) << "README.md lists " << path << ", the loader has none";
    }
}

TEST_F(ConfigReference, ListsExactlyTheKeysTheLoaderAsksFor) {
    const auto result = load(every_key_set());
    ASSERT_EQ(printed(result), std::vector<std::string>{});
    std::set<std::string> asked;
    for (const std::string& path : result.keys_asked) {
        asked.insert(generic_path(path));
    }
    const auto documented = by_path(config::key_reference());
    for (const std::string& path : leaves(asked)) {
        EXPECT_TRUE(documented.contains(path)) << "the loader reads " << path << ", undocumented";
    }
    for (const auto& [path, doc] : documented) {
        EXPECT_TRUE(asked.contains(path)) << path << " is documented but the loader never reads it";
    }
}

TEST_F(ConfigReference, AKeyLeftOutGetsItsDocumentedDefault) {
    const auto loaded = by_path(config::key_reference(load_clean(required_only)));
    // Keys inside a category exist only once the file defines one; give it nothing but a label.
    std::string with_category = required_only;
    with_category.insert(with_category.rfind('}'),
                         R"(, "categories": { "idea": { "label": "I have an idea" } })");
    const auto in_category = by_path(config::key_reference(load_clean(with_category)));
    const std::set<std::string> given = {"slack", "mattermost"}; // required_only sets them

    for (const auto& doc : config::key_reference()) {
        if (given.contains(doc.path)) {
            continue;
        }
        const auto& seen = doc.path.starts_with("categories.<name>.") ? in_category : loaded;
        ASSERT_TRUE(seen.contains(doc.path)) << doc.path;
        EXPECT_EQ(seen.at(doc.path).value, doc.value) << "the loader's default for " << doc.path;
    }
}

TEST_F(ConfigReference, EveryDefaultShowsTheValueTheFileSets) {
    // Otherwise the test above could pass on a reference that ignores the settings.
    const auto set = by_path(config::key_reference(load_clean(every_key_set())));
    for (const auto& doc : config::key_reference()) {
        if (!is_required(doc)) {
            EXPECT_NE(set.at(doc.path).value, doc.value) << doc.path << " ignores the file";
        }
    }
}

// All keys of a parsed JSON value, arrays of objects as "[]" and category names as "<name>".
void collect_keys(const config::detail::json& v, const std::string& path,
                  std::set<std::string>& out) {
    if (v.is_object() && !v.empty()) {
        for (const auto& [key, child] : v.items()) {
            const std::string name = path == "categories" ? "<name>" : key;
            collect_keys(child, path.empty() ? name : path + '.' + name, out);
        }
    } else if (v.is_array() && !v.empty() && v[0].is_object()) {
        collect_keys(v[0], path + "[]", out);
    } else {
        out.insert(path);
    }
}

TEST_F(ConfigReference, ListsEveryKeyOfTheInterfaceSpec) {
    const auto spec = source_dir() / ".." / "shared" / "spec" / "interface.md";
    if (!std::filesystem::exists(spec)) {
        GTEST_SKIP() << spec << " is not beside this checkout";
    }
    const std::string text = read_text(spec);
    const auto start = text.find("```jsonc\n", text.find("## Config file"));
    ASSERT_NE(start, std::string::npos) << "no jsonc block under \"## Config file\"";
    const auto body = start + std::string_view("```jsonc\n").size();
    const auto parsed =
        config::detail::parse_json_with_lines(text.substr(body, text.find("```", body) - body));
    ASSERT_TRUE(parsed.complete) << "the spec's config block does not parse";
    std::set<std::string> keys;
    collect_keys(parsed.root, "", keys);
    EXPECT_GT(keys.size(), 30U);
    const auto documented = by_path(config::key_reference());
    for (const std::string& key : keys) {
        EXPECT_TRUE(documented.contains(key)) << "interface.md has " << key;
    }
}

} // namespace
} // namespace openfloor::testing
