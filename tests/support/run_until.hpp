// run_until: drive an io_context one handler at a time until a condition holds or a deadline
// passes. The only way tests wait: never a sleep. ASSERT_TRUE the result.
#pragma once

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>

namespace openfloor::testing {

inline bool run_until(boost::asio::io_context& ioc, std::function<bool()> pred,
                      std::chrono::milliseconds deadline) {
    using namespace std::chrono_literals;
    const auto give_up = std::chrono::steady_clock::now() + deadline;
    while (!pred()) {
        if (std::chrono::steady_clock::now() >= give_up) {
            return false;
        }
        if (ioc.stopped()) {
            ioc.restart(); // ran out of work earlier; new work may have been queued since
        }
        ioc.run_one_for(10ms);
    }
    return true;
}

} // namespace openfloor::testing
