// `openfloor run`: load the config, raise the descriptor limit, build the bot, connect, serve until
// SIGINT/SIGTERM, then drain: stop accepting, let in-flight requests and sends finish (bounded),
// close the database.
#include "adapters/transport/spawn.hpp"
#include "app/bot_app.hpp"
#include "app/cli.hpp"
#include "app/drain.hpp"
#include "bot/log.hpp"
#include "config/loader.hpp"
#include "config/reload.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <cstdint>
#include <iostream>
#include <sys/resource.h>

namespace openfloor::app {
namespace {

asio::awaitable<void> start_or_quit(bot_app& app, asio::io_context& ioc, int& exit_code) {
    // Awaited into a variable first: g++ 12 miscompiles a co_await inside an if condition here
    // (the process dies on an illegal instruction).
    const bool started = co_await app.start();
    if (!started) {
        exit_code = exit_runtime;
        app.stop();
        ioc.stop();
    }
}

// SIGHUP: read the file again; a valid config's reloadable sections apply at once, an invalid
// one is refused and the running config stays. Connections are never touched.
asio::awaitable<void> reload_on_hangup(asio::signal_set& hangups, std::string path,
                                       config::settings& live, bot_app& app) {
    for (;;) {
        auto [ec, signal] = co_await hangups.async_wait(transport::use_tuple);
        if (ec) {
            co_return;
        }
        const auto fresh = config::load_file(path);
        if (!fresh.value) {
            for (const auto& p : fresh.problems) {
                bot::log::error("config.problem", {{"problem", config::format(p)}});
            }
            bot::log::error("config.reload_refused",
                            {{"problems", static_cast<std::int64_t>(fresh.problems.size())},
                             {"detail", "the running config stays as it was"}});
            continue;
        }
        const auto report = config::apply_reload(live, *fresh.value);
        app.reloaded();
        auto join = [](const std::vector<std::string>& parts) {
            std::string out;
            for (const auto& part : parts) {
                out += (out.empty() ? "" : ",") + part;
            }
            return out;
        };
        bot::log::info("config.reloaded", {{"applied", join(report.applied)}});
        if (!report.need_restart.empty()) {
            bot::log::warn("config.needs_restart", {{"sections", join(report.need_restart)}});
        }
    }
}

// Each connection, inbound or outbound, costs a descriptor, and distributions often start
// processes with a soft limit of 1,024. Raising it to the hard limit (which needs no privilege)
// lets the server hold its connection cap (see default_connection_limit) under a flood.
void raise_descriptor_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        bot::log::warn("openfloor.descriptor_limit_unknown");
        return;
    }
    const rlim_t was = limit.rlim_cur;
    if (limit.rlim_cur != limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {
            limit.rlim_cur = was; // an odd hard limit the kernel refuses: keep what we have
        }
    }
    auto figure = [](rlim_t n) {
        return n == RLIM_INFINITY ? std::int64_t{-1} : static_cast<std::int64_t>(n);
    };
    bot::log::info(
        "openfloor.descriptor_limit",
        {{"soft", figure(limit.rlim_cur)}, {"was", figure(was)}, {"hard", figure(limit.rlim_max)}});
}

} // namespace

int run_bot(const invocation& inv) {
    auto loaded = config::load_file(inv.config_path);
    if (!loaded.value) {
        for (const auto& p : loaded.problems) {
            std::cerr << config::format(p) << '\n';
        }
        return exit_usage;
    }
    config::settings& settings = *loaded.value; // SIGHUP updates it in place
    bot::log::init(settings.log);
    for (const auto& note : loaded.notes) {
        bot::log::info("config.note", {{"note", note}});
    }
    raise_descriptor_limit(); // before the server sizes its connection cap from it

    asio::io_context ioc{1};
    std::unique_ptr<bot_app> app;
    try {
        app = std::make_unique<bot_app>(ioc, settings);
    } catch (const std::exception& e) {
        bot::log::error("openfloor.start_failed", {{"why", e.what()}});
        std::cerr << "openfloor: " << e.what() << '\n';
        return exit_runtime;
    }
    int exit_code = exit_ok;
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    asio::signal_set hangups(ioc, SIGHUP);
    signals.async_wait([&](const boost::system::error_code& ec, int signal) {
        if (ec) {
            return;
        }
        bot::log::info("openfloor.signal", {{"signal", signal}});
        hangups.cancel();
        app->stop();
        transport::spawn_logged(ioc.get_executor(), "drain", drain(*app, ioc));
    });
    transport::spawn_logged(ioc.get_executor(), "start", start_or_quit(*app, ioc, exit_code));
    transport::spawn_logged(ioc.get_executor(), "reload",
                            reload_on_hangup(hangups, inv.config_path, settings, *app));
    ioc.run();
    app.reset(); // closes the database cleanly (checkpoints the WAL)
    bot::log::info("openfloor.stopped", {{"exit_code", exit_code}});
    return exit_code;
}

} // namespace openfloor::app
