// spawn_logged: a task that throws is reported and does not take the io_context down with it.
#include "adapters/transport/spawn.hpp"

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include <stdexcept>

namespace openfloor::transport {
namespace {

asio::awaitable<void> throws() {
    throw std::runtime_error("task bug");
    co_return;
}

asio::awaitable<void> finishes(bool& done) {
    done = true;
    co_return;
}

TEST(SpawnLogged, KeepsTheIoContextRunningWhenATaskThrows) {
    asio::io_context ioc;
    bool done = false;
    spawn_logged(ioc.get_executor(), "test.throws", throws());
    spawn_logged(ioc.get_executor(), "test.finishes", finishes(done));
    EXPECT_NO_THROW(ioc.run());
    EXPECT_TRUE(done);
}

} // namespace
} // namespace openfloor::transport
