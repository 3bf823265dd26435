// hostile_cases: the bytes of each attack. The DM users (U0MOJI, U0FORGE, …) are each used by
// one kind of attack, so the test can check that none of them was answered as if genuine.
#include "tests/process/hostile_cases.hpp"

#include "tests/process/hostile_fixture.hpp"

#include <sstream>

namespace openfloor::testing {

std::vector<hostile_case> hostile_cases(const dm_builder& dm) {
    using namespace std::chrono_literals;
    const std::string head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    const std::string too_big(hostile_max_body_bytes + 1, 'x');
    std::ostringstream chunk_size;
    chunk_size << std::hex << too_big.size();
    const std::string nested_blocks =
        R"({"type":"event_callback","event_id":"EvNested","event":{"type":"message","blocks":)" +
        std::string(100'000, '[') + std::string(100'000, ']') + "}}";
    // Raw bytes no encoder would write (nlohmann refuses to dump them), spliced in afterwards.
    std::string bad_utf8 = dm("U0MOJI", "#eng mistake: BYTES", 900'001);
    bad_utf8.replace(bad_utf8.find("BYTES"), 5, "caf\xC3 \xFF\xFE broken");
    std::string lone_surrogate = dm("U0MOJI", "#eng mistake: SURROGATE", 900'002);
    lone_surrogate.replace(lone_surrogate.find("SURROGATE"), 9, "\\ud800 alone");
    const std::string stale = dm("U0STALE", "#eng mistake: replayed later", 900'003);
    const std::string once = dm("U0ONCE", "#eng mistake: replay me", 900'007);
    const std::string too_long =
        dm("U0LONG", "#eng mistake: " + std::string(100'000, 'y'), 900'006);

    return {
        {"body over max_body_bytes", events_post(too_big, "", ""), 413, "payload too large"},
        {"chunked body over max_body_bytes",
         head + "Transfer-Encoding: chunked\r\n\r\n" + chunk_size.str() + "\r\n" + too_big +
             "\r\n0\r\n\r\n",
         413, "payload too large"},
        {"a terabyte announced", head + "Content-Length: 1000000000000\r\n\r\n", 413,
         "payload too large"},
        {"garbage request line", "GARBAGE\r\n\r\n", 400, "bad request"},
        {"NUL in the target", std::string("POST /slack/\0events HTTP/1.1\r\n\r\n", 32), 400,
         "bad request"},
        {"unknown HTTP version", "GET /healthz HTTP/1.x\r\n\r\n", 400, "bad request"},
        {"header without a colon", head + "X-Broken header\r\n\r\n", 400, "bad request"},
        {"Content-Length not a number", head + "Content-Length: ten\r\n\r\n", 400, "bad request"},
        {"two Content-Lengths", head + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nabc", 400,
         "bad request"},
        {"bad chunk size", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", 400,
         "bad request"},
        {"headers over the limit", head + "X-Big: " + std::string(20'000, 'a') + "\r\n\r\n", 431,
         "headers too large"},
        {"unsigned", events_post(dm("U0FORGE", "#eng mistake: unsigned", 900'004), "", ""), 401,
         "invalid signature"},
        {"signed with the wrong secret",
         events_post(dm("U0FORGE", "#eng mistake: forged", 900'005), "not-the-secret", unix_now()),
         401, "invalid signature"},
        {"replayed six minutes later", events_post(stale, hostile_signing_secret, unix_now(-360s)),
         401, "invalid signature"},
        {"invalid UTF-8 in a DM text", events_post(bad_utf8), 400, "malformed payload"},
        {"a lone surrogate in a DM text", events_post(lone_surrogate), 400, "malformed payload"},
        {"100,000 unclosed [", events_post(std::string(100'000, '[')), 400, "malformed payload"},
        {"100,000-deep blocks in a DM", events_post(nested_blocks), 400, "malformed payload"},
        {"100,000-character DM text", events_post(too_long), 200, ""},
        {"a valid signed DM", events_post(once), 200, ""},
        {"the same signed DM again", events_post(once), 200, ""},
    };
}

asio::awaitable<void> run_cases(unsigned short port, std::shared_ptr<case_run> run) {
    for (auto& c : run->cases) {
        c.answer = co_await exchange(port, c.bytes, std::chrono::seconds(10));
    }
    run->done = true;
}

} // namespace openfloor::testing
