// bot_rig: settings, the loopback sink, the renewable core, and running one input to the end.
#include "tests/fuzz/rig/bot_rig.hpp"

#include "bot/log.hpp"
#include "bot/texts.hpp"
#include "tests/fuzz/rig/expect.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace openfloor::fuzz {
namespace {

// How often the database starts afresh, and how much the clock moves per input.
constexpr long renew_every = 2000;
constexpr std::chrono::seconds step_per_input{20};
// Outbox jobs delivered per platform after each input: enough for a preview and its post.
constexpr int deliveries_per_input = 4;
// A bound on one input's work; everything is on loopback, so this is only hit by a hang.
constexpr auto input_deadline = std::chrono::seconds(10);

// Log events that mean a bug whatever the input: a task that died of an exception, a handler
// that threw, a storage call that failed, a row we wrote and cannot read back.
constexpr std::array fatal_events{
    std::string_view("\"msg\":\"task.failed\""),
    std::string_view("\"msg\":\"http.handler_failed\""),
    std::string_view("\"msg\":\"storage.failure\""),
    std::string_view("\"msg\":\"storage.malformed_row\""),
    std::string_view("\"msg\":\"core.aborted\""),
    std::string_view("\"msg\":\"outbox.record_failed\""),
    std::string_view("\"msg\":\"retention.failed\""),
};

// The log's verdict on the current input, written by spdlog's sink (under its mutex) from the
// rig's thread and the sink server's thread.
struct log_record {
    std::mutex mutex;
    std::string fatal_line;
};

log_record& record() {
    static log_record r;
    return r;
}

void start_logging() {
    config::log_settings log;
    log.level = config::log_level::debug; // every log call formats its fields: fuzz them too
    log.format = config::log_format::json;
    // OPENFLOOR_FUZZ_LOG=1 shows every line: how to see what an input did (never while fuzzing).
    const bool echo = std::getenv("OPENFLOOR_FUZZ_LOG") != nullptr; // NOLINT(concurrency-mt-unsafe)
    bot::log::init(log, [echo](std::string_view line) {
        if (echo) {
            std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
        }
        for (auto event : fatal_events) {
            if (line.find(event) != std::string_view::npos) {
                const std::lock_guard lock(record().mutex);
                if (record().fatal_line.empty()) {
                    record().fatal_line = std::string(line.substr(0, 300));
                }
            }
        }
    });
}

// A private directory for the database: OPENFLOOR_FUZZ_DB_DIR (run.sh's scratch), else RAM
// (/dev/shm: the store syncs every commit), else the temp dir.
std::filesystem::path make_dir() {
    std::filesystem::path base = std::filesystem::temp_directory_path();
    if (const char* env = std::getenv("OPENFLOOR_FUZZ_DB_DIR")) { // NOLINT(concurrency-mt-unsafe)
        base = env;
    } else if (std::filesystem::is_directory("/dev/shm")) {
        base = "/dev/shm";
    }
    std::string pattern = (base / "openfloor-fuzz-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
        throw std::runtime_error("fuzz rig: mkdtemp failed under " + base.string());
    }
    return buffer.data();
}

asio::awaitable<transport::response> canned(transport::request req, std::string body) {
    co_return transport::make_response(req, transport::http::status::ok, std::move(body));
}

void answer(transport::router& routes, std::string path, std::string body) {
    routes.add(transport::http::verb::post, std::move(path),
               [body = std::move(body)](transport::request r) { return canned(std::move(r), body); });
}

} // namespace

// The platforms' side: Slack's Web API and Mattermost's REST answering every call the bot makes
// with success, and the hook URLs a response_url or webhook may point at.
struct bot_rig::sink {
    asio::io_context ioc{1};
    transport::router routes;
    config::server_settings server_settings;
    std::unique_ptr<transport::http_server> server;
    std::thread thread;
    std::string base_url;

