// The scenario harness: the real core over a real SQLite file in a temp dir, a clock the test
// moves, and a recording platform that plays the adapter's part in the delivery loop.
#pragma once

#include "bot/core.hpp"
#include "bot/identity.hpp"
#include "storage/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace openfloor::testing {

class manual_clock final : public bot::clock {
public:
    bot::time_point now() const override { return now_; }
    void advance(std::chrono::milliseconds d) { now_ += d; }

private:
    bot::time_point now_ = bot::time_point{} + std::chrono::hours(24 * 365 * 56);
};

// A fixed sequence is enough: the tests check bounds, not particular draws.
class steady_random final : public bot::random_source {
public:
    double unit() override { return value; }
    double value = 0.5;
};

// What the "platform" received: each job as the adapter would have been asked to do it.
struct sent_job {
    bot::delivery_job job;
    std::string ref; // the message ref it answered with
};

class recording_platform {
public:
    // Decides each delivery's outcome; by default every job is delivered.
    std::function<bot::delivery_result(const bot::delivery_job&)> respond;
    std::vector<sent_job> sent;

    bot::delivery_result deliver(const bot::delivery_job& job);
    std::vector<sent_job> to(std::string_view channel_or_route) const;
    std::vector<sent_job> of_kind(bot::job_kind kind) const;

private:
    int next_ref_ = 1;
};

config::settings scenario_settings();

// A platform's answer that is not "delivered".
inline bot::delivery_result answer(bot::delivery_result::status status, std::string reason,
                                   std::optional<std::chrono::milliseconds> retry_after = {}) {
    bot::delivery_result r;
    r.outcome = status;
    r.reason = std::move(reason);
    r.retry_after = retry_after;
    return r;
}

class scenario : public ::testing::Test {
protected:
    scenario();
    ~scenario() override;

    // A fresh core and store over the same file, as after a restart.
    void restart();
    // Runs the delivery loop until nothing is due now. Returns how many jobs were attempted.
    int deliver_due(bot::platform where = bot::platform::slack);
    // Advances the clock step by step, delivering, until `total` has passed.
    void run_for(std::chrono::milliseconds total,
                 std::chrono::milliseconds step = std::chrono::milliseconds(250));

    bot::reply dm(const bot::actor& who, std::string_view text);
    bot::reply slash(const bot::actor& who, std::string_view text);
    bot::reply click(const bot::actor& who, bot::action what, std::string_view value);

    // The button value of the last preview sent to `route` (by DM) — the draft id.
    std::string last_draft_for(std::string_view route) const;
    std::vector<std::string> texts_to(std::string_view route) const;
    std::optional<bot::post_record> post(bot::post_number n);

    temp_dir dir_;
    config::settings settings_ = scenario_settings();
    manual_clock clock_;
    steady_random random_;
    std::unique_ptr<bot::identity> identity_;
    std::unique_ptr<storage::sqlite_store> store_;
    std::unique_ptr<bot::core> core_;
    recording_platform platform_;
    std::string log_;
    int event_counter_ = 0;

    // The author's id, DM channel and name are unique markers: the anonymity test greps for them.
    const bot::actor alice{{bot::platform::slack, "T0TEAM", "U0SECRETALICE"}, "D0SECRETDM",
                           "D0SECRETDM"};
    const bot::actor bob{{bot::platform::slack, "T0TEAM", "U0BOB"}, "D0BOBDM", "D0BOBDM"};
    const bot::actor moderator{{bot::platform::slack, "T0TEAM", "U0MODERATOR"}, "D0MODDM",
                               "C0MODS"};
};

} // namespace openfloor::testing
