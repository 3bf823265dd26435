// demo_fixture: the binary started, its printed URL parsed, requests sent.
#include "tests/demo/demo_fixture.hpp"

#include "tests/support/binary_under_test.hpp"
#include "tests/support/run_task.hpp"

#include <boost/beast/http/verb.hpp>

#include <iostream>

namespace openfloor::testing {
namespace {

constexpr std::string_view announcement = "openfloor demo: open http://127.0.0.1:";

// The port of the announcement line, once the demo has printed all of it.
std::optional<unsigned short> announced_port(const std::string& output) {
    const auto at = output.find(announcement);
    if (at == std::string::npos) {
        return std::nullopt;
    }
    const auto start = at + announcement.size();
    const auto slash = output.find("/\n", start);
    if (slash == std::string::npos) {
        return std::nullopt;
    }
    const unsigned long port =
        std::strtoul(output.substr(start, slash - start).c_str(), nullptr, 10);
    if (port == 0 || port > 65535) {
        return std::nullopt;
    }
    return static_cast<unsigned short>(port);
}

} // namespace

void demo_fixture::TearDown() {
    if (HasFailure() && demo_) {
        std::cerr << "---- what openfloor demo printed ----\n" << demo_->output();
    }
}

void demo_fixture::start_demo() {
    std::filesystem::create_directories(demo_tmp());
    demo_ = std::make_unique<child_process>(
        binary_under_test(), std::vector<std::string>{"demo", "--listen", "127.0.0.1:0"},
        dir_.file("demo.log"),
        std::vector<std::pair<std::string, std::string>>{{"TMPDIR", demo_tmp().string()}});
    ASSERT_TRUE(wait([&] {
        return announced_port(demo_->output()).has_value() || demo_->exit_code();
    })) << "the demo never said where it listens";
    ASSERT_FALSE(demo_->exit_code()) << "the demo exited with " << *demo_->exit_code();
    port_ = *announced_port(demo_->output());
    url_ = "http://127.0.0.1:" + std::to_string(port_) + "/";
}

bool demo_fixture::wait(const std::function<bool()>& condition,
                        std::chrono::milliseconds deadline) {
    return run_until(ioc_, condition, deadline);
}

std::optional<transport::client_response> demo_fixture::get(const std::string& path) {
    transport::client_request req;
    req.method = transport::http::verb::get;
    req.url = "http://127.0.0.1:" + std::to_string(port_) + path;
    auto answer = run_task(ioc_, client_.send(std::move(req)));
    if (!answer || !*answer) {
        return std::nullopt;
    }
    return std::move(**answer);
}

std::optional<transport::client_response>
demo_fixture::post(const std::string& path, std::string body, std::string content_type) {
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = "http://127.0.0.1:" + std::to_string(port_) + path;
    req.body = std::move(body);
    req.headers = {{"Content-Type", std::move(content_type)}};
    auto answer = run_task(ioc_, client_.send(std::move(req)));
    if (!answer || !*answer) {
        return std::nullopt;
    }
    return std::move(**answer);
}

} // namespace openfloor::testing
