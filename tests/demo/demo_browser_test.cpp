// The demo end to end in headless Chromium, driven as the three people would use it: Erin posts
// a mistake, Theo answers in its thread, Erin reads the answer in her DM and replies; Theo
// answers anonymously and flags the post, Mona restores it; Mona turns pre-moderation on, Erin's
// question waits in Mona's queue until she approves it. The rendered channel never holds a user id.
#include "adapters/local/protocol.hpp"
#include "tests/demo/demo_fixture.hpp"
#include "tests/demo/devtools.hpp"
#include "tests/support/run_task.hpp"

#include <nlohmann/json.hpp>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;

constexpr auto page_wait = 10s;

// A promise that is true once CONDITION holds, re-checked on every DOM mutation, and false
// (or true, if it just came to hold) after DEADLINE_MS.
constexpr std::string_view until_script = R"js(
new Promise((resolve) => {
  const holds = () => { try { return Boolean(CONDITION); } catch (e) { return false; } };
  if (holds()) { resolve(true); return; }
  const observer = new MutationObserver(() => {
    if (holds()) { observer.disconnect(); clearTimeout(timer); resolve(true); }
  });
  const timer = setTimeout(() => { observer.disconnect(); resolve(holds()); }, DEADLINE_MS);
  observer.observe(document, { subtree: true, childList: true, characterData: true,
                               attributes: true });
})
)js";

// A JavaScript string literal for `text` (JSON's string syntax is JavaScript's).
std::string js(const std::string& text) {
    return json(text).dump();
}

class DemoInBrowser : public demo_fixture {
protected:
    void TearDown() override {
        if (HasFailure() && chromium_) {
            std::cerr << "---- chromium's output ----\n" << chromium_->log();
            if (page_) {
                std::cerr << "last DevTools error: " << page_->last_error() << '\n';
            }
        }
        page_.reset();
        chromium_.reset(); // kills its whole process group, pass or fail
        demo_fixture::TearDown();
    }

    // Chromium on the demo page, and a DevTools session on that page.
    void open_browser(const std::filesystem::path& chromium) {
        chromium_ = std::make_unique<headless_chromium>(chromium, dir_.path(), url_);
        ASSERT_TRUE(wait([&] { return chromium_->devtools_port().has_value(); }, 20s))
            << "chromium never opened its DevTools port";
        const unsigned short port = *chromium_->devtools_port();
        ASSERT_TRUE(wait([&] {
            auto attached = run_task(ioc_, devtools_page::attach(client_, port), 5s);
            if (attached && *attached) {
                page_ = **attached;
            }
            return page_ != nullptr;
        })) << "no page target to attach to";
        // The target may still be on about:blank, or navigating (which destroys the context an
        // evaluation runs in): ask again until the demo page has drawn its first state.
        const std::string drawn =
            "location.href === " + js(url_) + " && document.body.dataset.version !== undefined";
        ASSERT_TRUE(wait([&] {
            auto value = try_eval(drawn, 5s);
            return value && value->is_boolean() && value->get<bool>();
        })) << "the page never drew";
    }

    std::optional<json> try_eval(const std::string& expression,
                                 std::chrono::milliseconds deadline) {
        auto value = run_task(ioc_, page_->evaluate(expression), deadline);
        if (!value || !*value) {
            return std::nullopt;
        }
        return **value;
    }

    std::optional<json> eval(const std::string& expression,
                             std::chrono::milliseconds deadline = page_wait + 5s) {
        auto value = try_eval(expression, deadline);
        if (!value) {
            ADD_FAILURE() << "could not evaluate: " << expression << "\n" << page_->last_error();
        }
        return value;
    }

    // Waits in the page until `condition` (a JavaScript expression) holds, or the deadline
    // passes. It checks again on every change to the DOM, which the page's own polling makes:
    // no sleep on the test's side.
    bool until(const std::string& condition) {
        std::string script(until_script);
        script.replace(script.find("CONDITION"), 9, condition);
        script.replace(script.find("DEADLINE_MS"), 11,
                       std::to_string(std::chrono::milliseconds(page_wait).count()));
        auto held = eval(script);
        return held && held->is_boolean() && held->get<bool>();
    }

