// spawn_logged: co_spawn with a completion handler that reports the exception a task died of.
#include "adapters/transport/spawn.hpp"

#include "bot/log.hpp"

#include <boost/asio/co_spawn.hpp>

#include <exception>

namespace openfloor::transport {

void spawn_logged(asio::any_io_executor ex, std::string name, asio::awaitable<void> task) {
    asio::co_spawn(std::move(ex), std::move(task), [name = std::move(name)](std::exception_ptr e) {
        if (!e) {
            return;
        }
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& failure) {
            bot::log::error("task.failed", {{"task", name}, {"error", failure.what()}});
        } catch (...) { // not derived from std::exception: still a death worth reporting
            bot::log::error("task.failed", {{"task", name}, {"error", "unknown exception"}});
        }
    });
}

} // namespace openfloor::transport
