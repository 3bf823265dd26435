// The storage tests' fixture: a sqlite_store on a real file in a fresh temp directory, plus
// sample rows. Times are whole milliseconds, the precision the store keeps.
#pragma once

#include "bot/error.hpp"
#include "storage/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace openfloor::storage_testing {

inline bot::time_point at_ms(std::int64_t ms) {
    return bot::time_point(std::chrono::milliseconds(ms));
}

inline bot::pseudonym author(std::uint8_t seed) {
    std::array<std::uint8_t, bot::pseudonym::size> raw{};
    raw.fill(seed);
    return bot::pseudonym(raw);
}

inline bot::post_record sample_post(const std::string& workspace, bot::post_number number) {
    bot::post_record p;
    p.where = bot::platform::slack;
    p.workspace = workspace;
    p.number = number;
    p.channel_key = "mistakes";
    p.channel_id = "C0TEAM";
    p.category = "question";
    p.text = "Is the release on Friday?";
    p.state = bot::post_state::queued;
    p.author_seal = {0x01, 0x02, 0x03};
    p.created_at = at_ms(1'700'000'000'000);
    return p;
}

inline bot::outbox_record sample_item(bot::platform where, bot::time_point next) {
    bot::outbox_record r;
    r.where = where;
    r.kind = bot::job_kind::direct_message;
    r.sealed_route = {0xAA, 0xBB};
    r.sealed_payload = {0x10, 0x20, 0x30};
    r.next_attempt_at = next;
    r.created_at = next;
    return r;
}

class store_test : public ::testing::Test {
protected:
    storage::sqlite_store& store() { return *store_; }
    const std::string& path() const { return path_; }
    const openfloor::testing::temp_dir& dir() const { return dir_; }
    // Closes the store: the last connection checkpoints the WAL into the file and removes it.
    void close() { store_.reset(); }
    // Closes the store and opens the file again, as a restart would.
    void reopen() {
        store_.reset();
        store_.emplace(path_);
    }
    // A second connection to the same file, for what the ports do not show.
    SQLite::Database raw() const { return {path_, SQLite::OPEN_READWRITE}; }
    // Inserts a post and returns its row id.
    std::int64_t insert_post(const std::string& workspace, bot::post_number n) {
        auto id = store().posts().insert(sample_post(workspace, n));
        EXPECT_TRUE(id.has_value());
        return id.has_value() ? *id : 0;
    }

private:
    openfloor::testing::temp_dir dir_;
    std::string path_ = dir_.file("openfloor.db").string();
    std::optional<storage::sqlite_store> store_{std::in_place, path_};
};

} // namespace openfloor::storage_testing
