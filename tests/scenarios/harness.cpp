// The scenario harness: settings, the recording platform and the fixture's helpers.
#include "tests/scenarios/harness.hpp"

#include "bot/log.hpp"
#include "tests/support/test_channels.hpp"

namespace openfloor::testing {

bot::delivery_result recording_platform::deliver(const bot::delivery_job& job) {
    bot::delivery_result r = respond ? respond(job) : bot::delivery_result{};
    if (r.outcome == bot::delivery_result::status::delivered && r.message_ref.empty()) {
        r.message_ref = "ts-" + std::to_string(next_ref_++);
    }
    sent.push_back({job, r.outcome == bot::delivery_result::status::delivered ? r.message_ref : ""});
    return r;
}

std::vector<sent_job> recording_platform::to(std::string_view channel_or_route) const {
    std::vector<sent_job> out;
    for (const auto& s : sent) {
        if (s.job.channel_id == channel_or_route && !s.ref.empty()) {
            out.push_back(s);
        }
    }
    return out;
}

std::vector<sent_job> recording_platform::of_kind(bot::job_kind kind) const {
    std::vector<sent_job> out;
    for (const auto& s : sent) {
        if (s.job.kind == kind && !s.ref.empty()) {
            out.push_back(s);
        }
    }
    return out;
}

config::settings scenario_settings() {
    config::settings s;
    s.identity.key = config::secret("scenario-secret-0123456789abcdef-0123456789");
    s.slack = config::slack_settings{};
    s.slack->bot_token = config::secret("xoxb-test");
    s.slack->app_token = config::secret("xapp-test");
    add_test_channels(s, "U0MODERATOR");
    s.moderation.blocked_words = {"idiot"};
    s.outbound.max_attempts = 4;
    s.outbound.channel_interval = std::chrono::milliseconds(1000);
    s.log.level = config::log_level::debug;
    return s;
}

scenario::scenario() {
    bot::log::init(settings_.log, [this](std::string_view line) {
        log_.append(line);
        log_.push_back('\n');
    });
    identity_ = std::make_unique<bot::identity>(settings_.identity.key);
    restart();
}

scenario::~scenario() { bot::log::init({}); }

void scenario::restart() {
    core_.reset();
    store_.reset();
    store_ = std::make_unique<storage::sqlite_store>(dir_.file("openfloor.db").string());
    core_ = std::make_unique<bot::core>(settings_, *store_, *identity_, clock_, random_);
}

int scenario::deliver_due(bot::platform where) {
    int attempted = 0;
    for (int guard = 0; guard < 10'000; ++guard) {
        auto step = core_->next_delivery(where);
        auto* job = std::get_if<bot::delivery_job>(&step);
        if (!job) {
            break;
        }
        core_->delivered(*job, platform_.deliver(*job));
        ++attempted;
    }
    return attempted;
}

void scenario::run_for(std::chrono::milliseconds total, std::chrono::milliseconds step) {
    for (std::chrono::milliseconds passed{0}; passed <= total; passed += step) {
        deliver_due(bot::platform::slack);
        deliver_due(bot::platform::mattermost);
        clock_.advance(step);
    }
}

bot::reply scenario::dm(const bot::actor& who, std::string_view text) {
    return core_->on_text(who, text, bot::surface::direct_message,
                          "Ev" + std::to_string(++event_counter_));
}

bot::reply scenario::slash(const bot::actor& who, std::string_view text) {
    return core_->on_text(who, text, bot::surface::ephemeral);
}

bot::reply scenario::click(const bot::actor& who, bot::action what, std::string_view value) {
    return core_->on_action(who, what, value, bot::surface::ephemeral);
}

std::string scenario::last_draft_for(std::string_view route) const {
    for (auto it = platform_.sent.rbegin(); it != platform_.sent.rend(); ++it) {
        if (it->job.channel_id == route && it->job.body.kind == bot::message_kind::preview) {
            return it->job.body.buttons.at(0).value;
        }
    }
    return {};
}

std::vector<std::string> scenario::texts_to(std::string_view route) const {
    std::vector<std::string> out;
    for (const auto& s : platform_.to(route)) {
        out.push_back(s.job.body.text);
    }
    return out;
}

std::optional<bot::post_record> scenario::post(bot::post_number n) {
    auto found = store_->posts().find("slack", n);
    return found ? *found : std::nullopt;
}

} // namespace openfloor::testing
