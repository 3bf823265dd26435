// What every end-to-end fixture does the same way: capture the bot's log at debug level, start
// the bot and send it a request from the test's io_context, and gather the bytes an anonymity
// scan must search (the database, its -wal and -shm, and the log).
#pragma once

#include "adapters/transport/http_client.hpp"
#include "bot/log.hpp"
#include "tests/support/run_until.hpp"
#include "tests/support/temp_dir.hpp"

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace openfloor::testing {

// Every log line, at debug level, appended to `into` (which must outlive the capture).
inline void capture_log(std::string& into) {
    config::log_settings log;
    log.level = config::log_level::debug;
    bot::log::init(log, [&into](std::string_view line) {
        into.append(line);
        into.push_back('\n');
    });
}

inline void release_log() {
    bot::log::init({});
}

// A fixture's end: the log on failure (what CI shows), the bot stopped and given a moment to
// close its sockets, destroyed, and the log released.
template <class App>
void finish_e2e(std::unique_ptr<App>& bot, transport::asio::io_context& ioc, bool failed,
                const std::string& log) {
    if (failed) {
        std::cerr << "---- the bot's log ----\n" << log;
    }
    if (bot) {
        bot->stop();
        run_until(ioc, [] { return false; }, std::chrono::milliseconds(50));
    }
    bot.reset();
    release_log();
}

// co_spawn this: starts `app` (a bot_app) and says when, and whether, it did.
template <class App>
transport::asio::awaitable<void> start_app(App& app, bool& started, bool& ok) {
    ok = co_await app.start();
    started = true;
}

// co_spawn this: one request, its answer (if any) in `out`, then `done`.
inline transport::asio::awaitable<void> send_request(transport::http_client& client,
                                                     transport::client_request req,
                                                     std::optional<transport::client_response>& out,
                                                     bool& done) {
    auto r = co_await client.send(std::move(req));
    if (r) {
        out = std::move(*r);
    }
    done = true;
}

// (what, bytes) for the database file, its WAL and shared memory, and the captured log.
inline std::vector<std::pair<std::string, std::string>> stored_bytes(const std::string& db,
                                                                     const std::string& log) {
    return {{"db", read_file(db)}, {"wal", read_file(db + "-wal")},
            {"shm", read_file(db + "-shm")}, {"log", log}};
}

} // namespace openfloor::testing
