// `openfloor demo`: the bot with the local demo platform and its web page, on a built-in config
// (no file, no tokens): SQLite in a temporary directory removed at exit, a random identity key,
// one channel "team" (mistake, question) whose pre-moderation the page switches. Serves until
// SIGINT/SIGTERM, then drains like `run`.
#include "adapters/local/protocol.hpp"
#include "adapters/transport/spawn.hpp"
#include "app/bot_app.hpp"
#include "app/cli.hpp"
#include "app/drain.hpp"
#include "bot/log.hpp"

#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace openfloor::app {
namespace {

constexpr std::string_view default_listen = "127.0.0.1:8080";
// The demo is one person clicking around: generous, so the limit does not get in the way,
// yet still there to be met.
constexpr int demo_posts_per_hour = 20;

// A fresh directory for the demo's database, removed with everything in it when the demo ends.
class scratch_dir {
public:
    scratch_dir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "openfloor-demo-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temporary directory (" + pattern + ")");
        }
        path_ = pattern;
    }
    ~scratch_dir() {
        std::error_code ignored; // nothing left to do about a file we cannot remove
        std::filesystem::remove_all(path_, ignored);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

config::settings demo_settings(std::string listen, const std::filesystem::path& dir) {
    config::settings s;
    s.server.listen = std::move(listen);
    s.storage.path = (dir / "openfloor-demo.db").string();
    // 256 random bits, new every run: the demo's pseudonyms mean nothing once it stops.
    s.identity.key = config::secret(bot::identity::random_id() + bot::identity::random_id());
    s.outbound.channel_interval = std::chrono::milliseconds(0); // a local platform needs no pacing
    config::channel_settings team;
    team.key = std::string(local::team_channel_key);
    team.platform = local::demo_platform;
    team.channel_id = std::string(local::team_channel);
    team.categories = {"mistake", "question"};
    team.moderation = config::moderation_mode::none; // the page's review switch sets "pre"
    team.anonymous_replies = true; // Theo can answer anonymously too, and the page shows how
    s.channels.push_back(std::move(team));
    auto& queue = local::demo_platform == config::platform::slack ? s.moderation.slack_channel
                                                                  : s.moderation.mattermost_channel;
    queue = std::string(local::moderators_channel);
    s.moderation.moderators = {std::string(local::moderator_user_id)};
    // The demo has one teammate: one flag hides a post, so the page can show what happens next
    // (a team would keep the default of 3 different people).
    s.moderation.flag_threshold = 1;
    s.limits.posts_per_hour = demo_posts_per_hour;
    s.log.level = config::log_level::warn; // the page is the show; the terminal stays quiet
    s.log.format = config::log_format::text;
    return s;
}

// "host:port" with a port of digits (0 picks a free one); the server resolves the host.
bool looks_like_listen(std::string_view listen) {
    const auto colon = listen.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == listen.size()) {
        return false;
    }
    const auto port = listen.substr(colon + 1);
    return port.size() <= 5 &&
           std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "http://127.0.0.1:8080/" for the address actually bound (port 0 picks a free one).
std::string page_url(std::string_view listen, unsigned short port) {
    const auto colon = listen.rfind(':');
    const std::string_view host =
        colon == std::string_view::npos ? listen : listen.substr(0, colon);
    return "http://" + std::string(host) + ":" + std::to_string(port) + "/";
}

asio::awaitable<void> start_demo(bot_app& app, asio::io_context& ioc, std::string listen,
                                 int& exit_code) {
    const bool started = co_await app.start(); // not inside the if: see run_command.cpp
    if (!started) {
        std::cerr << "openfloor demo: cannot listen on " << listen
                  << " (the log line above says why; another port: --listen 127.0.0.1:8081)\n";
        exit_code = exit_runtime;
        app.stop();
        ioc.stop();
        co_return;
    }
    std::cout << "openfloor demo: open " << page_url(listen, app.port()) << std::endl;
    std::cout << "(Ctrl-C stops it; the demo's database is deleted then.)" << std::endl;
}

} // namespace

int run_demo(const invocation& inv) {
    const std::string listen = inv.listen.empty() ? std::string(default_listen) : inv.listen;
    if (!looks_like_listen(listen)) {
        std::cerr << "openfloor demo: --listen takes host:port, e.g. 127.0.0.1:8080\n" << usage();
        return exit_usage;
    }
    std::unique_ptr<scratch_dir> dir;
    try {
        dir = std::make_unique<scratch_dir>();
    } catch (const std::exception& e) {
        std::cerr << "openfloor demo: " << e.what() << '\n';
        return exit_runtime;
    }
    config::settings settings = demo_settings(listen, dir->path()); // the switch edits it
    bot::log::init(settings.log);

    asio::io_context ioc{1};
    std::unique_ptr<bot_app> app;
    try {
        app = std::make_unique<bot_app>(ioc, settings, /*local_demo=*/true);
    } catch (const std::exception& e) {
        std::cerr << "openfloor demo: " << e.what() << '\n';
        return exit_runtime;
    }
    app->local()->review().on_flip([&settings, &app](bool on) {
        settings.channels.front().moderation =
            on ? config::moderation_mode::pre : config::moderation_mode::none;
        app->reloaded();
    });
    int exit_code = exit_ok;
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int signal) {
        if (ec) {
            return;
        }
        bot::log::info("openfloor.signal", {{"signal", signal}});
        app->stop();
        transport::spawn_logged(ioc.get_executor(), "drain", drain(*app, ioc));
    });
    transport::spawn_logged(ioc.get_executor(), "start", start_demo(*app, ioc, listen, exit_code));
    ioc.run();
    app.reset(); // closes the database before its directory goes
    return exit_code;
}

} // namespace openfloor::app
