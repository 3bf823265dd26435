// group_commit: one posted flush per group, and its waiters woken together.
#include "adapters/transport/group_commit.hpp"

#include "bot/log.hpp"

#include <boost/asio/post.hpp>

#include <utility>

namespace openfloor::transport {

group_commit::group_commit(asio::any_io_executor ex, bot::store& store)
    : ex_(std::move(ex))
    , store_(store) {
    store_.defer_commits([this, alive = std::weak_ptr<bool>(alive_)] {
        asio::post(ex_, [this, alive] {
            if (alive.lock()) {
                flush_now();
            }
        });
    });
}

group_commit::~group_commit() {
    // Units from now on commit on their own; an open group is committed with the first of them
    // or when the store closes.
    store_.defer_commits(nullptr);
}

void group_commit::flush_now() {
    const auto outcome = store_.flush();
    ++flushes_;
    if (outcome) { // a failure was logged where it happened
        bot::log::debug("store.group_committed");
    }
    if (auto group = std::exchange(waiting_, nullptr)) {
        group->outcome = outcome;
        group->finished = true;
        group->done.cancel();
    }
}

asio::awaitable<bot::result<void>> group_commit::durable() {
    if (!store_.pending()) {
        co_return bot::result<void>{};
    }
    if (!waiting_) {
        waiting_ = std::make_shared<waiters>(ex_);
    }
    const auto group = waiting_; // the frame keeps it: flush_now() lets go of it
    while (!group->finished) {
        co_await group->done.async_wait(use_tuple); // only flush_now() wakes it (cancel)
    }
    co_return group->outcome;
}

asio::awaitable<bot::reply> group_commit::settle(bot::reply r, const bot::core& core) {
    const auto kept = co_await durable();
    if (!kept) {
        co_return core.storage_trouble();
    }
    co_return r;
}

} // namespace openfloor::transport
