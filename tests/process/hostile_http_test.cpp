// Hostile HTTP against the real binary (issue #6, product.md §6). While a thousand idle
// connections are held open (reopened whenever the bot closes them), slow-drip clients crawl and
// oversized, malformed, forged, replayed, mis-encoded and absurdly nested requests arrive, a
// steady stream of real signed DM events must all be acknowledged quickly and posted; each attack
// must get its clear answer, and the bot must still be up at the end. A second run starves the
// bot of descriptors to show the connection cap at work.
#include "tests/process/hostile_cases.hpp"
#include "tests/process/hostile_fixture.hpp"
#include "tests/support/descriptor_limit.hpp"
#include "tests/support/sanitized.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <sstream>

namespace openfloor::testing {
namespace {

using namespace std::chrono_literals;
using milliseconds = std::chrono::milliseconds;

constexpr std::size_t idle_connections = 1000;
constexpr auto real_request_interval = 40ms; // 25 a second, as a busy workspace might send
constexpr auto drip_interval = 100ms;
// The test holds the crowd, the drips and the fake platform's side of the bot's calls.
constexpr rlim_t test_descriptors = 4 * idle_connections;

class HostileHttp : public hostile_fixture {
protected:
    void SetUp() override {
        ASSERT_TRUE(ensure_descriptors(test_descriptors))
            << "the hard RLIMIT_NOFILE is too low for this test; raise it (ulimit -Hn)";
        write_hostile_config();
    }

