// mattermost_e2e: boot, requests to the bot's endpoints, and lookups in the fake.
#include "tests/mattermost_e2e/fixture.hpp"

#include "tests/support/e2e.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/beast/http/verb.hpp>


namespace openfloor::testing {
namespace {

config::channel_settings configured(std::string key, std::string id) {
    config::channel_settings c;
    c.key = std::move(key);
    c.platform = config::platform::mattermost;
    c.channel_id = std::move(id);
    return c;
}

} // namespace

mattermost_e2e::mattermost_e2e() {
    capture_log(log_);
}

mattermost_e2e::~mattermost_e2e() {
    finish_e2e(bot_, ioc_, HasFailure(), log_);
}

void mattermost_e2e::boot(const std::function<void(config::settings&)>& adjust,
                          asio::ssl::context* tls) {
    mm_ = std::make_unique<fake_mattermost>(ioc_, tls);
    alice = mm_->alice_id;
    mm_->add_user(alice, "alice");
    bob = mm_->add_user("bob");
    moderator = mm_->add_user("mod");
    for (const auto& [id, name] : {std::pair{eng, "eng"}, std::pair{ops, "ops"},
                                   std::pair{quick, "quick"}, std::pair{mods, "moderators"},
                                   std::pair{town_square, "town-square"}}) {
        mm_channel c;
        c.id = id;
        c.name = name;
        c.display_name = name;
        c.team_id = mm_->team_id;
        mm_->add_channel(c);
    }

    settings_.identity.key = config::secret("e2e-secret-0123456789abcdef-0123456789abcdef");
    settings_.storage.path = dir_.file("openfloor.db").string();
    settings_.server.listen = "127.0.0.1:0";
    settings_.server.public_url = public_url;
    settings_.mattermost = config::mattermost_settings{};
    settings_.mattermost->url = mm_->url();
    settings_.mattermost->bot_token = config::secret(mm_->bot_token);
    settings_.mattermost->command_token = config::secret(mm_->command_token);
    auto ops_channel = configured("ops", ops);
    ops_channel.moderation = config::moderation_mode::pre;
    auto quick_channel = configured("quick", quick);
    quick_channel.confirm = false;
    settings_.channels = {configured("eng", eng), ops_channel, quick_channel};
    settings_.moderation.mattermost_channel = mods;
    settings_.moderation.moderators = {moderator};
    settings_.outbound.channel_interval = std::chrono::milliseconds(0);
    settings_.outbound.timeout = std::chrono::milliseconds(2000);
    settings_.limits.posts_per_hour = 100;
    if (adjust) {
        adjust(settings_);
    }
    ASSERT_TRUE(start_bot());
    ASSERT_TRUE(wait_for([&] { return bot_->mattermost()->healthy(); }));
}

bool mattermost_e2e::start_bot() {
    bot_ = std::make_unique<app::bot_app>(ioc_, settings_);
    if (bot_->mattermost() != nullptr) {
        // Reconnects in tests should not wait the production second.
        bot_->mattermost()->socket().set_reconnect_backoff(std::chrono::milliseconds(20),
                                                           std::chrono::milliseconds(200));
    }
    client_ = std::make_unique<transport::http_client>(ioc_, settings_.outbound);
    bool started = false;
    bool ok = false;
    asio::co_spawn(ioc_, start_app(*bot_, started, ok), asio::detached);
    EXPECT_TRUE(wait_for([&] { return started; }));
    return started && ok;
}

bool mattermost_e2e::wait_for(std::function<bool()> condition, std::chrono::milliseconds deadline) {
    return run_until(ioc_, std::move(condition), deadline);
}

transport::client_response mattermost_e2e::send(transport::client_request req) {
    std::optional<transport::client_response> out;
    bool done = false;
    asio::co_spawn(ioc_, send_request(*client_, std::move(req), out, done), asio::detached);
    EXPECT_TRUE(wait_for([&] { return done; }));
    EXPECT_TRUE(out.has_value()) << "the bot did not answer";
    return out.value_or(transport::client_response{});
}

transport::client_response mattermost_e2e::get(const std::string& path) {
    transport::client_request req;
    req.method = transport::http::verb::get;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + path;
    return send(std::move(req));
}

scraped_metrics mattermost_e2e::scrape() {
    const auto r = get("/metrics");
    EXPECT_EQ(r.status, 200U);
    EXPECT_EQ(r.header("Content-Type").value_or(""), transport::metrics::content_type);
    auto scraped = parse_metrics(r.body);
    for (const auto& problem : scraped.problems) {
        ADD_FAILURE() << "/metrics: " << problem;
    }
    return scraped;
}

transport::client_response mattermost_e2e::command(const std::string& user_id,
                                                   const std::string& user_name,
                                                   const std::string& channel_id,
                                                   const std::string& text,
                                                   const std::string& token) {
    const std::string t = token.empty() ? mm_->command_token : token;
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/mattermost/commands";
    req.body = mm_->slash_command_form(user_id, user_name, channel_id, text, t);
    for (auto& h : fake_mattermost::slash_command_headers(t)) {
        req.headers.push_back(std::move(h));
    }
    return send(std::move(req));
}

nlohmann::json mattermost_e2e::command_answer(const std::string& user_id,
                                              const std::string& channel_id,
                                              const std::string& text) {
    auto r = command(user_id, mm_->username_of(user_id), channel_id, text);
    EXPECT_EQ(r.status, 200U) << r.body;
    return nlohmann::json::parse(r.body, nullptr, false);
}

transport::client_response mattermost_e2e::post_action(const nlohmann::json& body) {
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/mattermost/actions";
    req.body = body.dump();
    req.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    return send(std::move(req));
}

transport::client_response mattermost_e2e::click(const std::string& post_id,
                                                 const std::string& action,
                                                 const std::string& user_id) {
    for (const auto& b : mm_->buttons_of(post_id)) {
        if (b.context.value("action", "") != action) {
            continue;
        }
        EXPECT_TRUE(b.routable) << b.id;
        EXPECT_EQ(b.url, public_url + "/mattermost/actions");
        auto r = post_action(mm_->click_body(b, user_id));
        if (r.status == 200) {
            mm_->apply_action_response(post_id, nlohmann::json::parse(r.body, nullptr, false));
        }
        return r;
    }
    ADD_FAILURE() << "no " << action << " button on " << post_id;
    return {};
}

std::size_t mattermost_e2e::click_for_dialog(const std::string& post_id,
                                             const std::string& action,
                                             const std::string& user_id,
                                             std::string* click_answer) {
    const std::size_t before = mm_->dialogs.size();
    const auto r = click(post_id, action, user_id);
    EXPECT_EQ(r.status, 200U) << r.body;
    const auto body = nlohmann::json::parse(r.body, nullptr, false);
    if (click_answer != nullptr) {
        *click_answer = body.is_object() ? body.value("ephemeral_text", "") : "";
    }
    // The bot opens the dialog before it answers the click.
    if (mm_->dialogs.size() == before) {
        return std::string::npos;
    }
    const std::size_t index = mm_->dialogs.size() - 1;
    const auto& d = mm_->dialogs[index];
    EXPECT_EQ(d.user_id, user_id);
    EXPECT_EQ(d.url, public_url + "/mattermost/dialogs");
    EXPECT_TRUE(d.problems.empty()) << (d.problems.empty() ? "" : d.problems.front());
    return index;
}

transport::client_response mattermost_e2e::post_dialog(const std::string& body) {
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/mattermost/dialogs";
    req.body = body;
    req.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    return send(std::move(req));
}

transport::client_response mattermost_e2e::submit_dialog(std::size_t index,
                                                         const nlohmann::json& submission) {
    EXPECT_TRUE(mm_->dialogs.at(index).open) << "dialog " << index << " was closed";
    auto r = post_dialog(mm_->dialog_submission(index, submission).dump());
    if (r.status == 200) {
        mm_->apply_dialog_response(index, nlohmann::json::parse(r.body, nullptr, false));
    }
    return r;
}

transport::client_response mattermost_e2e::answer_by_dialog(const std::string& post_id,
                                                            const std::string& user_id,
                                                            const std::string& text) {
    const std::size_t d = click_for_dialog(post_id, "openfloor_reply", user_id);
    if (d == std::string::npos) {
        ADD_FAILURE() << "Reply anonymously opened no dialog";
        return {};
    }
    return submit_dialog(d, {{"answer", text}});
}

transport::client_response mattermost_e2e::flag_by_dialog(const std::string& post_id,
                                                          const std::string& user_id,
                                                          const std::string& reason) {
    const std::size_t d = click_for_dialog(post_id, "openfloor_flag", user_id);
    if (d == std::string::npos) {
        ADD_FAILURE() << "Flag opened no dialog";
        return {};
    }
    return submit_dialog(d, {{"reason", reason}});
}

bool mattermost_e2e::wait_for_ephemeral(const std::string& user_id, const std::string& needle) {
    return wait_for([&] {
        for (const auto& p : mm_->ephemerals_for(user_id)) {
            if (p.value("message", "").find(needle) != std::string::npos) {
                return true;
            }
        }
        return false;
    });
}

std::string mattermost_e2e::dm_of(const std::string& user_id) {
    std::string dm;
    wait_for([&] {
        dm = mm_->dm_channel_of(user_id);
        return !dm.empty();
    });
    return dm;
}

std::optional<nlohmann::json> mattermost_e2e::bot_post_in(const std::string& channel_id,
                                                          const std::string& needle) const {
    const auto posts = mm_->posts_in(channel_id);
    for (auto it = posts.rbegin(); it != posts.rend(); ++it) {
        if ((*it).value("user_id", "") == mm_->bot_user_id &&
            (*it).value("message", "").find(needle) != std::string::npos &&
            (*it).value("delete_at", std::int64_t{0}) == 0) {
            return *it;
        }
    }
    return std::nullopt;
}

bool mattermost_e2e::wait_for_post(const std::string& channel_id, const std::string& needle) {
    return wait_for([&] { return bot_post_in(channel_id, needle).has_value(); });
}

std::size_t mattermost_e2e::bot_posts_in(const std::string& channel_id) const {
    std::size_t n = 0;
    for (const auto& p : mm_->posts_in(channel_id)) {
        n += p.value("user_id", "") == mm_->bot_user_id && p.value("delete_at", std::int64_t{0}) == 0;
    }
    return n;
}

std::string mattermost_e2e::post_id_of(bot::post_number n) {
    std::string id;
    wait_for([&] {
        auto p = bot_->store().posts().find("mattermost", n);
        if (p && *p && (*p)->message_ref) {
            id = *(*p)->message_ref;
        }
        return !id.empty();
    });
    return id;
}

} // namespace openfloor::testing
