// The anonymous answerers' names: two words, the same for the same hash, spread over thousands
// of pairs, and still a name when handed a hash too short to read.
#include "bot/identity.hpp"
#include "bot/reply_names.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace openfloor::bot {
namespace {

TEST(ReplyNames, TheSameHashGivesTheSameTwoWords) {
    const std::string hash(64, 'a');
    const auto name = reply_name_words(hash);
    EXPECT_EQ(name, reply_name_words(hash));
    EXPECT_EQ(std::count(name.begin(), name.end(), ' '), 1) << name;
}

TEST(ReplyNames, KeyedHashesSpreadOverManyNames) {
    const identity id(config::secret("reply-names-secret-0123456789abcdef-0123"));
    std::set<std::string> names;
    for (int i = 0; i < 200; ++i) {
        names.insert(reply_name_words(id.keyed_hash("reply-name", std::to_string(i))));
    }
    EXPECT_GT(names.size(), 190U) << "200 people should rarely share a name";
    EXPECT_GE(reply_name_count(), 4096U);
}

TEST(ReplyNames, AShortOrBrokenHashStillGivesAName) {
    EXPECT_FALSE(reply_name_words("").empty());
    EXPECT_FALSE(reply_name_words("zz-not-hex-zz-not-hex").empty());
}

} // namespace
} // namespace openfloor::bot