    // Three clients dripping headers and three dripping a body, one byte every drip_interval.
    std::vector<std::shared_ptr<drip_outcome>> start_drips() {
        std::vector<std::shared_ptr<drip_outcome>> drips;
        const std::string headers =
            "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + std::string(200, 'd');
        const std::string post =
            events_post(dm_body("U0DRIP", "#eng mistake: " + std::string(500, 'z'), 800'000));
        const auto split = post.find("\r\n\r\n") + 4; // headers whole, then the body by the byte
        for (int i = 0; i < 3; ++i) {
            drips.push_back(start_drip(ioc_, port_, "", headers, drip_interval));
            drips.push_back(
                start_drip(ioc_, port_, post.substr(0, split), post.substr(split), drip_interval));
        }
        return drips;
    }

    // Each case got the status and body it must; returns "3x200, 11x400, …".
    static std::string expect_clear_answers(const std::vector<hostile_case>& cases) {
        std::map<unsigned, int> by_status;
        for (const auto& c : cases) {
            EXPECT_EQ(c.answer.status, c.status) << c.name << " (" << c.answer.error << ")";
            EXPECT_NE(c.answer.body.find(c.body_has), std::string::npos)
                << c.name << " answered " << c.answer.body;
            ++by_status[c.answer.status];
        }
        std::ostringstream out;
        for (const auto& [status, n] : by_status) {
            out << (status == by_status.begin()->first ? "" : ", ") << n << "x" << status;
        }
        return out.str();
    }

    // The too-long text is refused by DM; the replay made one post; nothing hostile was posted
    // or answered as if genuine.
    void expect_nothing_hostile_posted(std::size_t real_posts) {
        ASSERT_TRUE(wait([&] { return posts_mentioning("C0ENG", "replay me") == 1; }));
        ASSERT_TRUE(wait([&] {
            return posts_mentioning("D0LONG", "100000 characters") == 1 &&
                   posts_mentioning("D0LONG", "limit is 3000") == 1;
        }));
        EXPECT_EQ(slack_.posts_to("C0ENG").size(), real_posts + 1);
        EXPECT_EQ(posts_mentioning("C0ENG", "yyyyyyyyyy"), 0U);
        for (const char* dm : {"D0MOJI", "D0FORGE", "D0STALE", "D0DRIP"}) {
            EXPECT_TRUE(slack_.posts_to(dm).empty()) << dm << " was answered as if genuine";
        }
    }

    void expect_real_requests_served(const stream_stats& real) {
        EXPECT_GT(real.sent, 0U);
        EXPECT_EQ(real.served, real.sent);
        // Slack allows 3 s; the sanitized -O0 build is several times slower, so it gets more.
        const double p99_bound_ms = sanitized_build ? 10000.0 : 1000.0;
        EXPECT_LT(real.p99_ms, p99_bound_ms) << "p99 ack latency under attack (Slack allows 3 s)";
        EXPECT_TRUE(
            wait([&] { return posts_mentioning("C0ENG", "real request ") == real.sent; }, 15s))
            << posts_mentioning("C0ENG", "real request ") << " of " << real.sent << " posted";
    }

    void expect_alive() {
        EXPECT_FALSE(bot_->exit_code().has_value()) << "the bot died";
        EXPECT_TRUE(healthy());
    }
};

TEST_F(HostileHttp, EachAttackGetsItsAnswerWhileRealRequestsAreServed) {
    // Less than the crowd needs, as under a distribution's default of 1,024 or lower: the test
    // only passes if the bot raises its own soft limit.
    constexpr rlim_t bot_soft_limit = 512;
    start_with_soft_limit(bot_soft_limit);
    ASSERT_TRUE(wait([&] { return bot_->said("\"msg\":\"openfloor.descriptor_limit\""); }));
    EXPECT_TRUE(bot_->said("\"was\":" + std::to_string(bot_soft_limit)));
    start_sampling();
    idle_crowd crowd(ioc_, port_, idle_connections);
    ASSERT_TRUE(wait([&] { return crowd.open() == idle_connections; }, 10s))
        << crowd.open() << " open, " << crowd.connect_failures() << " failed connects";

    const auto drips = start_drips();
    auto run = std::make_shared<case_run>();
    run->cases = hostile_cases(
        [this](const std::string& u, const std::string& t, int n) { return dm_body(u, t, n); });
    asio::co_spawn(ioc_, run_cases(port_, run), asio::detached);
    const auto real = stream_real_requests(
        5s, real_request_interval, 0,
        [&] {
            return run->done &&
                   std::all_of(drips.begin(), drips.end(), [](const auto& d) { return d->closed; });
        },
        30s);
    sampling_stopped_ = true;
    const std::size_t idle_peak = crowd.peak();
    crowd.stop();
    ASSERT_TRUE(wait([&] { return crowd.finished(); }, 5s));

    expect_real_requests_served(real);
    const std::string answers = expect_clear_answers(run->cases);
    expect_nothing_hostile_posted(real.sent);
    // Slow drips were cut at the request deadline, unanswered (timed from the client side, so
    // with slack either way).
    milliseconds slowest_cut{0};
    milliseconds fastest_cut{milliseconds::max()};
    for (const auto& d : drips) {
        EXPECT_GE(d->lasted, hostile_request_timeout - 500ms) << "cut before the deadline";
        EXPECT_LE(d->lasted, hostile_request_timeout + 1500ms) << "held past the deadline";
        EXPECT_TRUE(d->received.empty()) << d->received;
        slowest_cut = std::max(slowest_cut, d->lasted);
        fastest_cut = std::min(fastest_cut, d->lasted);
    }
    // The idle sockets were held by the bot itself (not just queued by the kernel), then timed
    // out silently.
    EXPECT_EQ(idle_peak, idle_connections);
    EXPECT_GE(peak_descriptors_, idle_connections);
    EXPECT_GE(crowd.closed_by_bot(), idle_connections) << "idle sockets time out";
    EXPECT_EQ(crowd.bytes_received(), 0U);
    expect_alive();

    // The figure SECURITY.md quotes.
    std::cout << "hostile-http: " << real.served << " real requests served during the attack, p50 "
              << std::lround(real.p50_ms) << " ms, p99 " << std::lround(real.p99_ms) << " ms, "
              << idle_connections << " idle connections (" << crowd.closed_by_bot()
              << " timed out and reopened, bot peak " << peak_descriptors_ << " descriptors), "
              << drips.size() << " slow drips cut at " << fastest_cut.count() << "-"
              << slowest_cut.count() << " ms, " << run->cases.size()
              << " hostile requests answered (" << answers
              << "), replayed event posted once, bot alive\n";
}

// The cap displaces the oldest idle connection that never sent a request, so at the cap such a
// connection lives for the cap divided by the rate newcomers arrive: a new client must send its
// request within that (a pooled keep-alive connection, as the real requests here mostly use, is
// shed last). The crowd reopens each shed connection after a second: some 550 a second.
TEST_F(HostileHttp, WithFewDescriptorsTheCapShedsIdleConnectionsAndRealRequestsGetIn) {
    // A hard limit the bot cannot raise: its cap is 512 less a reserve of 64 for outbound
    // connections and the database, so the crowd of 1000 cannot all be held.
    constexpr rlim_t bot_limit = 512;
    constexpr std::size_t cap = 448;
    start_with_hard_limit(bot_limit);
    ASSERT_TRUE(bot_->said("\"max_connections\":" + std::to_string(cap)));
    start_sampling();
    idle_crowd crowd(ioc_, port_, idle_connections, 1s);
    ASSERT_TRUE(wait([&] { return bot_->said("\"msg\":\"http.connection_limit_reached\""); }, 10s));

    const auto shed_before = crowd.closed_by_bot();
    const auto began = std::chrono::steady_clock::now();
    const auto real = stream_real_requests(
        3s, real_request_interval, 0, [] { return true; }, 20s);
    const std::chrono::duration<double> lasted = std::chrono::steady_clock::now() - began;
    const auto shed_during = crowd.closed_by_bot() - shed_before;
    sampling_stopped_ = true;
    crowd.stop();
    ASSERT_TRUE(wait([&] { return crowd.finished(); }, 5s));

    expect_real_requests_served(real);
    EXPECT_GE(crowd.closed_by_bot(), idle_connections - cap) << "the oldest idle made room";
    EXPECT_LE(peak_descriptors_, bot_limit) << "the bot stayed within its budget";
    EXPECT_EQ(crowd.bytes_received(), 0U);
    expect_alive();
    std::cout << "hostile-http: at a " << bot_limit << "-descriptor limit (connection cap " << cap
              << "), " << real.served << " of " << real.sent << " real requests served, p50 "
              << std::lround(real.p50_ms) << " ms, p99 " << std::lround(real.p99_ms)
              << " ms, while " << std::lround(static_cast<double>(shed_during) / lasted.count())
              << " idle connections a second were shed to make room; bot peak " << peak_descriptors_
              << " descriptors, bot alive\n";
}

} // namespace
} // namespace openfloor::testing