    // Focuses the input and types into it through DevTools, as a keyboard would.
    bool type(const std::string& input_id, const std::string& text) {
        auto focused = eval("(() => { const i = document.getElementById(" + js(input_id) +
                            "); i.focus(); return document.activeElement === i; })()");
        if (!focused || !focused->get<bool>()) {
            return false;
        }
        json params{{"text", text}}; // named: see the g++ 12 note in the style guide
        auto typed = run_task(ioc_, page_->call("Input.insertText", std::move(params)), 5s);
        return typed && *typed;
    }

    // Clicks the first element matching `selector`; false when there is none.
    bool click(const std::string& selector) {
        auto clicked = eval("(() => { const e = document.querySelector(" + js(selector) +
                            "); if (!e) return false; e.click(); return true; })()");
        return clicked && clicked->get<bool>();
    }

    // `text` typed into the person's composer and sent.
    bool say(const std::string& role, const std::string& text) {
        return type(role + "-input", text) && click("#" + role + "-send");
    }

    // The text of the list items in `list` that match `item`, and contain `needle`.
    std::string has_item(const std::string& list, const std::string& item,
                         const std::string& needle) {
        return "[...document.querySelectorAll(" + js("#" + list + " " + item) +
               ")].some((li) => li.textContent.includes(" + js(needle) + "))";
    }

    std::unique_ptr<headless_chromium> chromium_;
    std::shared_ptr<devtools_page> page_;
};

