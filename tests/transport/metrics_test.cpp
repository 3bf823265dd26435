// metrics: the exact text a small registry renders (HELP/TYPE, label escaping, cumulative
// histogram buckets with _sum and _count), and the programming errors it refuses.
#include "adapters/transport/metrics.hpp"
#include "tests/support/metrics_text.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace openfloor::transport::metrics {
namespace {

using testing::parse_metrics;

// Every observation below is a power of two, so the sum prints exactly.
registry small_registry() {
    registry r;
    auto& requests = r.counters("demo_requests_total", "Requests by path.", {"path", "status"});
    requests.with({"/a", "200"}).inc(2);
    requests.with({"/b\"q\\u\nx", "404"}).inc();
    r.gauges("demo_up", "1 while up.\nA backslash: \\ here.").with({}).set(1);
    auto& seconds = r.histograms("demo_seconds", "Durations.", {"path"}, {0.25, 1});
    seconds.with({"/a"}).observe(std::chrono::milliseconds(125));
    seconds.with({"/a"}).observe(0.25); // on a bound: counted in that bucket (le = "<=")
    seconds.with({"/a"}).observe(2.0);
    return r;
}

TEST(MetricsRegistry, RendersTheTextFormatExactly) {
    EXPECT_EQ(small_registry().render(),
              "# HELP demo_requests_total Requests by path.\n"
              "# TYPE demo_requests_total counter\n"
              "demo_requests_total{path=\"/a\",status=\"200\"} 2\n"
              "demo_requests_total{path=\"/b\\\"q\\\\u\\nx\",status=\"404\"} 1\n"
              "# HELP demo_up 1 while up.\\nA backslash: \\\\ here.\n"
              "# TYPE demo_up gauge\n"
              "demo_up 1\n"
              "# HELP demo_seconds Durations.\n"
              "# TYPE demo_seconds histogram\n"
              "demo_seconds_bucket{path=\"/a\",le=\"0.25\"} 2\n"
              "demo_seconds_bucket{path=\"/a\",le=\"1\"} 2\n"
              "demo_seconds_bucket{path=\"/a\",le=\"+Inf\"} 3\n"
              "demo_seconds_sum{path=\"/a\"} 2.375\n"
              "demo_seconds_count{path=\"/a\"} 3\n");
}

TEST(MetricsRegistry, RendersTextALineCheckerAccepts) {
    const auto scraped = parse_metrics(small_registry().render());
    EXPECT_TRUE(scraped.problems.empty()) << scraped.problems.front();
    EXPECT_EQ(scraped.samples.size(), 8U);
    EXPECT_EQ(scraped["demo_seconds_bucket{path=\"/a\",le=\"+Inf\"}"],
              scraped["demo_seconds_count{path=\"/a\"}"]);
    // The checker is not a rubber stamp.
    EXPECT_FALSE(parse_metrics("demo_up 1\n").problems.empty()) << "a sample without # TYPE";
    EXPECT_FALSE(parse_metrics("# TYPE x gauge\nx{a=\"b} 1\n").problems.empty());
    EXPECT_FALSE(parse_metrics("# TYPE x gauge\nx one\n").problems.empty());
}

TEST(MetricsRegistry, ShowsAFamilyBeforeItHasSamples) {
    registry r;
    r.counters("demo_total", "Nothing yet.", {"platform"});
    EXPECT_EQ(r.render(), "# HELP demo_total Nothing yet.\n# TYPE demo_total counter\n");
}

TEST(MetricsRegistry, HandsOutTheSameFamilyForTheSameName) {
    registry r;
    r.counters("demo_total", "Shared.", {"platform"}).with({"slack"}).inc();
    r.counters("demo_total", "Shared.", {"platform"}).with({"mattermost"}).inc(3);
    const auto scraped = parse_metrics(r.render());
    EXPECT_EQ(scraped["demo_total{platform=\"slack\"}"], 1);
    EXPECT_EQ(scraped["demo_total{platform=\"mattermost\"}"], 3);
}

TEST(MetricsRegistry, RefusesProgrammingErrors) {
    registry r;
    auto& f = r.counters("demo_total", "Two labels.", {"a", "b"});
    EXPECT_THROW(f.with({"only one"}), std::invalid_argument);
    EXPECT_THROW(r.gauges("demo_total", "Again, as a gauge."), std::logic_error);
    EXPECT_THROW(r.counters("demo_total", "Other labels.", {"a"}), std::logic_error);
    EXPECT_THROW(r.counters("9starts_with_a_digit", "Bad."), std::invalid_argument);
    EXPECT_THROW(r.counters("demo_other", "Bad label.", {"has-dash"}), std::invalid_argument);
    EXPECT_THROW(r.histograms("demo_h", "le is the format's.", {"le"}, {1}), std::invalid_argument);
    EXPECT_THROW(r.histograms("demo_h", "Descending.", {}, {1, 0.5}), std::invalid_argument);
    EXPECT_EQ(r.render(), "# HELP demo_total Two labels.\n# TYPE demo_total counter\n");
}

TEST(MetricsCounter, NeverGoesDownWhenCopiedFromATotal) {
    counter c;
    c.set_total(5);
    c.set_total(3); // a smaller total from a restarted part is not a decrease
    EXPECT_EQ(c.value(), 5U);
    c.inc();
    EXPECT_EQ(c.value(), 6U);
}

} // namespace
} // namespace openfloor::transport::metrics
