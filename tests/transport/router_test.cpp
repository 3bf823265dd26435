// router: exact paths, 404 for unknown paths, 405 (with Allow) for other methods, and the
// request counts and times it gives /metrics.
#include "adapters/transport/http_server.hpp"
#include "adapters/transport/metrics.hpp"
#include "tests/support/metrics_text.hpp"
#include "tests/support/run_task.hpp"

#include <boost/beast/http/field.hpp>
#include <gtest/gtest.h>

namespace openfloor::transport {
namespace {

using testing::run_task;

asio::awaitable<response> answer_ok(request req) {
    co_return make_response(req, http::status::ok, R"({"path":"ok"})");
}

request make_request(http::verb method, std::string target) {
    request req{method, target, 11};
    req.set(http::field::host, "example.test");
    return req;
}

class Router : public ::testing::Test {
protected:
    Router() { routes.add(http::verb::post, "/slack/events", answer_ok); }

    response dispatch(http::verb method, std::string target) {
        auto res = run_task(ioc, routes.dispatch(make_request(method, std::move(target))));
        EXPECT_TRUE(res.has_value());
        return res.value_or(response{});
    }

    asio::io_context ioc;
    router routes;
};

TEST_F(Router, CallsTheHandlerOfAnExactPath) {
    const auto res = dispatch(http::verb::post, "/slack/events");
    EXPECT_EQ(res.result(), http::status::ok);
    EXPECT_EQ(res.body(), R"({"path":"ok"})");
}

TEST_F(Router, IgnoresTheQueryString) {
    EXPECT_EQ(dispatch(http::verb::post, "/slack/events?retry=1").result(), http::status::ok);
}

TEST_F(Router, AnswersUnknownPathsWith404) {
    EXPECT_EQ(dispatch(http::verb::post, "/slack/event").result(), http::status::not_found);
    EXPECT_EQ(dispatch(http::verb::post, "/slack/events/").result(), http::status::not_found);
}

TEST_F(Router, AnswersOtherMethodsWith405AndAllow) {
    const auto res = dispatch(http::verb::get, "/slack/events");
    EXPECT_EQ(res.result(), http::status::method_not_allowed);
    EXPECT_EQ(res[http::field::allow], "POST");
}

TEST_F(Router, CountsRequestsByRoutedPathAndStatus) {
    metrics::registry reg;
    routes.measure(reg);
    dispatch(http::verb::post, "/slack/events?retry=1");
    dispatch(http::verb::post, "/slack/events");
    dispatch(http::verb::get, "/slack/events");
    const auto scraped = testing::parse_metrics(reg.render());
    ASSERT_TRUE(scraped.problems.empty()) << scraped.problems.front();
    EXPECT_EQ(scraped["openfloor_http_requests_total{endpoint=\"/slack/events\",status=\"200\"}"],
              2);
    EXPECT_EQ(scraped["openfloor_http_requests_total{endpoint=\"/slack/events\",status=\"405\"}"],
              1);
    EXPECT_EQ(scraped["openfloor_http_request_duration_seconds_count{endpoint=\"/slack/events\"}"],
              3);
}

TEST_F(Router, CountsUnknownPathsAsOtherSoCallersCannotAddSeries) {
    metrics::registry reg;
    routes.measure(reg);
    const auto before = testing::parse_metrics(reg.render()).samples.size();
    for (const auto* path : {"/U0SECRETALICE", "/D0SECRETDM?x=1", "/slack/events/more"}) {
        dispatch(http::verb::post, path);
    }
    const auto text = reg.render();
    const auto scraped = testing::parse_metrics(text);
    EXPECT_EQ(scraped["openfloor_http_requests_total{endpoint=\"other\",status=\"404\"}"], 3);
    EXPECT_EQ(text.find("SECRET"), std::string::npos) << text;
    // One counter series and one histogram (its buckets, +Inf, _sum, _count), for any number
    // of paths tried.
    EXPECT_EQ(scraped.samples.size(), before + 1 + metrics::ack_buckets().size() + 3);
}

TEST_F(Router, CountsAHandlerThatThrowsAsA500) {
    metrics::registry reg;
    routes.add(http::verb::get, "/broken", [](request) -> asio::awaitable<response> {
        throw std::logic_error("a handler bug");
        co_return response{};
    });
    routes.measure(reg);
    EXPECT_THROW(run_task(ioc, routes.dispatch(make_request(http::verb::get, "/broken"))),
                 std::logic_error); // the server answers it with a 500
    const auto scraped = testing::parse_metrics(reg.render());
    EXPECT_EQ(scraped["openfloor_http_requests_total{endpoint=\"/broken\",status=\"500\"}"], 1);
}

TEST(MakeResponse, CopiesVersionAndKeepAliveAndSetsContentLength) {
    request req{http::verb::get, "/", 10}; // HTTP/1.0 without keep-alive
    const auto res = make_response(req, http::status::created, "abc", "text/plain");
    EXPECT_EQ(res.version(), 10U);
    EXPECT_FALSE(res.keep_alive());
    EXPECT_EQ(res[http::field::content_length], "3");
    EXPECT_EQ(res[http::field::content_type], "text/plain");
}

} // namespace
} // namespace openfloor::transport