TEST_F(DemoInBrowser,
       PostReplyRelayAnonymousAnswerFlagAndApprovalWorkFromThePageAndTheChannelNamesNobody) {
    const auto chromium = headless_chromium::find();
    if (!chromium) {
        GTEST_SKIP() << "chromium is not installed (apt-get install chromium; "
                        "deploy/install-deps.sh does it), so the demo page is not tested here";
    }
    ASSERT_NO_FATAL_FAILURE(start_demo());
    ASSERT_NO_FATAL_FAILURE(open_browser(*chromium));

    // Erin writes a mistake, sees the preview, posts it.
    const std::string mistake = "mistake: the Q3 totals in the board deck are off by 10%";
    const std::string mistake_text = "the Q3 totals in the board deck are off by 10%";
    ASSERT_TRUE(say("employee", mistake));
    ASSERT_TRUE(until(has_item("employee-messages", "li[data-kind=preview]", mistake_text)));
    ASSERT_TRUE(
        click("#employee-messages li[data-kind=preview] button[data-action=openfloor_confirm]"));

    // Theo sees #1 in #team and answers in its thread.
    ASSERT_TRUE(until(has_item("teammate-messages", "li[data-kind=channel_post][data-number='1']",
                               mistake_text)));
    ASSERT_TRUE(click("#teammate-messages li[data-number='1'] .reply-in-thread"));
    const std::string question_back = "Thanks! Which slide is it on?";
    ASSERT_TRUE(say("teammate", question_back));

    // Erin gets Theo's reply in her DM, and answers it in the DM's thread.
    ASSERT_TRUE(until(has_item("employee-messages", "li[data-kind=relay]", question_back)));
    ASSERT_TRUE(until(has_item("employee-messages", "li[data-kind=relay]", "Theo")));
    ASSERT_TRUE(click("#employee-messages li[data-kind=relay] .reply-in-thread"));
    const std::string answer = "Slide 4, the summary table.";
    ASSERT_TRUE(say("employee", answer));
    ASSERT_TRUE(until(has_item("teammate-messages", "li[data-number='1'] .thread li", answer)));
    ASSERT_TRUE(
        until(has_item("teammate-messages", "li[data-number='1'] .thread li", "author of #1")));

    // Theo answers #1 anonymously through its form: the thread shows a made-up name, and Erin
    // gets the answer relayed under that name, not Theo's.
    ASSERT_TRUE(
        click("#teammate-messages li[data-number='1'] button[data-action=openfloor_reply]"));
    ASSERT_TRUE(until("document.querySelector('#teammate-formbox[data-kind=answer]') !== null"));
    const std::string anonymous_answer = "Could it be the currency conversion?";
    ASSERT_TRUE(type("teammate-formfield", anonymous_answer));
    ASSERT_TRUE(click("#teammate-formsubmit"));
    ASSERT_TRUE(
        until(has_item("teammate-messages", "li[data-number='1'] .thread li", anonymous_answer)));
    ASSERT_TRUE(
        until(has_item("teammate-messages", "li[data-number='1'] .thread li", "Anonymous")));
    ASSERT_TRUE(until("document.getElementById('teammate-formbox') === null"));
    ASSERT_TRUE(until(has_item("employee-messages", "li[data-kind=relay]", anonymous_answer)));
    auto relayed = eval(
        "[...document.querySelectorAll('#employee-messages li[data-kind=relay]')].filter((li) => "
        "li.textContent.includes(" +
        js(anonymous_answer) + ")).map((li) => li.textContent).join()");
    ASSERT_TRUE(relayed && relayed->is_string());
    EXPECT_NE(relayed->get<std::string>().find("Anonymous"), std::string::npos);
    EXPECT_EQ(relayed->get<std::string>().find("Theo"), std::string::npos)
        << "an anonymous answer was relayed under the answerer's name";

    // Theo flags #1 (the demo hides a post at one flag): it is hidden in #team, the moderators
    // see who flagged it and why, and Mona's `restore 1` brings it back.
    ASSERT_TRUE(click("#teammate-messages li[data-number='1'] button[data-action=openfloor_flag]"));
    ASSERT_TRUE(
        until("document.querySelector('#teammate-formbox[data-kind=flag] select') !== null"));
    ASSERT_TRUE(click("#teammate-formsubmit"));
    ASSERT_TRUE(until(has_item("moderator-messages", "li", "#1 flagged")));
    ASSERT_TRUE(until(has_item("moderator-messages", "li", "Theo")));
    ASSERT_TRUE(
        until("![...document.querySelectorAll('#teammate-messages li[data-number=\\'1\\']')]"
              ".some((li) => li.textContent.includes(" +
              js(mistake_text) + "))"));
    ASSERT_TRUE(until(has_item("teammate-messages", "li[data-number='1']", "hidden")));
    ASSERT_TRUE(say("moderator", "restore 1"));
    ASSERT_TRUE(until(has_item("teammate-messages", "li[data-kind=channel_post][data-number='1']",
                               mistake_text)));

    // Mona turns pre-moderation on; Erin's question waits in Mona's queue, not in #team.
    ASSERT_TRUE(click("#review-toggle"));
    ASSERT_TRUE(until("document.body.dataset.review === 'true'"));
    const std::string question_text = "who signs off the quarterly numbers?";
    ASSERT_TRUE(say("employee", "question: " + question_text));
    ASSERT_TRUE(until(has_item("employee-messages",
                               "li[data-kind=preview]:has(button[data-action=openfloor_confirm])",
                               question_text)));
    ASSERT_TRUE(
        click("#employee-messages li[data-kind=preview] button[data-action=openfloor_confirm]"));
    ASSERT_TRUE(until(has_item("moderator-messages", "li[data-kind=queue_item]", question_text)));
    auto early = eval(has_item("teammate-messages", "li", question_text));
    ASSERT_TRUE(early);
    EXPECT_FALSE(early->get<bool>()) << "the question reached #team before it was approved";

    // Mona approves it: it appears in #team as #2, and Erin is told.
    ASSERT_TRUE(click(
        "#moderator-messages li[data-kind=queue_item] button[data-action=openfloor_approve]"));
    ASSERT_TRUE(until(has_item("teammate-messages", "li[data-kind=channel_post][data-number='2']",
                               question_text)));
    ASSERT_TRUE(until(has_item("employee-messages", "li", "#2 was approved")));

    // The channel as rendered: the posts and Theo's name are there, nobody's id, not Erin.
    auto channel = eval("document.getElementById('teammate-messages').outerHTML");
    ASSERT_TRUE(channel && channel->is_string());
    const std::string html = channel->get<std::string>();
    EXPECT_NE(html.find(mistake_text), std::string::npos);
    EXPECT_NE(html.find("Theo"), std::string::npos);
    for (const auto& p : local::cast) {
        EXPECT_EQ(html.find(std::string(p.user_id)), std::string::npos) << p.user_id;
        EXPECT_EQ(html.find(std::string(p.dm)), std::string::npos) << p.dm;
    }
    EXPECT_EQ(html.find("Erin"), std::string::npos);
    // …while the same page does show Erin's id in her own pane: the check looks at real HTML.
    auto whole = eval("document.documentElement.outerHTML");
    ASSERT_TRUE(whole && whole->is_string());
    EXPECT_NE(whole->get<std::string>().find(std::string(local::cast[0].user_id)),
              std::string::npos);
}

} // namespace
} // namespace openfloor::testing
