// load_file / load_text: parse with lines, read every block, collect every problem in file
// order. Nothing thrown inside escapes: hostile input becomes problems.
#include "config/loader.hpp"

#include "config/json_with_lines.hpp"
#include "config/object_reader.hpp"
#include "config/sections.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <system_error>

namespace openfloor::config {
namespace {

// A config is a few kilobytes; anything this large is a wrong path, not a config.
constexpr std::size_t max_file_bytes = 16U << 20U;

struct file_closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// The whole file, or why it cannot be read.
std::string read_all(const std::string& path, std::string& why) {
    const std::unique_ptr<std::FILE, file_closer> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        why = std::generic_category().message(errno);
        return {};
    }
    std::string text;
    std::array<char, 65536> buffer{};
    for (;;) {
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
        text.append(buffer.data(), n);
        if (text.size() > max_file_bytes) {
            why = "larger than " + std::to_string(max_file_bytes >> 20U) + " MiB";
            return {};
        }
        if (n < buffer.size()) {
            break;
        }
    }
    if (std::ferror(file.get()) != 0) { // e.g. EISDIR: fopen opens a directory, fread fails
        why = std::generic_category().message(errno);
    }
    return text;
}

void read_blocks(detail::object_reader& root, settings& s) {
    // Platforms first: moderation and channels check what refers to them.
    detail::read_server(root, s.server);
    detail::read_storage(root, s.storage);
    detail::read_identity(root, s.identity);
    detail::read_outbound(root, s.outbound);
    detail::read_slack(root, s);
    detail::read_mattermost(root, s);
    if (!s.slack && !s.mattermost) {
        root.ctx().problem("(root)", R"(needs a "slack" or a "mattermost" block (or both))");
    }
    detail::read_categories(root, s);
    detail::read_moderation(root, s);
    detail::read_author_limits(root, s);
    detail::read_log_and_locale(root, s);
    detail::read_channels(root, s);
    detail::read_digest(root, s);
    if (s.mattermost && !s.server.public_url) {
        root.ctx().note("server.public_url: not set, so Mattermost previews ask for a DM answer "
                        "\"post\" or \"cancel\" instead of showing buttons");
    }
    root.finish();
}

loaded load_parsed(detail::json_with_lines& parsed, const env_lookup& env) {
    loaded out;
    if (!parsed.complete) {
        out.problems = std::move(parsed.problems);
        return out;
    }
    detail::context ctx(parsed.lines, env);
    for (const problem& p : parsed.problems) { // duplicate keys
        ctx.problem_at(p.line, p.path, p.message);
    }
    settings s;
    if (parsed.root.is_object()) {
        detail::object_reader root(ctx, &parsed.root, "");
        read_blocks(root, s);
    } else {
        ctx.problem("(root)", "expected an object, got " + detail::describe(parsed.root));
    }
    out.problems = ctx.take_problems();
    out.notes = ctx.take_notes();
    out.keys_asked = ctx.take_keys_asked();
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const problem& a, const problem& b) { return a.line < b.line; });
    if (out.problems.empty()) {
        out.value = std::move(s);
    }
    return out;
}

} // namespace

std::string format(const problem& p) {
    return p.file + ':' + std::to_string(p.line) + ": " + p.path + ": " + p.message;
}

std::optional<std::string> process_env(std::string_view name) {
    // Config is loaded once at startup, before any other thread exists.
    const char* value = std::getenv(std::string(name).c_str()); // NOLINT(concurrency-mt-unsafe)
    return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

loaded load_text(std::string_view text, std::string_view file_name, const env_lookup& env) {
    loaded out;
    try {
        auto parsed = detail::parse_json_with_lines(text);
        out = load_parsed(parsed, env);
    } catch (const std::exception& e) { // a bug or no memory: still a report, never a crash
        out = loaded{};
        out.problems.push_back({{}, 0, "(file)", std::string("cannot load: ") + e.what()});
    }
    for (problem& p : out.problems) {
        p.file = file_name;
    }
    return out;
}

loaded load_file(const std::string& path, const env_lookup& env) {
    std::string why;
    const std::string text = read_all(path, why);
    if (!why.empty()) {
        loaded out;
        out.problems.push_back({path, 0, "(file)", "cannot read: " + why});
        return out;
    }
    return load_text(text, path, env);
}

} // namespace openfloor::config
