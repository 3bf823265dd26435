// fuzz_config: any text as a config file, through config::load_text with a fixed environment,
// then what `openfloor check` and SIGHUP do with a config that loads (summary, apply_reload).
#include "config/loader.hpp"
#include "config/reload.hpp"
#include "tests/fuzz/rig/expect.hpp"
#include "tests/fuzz/targets.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace openfloor::fuzz {
namespace {

constexpr std::string_view file_name = "fuzz.jsonc";

// The variables the examples use, and one set to "" (set but empty is not unset).
std::optional<std::string> fuzz_env(std::string_view name) {
    static const std::map<std::string, std::string, std::less<>> env{
        {"OPENFLOOR_SECRET", "fuzz-identity-secret-0123456789abcdef-0123456789"},
        {"SLACK_BOT_TOKEN", "xoxb-1-fuzz"},
        {"SLACK_APP_TOKEN", "xapp-1-fuzz"},
        {"SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5"},
        {"MATTERMOST_BOT_TOKEN", "mm-bot-token"},
        {"MATTERMOST_COMMAND_TOKEN", "xk4zn8e3gtd3mrqc6hrmg1p5ya"},
        {"EMPTY", ""},
    };
    const auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string all_problems(const config::loaded& l) {
    std::string out;
    for (const auto& p : l.problems) {
        out += config::format(p) + '\n';
    }
    return out;
}

// What the loader promises about the settings it hands out (settings.hpp's comments).
void check_settings(const config::settings& s) {
    expect(s.identity.key.reveal().size() >= 32, "an identity secret under 32 bytes");
    if (s.slack) {
        expect(s.slack->api_base_url.ends_with('/'), "slack.api_base_url without its '/'");
    }
    if (s.mattermost) {
        expect(!s.mattermost->url.empty() && !s.mattermost->url.ends_with('/'),
               "mattermost.url empty or with a trailing '/'");
    }
    if (s.server.public_url) {
        expect(!s.server.public_url->ends_with('/'), "server.public_url with a trailing '/'");
    }
    for (const auto& ch : s.channels) {
        expect(!ch.key.empty() && s.find_channel(ch.key) == &ch, "a channel key empty or twice");
        for (const auto& cat : ch.categories) {
            expect(s.find_category(cat) != nullptr, "a channel with an unknown category");
        }
    }
    expect(s.posting.delay_min <= s.posting.delay_max, "posting delays out of order");
    expect(s.limits.max_chars > 0 && s.limits.posts_per_hour >= 0, "limits out of range");

    config::settings live = s;
    const auto report = config::apply_reload(live, s);
    expect(report.need_restart.empty(), "reloading the same config asks for a restart");
    expect(!config::summary(s).empty(), "an empty summary");
}

} // namespace

int fuzz_config(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = config::load_text(text, file_name, fuzz_env);
    expect(loaded.value.has_value() == loaded.problems.empty(),
           "settings handed out with problems, or withheld without one");
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const auto& p : loaded.problems) {
        expect(p.file == file_name && !p.path.empty() && !p.message.empty(),
               "a problem without its file, key path or message: " + config::format(p));
        expect(p.line >= 0 && p.line <= lines,
               "a problem on a line the file does not have: " + config::format(p));
        // load_text turns an exception into "(file): cannot load: …": a bug, never an answer.
        expect(!(p.path == "(file)" && p.message.starts_with("cannot load")),
               "the loader threw: " + p.message);
    }
    const auto again = config::load_text(text, file_name, fuzz_env);
    expect(all_problems(again) == all_problems(loaded), "the same text loaded differently");
    if (loaded.value) {
        check_settings(*loaded.value);
    }
    return 0;
}

} // namespace openfloor::fuzz