    sink() {
        const std::string slack_ok = R"({"ok":true,"channel":"C0ENG","ts":"1700000300.000100"})";
        for (auto method : {"chat.postMessage", "chat.update", "chat.delete", "chat.postEphemeral"}) {
            answer(routes, std::string("/api/") + method, slack_ok);
        }
        answer(routes, "/api/conversations.open", R"({"ok":true,"channel":{"id":"D0FUZZDM"}})");
        answer(routes, "/api/views.open", R"({"ok":true,"view":{"id":"V0FUZZ"}})");
        answer(routes, "/api/views.publish", R"({"ok":true,"view":{"id":"V0FUZZHOME"}})");
        answer(routes, "/api/v4/posts",
               R"({"id":"fuzzpost000000000000000001","channel_id":"9mm1c6eqqbrpjqhx8y6gk1gx5c",)"
               R"("create_at":1700000000123,"user_id":"ouqzb1gs7pbd3bt5w8mpg1xdhe","message":""})");
        answer(routes, "/api/v4/channels/direct",
               R"({"id":"fuzzdirect0000000000000001","type":"D","name":"a__b"})");
        answer(routes, "/hooks/response", "ok");
        answer(routes, "/hooks/webhook", "ok");
        server_settings.listen = "127.0.0.1:0";
        server = std::make_unique<transport::http_server>(ioc, routes, server_settings);
        if (auto listening = server->listen(); !listening) {
            throw std::runtime_error("fuzz rig: the sink cannot listen on 127.0.0.1");
        }
        base_url = "http://127.0.0.1:" + std::to_string(server->port());
        thread = std::thread([this] { ioc.run(); });
    }

    ~sink() {
        asio::post(ioc, [this] {
            server->stop();
            ioc.stop();
        });
        thread.join();
    }
};

// Everything that holds the database or the core, renewed together.
struct bot_rig::parts {
    storage::sqlite_store store;
    bot::core core;
    transport::group_commit commits;
    slack::web_api slack_api;
    slack::inbound slack_in;
    slack::delivery slack_out;
    mattermost::rest_api mattermost_api;
    std::string self_id = "ouqzb1gs7pbd3bt5w8mpg1xdhe";
    mattermost::delivery mattermost_out;
    mattermost::inbound mattermost_in;

    parts(bot_rig& rig, const std::string& db_path)
        : store(db_path)
        , core(rig.settings_, store, rig.identity_, rig.clock_, rig.random_)
        , commits(rig.ioc_.get_executor(), store)
        , slack_api(rig.http_, *rig.settings_.slack)
        , slack_in(core, commits, rig.settings_, slack_api, [] {})
        , slack_out(slack_api)
        , mattermost_api(rig.ioc_.get_executor(), rig.http_, *rig.settings_.mattermost)
        , mattermost_out(mattermost_api, rig.render_, self_id)
        , mattermost_in(core, commits, rig.settings_, mattermost_api, mattermost_out, rig.render_,
                        [] {}) {
        slack_in.set_self({"U0BOT0001", "B0BOT0001", "T0123ABCD"});
        mattermost_in.set_self({self_id, "openfloor", true});
    }
};

namespace {

config::settings rig_settings(const std::string& sink_url) {
    config::settings s;
    s.server.public_url = sink_url; // Mattermost buttons point here (never called by the bot)
    s.identity.key = config::secret("fuzz-identity-secret-0123456789abcdef-0123456789");
    s.outbound.timeout = std::chrono::milliseconds(2000);
    s.outbound.max_attempts = 3;
    s.outbound.channel_interval = std::chrono::milliseconds(0);
    s.slack = config::slack_settings{};
    s.slack->mode = config::slack_mode::http;
    s.slack->bot_token = config::secret("xoxb-fuzz");
    s.slack->app_token = config::secret("xapp-fuzz");
    s.slack->signing_secret = config::secret(std::string(slack_signing_secret));
    s.slack->api_base_url = sink_url + "/api/";
    s.mattermost = config::mattermost_settings{};
    s.mattermost->url = sink_url;
    s.mattermost->bot_token = config::secret("mm-bot-token-fuzz");
    s.mattermost->command_token = config::secret(std::string(mattermost_command_token));

    auto channel = [&](std::string key, config::platform where, std::string id) {
        config::channel_settings c;
        c.key = std::move(key);
        c.platform = where;
        c.channel_id = std::move(id);
        s.channels.push_back(c);
        return &s.channels.back();
    };
    channel("eng", config::platform::slack, "C0ENG");
    channel("ops", config::platform::slack, "C0OPS")->moderation = config::moderation_mode::pre;
    channel("quick", config::platform::slack, "C0QUICK")->confirm = false;
    channel("open", config::platform::slack, "C0OPEN")->anonymous_replies = true;
    channel("hooked", config::platform::slack, "C0HOOK")->webhook_url = sink_url + "/hooks/webhook";
    channel("town", config::platform::mattermost, "t0wnt0wnt0wnt0wnt0wnt0wnt0");
    channel("mmquick", config::platform::mattermost, "fd8kzq1mjbn3zgsk4ydw6cam3e")->confirm = false;
    channel("mmops", config::platform::mattermost, "h5x1pz9gqtrbzc8k3d7ym4wq6e")->moderation =
        config::moderation_mode::pre;
    s.moderation.slack_channel = "C0MODS";
    s.moderation.mattermost_channel = "m0dsm0dsm0dsm0dsm0dsm0dsm0";
    s.moderation.moderators = {"U0MOD0001", "m0d3rat0rm0d3rat0rm0d3rat0"};
    s.moderation.blocked_words = {"idiot"};
    s.moderation.flag_threshold = 2;
    s.log.level = config::log_level::debug;
    return s;
}

} // namespace

