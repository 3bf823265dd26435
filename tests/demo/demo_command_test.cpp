// `openfloor demo` as a newcomer runs it, without a browser: where it listens, the page it
// serves, its temporary database, and the requests its endpoints refuse (changing nothing).
#include "adapters/local/protocol.hpp"
#include "tests/demo/demo_fixture.hpp"
#include "tests/support/binary_under_test.hpp"

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdlib>
#include <functional>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;

class DemoCommand : public demo_fixture {
protected:
    json state() {
        auto answer = get("/demo/state");
        EXPECT_TRUE(answer && answer->status == 200);
        return answer ? json::parse(answer->body, nullptr, false) : json();
    }
};

std::vector<std::filesystem::path> entries_of(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        out.push_back(e.path());
    }
    return out;
}

TEST_F(DemoCommand, PrintsThePortItReallyListensOnAndServesTheEmbeddedPage) {
    ASSERT_NO_FATAL_FAILURE(start_demo());
    EXPECT_NE(port_, 8080); // --listen 127.0.0.1:0 took a free port and said which
    auto page = get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200u);
    EXPECT_EQ(page->header("Content-Type").value_or(""), "text/html; charset=utf-8");
    EXPECT_NE(page->header("Content-Security-Policy").value_or("").find("default-src 'none'"),
              std::string::npos);
    const char* source = std::getenv("OPENFLOOR_TEST_SOURCE");
    ASSERT_NE(source, nullptr);
    EXPECT_EQ(page->body, read_file(std::filesystem::path(source) / "adapters/local/page.html"))
        << "the served page is not page.html byte for byte";
}

TEST_F(DemoCommand, StateNamesEveryPaneEmptyWithReviewOff) {
    ASSERT_NO_FATAL_FAILURE(start_demo());
    const json s = state();
    ASSERT_TRUE(s.is_object());
    EXPECT_FALSE(s["review"].get<bool>());
    for (const auto& p : local::cast) {
        const json& pane = s["panes"][std::string(p.role)];
        EXPECT_EQ(pane["user_id"], std::string(p.user_id));
        EXPECT_EQ(pane["name"], std::string(p.name));
        EXPECT_TRUE(pane["messages"].empty()) << p.role;
    }
}

TEST_F(DemoCommand, KeepsItsDatabaseInATemporaryDirectoryAndRemovesItOnSigterm) {
    ASSERT_NO_FATAL_FAILURE(start_demo());
    const auto made = entries_of(demo_tmp());
    ASSERT_EQ(made.size(), 1u);
    EXPECT_TRUE(made[0].filename().string().starts_with("openfloor-demo-"));
    EXPECT_TRUE(std::filesystem::exists(made[0] / "openfloor-demo.db"));

    demo_->signal(SIGTERM);
    ASSERT_TRUE(wait([&] { return demo_->exit_code().has_value(); }));
    EXPECT_EQ(*demo_->exit_code(), 0);
    EXPECT_TRUE(entries_of(demo_tmp()).empty()) << "the demo left its database behind";
}

TEST_F(DemoCommand, AListenAddressThatIsNotHostAndPortIsAUsageError) {
    child_process demo(binary_under_test(), {"demo", "--listen", "localhost"},
                       dir_.file("bad.log"));
    ASSERT_TRUE(wait([&] { return demo.exit_code().has_value(); }));
    EXPECT_EQ(*demo.exit_code(), 2);
    EXPECT_NE(demo.output().find("--listen takes host:port"), std::string::npos) << demo.output();
}

TEST_F(DemoCommand, APortAlreadyInUseEndsTheSecondDemoWithExitOne) {
    ASSERT_NO_FATAL_FAILURE(start_demo());
    const std::string taken = "127.0.0.1:" + std::to_string(port_);
    child_process second(binary_under_test(), {"demo", "--listen", taken}, dir_.file("second.log"),
                         {{"TMPDIR", demo_tmp().string()}});
    ASSERT_TRUE(wait([&] { return second.exit_code().has_value(); }));
    EXPECT_EQ(*second.exit_code(), 1);
    EXPECT_NE(second.output().find("cannot listen on " + taken), std::string::npos)
        << second.output();
    EXPECT_EQ(entries_of(demo_tmp()).size(), 1u) << "the second demo left its directory behind";
    EXPECT_TRUE(get("/demo/state").has_value()) << "the first demo stopped answering";
}

