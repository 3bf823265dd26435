// bot_app: construction order, start-up, /healthz, /metrics, the hourly retention purge and the
// weekly digest's timer.
#include "app/bot_app.hpp"

#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace openfloor::app {
namespace {

// The digest timer sleeps until the next week ends, but at most this long, so that a system
// clock that jumped (NTP, a suspended VM) is noticed within the hour; and at least a second.
constexpr auto digest_longest_wait = std::chrono::milliseconds(std::chrono::hours(1));
constexpr auto digest_shortest_wait = std::chrono::milliseconds(1000);

} // namespace

bot_app::bot_app(asio::io_context& ioc, const config::settings& settings, bool local_demo,
                 const bot::clock* clock)
    : ioc_(ioc)
    , settings_(settings)
    , store_(settings.storage.path)
    , identity_(settings.identity.key)
    , clock_(clock != nullptr ? *clock : static_cast<const bot::clock&>(system_clock_))
    , core_(settings, store_, identity_, clock_, random_)
    , commits_(ioc.get_executor(), store_)
    , http_(ioc, settings.outbound)
    , server_(ioc, routes_, settings.server)
    , retention_timer_(ioc)
    , digest_timer_(ioc) {
    routes_.add(transport::http::verb::get, "/healthz",
                [this](transport::request r) { return health(std::move(r)); });
    routes_.add(transport::http::verb::get, "/metrics",
                [this](transport::request r) { return scrape(std::move(r)); });
    if (settings.slack) {
        slack_ = std::make_unique<slack::adapter>(ioc.get_executor(), settings, core_, commits_,
                                                  http_, routes_, random_);
    }
    if (settings.mattermost) {
        mattermost_ = std::make_unique<mattermost::adapter>(
            ioc.get_executor(), settings, core_, commits_, identity_, http_, routes_, random_);
    }
    if (local_demo) {
        local_ = std::make_unique<local::adapter>(ioc.get_executor(), settings, core_, commits_,
                                                  routes_);
    }
    measure(); // last: every route and pump exists now
}

bot_app::~bot_app() = default;

asio::awaitable<bool> bot_app::start() {
    core_.purge();
    if (slack_) {
        const auto connected = co_await slack_->start(); // not inside the if: see run_command.cpp
        if (!connected) {
            co_return false;
        }
    }
    if (mattermost_) {
        const auto connected = co_await mattermost_->start();
        if (!connected) {
            co_return false;
        }
    }
    if (local_) {
        local_->start();
    }
    if (auto listening = server_.listen(); !listening) {
        bot::log::error("server.listen_failed",
                        {{"listen", settings_.server.listen}, {"error", listening.error().message()}});
        co_return false;
    }
    bot::log::info("openfloor.started", {{"listen", settings_.server.listen},
                                         {"port", static_cast<std::int64_t>(server_.port())}});
    transport::spawn_logged(ioc_.get_executor(), "retention", retention_loop());
    transport::spawn_logged(ioc_.get_executor(), "digest", digest_loop());
    co_return true;
}

void bot_app::stop() {
    if (stopping_) {
        return;
    }
    stopping_ = true;
    bot::log::info("openfloor.stopping");
    server_.stop();
    if (slack_) {
        slack_->stop();
    }
    if (mattermost_) {
        mattermost_->stop();
    }
    if (local_) {
        local_->stop();
    }
    retention_timer_.cancel();
    digest_timer_.cancel();
}

void bot_app::reloaded() {
    core_.reload(settings_);
    digest_timer_.cancel(); // the loop looks again, at the new schedule and channels
}

bool bot_app::idle() const {
    return server_.open_connections() == 0 && (!slack_ || slack_->outbox().in_flight() == 0) &&
           (!mattermost_ || mattermost_->outbox().in_flight() == 0) &&
           (!local_ || local_->outbox().in_flight() == 0);
}

asio::awaitable<transport::response> bot_app::health(transport::request req) {
    nlohmann::json body{{"status", "ok"}, {"database", "ok"}};
    bool healthy = !stopping_;
    if (slack_) {
        body["slack"] = std::string(slack_->state());
        healthy = healthy && slack_->healthy();
    }
    if (mattermost_) {
        body["mattermost"] = std::string(mattermost_->state());
        healthy = healthy && mattermost_->healthy();
    }
    // Jobs due or retrying, as /metrics counts them: a post in its posting delay stays unseen.
    if (auto backlog = store_.metrics().outbox(clock_.now())) {
        std::int64_t waiting = 0;
        for (const auto& platform : *backlog) {
            waiting += platform.waiting;
        }
        body["outbox"] = waiting;
    } else {
        body["database"] = "error";
        healthy = false;
    }
    if (!healthy) {
        body["status"] = stopping_ ? "stopping" : "degraded";
    }
    co_return transport::make_response(req, healthy ? transport::http::status::ok
                                                    : transport::http::status::service_unavailable,
                                       body.dump());
}

// The parts that count for themselves, wired to the registry, and what never changes.
void bot_app::measure() {
    routes_.measure(metrics_);
    if (slack_) {
        slack_->outbox().measure(metrics_);
        if (auto* socket = slack_->socket()) {
            socket->measure(metrics_);
        }
    }
    if (mattermost_) {
        mattermost_->outbox().measure(metrics_);
    }
    metrics_.gauges("openfloor_up", "1 while openfloor runs.").with({}).set(1);
    metrics_
        .gauges("openfloor_build_info", "openfloor's version as a label; the value is 1.",
                {"version"})
        .with({OPENFLOOR_VERSION})
        .set(1);
}

