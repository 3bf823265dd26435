// The fixture of the demo tests: the real `openfloor demo` as a child process on an ephemeral
// port, with a TMPDIR the test owns (so its temporary database can be looked at), and plain
// HTTP requests to it from the test's io_context.
#pragma once

#include "adapters/transport/http_client.hpp"
#include "tests/demo/child_process.hpp"
#include "tests/support/run_until.hpp"
#include "tests/support/temp_dir.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace openfloor::testing {

class demo_fixture : public ::testing::Test {
protected:
    void TearDown() override; // a failed test prints what the demo said

    // Starts `openfloor demo --listen 127.0.0.1:0` and reads its page's URL from its output.
    void start_demo();
    // Runs the test's io_context until `condition` holds or the deadline passes.
    bool wait(const std::function<bool()>& condition,
              std::chrono::milliseconds deadline = std::chrono::seconds(15));
    std::optional<transport::client_response> get(const std::string& path);
    std::optional<transport::client_response> post(const std::string& path, std::string body,
                                                   std::string content_type = "application/json");
    // The TMPDIR the demo was started with.
    std::filesystem::path demo_tmp() const { return dir_.file("tmp"); }

    transport::asio::io_context ioc_{1};
    // Keeps run_one_for waiting out its slice instead of returning at once when nothing is queued.
    transport::asio::executor_work_guard<transport::asio::io_context::executor_type> awake_ =
        transport::asio::make_work_guard(ioc_);
    temp_dir dir_;
    config::outbound_settings outbound_;
    transport::http_client client_{ioc_, outbound_};
    std::unique_ptr<child_process> demo_;
    unsigned short port_ = 0;
    std::string url_; // "http://127.0.0.1:<port>/", as the demo printed it
};

} // namespace openfloor::testing
