// Headless Chromium for the demo's browser test, driven over the DevTools protocol: started on
// the demo page with a profile of its own, found through the DevToolsActivePort file it writes,
// and asked (Runtime.evaluate, Input.insertText) to act in the page as a person would.
#pragma once

#include "adapters/transport/http_client.hpp"
#include "adapters/transport/websocket_client.hpp"
#include "tests/demo/child_process.hpp"

#include <boost/system/result.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace openfloor::testing {

class headless_chromium {
public:
    // Debian's `chromium` (or `chromium-browser`) in PATH, or nullopt.
    static std::optional<std::filesystem::path> find();

    // Opens `url`. `dir` holds the profile and the log; it must outlive this object.
    headless_chromium(const std::filesystem::path& chromium, const std::filesystem::path& dir,
                      const std::string& url);

    // The DevTools port, once Chromium has written it.
    std::optional<unsigned short> devtools_port() const;
    std::string log() const { return process_.output(); }

private:
    std::filesystem::path profile_;
    child_process process_;
};

// One page target's DevTools session.
class devtools_page {
public:
    // The first page target listed on the DevTools port, connected.
    static transport::asio::awaitable<boost::system::result<std::shared_ptr<devtools_page>>>
    attach(transport::http_client& http, unsigned short port);

    explicit devtools_page(std::shared_ptr<transport::websocket_connection> ws)
        : ws_(std::move(ws)) {}

    // One protocol call and its "result" object; an error for a protocol error.
    transport::asio::awaitable<boost::system::result<nlohmann::json>> call(std::string method,
                                                                           nlohmann::json params);
    // The value of `expression` in the page, awaited when it is a promise; an error when it
    // throws (last_error() says what).
    transport::asio::awaitable<boost::system::result<nlohmann::json>>
    evaluate(std::string expression);
    const std::string& last_error() const { return last_error_; }

private:
    std::shared_ptr<transport::websocket_connection> ws_;
    std::int64_t next_id_ = 1;
    std::string last_error_;
};

} // namespace openfloor::testing
