// fuzz_mattermost: what a Mattermost server (or anyone reaching our endpoints) can send. The
// first byte picks the way in, the rest is the payload:
//   W  a websocket text frame: decoded (a `posted` event's data.post is JSON parsed a second
//      time) and, for a post, dispatched into the core the way event_socket does
//   L  a catch-up answer (GET /channels/{id}/posts?since=): decoded, each post dispatched
//   A  an action callback POSTed to /mattermost/actions; the word SIGNATURE in it becomes the
//      HMAC the bot would have put in that button, so the fuzzer gets past the check
//   C  "<Authorization header>\n<form>": a slash command POSTed to /mattermost/commands
//   G  the same as a GET with the form as the query string (what mmctl creates without --post)
//   R  a REST answer: a user, a channel, a post, an AppError
//   D  a dialog submission POSTed to /mattermost/dialogs; the string "STATE" in it becomes the
//      state the bot would have signed for its callback_id, post "1", its user and "fuzzer"
// Any other first byte picks one of these by its value.
#include "adapters/mattermost/dialog.hpp"
#include "adapters/mattermost/http_endpoints.hpp"
#include "adapters/mattermost/payloads.hpp"
#include "tests/fuzz/rig/bot_rig.hpp"
#include "tests/fuzz/rig/expect.hpp"
#include "tests/fuzz/rig/http_call.hpp"
#include "tests/fuzz/targets.hpp"

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace openfloor::fuzz {
namespace {

using transport::http::status;
using transport::http::verb;

constexpr std::string_view signature_placeholder = "SIGNATURE";
constexpr std::string_view state_placeholder = "\"STATE\"";

void check_post(const mattermost::post& p) {
    expect(!p.id.empty(), "a decoded post without an id");
}

asio::awaitable<void> dispatch_posted(bot_rig& rig, mattermost::ws_posted ev) {
    // As event_socket::dispatch: a post in a "D" channel is a DM to the bot.
    const bool direct = ev.channel_type == "D";
    mattermost::incoming_post in{std::move(ev.post), direct, std::move(ev.sender_name)};
    co_await rig.mattermost_inbound().on_post(std::move(in));
}

void websocket_frame(bot_rig& rig, std::string_view input) {
    auto frame = mattermost::decode_ws_frame(input);
    if (!frame) {
        return;
    }
    if (auto* posted = std::get_if<mattermost::ws_posted>(&*frame)) {
        check_post(posted->post);
        rig.run(dispatch_posted(rig, std::move(*posted)));
    }
}

asio::awaitable<void> dispatch_list(bot_rig& rig, std::vector<mattermost::post> posts) {
    for (auto& p : posts) {
        if (!rig.mattermost_inbound().wanted(p)) {
            continue;
        }
        // Named first: g++ 12 destroys a braced temporary argument of a coroutine twice.
        mattermost::incoming_post in{std::move(p), false, "@someone"};
        co_await rig.mattermost_inbound().on_post(std::move(in));
    }
}

void post_list(bot_rig& rig, std::string_view input) {
    auto posts = mattermost::decode_post_list(input);
    if (!posts) {
        return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < posts->size(); ++i) {
        check_post((*posts)[i]);
        expect(ids.insert((*posts)[i].id).second, "a post listed twice");
        expect(i == 0 || (*posts)[i - 1].create_at <= (*posts)[i].create_at,
               "a post list not oldest first");
    }
    if (posts->size() <= 8) { // a catch-up's worth; more only slows the fuzzer down
        rig.run(dispatch_list(rig, std::move(*posts)));
    }
}

// `req` served by the Mattermost adapter's routes, as the bot's server would.
transport::response serve(bot_rig& rig, transport::request req) {
    mattermost::http_endpoints endpoints(rig.mattermost_inbound(), rig.signer(),
                                         *rig.settings().mattermost);
    transport::router routes;
    endpoints.add_routes(routes);
    return call(rig, routes, std::move(req));
}

void action_callback(bot_rig& rig, std::string_view input) {
    std::string body(input);
    auto decoded = mattermost::decode_action_callback(body);
    if (decoded) {
        expect(!decoded->user_id.empty() && !decoded->channel_id.empty(),
               "an action callback without user or channel");
        if (const auto at = body.find(signature_placeholder); at != std::string::npos) {
            body.replace(at, signature_placeholder.size(),
                         rig.signer().sign(decoded->action, decoded->ref, decoded->channel_id));
            decoded = mattermost::decode_action_callback(body);
        }
    }
    const auto res = serve(rig, make_request(verb::post, "/mattermost/actions", body,
                                             {{"Content-Type", "application/json"}}));
    if (res.result() == status::ok) {
        // Only a click the bot signed gets through, and only for that action, ref and channel.
        expect(decoded && rig.signer().verify(decoded->action, decoded->ref, decoded->channel_id,
                                              decoded->sig),
               "an action callback without our signature was served");
    }
}

void dialog_submission(bot_rig& rig, std::string_view input) {
    std::string body(input);
    auto decoded = mattermost::decode_dialog_submission(body);
    if (decoded) {
        expect(!decoded->user_id.empty(), "a dialog submission without a user");
        if (const auto at = body.find(state_placeholder); at != std::string::npos) {
            const std::string state = mattermost::seal_dialog_state(
                rig.signer(), decoded->callback_id, "1", decoded->user_id, "fuzzer");
            body.replace(at, state_placeholder.size(), nlohmann::json(state).dump());
            decoded = mattermost::decode_dialog_submission(body);
        }
    }
    const auto res = serve(rig, make_request(verb::post, "/mattermost/dialogs", body,
                                             {{"Content-Type", "application/json"}}));
    if (res.result() == status::ok) {
        // Only a state the bot signed, for this form and this user, gets through.
        expect(decoded && mattermost::open_dialog_state(rig.signer(), decoded->callback_id,
                                                        decoded->state, decoded->user_id),
               "a dialog submission without our state was served");
    }
}

void slash_command(bot_rig& rig, std::string_view input, bool as_get) {
    const auto newline = input.find('\n');
    if (newline == std::string_view::npos || newline > 1024) {
        return; // Beast refuses header values over 64 KiB by throwing: not what is fuzzed here
    }
    const std::string authorization(input.substr(0, newline));
    const std::string form = rig.with_sink(input.substr(newline + 1));
    auto decoded = mattermost::decode_slash_command(form);
    if (decoded) {
        expect(!decoded->command.empty() && !decoded->user_id.empty(),
               "a command without command/user");
        if (!rig.safe_url(decoded->response_url)) {
            return; // a preview that fails to reach the DM would go there: not from a fuzzer
        }
    }
    std::vector<std::pair<std::string, std::string>> headers{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!authorization.empty()) {
        headers.emplace_back("Authorization", authorization);
    }
    const auto res =
        serve(rig, as_get ? make_request(verb::get, "/mattermost/commands?" + form, "", headers)
                          : make_request(verb::post, "/mattermost/commands", form, headers));
    if (res.result() == status::ok) {
        const std::string expected = "Token " + std::string(mattermost_command_token);
        expect(authorization == expected ||
                   (!authorization.starts_with("Token ") && decoded &&
                    decoded->token == mattermost_command_token),
               "a command without our token was served");
    }
}

void rest_answer(std::string_view input) {
    if (auto u = mattermost::decode_user(input)) {
        expect(!u->id.empty(), "a user without an id");
    }
    if (auto c = mattermost::decode_channel(input)) {
        expect(!c->id.empty(), "a channel without an id");
    }
    if (auto p = mattermost::decode_post(input)) {
        check_post(*p);
    }
    const auto error = mattermost::decode_api_error(input);
    expect(error.status_code >= 0 && error.status_code <= 999, "an AppError status out of range");
    expect(!error.id.empty() || error.message.size() <= 64, "a non-AppError message over 64 bytes");
}

} // namespace

int fuzz_mattermost(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    constexpr std::array<char, 7> modes{'W', 'L', 'A', 'C', 'G', 'R', 'D'};
    char mode = static_cast<char>(data[0]);
    if (std::find(modes.begin(), modes.end(), mode) == modes.end()) {
        mode = modes[static_cast<std::size_t>(data[0]) % modes.size()];
    }
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto& rig = bot_rig::instance();
    rig.next_input();
    switch (mode) {
    case 'W':
        websocket_frame(rig, input);
        break;
    case 'L':
        post_list(rig, input);
        break;
    case 'A':
        action_callback(rig, input);
        break;
    case 'D':
        dialog_submission(rig, input);
        break;
    case 'C':
    case 'G':
        slash_command(rig, input, mode == 'G');
        break;
    default:
        rest_answer(input);
        break;
    }
    return 0;
}

} // namespace openfloor::fuzz
