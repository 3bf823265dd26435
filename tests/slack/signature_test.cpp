// verify_signature and sign against Slack's documented example and vectors C1–C3, and every way
// a request can fail: stale or future timestamps, wrong secret, tampered body, bad headers.
#include "adapters/slack/error.hpp"
#include "adapters/slack/signature.hpp"
#include "tests/slack/c3_form.hpp"
#include "tests/slack/vectors.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <string>

namespace openfloor::slack {
namespace {

using namespace std::chrono_literals;
using sys_clock = std::chrono::system_clock;

sys_clock::time_point at(std::int64_t unix_seconds) {
    return sys_clock::time_point{std::chrono::seconds{unix_seconds}};
}

class SlackSignature : public ::testing::Test {
protected:
    static boost::system::result<void> verify(std::string_view body, std::string_view signature,
                                              sys_clock::time_point now = at(1700000000),
                                              std::string_view ts = vectors::timestamp,
                                              std::string_view secret = vectors::secret) {
        return verify_signature(secret, ts, signature, body, now);
    }

    static void expect_refused(const boost::system::result<void>& r, error expected) {
        ASSERT_FALSE(r.has_value());
        EXPECT_EQ(r.error(), make_error_code(expected)) << r.error().message();
    }
};

TEST_F(SlackSignature, AcceptsSlacksDocumentedExample) {
    EXPECT_EQ(vectors::documented_body.size(), 362U);
    EXPECT_EQ(
        sign(vectors::documented_secret, vectors::documented_timestamp, vectors::documented_body),
        vectors::documented_signature);
    EXPECT_TRUE(verify(vectors::documented_body, vectors::documented_signature, at(1531420618 + 60),
                       vectors::documented_timestamp, vectors::documented_secret));
}

TEST_F(SlackSignature, AcceptsTheUrlVerificationVector) {
    EXPECT_EQ(vectors::c1_body.size(), 129U);
    EXPECT_EQ(sign(vectors::secret, vectors::timestamp, vectors::c1_body), vectors::c1_signature);
    EXPECT_TRUE(verify(vectors::c1_body, vectors::c1_signature));
}

TEST_F(SlackSignature, AcceptsTheMessageEventVector) {
    EXPECT_EQ(vectors::c2_body.size(), 625U);
    EXPECT_TRUE(verify(vectors::c2_body, vectors::c2_signature));
}

TEST_F(SlackSignature, AcceptsTheBlockActionsVectorOverItsEncodedFormBytes) {
    const std::string body = vectors::c3_form_body();
    EXPECT_EQ(body.size(), vectors::c3_form_size);
    EXPECT_TRUE(verify(body, vectors::c3_signature));
    // Signing covers the raw bytes: the decoded JSON does not verify.
    expect_refused(verify(vectors::c3_json, vectors::c3_signature), error::bad_signature);
}

TEST_F(SlackSignature, AcceptsTimestampsUpToFiveMinutesEitherWay) {
    EXPECT_TRUE(verify(vectors::c1_body, vectors::c1_signature, at(1700000000 + 300)));
    EXPECT_TRUE(verify(vectors::c1_body, vectors::c1_signature, at(1700000000 - 300)));
}

TEST_F(SlackSignature, RefusesAStaleTimestamp) {
    expect_refused(verify(vectors::c1_body, vectors::c1_signature, at(1700000000 + 301)),
                   error::stale_timestamp);
    expect_refused(verify(vectors::c1_body, vectors::c1_signature, at(1700000000 + 86400)),
                   error::stale_timestamp);
}

TEST_F(SlackSignature, RefusesATimestampFromTheFuture) {
    expect_refused(verify(vectors::c1_body, vectors::c1_signature, at(1700000000 - 301)),
                   error::stale_timestamp);
}

TEST_F(SlackSignature, RefusesAValidSignatureReplayedWithAFreshTimestamp) {
    // The timestamp is inside the signed base, so moving it breaks the HMAC.
    expect_refused(verify(vectors::c1_body, vectors::c1_signature, at(1700000400), "1700000400"),
                   error::bad_signature);
}

TEST_F(SlackSignature, RefusesTheWrongSecret) {
    expect_refused(verify(vectors::c1_body, vectors::c1_signature, at(1700000000),
                          vectors::timestamp, "another-secret-of-the-same-size!"),
                   error::bad_signature);
}

TEST_F(SlackSignature, RefusesAnEmptySecret) {
    const std::string forged = sign("", vectors::timestamp, vectors::c1_body);
    expect_refused(verify(vectors::c1_body, forged, at(1700000000), vectors::timestamp, ""),
                   error::bad_signature);
}

TEST_F(SlackSignature, RefusesATamperedBody) {
    std::string body(vectors::c2_body);
    body[body.find("10%")] = '9';
    expect_refused(verify(body, vectors::c2_signature), error::bad_signature);
    expect_refused(verify(std::string(vectors::c2_body) + "\n", vectors::c2_signature),
                   error::bad_signature);
}

TEST_F(SlackSignature, RefusesMissingHeaders) {
    expect_refused(verify(vectors::c1_body, ""), error::missing_signature);
    expect_refused(verify(vectors::c1_body, vectors::c1_signature, at(1700000000), ""),
                   error::missing_signature);
}

TEST_F(SlackSignature, RefusesGarbledSignatureHeaders) {
    const std::string good(vectors::c1_signature);
    std::string upper = good;
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    for (const std::string& garbled : {std::string("v0="), good.substr(3), "v1=" + good.substr(3),
                                       good.substr(0, good.size() - 1), good + "0", upper,
                                       std::string("v0=not-hex-at-all"), " " + good}) {
        expect_refused(verify(vectors::c1_body, garbled), error::bad_signature);
    }
}

TEST_F(SlackSignature, RefusesNonNumericTimestamps) {
    for (std::string_view ts : {"abc", "1700000000.5", " 1700000000", "1700000000 ", "+1700000000",
                                "1.7e9", "0x6553F100", "99999999999999999999999"}) {
        expect_refused(verify(vectors::c1_body, vectors::c1_signature, at(1700000000), ts),
                       error::stale_timestamp);
    }
}

TEST_F(SlackSignature, RefusesExtremeTimestampsWithoutOverflow) {
    for (std::string_view ts : {"-9223372036854775808", "9223372036854775807", "0"}) {
        const std::string signature = sign(vectors::secret, ts, vectors::c1_body);
        expect_refused(verify(vectors::c1_body, signature, at(1700000000), ts),
                       error::stale_timestamp);
    }
}

TEST_F(SlackSignature, SignsWithTheV0PrefixAndLowercaseHex) {
    const std::string signature = sign("k", "1", "b");
    ASSERT_EQ(signature.size(), 3U + 64U);
    EXPECT_EQ(signature.substr(0, 3), "v0=");
    EXPECT_EQ(signature.find_first_not_of("0123456789abcdef", 3), std::string::npos);
}

TEST(SlackError, NamesItsCategoryAndCodes) {
    const boost::system::error_code ec = error::bad_signature;
    EXPECT_STREQ(ec.category().name(), "openfloor.slack");
    EXPECT_EQ(ec.message(), "request signature does not match");
    EXPECT_EQ(boost::system::error_code(error::unknown_payload).message(), "unknown Slack payload");
}

} // namespace
} // namespace openfloor::slack
