// What the fuzzers found, pinned as plain tests that fail without the fix in any build (the
// replayed inputs in regressions/ need a sanitizer to show most of them).
#include "adapters/mattermost/payloads.hpp"
#include "adapters/slack/payloads.hpp"
#include "adapters/transport/form.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace openfloor::fuzz {
namespace {

// regressions/mattermost/get-command-query-overread: Boost.URL 1.81's parse_query measured the
// query again with strlen, so a form that is a view into a larger buffer (a GET's query string
// inside the request target) took in the bytes after it.
TEST(FuzzFindings, AFormIsReadOnlyWithinItsView) {
    const std::string buffer = "command=%2Fopenfloor&user_id=u1 HTTP/1.1\r\nHost: evil";
    const std::string_view form = std::string_view(buffer).substr(0, buffer.find(' '));
    const auto fields = transport::payload::decode_form(form);
    ASSERT_TRUE(fields);
    ASSERT_EQ(fields->size(), 2U);
    EXPECT_EQ(fields->back().first, "user_id");
    EXPECT_EQ(fields->back().second, "u1");

    const auto command = mattermost::decode_slash_command(form);
    ASSERT_TRUE(command);
    EXPECT_EQ(command->user_id, "u1");
}

// regressions/slack/event-time-beyond-int64 and hello-counts-beyond-int: a number that does not
// fit the field (nlohmann parses an over-long integer as a double) was cast blindly, which is
// undefined behaviour; now it is a malformed payload like any other wrong type.
TEST(FuzzFindings, NumbersThatDoNotFitAreMalformed) {
    EXPECT_FALSE(slack::decode_socket_frame(R"({"type":"hello","num_connections":1e300})"));
    EXPECT_FALSE(slack::decode_socket_frame(R"({"type":"hello","num_connections":4294967296})"));
    EXPECT_FALSE(slack::decode_socket_frame(
        R"({"type":"hello","debug_info":{"approximate_connection_time":-1e300}})"));
    EXPECT_FALSE(slack::decode_socket_frame(
        R"({"envelope_id":"e","type":"events_api","retry_attempt":2.5})"));
    EXPECT_FALSE(slack::decode_events(
        R"({"type":"event_callback","event_id":"Ev1","event":{"type":"message"},)"
        R"("event_time":170000040888888888888888888888888888888})"));
}

TEST(FuzzFindings, WholeNumbersThatFitStillDecode) {
    const auto hello = slack::decode_socket_frame(
        R"({"type":"hello","num_connections":2.0,"debug_info":{"approximate_connection_time":18060}})");
    ASSERT_TRUE(hello);
    const auto& h = std::get<slack::socket_hello>(*hello);
    EXPECT_EQ(h.num_connections, 2);
    EXPECT_EQ(h.approximate_connection_time, std::chrono::seconds(18060));

    const auto events = slack::decode_events(
        R"({"type":"event_callback","event_id":"Ev1","event":{"type":"message"},)"
        R"("event_time":-9223372036854775808})");
    ASSERT_TRUE(events);
    EXPECT_EQ(std::get<slack::event_callback>(*events).event_time, INT64_MIN);
}

} // namespace
} // namespace openfloor::fuzz
