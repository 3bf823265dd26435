// devtools: Chromium's command line, DevToolsActivePort, /json/list, and CDP calls over Beast.
#include "tests/demo/devtools.hpp"

#include "tests/support/temp_dir.hpp"

#include <boost/beast/http/verb.hpp>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;
namespace asio = transport::asio;

constexpr std::chrono::milliseconds handshake_timeout{5'000};

boost::system::error_code failed() {
    return make_error_code(boost::system::errc::protocol_error);
}

} // namespace

std::optional<std::filesystem::path> headless_chromium::find() {
    for (const char* name : {"chromium", "chromium-browser"}) {
        if (auto found = find_in_path(name)) {
            return found;
        }
    }
    return std::nullopt;
}

headless_chromium::headless_chromium(const std::filesystem::path& chromium,
                                     const std::filesystem::path& dir, const std::string& url)
    : profile_(dir / "chromium-profile")
    , process_(chromium.string(),
               {"--headless=new", "--no-sandbox", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile_.string(),
                // Nothing but the demo: no first-run pages, no updates, no calls home.
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-pings", "--disable-gpu", "--disable-dev-shm-usage",
                "--mute-audio", url},
               dir / "chromium.log") {}

std::optional<unsigned short> headless_chromium::devtools_port() const {
    // Line 1 is the port, line 2 the browser target's path; written once the port is open.
    const std::string text = read_file(profile_ / "DevToolsActivePort");
    const auto newline = text.find('\n');
    if (newline == std::string::npos) {
        return std::nullopt;
    }
    const unsigned long port = std::strtoul(text.substr(0, newline).c_str(), nullptr, 10);
    if (port == 0 || port > 65535) {
        return std::nullopt;
    }
    return static_cast<unsigned short>(port);
}

asio::awaitable<boost::system::result<std::shared_ptr<devtools_page>>>
devtools_page::attach(transport::http_client& http, unsigned short port) {
    transport::client_request list;
    list.method = transport::http::verb::get;
    list.url = "http://127.0.0.1:" + std::to_string(port) + "/json/list";
    auto listed = co_await http.send(std::move(list));
    if (!listed) {
        co_return listed.error();
    }
    const json targets = json::parse(listed->body, nullptr, /*allow_exceptions=*/false);
    if (!targets.is_array()) {
        co_return failed();
    }
    for (const auto& target : targets) {
        if (target.value("type", "") != "page" || !target.contains("webSocketDebuggerUrl")) {
            continue;
        }
        auto ex = co_await asio::this_coro::executor;
        std::string url = target["webSocketDebuggerUrl"].get<std::string>();
        transport::header_list no_headers; // named: see the g++ 12 note in the style guide
        auto ws = co_await transport::websocket_connection::connect(
            ex, http.tls_context(), std::move(url), std::move(no_headers), handshake_timeout);
        if (!ws) {
            co_return ws.error();
        }
        co_return std::make_shared<devtools_page>(std::move(*ws));
    }
    co_return failed(); // no page yet: the caller tries again
}

asio::awaitable<boost::system::result<json>> devtools_page::call(std::string method, json params) {
    const std::int64_t id = next_id_++;
    ws_->send(json{{"id", id}, {"method", method}, {"params", std::move(params)}}.dump());
    for (;;) {
        auto text = co_await ws_->read();
        if (!text) {
            last_error_ = method + ": " + text.error().message();
            co_return text.error();
        }
        const json answer = json::parse(*text, nullptr, /*allow_exceptions=*/false);
        if (!answer.is_object() || answer.value("id", std::int64_t{0}) != id) {
            continue; // an event, or the answer to another call
        }
        if (answer.contains("error")) {
            last_error_ = method + ": " + answer["error"].dump();
            co_return failed();
        }
        co_return answer.value("result", json::object());
    }
}

asio::awaitable<boost::system::result<json>> devtools_page::evaluate(std::string expression) {
    json params{
        {"expression", std::move(expression)}, {"returnByValue", true}, {"awaitPromise", true}};
    auto answer = co_await call("Runtime.evaluate", std::move(params));
    if (!answer) {
        co_return answer.error();
    }
    if (answer->contains("exceptionDetails")) {
        last_error_ = "the page threw: " + (*answer)["exceptionDetails"].dump();
        co_return failed();
    }
    co_return answer->value("result", json::object()).value("value", json());
}

} // namespace openfloor::testing