TEST_F(DemoCommand, RefusesWhatNoPersonCouldDoAndChangesNothing) {
    ASSERT_NO_FATAL_FAILURE(start_demo());
    auto sent = post("/demo/message", R"({"as":"employee","text":"help"})");
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 200u);
    std::string help_ref;
    ASSERT_TRUE(wait([&] {
        const json now = state(); // named: a loop over a temporary's member would dangle
        for (const auto& m : now["panes"]["employee"]["messages"]) {
            if (m["kind"] == "notice") {
                help_ref = m["ref"];
            }
        }
        return !help_ref.empty();
    })) << "the bot never answered help";
    const auto before = state()["version"];

    struct refusal {
        std::string path, body, content_type;
        unsigned status;
    };
    const std::vector<refusal> refusals{
        {"/demo/message", R"({"as":"employee","text":"hi"})", "text/plain", 415},
        {"/demo/message", R"({"as":"ceo","text":"hi"})", "application/json", 400},
        {"/demo/message", R"({"as":"employee","text":"   "})", "application/json", 400},
        {"/demo/message", R"({"as":"employee","text":7})", "application/json", 400},
        {"/demo/message", R"({"as":"employee","text":"x","thread":"m999"})", "application/json",
         404},
        {"/demo/message", "{not json", "application/json", 400},
        {"/demo/click", R"({"as":"employee","message":"m999","action":"openfloor_confirm"})",
         "application/json", 404},
        {"/demo/click",
         json{{"as", "employee"}, {"message", help_ref}, {"action", "openfloor_confirm"}}.dump(),
         "application/json", 400},
        {"/demo/click", // someone else's DM is not theirs to click in
         json{{"as", "teammate"}, {"message", help_ref}, {"action", "openfloor_confirm"}}.dump(),
         "application/json", 404},
        {"/demo/review", R"({"on":"yes"})", "application/json", 400},
        // No button opened a form for them: there is nothing to submit or cancel.
        {"/demo/form", R"({"as":"teammate","text":"an answer to nothing"})", "application/json",
         400},
        {"/demo/form", R"({"as":"teammate","cancel":true})", "application/json", 400},
        {"/demo/form", R"({"as":"teammate","reason":["spam"]})", "application/json", 400},
        {"/demo/form", R"({"as":"nobody","text":"x"})", "application/json", 400},
    };
    for (const auto& r : refusals) {
        auto answer = post(r.path, r.body, r.content_type);
        ASSERT_TRUE(answer) << r.path << " " << r.body;
        EXPECT_EQ(answer->status, r.status) << r.path << " " << r.body << " -> " << answer->body;
    }
    const json after = state();
    EXPECT_EQ(after["version"], before) << "a refused request changed the demo";
    EXPECT_FALSE(after["review"].get<bool>());
}

// The ref of the first message in `role`'s pane for which `match` holds ("" while there is none).
std::string find_ref(const json& state, const std::string& role,
                     const std::function<bool(const json&)>& match) {
    for (const auto& m : state["panes"][role]["messages"]) {
        if (match(m)) {
            return m["ref"];
        }
    }
    return "";
}

TEST_F(DemoCommand, AFlagFormRefusesAReasonItDidNotOfferAndStaysOpenUntilCancelled) {
    ASSERT_NO_FATAL_FAILURE(start_demo());
    ASSERT_TRUE(post("/demo/message", R"({"as":"employee","text":"mistake: the totals are off"})"));
    std::string preview;
    ASSERT_TRUE(wait([&] {
        preview =
            find_ref(state(), "employee", [](const json& m) { return m["kind"] == "preview"; });
        return !preview.empty();
    }));
    ASSERT_TRUE(post(
        "/demo/click",
        json{{"as", "employee"}, {"message", preview}, {"action", "openfloor_confirm"}}.dump()));
    std::string channel_post;
    ASSERT_TRUE(wait([&] {
        channel_post = find_ref(state(), "teammate",
                                [](const json& m) { return m["kind"] == "channel_post"; });
        return !channel_post.empty();
    }));
    auto clicked = post(
        "/demo/click",
        json{{"as", "teammate"}, {"message", channel_post}, {"action", "openfloor_flag"}}.dump());
    ASSERT_TRUE(clicked);
    EXPECT_EQ(clicked->status, 200u);
    const json opened = state()["panes"]["teammate"]["form"];
    ASSERT_TRUE(opened.is_object()) << "the flag button opened no form";
    EXPECT_EQ(opened["kind"], "flag");
    EXPECT_EQ(opened["number"], 1);
    ASSERT_FALSE(opened["options"].empty());

    auto refused = post("/demo/form", R"({"as":"teammate","reason":"because"})");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400u) << refused->body;
    EXPECT_TRUE(state()["panes"]["teammate"]["form"].is_object()) << "a refused pick closed it";
    EXPECT_TRUE(find_ref(state(), "moderator", [](const json&) { return true; }).empty())
        << "a refused flag reached the moderators";

    auto cancelled = post("/demo/form", R"({"as":"teammate","cancel":true})");
    ASSERT_TRUE(cancelled);
    EXPECT_EQ(cancelled->status, 200u);
    EXPECT_TRUE(state()["panes"]["teammate"]["form"].is_null());
    const json after = state();
    EXPECT_TRUE(find_ref(after, "teammate",
                         [](const json& m) {
                             return m["kind"] == "channel_post" && m["number"] == 1;
                         }) == channel_post)
        << "#1 is no longer shown as it was";
}

} // namespace
} // namespace openfloor::testing