// The connections' figures, read from the adapters at scrape time.
void bot_app::collect_platforms() {
    auto& up = metrics_.gauges("openfloor_platform_up",
                               "1 while the platform's connection is healthy (as /healthz).",
                               {"platform"});
    auto& limited = metrics_.counters("openfloor_rate_limited_total",
                                      "Platform API answers with HTTP status 429.", {"platform"});
    auto& reconnects =
        metrics_.counters("openfloor_websocket_reconnects_total",
                          "Websocket connections opened after the first.", {"platform"});
    const auto opened_again = [](std::uint64_t opened) { return opened > 0 ? opened - 1 : 0; };
    if (slack_) {
        up.with({"slack"}).set(slack_->healthy() ? 1 : 0);
        limited.with({"slack"}).set_total(slack_->api().rate_limited());
        if (const auto* socket = slack_->socket()) { // Socket Mode only
            reconnects.with({"slack"}).set_total(opened_again(socket->connections_opened()));
        }
    }
    if (mattermost_) {
        up.with({"mattermost"}).set(mattermost_->healthy() ? 1 : 0);
        limited.with({"mattermost"}).set_total(mattermost_->api().rate_limited());
        reconnects.with({"mattermost"})
            .set_total(opened_again(mattermost_->socket().connections_opened()));
    }
    metrics_.gauges("openfloor_http_open_connections", "Inbound HTTP connections open now.")
        .with({})
        .set(static_cast<double>(server_.open_connections()));
}

// The database's figures, as of now; every configured platform shows, zeros included.
void bot_app::collect_store() {
    auto& posts = metrics_.gauges("openfloor_posts",
                                  "Posts by state; one in its posting delay shows once due.",
                                  {"platform", "state"});
    auto& depth = metrics_.gauges("openfloor_outbox_depth",
                                  "Outbox jobs due now or waiting to be retried.", {"platform"});
    auto& oldest =
        metrics_.gauges("openfloor_outbox_oldest_due_seconds",
                        "How long the longest-due outbox job has been due.", {"platform"});
    for (const auto where : {bot::platform::slack, bot::platform::mattermost}) {
        const std::string platform(config::to_string(where));
        if (where == bot::platform::slack ? !slack_ : !mattermost_) {
            continue;
        }
        for (const auto state :
             {bot::post_state::queued, bot::post_state::posted, bot::post_state::rejected,
              bot::post_state::deleted, bot::post_state::failed}) {
            posts.with({platform, std::string(bot::to_string(state))}).set(0);
        }
        depth.with({platform}).set(0);
        oldest.with({platform}).set(0);
    }
    const auto now = clock_.now();
    const auto counted = store_.metrics().posts_by_state(now);
    for (const auto& c : counted ? *counted : std::vector<storage::post_count>{}) {
        posts.with({std::string(config::to_string(c.where)), std::string(bot::to_string(c.state))})
            .set(static_cast<double>(c.posts));
    }
    const auto backlog = store_.metrics().outbox(now);
    for (const auto& b : backlog ? *backlog : std::vector<storage::outbox_backlog>{}) {
        const std::string platform(config::to_string(b.where));
        depth.with({platform}).set(static_cast<double>(b.waiting));
        oldest.with({platform}).set(std::chrono::duration<double>(b.oldest_due).count());
    }
    metrics_
        .counters("openfloor_database_commits_total",
                  "Transactions committed to the database file; with group commit one holds the "
                  "writes of every request handled while the one before was being flushed.")
        .with({})
        .set_total(store_.commits());
    metrics_.gauges("openfloor_database_up", "1 when this scrape's database reads succeeded.")
        .with({})
        .set(counted && backlog ? 1 : 0);
}

asio::awaitable<transport::response> bot_app::scrape(transport::request req) {
    collect_platforms();
    collect_store(); // a failing database is a figure (openfloor_database_up 0), not a 500
    co_return transport::make_response(req, transport::http::status::ok, metrics_.render(),
                                       transport::metrics::content_type);
}

asio::awaitable<void> bot_app::retention_loop() {
    while (!stopping_) {
        retention_timer_.expires_after(std::chrono::hours(1));
        auto [ec] = co_await retention_timer_.async_wait(transport::use_tuple);
        if (ec || stopping_) {
            co_return;
        }
        core_.purge();
    }
}

// Each pass queues the digests that are due; a cancelled wait (a reload) means look again.
asio::awaitable<void> bot_app::digest_loop() {
    while (!stopping_) {
        const bot::digest_round round = core_.post_due_digests();
        if (round.queued > 0) {
            poke_outboxes();
        }
        const auto until =
            std::chrono::duration_cast<std::chrono::milliseconds>(round.next_check - clock_.now());
        digest_timer_.expires_after(std::clamp(until, digest_shortest_wait, digest_longest_wait));
        auto [ec] = co_await digest_timer_.async_wait(transport::use_tuple);
        (void)ec; // stop() ends the loop through stopping_; reloaded() only wakes it
    }
}

void bot_app::poke_outboxes() {
    if (slack_) {
        slack_->outbox().poke();
    }
    if (mattermost_) {
        mattermost_->outbox().poke();
    }
    if (local_) {
        local_->outbox().poke();
    }
}

} // namespace openfloor::app
