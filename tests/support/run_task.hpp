// run_task: start a coroutine on the test's io_context and drive it (with run_until) to its
// result. An exception inside the coroutine is rethrown here, so a test sees it as a failure.
#pragma once

#include "adapters/transport/net.hpp"
#include "tests/support/run_until.hpp"

#include <boost/asio/co_spawn.hpp>

#include <chrono>
#include <exception>
#include <memory>
#include <optional>

namespace openfloor::testing {

inline constexpr std::chrono::milliseconds task_deadline{10'000};

template <class T>
std::optional<T> run_task(boost::asio::io_context& ioc, boost::asio::awaitable<T> task,
                          std::chrono::milliseconds deadline = task_deadline) {
    struct outcome {
        std::optional<T> value;
        std::exception_ptr failure;
        bool done = false;
    };
    // Shared, so a task still running after a failed deadline writes into live memory.
    auto result = std::make_shared<outcome>();
    boost::asio::co_spawn(ioc, std::move(task), [result](std::exception_ptr e, T value) {
        result->failure = e;
        if (!e) {
            result->value.emplace(std::move(value));
        }
        result->done = true;
    });
    if (!run_until(
            ioc, [&] { return result->done; }, deadline)) {
        return std::nullopt;
    }
    if (result->failure) {
        std::rethrow_exception(result->failure);
    }
    return std::move(result->value);
}

} // namespace openfloor::testing
