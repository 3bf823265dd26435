// The accept loop out of descriptors (EMFILE): this process's soft limit is lowered and its
// descriptor table filled, so the server's accept fails for real. It must log the episode once,
// pause between attempts instead of spinning, and serve the waiting client once a descriptor is
// free again.
#include "tests/support/descriptor_limit.hpp"
#include "tests/support/e2e.hpp"
#include "tests/support/sanitized.hpp"
#include "tests/transport/raw_client.hpp"
#include "tests/transport/server_fixture.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace openfloor::testing {
namespace {

// Copies of /dev/null taking every free descriptor, given back on release() or destruction.
class descriptor_hog {
public:
    descriptor_hog() {
        for (;;) {
            const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                break; // EMFILE: the table is full
            }
            held_.push_back(fd);
        }
    }
    ~descriptor_hog() { release(held_.size()); }
    descriptor_hog(const descriptor_hog&) = delete;
    descriptor_hog& operator=(const descriptor_hog&) = delete;

    void release(std::size_t n) {
        for (; n > 0 && !held_.empty(); --n) {
            ::close(held_.back());
            held_.pop_back();
        }
    }
    std::size_t held() const { return held_.size(); }

private:
    std::vector<int> held_;
};

int count_of(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

class AcceptExhaustion : public ServerFixture {
protected:
    ~AcceptExhaustion() override {
        if (HasFailure()) {
            std::cerr << "---- the server's log ----\n" << log_;
        }
        release_log();
    }
    void SetUp() override { capture_log(log_); }

    std::string log_;
};

TEST_F(AcceptExhaustion, LogsOncePausesAndServesTheWaitingClientWhenDescriptorsFree) {
    if (sanitized_build) {
        // UBSan's vptr check opens a pipe to probe memory; with no descriptor left it reports a
        // false "invalid vptr". The g++ run of the suite covers this test.
        GTEST_SKIP() << "needs an empty descriptor table, which the sanitizer runtime cannot bear";
    }
    start();
    // Headroom for what the test itself opens before the table is full.
    soft_descriptor_limit lowered(static_cast<rlim_t>(highest_open_descriptor() + 16));
    ASSERT_TRUE(lowered.applied());
    descriptor_hog hog;
    ASSERT_GT(hog.held(), 0U);
    hog.release(
        1); // exactly one free: the client's socket takes it, the server's accept finds none
    raw_client peer(ioc, server->port()); // connected: the kernel queues it for accept
    ASSERT_TRUE(run_until(
        ioc, [&] { return server->accept_failures() >= 1; }, 5s));

    // Half a second out of descriptors: a few paced retries, not a spin of thousands.
    const auto failures_before = server->accept_failures();
    run_until(
        ioc, [] { return false; }, 500ms);
    const auto retries = server->accept_failures() - failures_before;
    EXPECT_GE(retries, 2U) << "it keeps trying";
    EXPECT_LE(retries, 10U) << "it pauses between attempts";
    EXPECT_EQ(count_of(log_, "\"msg\":\"http.accept_failed\""), 1) << "logged once, then counted";
    EXPECT_EQ(server->open_connections(), 0U);

    hog.release(2);
    peer.write("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    auto res = peer.read_response(5s);
    ASSERT_TRUE(res.has_value()) << "the queued client is served once a descriptor is free";
    EXPECT_EQ(res->result(), http::status::ok);
    EXPECT_EQ(count_of(log_, "\"msg\":\"http.accept_recovered\""), 1);
    EXPECT_EQ(seen.requests.size(), 1U);
}

} // namespace
} // namespace openfloor::testing
