// The commit barrier of group commit (bot::store::defer_commits). The writes of every request
// handled since the last flush share one COMMIT, and so one disk flush: it runs as a handler
// posted on the io_context when the group opens, so every handler that is ready by then does its
// writes first. A coroutine that must not act before its writes are durable (answer a request,
// send an outbox job) awaits durable() or settle() first.
#pragma once

#include "adapters/transport/net.hpp"
#include "bot/core.hpp"
#include "bot/ports.hpp"

#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <memory>

namespace openfloor::transport {

class group_commit {
public:
    // Takes over `store`'s commits; both must outlive every coroutine that awaits this.
    group_commit(asio::any_io_executor ex, bot::store& store);
    ~group_commit();
    group_commit(const group_commit&) = delete;
    group_commit& operator=(const group_commit&) = delete;

    // Resumes once everything committed so far is durable, at once when it already is. An error
    // when the group's commit failed: none of its writes were kept.
    asio::awaitable<bot::result<void>> durable();
    // The core's reply `r` once its writes are durable; the core's apology if they were not kept.
    asio::awaitable<bot::reply> settle(bot::reply r, const bot::core& core);

    // Groups committed so far (each one COMMIT, whatever the number of units in it).
    std::uint64_t flushes() const { return flushes_; }

private:
    // Everyone waiting for the open group: woken together by cancelling the timer.
    struct waiters {
        explicit waiters(const asio::any_io_executor& ex)
            : done(ex, asio::steady_timer::time_point::max()) {}
        asio::steady_timer done;
        bool finished = false;
        bot::result<void> outcome;
    };

    void flush_now();

    asio::any_io_executor ex_;
    bot::store& store_;
    std::shared_ptr<waiters> waiting_;
    std::uint64_t flushes_ = 0;
    // The posted flush may outlive this object (an app torn down while the io_context runs on).
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

} // namespace openfloor::transport
