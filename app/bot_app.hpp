// The running bot, wired: database, core, HTTP server with /healthz and /metrics, and one
// adapter per configured platform (for `openfloor demo`, the local demo platform too). app/ owns
// every long-lived object here, built in dependency order and destroyed in reverse; tests build
// one in-process beside fake platforms.
#pragma once

#include "adapters/local/adapter.hpp"
#include "adapters/mattermost/adapter.hpp"
#include "adapters/slack/adapter.hpp"
#include "adapters/transport/group_commit.hpp"
#include "adapters/transport/http_client.hpp"
#include "adapters/transport/http_server.hpp"
#include "adapters/transport/metrics.hpp"
#include "bot/core.hpp"
#include "bot/environment.hpp"
#include "bot/identity.hpp"
#include "config/settings.hpp"
#include "storage/sqlite_store.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace openfloor::app {

namespace asio = transport::asio;

class bot_app {
public:
    // Opens the database; throws std::runtime_error with an operator's message when it cannot.
    // `local_demo`: also serve the demo platform and its page (`openfloor demo`). `clock`: the
    // time the core goes by, when not the system's (tests move it to a week's end); it must
    // outlive the bot_app.
    bot_app(asio::io_context& ioc, const config::settings& settings, bool local_demo = false,
            const bot::clock* clock = nullptr);
    ~bot_app();

    // Connects every platform and starts listening. false: a platform refused us (logged).
    asio::awaitable<bool> start();
    // SIGTERM: stop accepting, let in-flight work finish, stop the outbox.
    void stop();
    // SIGHUP: the settings object was updated in place; the core picks up what it caches, and
    // the digest looks at its (perhaps moved) schedule again.
    void reloaded();

    unsigned short port() const { return server_.port(); }
    // Nothing in flight: no open request, no send under way (SIGTERM waits for this).
    bool idle() const;
    bot::core& core() { return core_; }
    storage::sqlite_store& store() { return store_; }
    transport::group_commit& commits() { return commits_; }
    slack::adapter* slack() { return slack_.get(); }
    mattermost::adapter* mattermost() { return mattermost_.get(); }
    local::adapter* local() { return local_.get(); }

private:
    asio::awaitable<transport::response> health(transport::request req);
    asio::awaitable<transport::response> scrape(transport::request req);
    void measure();
    void collect_platforms();
    void collect_store();
    asio::awaitable<void> retention_loop();
    asio::awaitable<void> digest_loop();
    void poke_outboxes();

    asio::io_context& ioc_;
    const config::settings& settings_;
    storage::sqlite_store store_;
    bot::identity identity_;
    bot::system_clock system_clock_;
    const bot::clock& clock_;
    bot::system_random random_;
    bot::core core_;
    transport::group_commit commits_; // the store's flushes, for every adapter below
    transport::http_client http_;
    transport::metrics::registry metrics_; // before routes_ and the adapters, which count into it
    transport::router routes_;
    transport::http_server server_;
    std::unique_ptr<slack::adapter> slack_;
    std::unique_ptr<mattermost::adapter> mattermost_;
    std::unique_ptr<local::adapter> local_;
    asio::steady_timer retention_timer_;
    asio::steady_timer digest_timer_;
    bool stopping_ = false;
};

} // namespace openfloor::app