bot_rig& bot_rig::instance() {
    static bot_rig rig;
    return rig;
}

bot_rig::bot_rig()
    : dir_((start_logging(), make_dir()))
    , sink_(std::make_unique<sink>())
    , settings_(rig_settings(sink_->base_url))
    , identity_(settings_.identity.key)
    , http_(ioc_, settings_.outbound)
    , signer_(identity_) {
    const bot::texts say(settings_.locale);
    render_.signer = &signer_;
    render_.action_url = *settings_.server.public_url + "/mattermost/actions";
    render_.dialog_url = *settings_.server.public_url + "/mattermost/dialogs";
    render_.answer_post_hint = say.say(bot::text_id::answer_post_or_cancel);
    render_.answer_review_hint = say.say(bot::text_id::answer_approve_or_reject, {{"n", "{n}"}});
    renew();
}

bot_rig::~bot_rig() {
    parts_.reset();
    sink_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    bot::log::init({});
}

bot::core& bot_rig::core() {
    return parts_->core;
}

slack::inbound& bot_rig::slack_inbound() {
    return parts_->slack_in;
}

mattermost::inbound& bot_rig::mattermost_inbound() {
    return parts_->mattermost_in;
}

void bot_rig::renew() {
    parts_.reset();
    const auto db = dir_ / "openfloor.db";
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(db.string() + suffix, ignored);
    }
    parts_ = std::make_unique<parts>(*this, db.string());
}

void bot_rig::next_input() {
    if (++inputs_ % renew_every == 0) {
        renew();
    } else if (inputs_ % 97 == 0) {
        parts_->core.purge(); // retention runs hourly in the real bot
    }
    clock_.advance(step_per_input);
    parked_ = std::make_unique<asio::io_context>(1); // drops the last input's parked tasks unrun
    const std::lock_guard lock(record().mutex);
    record().fatal_line.clear();
}

std::string bot_rig::with_sink(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0;;) {
        const auto found = text.find(sink_placeholder, at);
        out.append(text.substr(at, found - at));
        if (found == std::string_view::npos) {
            return out;
        }
        out += sink_->base_url;
        at = found + sink_placeholder.size();
    }
}

bool bot_rig::safe_url(std::string_view url) const {
    return url.empty() || (url.starts_with(sink_->base_url) &&
                           (url.size() == sink_->base_url.size() || url[sink_->base_url.size()] == '/'));
}

asio::awaitable<void> bot_rig::deliver_due() {
    for (int i = 0; i < deliveries_per_input; ++i) {
        auto step = parts_->core.next_delivery(bot::platform::slack);
        auto* job = std::get_if<bot::delivery_job>(&step);
        if (job == nullptr) {
            break;
        }
        const bot::delivery_result outcome = co_await parts_->slack_out.perform(*job);
        parts_->core.delivered(*job, outcome);
    }
    for (int i = 0; i < deliveries_per_input; ++i) {
        auto step = parts_->core.next_delivery(bot::platform::mattermost);
        auto* job = std::get_if<bot::delivery_job>(&step);
        if (job == nullptr) {
            break;
        }
        const bot::delivery_result outcome = co_await parts_->mattermost_out.perform(*job);
        parts_->core.delivered(*job, outcome);
    }
}

void bot_rig::run(asio::awaitable<void> task) {
    auto rethrow = [](std::exception_ptr e) {
        if (e) {
            std::rethrow_exception(e); // a target's own check, or a bug: out of run() either way
        }
    };
    asio::co_spawn(ioc_, std::move(task), rethrow);
    ioc_.restart();
    ioc_.run_for(input_deadline);
    asio::co_spawn(ioc_, deliver_due(), rethrow);
    ioc_.restart();
    ioc_.run_for(input_deadline);
    expect(ioc_.stopped(), "an input's work did not finish within 10 s");
    const std::lock_guard lock(record().mutex);
    expect(record().fatal_line.empty(), record().fatal_line);
}

} // namespace openfloor::fuzz
