// router: exact-path dispatch to coroutine handlers, with 404 and 405 answered here, and the
// request counts and answer times of /metrics.
#include "adapters/transport/http_server.hpp"
#include "adapters/transport/metrics.hpp"

#include <boost/beast/http/field.hpp>

namespace openfloor::transport {
namespace {

std::string_view path_of(std::string_view target) {
    return target.substr(0, target.find('?'));
}

// The label of a path no route knows: whatever a caller sends, it adds no new series.
constexpr std::string_view unknown_endpoint = "other";

} // namespace

response make_response(const request& req, http::status status, std::string body,
                       std::string_view content_type) {
    response res{status, req.version()};
    res.set(http::field::content_type, content_type);
    res.keep_alive(req.keep_alive());
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

void router::add(http::verb method, std::string path, handler h) {
    routes_[std::move(path)][method] = std::move(h);
}

void router::measure(metrics::registry& r) {
    requests_ =
        &r.counters("openfloor_http_requests_total",
                    "HTTP requests answered, by routed path and status.", {"endpoint", "status"});
    durations_ = &r.histograms("openfloor_http_request_duration_seconds",
                               "Time from a request read to its answer ready, by routed path.",
                               {"endpoint"}, metrics::ack_buckets());
    for (const auto& [path, methods] : routes_) {
        durations_->with({path}); // every route shows from the first scrape
    }
}

void router::count(std::string_view endpoint, http::status status,
                   std::chrono::steady_clock::duration took) const {
    if (requests_ == nullptr) {
        return;
    }
    const std::string label(endpoint);
    requests_->with({label, std::to_string(static_cast<unsigned>(status))}).inc();
    durations_->with({label}).observe(took);
}

asio::awaitable<response> router::dispatch(request req) const {
    const auto started = std::chrono::steady_clock::now();
    const auto path = routes_.find(path_of(req.target()));
    if (path == routes_.end()) {
        auto res = make_response(req, http::status::not_found, R"({"error":"not found"})");
        count(unknown_endpoint, res.result(), std::chrono::steady_clock::now() - started);
        co_return res;
    }
    const auto route = path->second.find(req.method());
    if (route == path->second.end()) {
        auto res = make_response(req, http::status::method_not_allowed,
                                 R"({"error":"method not allowed"})");
        std::string allow;
        for (const auto& [verb, h] : path->second) {
            allow += (allow.empty() ? "" : ", ") + std::string(http::to_string(verb));
        }
        res.set(http::field::allow, allow);
        count(path->first, res.result(), std::chrono::steady_clock::now() - started);
        co_return res;
    }
    try {
        auto res = co_await route->second(std::move(req));
        count(path->first, res.result(), std::chrono::steady_clock::now() - started);
        co_return res;
    } catch (...) { // the server answers a handler's throw with 500; count it as that
        count(path->first, http::status::internal_server_error,
              std::chrono::steady_clock::now() - started);
        throw;
    }
}

} // namespace openfloor::transport
