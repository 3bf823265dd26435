// Hostile input never throws out of a decoder: malformed JSON, wrong types, 10,000-deep nesting,
// huge numbers, invalid UTF-8 and binary bytes. Each gets a result (or, for AppError bodies, a
// best-effort api_error), never an exception.
#include "adapters/mattermost/error.hpp"
#include "adapters/mattermost/payloads.hpp"
#include "adapters/mattermost/protocol.hpp"
#include "tests/support/hostile_inputs.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace openfloor::mattermost {
namespace {

// The generic list, then Mattermost's own shapes: posts, post lists, websocket frames, slash
// command forms and click callbacks with wrong types, and a 100,000-character id.
const std::vector<std::string>& hostile_inputs() {
    static const std::vector<std::string> inputs = openfloor::testing::hostile_json_with({
        R"({"id":null})",
        R"({"id":{"a":1}})",
        R"({"id":"p","create_at":{}})",
        R"({"id":"p","create_at":-1e400})",
        R"({"id":"p","create_at":123456789012345678901234567890})",
        R"({"id":"p","update_at":NaN})",
        R"({"order":{"a":1},"posts":{}})",
        R"({"order":[null],"posts":{}})",
        R"({"order":["a"],"posts":{"a":null}})",
        R"({"event":"posted","data":null})",
        R"({"event":"posted","data":{"post":null}})",
        R"({"event":"posted","data":{"post":"\"nested string\""}})",
        R"({"event":"hello","data":[]})",
        R"({"event":["hello"]})",
        R"({"status":{},"seq_reply":1})",
        R"({"seq_reply":-1e999})",
        R"({"user_id":"u","channel_id":"c","context":[]})",
        R"({"user_id":"u","channel_id":"c","context":{"action":null,"sig":false}})",
        "{\"id\":\"\xff\xfe\"}",
        std::string(R"({"id":")") + '\0' + R"("})",
        "command=%2F&user_id=%FF%FE",
        "command",
        "command=%2Fx&user_id=u&text=a b",
        R"({"event":"posted","seq":1,"data":)" + openfloor::testing::nested_objects() + "}",
        R"({"id":")" + std::string(100'000, 'x') + R"("})",
    });
    return inputs;
}

void decode_everything(const std::string& input) {
    static_cast<void>(decode_post(input));
    static_cast<void>(decode_post_list(input));
    static_cast<void>(decode_ws_frame(input));
    static_cast<void>(decode_slash_command(input));
    static_cast<void>(decode_action_callback(input));
    static_cast<void>(decode_user(input));
    static_cast<void>(decode_channel(input));
    static_cast<void>(decode_api_error(input));
}

TEST(MattermostHostileInput, NoDecoderThrows) {
    for (const std::string& input : hostile_inputs()) {
        EXPECT_NO_THROW(decode_everything(input)) << input.substr(0, 80);
    }
}

TEST(MattermostHostileInput, JsonDecodersRefuseEachWithAnError) {
    for (const std::string& input : hostile_inputs()) {
        const auto frame = decode_ws_frame(input);
        EXPECT_FALSE(frame) << input.substr(0, 80);
        if (input.starts_with("{\"id\":\"xxx")) {
            continue; // a post with a long id is still a post
        }
        const auto post = decode_post(input);
        EXPECT_FALSE(post) << input.substr(0, 80);
    }
}

TEST(MattermostHostileInput, NestingIsRefusedPastTheLimit) {
    const auto nested = [](std::size_t arrays) {
        return R"({"id":"p","props":)" + std::string(arrays, '[') + std::string(arrays, ']') + "}";
    };
    // The post object is one level, so limit - 1 arrays inside it reach the limit exactly.
    EXPECT_TRUE(decode_post(nested(limit::max_json_depth - 1)));
    EXPECT_EQ(decode_post(nested(limit::max_json_depth)).error(), error::malformed_payload);
    EXPECT_EQ(decode_user(R"({"id":"u","x":)" + std::string(200, '{') + std::string(200, '}') + "}")
                  .error(),
              error::malformed_payload);
}

TEST(MattermostHostileInput, RandomBytesNeverThrow) {
    std::mt19937 rng(20240601); // fixed seed: a failure reproduces
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 200);
    const std::string alphabet = "{}[]\":,0123456789.eE-+truefalsnl \\u%&=abc";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::size_t decoded = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string input;
        const std::size_t n = length(rng);
        for (std::size_t k = 0; k < n; ++k) {
            input += i % 2 == 0 ? static_cast<char>(byte(rng)) : alphabet[pick(rng)];
        }
        ASSERT_NO_THROW(decode_everything(input));
        decoded += decode_post(input) ? 1U : 0U;
    }
    EXPECT_EQ(decoded, 0U); // none of that noise is a post with an id
}

} // namespace
} // namespace openfloor::mattermost
