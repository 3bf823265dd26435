// bot_app: construction order, start-up, /healthz and the hourly retention purge.
#include "app/bot_app.hpp"

#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

namespace openfloor::app {

bot_app::bot_app(asio::io_context& ioc, const config::settings& settings)
    : ioc_(ioc)
    , settings_(settings)
    , store_(settings.storage.path)
    , identity_(settings.identity.key)
    , core_(settings, store_, identity_, clock_, random_)
    , http_(ioc, settings.outbound)
    , server_(ioc, routes_, settings.server)
    , retention_timer_(ioc) {
    routes_.add(transport::http::verb::get, "/healthz",
                [this](transport::request r) { return health(std::move(r)); });
    if (settings.slack) {
        slack_ = std::make_unique<slack::adapter>(ioc.get_executor(), settings, core_, http_,
                                                  routes_, random_);
    }
    if (settings.mattermost) {
        mattermost_ = std::make_unique<mattermost::adapter>(ioc.get_executor(), settings, core_,
                                                            identity_, http_, routes_, random_);
    }
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
    if (auto listening = server_.listen(); !listening) {
        bot::log::error("server.listen_failed",
                        {{"listen", settings_.server.listen}, {"error", listening.error().message()}});
        co_return false;
    }
    bot::log::info("openfloor.started", {{"listen", settings_.server.listen},
                                         {"port", static_cast<std::int64_t>(server_.port())}});
    transport::spawn_logged(ioc_.get_executor(), "retention", retention_loop());
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
    retention_timer_.cancel();
}

void bot_app::reloaded() {
    core_.reload(settings_);
}

bool bot_app::idle() const {
    return server_.open_connections() == 0 && (!slack_ || slack_->outbox().in_flight() == 0) &&
           (!mattermost_ || mattermost_->outbox().in_flight() == 0);
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
    if (auto depth = store_.outbox().depth()) {
        body["outbox"] = *depth;
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

} // namespace openfloor::app
