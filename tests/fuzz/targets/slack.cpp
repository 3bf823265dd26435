// fuzz_slack: what Slack (or someone pretending to be it) can send. The first byte picks the way
// in, the rest is the payload:
//   V  "<timestamp>\n<signature>\n<body>": the v0 signature check alone, unsigned bytes
//   E  a body POSTed to /slack/events        } signed by the rig, then verified, decoded and
//   C  a body POSTed to /slack/commands      } dispatched into the core by the real endpoints;
//   I  a body POSTed to /slack/interactivity } the outbox then delivers to the loopback sink
//   S  a Socket Mode frame: decoded, acked, its envelope's payload decoded and dispatched
//   A  a Web API answer (what chat.postMessage & co. return)
// Any other first byte picks one of these by its value, so no input is wasted.
#include "adapters/slack/http_endpoints.hpp"
#include "adapters/slack/payloads.hpp"
#include "adapters/slack/signature.hpp"
#include "tests/fuzz/rig/bot_rig.hpp"
#include "tests/fuzz/rig/expect.hpp"
#include "tests/fuzz/rig/http_call.hpp"
#include "tests/fuzz/targets.hpp"

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace openfloor::fuzz {
namespace {

using transport::http::verb;

// The signature check against a fixed "now" (Slack's test vectors are signed at 1700000000).
void verify_only(std::string_view input) {
    const auto first = input.find('\n');
    const auto second = first == std::string_view::npos ? first : input.find('\n', first + 1);
    if (second == std::string_view::npos) {
        return;
    }
    const auto timestamp = input.substr(0, first);
    const auto signature = input.substr(first + 1, second - first - 1);
    const auto body = input.substr(second + 1);
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    if (!slack::verify_signature(slack_signing_secret, timestamp, signature, body, now)
             .has_value()) {
        return;
    }
    // Accepted: then it was exactly our HMAC over a plain decimal timestamp in the window.
    expect(signature == slack::sign(slack_signing_secret, timestamp, body),
           "a signature that is not the HMAC was accepted");
    std::int64_t seconds = 0;
    const auto [ptr, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(),
                                           seconds);
    expect(ec == std::errc{} && ptr == timestamp.data() + timestamp.size() &&
               seconds >= 1'700'000'000 - 300 && seconds <= 1'700'000'000 + 300,
           "a timestamp outside the replay window was accepted");
    expect(!slack::verify_signature("another-secret-of-the-same-len", timestamp, signature, body,
                                    now)
                .has_value(),
           "a signature verified under another secret");
}

// Whether a decoded interactive payload's dispatch would call a URL that is not the sink's.
bool calls_outside(const bot_rig& rig, const slack::interactive_payload& payload) {
    const auto* action = std::get_if<slack::block_action>(&payload);
    return action != nullptr && !rig.safe_url(action->response_url);
}

// A signed HTTP-mode request through the real endpoints (verify, decode, ack, dispatch).
void signed_request(bot_rig& rig, char mode, std::string_view input) {
    std::string body = rig.with_sink(input);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    const std::string timestamp = std::to_string(now.count());
    const bool form = mode != 'E';
    std::string_view path = "/slack/events";
    bool safe = true;
    if (mode == 'C') {
        path = "/slack/commands";
        if (auto c = slack::decode_slash_command_form(body)) {
            expect(!c->command.empty() && !c->user_id.empty(), "a command without command/user");
        }
    } else if (mode == 'I') {
        path = "/slack/interactivity";
        if (auto payload = slack::decode_interactive_form(body)) {
            safe = !calls_outside(rig, *payload);
        }
    }
    // The endpoints' ack comes first; what they spawn runs on the rig, or is dropped unrun when
    // it would call a URL other than the sink's.
    const asio::any_io_executor spawn_on =
        safe ? asio::any_io_executor(rig.io().get_executor()) : rig.parked();
    slack::http_endpoints endpoints(spawn_on, rig.slack_inbound(), *rig.settings().slack);
    transport::router routes;
    endpoints.add_routes(routes);
    const std::string signature = slack::sign(slack_signing_secret, timestamp, body);
    const auto res = call(
        rig, routes,
        make_request(verb::post, path, body,
                     {{"X-Slack-Request-Timestamp", timestamp},
                      {"X-Slack-Signature", signature},
                      {"Content-Type", form ? "application/x-www-form-urlencoded"
                                            : "application/json"}}));
    expect(res.result() != transport::http::status::unauthorized,
           "a correctly signed request was refused as unsigned");
    if (mode == 'E') {
        auto decoded = slack::decode_events(body);
        if (decoded) {
            expect(res.result() == transport::http::status::ok, "a decodable event was refused");
        }
        if (const auto* challenge =
                decoded ? std::get_if<slack::url_verification>(&*decoded) : nullptr) {
            const auto answer = nlohmann::json::parse(res.body(), nullptr, false);
            expect(answer.is_object() && answer.contains("challenge") &&
                       answer["challenge"] == challenge->challenge,
                   "url_verification answered without its challenge");
        }
    }
}

// Socket Mode: a frame as socket_mode::serve reads it, an envelope as socket_mode::handle
// treats it (the ack first), without the websocket.
asio::awaitable<void> socket_dispatch(bot_rig& rig, slack::socket_envelope env) {
    auto& in = rig.slack_inbound();
    if (env.type == "events_api") {
        if (auto body = slack::decode_events(env.payload)) {
            if (auto* callback = std::get_if<slack::event_callback>(&*body)) {
                co_await in.on_event(std::move(*callback));
            }
        }
    } else if (env.type == "slash_commands") {
        if (auto command = slack::decode_slash_command_json(env.payload)) {
            expect(!command->command.empty() && !command->user_id.empty(),
                   "a socket command without command/user");
            auto answer = co_await in.on_command(std::move(*command));
            const std::string ack = slack::socket_ack(env.envelope_id, answer ? &*answer : nullptr);
            expect(nlohmann::json::accept(ack), "a socket ack with an answer is not JSON");
        }
    } else if (env.type == "interactive") {
        if (auto payload = slack::decode_interactive_json(env.payload)) {
            if (const auto* submission = std::get_if<slack::view_submission>(&*payload)) {
                auto answer = co_await in.on_view_submission(*submission);
                const std::string ack =
                    slack::socket_ack(env.envelope_id, answer ? &*answer : nullptr);
                expect(nlohmann::json::accept(ack), "a view_submission ack is not JSON");
            } else if (auto* action = std::get_if<slack::block_action>(&*payload)) {
                if (rig.safe_url(action->response_url)) {
                    co_await in.on_block_action(std::move(*action));
                }
            }
        }
    }
}

void socket_frame(bot_rig& rig, std::string_view input) {
    const std::string text = rig.with_sink(input);
    auto frame = slack::decode_socket_frame(text);
    if (!frame) {
        return;
    }
    auto* env = std::get_if<slack::socket_envelope>(&*frame);
    if (env == nullptr) {
        return;
    }
    const std::string ack = slack::socket_ack(env->envelope_id);
    const auto parsed = nlohmann::json::parse(ack, nullptr, false);
    expect(parsed.is_object() && parsed.size() == 1 && parsed.contains("envelope_id"),
           "an ack is not {\"envelope_id\":…}");
    if (!env->payload.empty()) {
        expect(nlohmann::json::accept(env->payload), "an envelope's payload re-serialised badly");
    }
    rig.run(socket_dispatch(rig, std::move(*env)));
}

void api_answer(std::string_view input) {
    auto result = slack::decode_api_result(input);
    if (result) {
        nlohmann::json back = *result; // to_json: what the fake platforms send
        expect(slack::decode_api_result(back.dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace))
                   .has_value(),
               "an api_result does not decode after to_json");
    }
}

} // namespace

int fuzz_slack(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    constexpr std::array<char, 6> modes{'V', 'E', 'C', 'I', 'S', 'A'};
    char mode = static_cast<char>(data[0]);
    if (std::find(modes.begin(), modes.end(), mode) == modes.end()) {
        mode = modes[static_cast<std::size_t>(data[0]) % modes.size()];
    }
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto& rig = bot_rig::instance();
    rig.next_input();
    switch (mode) {
    case 'V':
        verify_only(input);
        break;
    case 'S':
        socket_frame(rig, input);
        break;
    case 'A':
        api_answer(input);
        break;
    default:
        signed_request(rig, mode, input);
        break;
    }
    return 0;
}

} // namespace openfloor::fuzz
