// slack_requests: the DM template with fixed-width digit slots, signing, and the marker.
#include "bench/support/slack_requests.hpp"

#include "adapters/slack/signature.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <stdexcept>

namespace openfloor::bench {
namespace {

constexpr std::size_t digits = 9;              // up to a billion events per run: far beyond any
constexpr std::string_view slot = "000000000"; // placeholder, overwritten per event

void write_digits(std::string& into, std::size_t at, std::uint64_t n) {
    char buffer[digits + 1];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n + 1'000'000'000ULL);
    if (ec != std::errc{} || end - buffer != static_cast<std::ptrdiff_t>(digits + 1)) {
        throw std::out_of_range("bench: event number too large");
    }
    into.replace(at, digits, buffer + 1, digits); // the last nine digits, zero-padded
}

std::size_t slot_after(const std::string& body, std::string_view prefix) {
    const auto at = body.find(std::string(prefix) + std::string(slot));
    if (at == std::string::npos) {
        throw std::logic_error("bench: template slot missing");
    }
    return at + prefix.size();
}

http::request<http::string_body> signed_post(std::string body, std::string_view port_host) {
    http::request<http::string_body> req{http::verb::post, "/slack/events", 11};
    const std::string ts = unix_seconds_now();
    req.set(http::field::host, port_host);
    req.set(http::field::content_type, "application/json");
    req.set("X-Slack-Request-Timestamp", ts);
    req.set("X-Slack-Signature", slack::sign(signing_secret, ts, body));
    req.body() = std::move(body);
    req.keep_alive(true);
    req.prepare_payload();
    return req;
}

} // namespace

std::optional<std::uint64_t> event_number_in(std::string_view text) {
    const auto at = text.find(marker);
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    const auto number = text.substr(at + marker.size(), digits);
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
    if (ec != std::errc{} || end != number.data() + number.size()) {
        return std::nullopt;
    }
    return n;
}

dm_events::dm_events(std::uint64_t authors)
    : authors_(authors == 0 ? 1 : authors) {
    const std::string s(slot);
    // platforms.md §C2, with slots for what differs per event.
    const nlohmann::json e{{"token", "XXYYZZ"},
                           {"team_id", team_id},
                           {"api_app_id", "A0BENCH01"},
                           {"event",
                            {{"type", "message"},
                             {"channel", "D" + s},
                             {"user", "U" + s},
                             {"text", "The Q3 totals are off by 10% since the last import, " +
                                          std::string(marker) + s},
                             {"ts", "1700000000.000100"},
                             {"event_ts", "1700000000.000100"},
                             {"channel_type", "im"},
                             {"client_msg_id", "5f0c3d2e-1111-4222-8333-m" + s},
                             {"team", team_id}}},
                           {"type", "event_callback"},
                           {"event_id", "Ev" + s},
                           {"event_time", 1700000000},
                           {"authorizations",
                            {{{"enterprise_id", nullptr},
                              {"team_id", team_id},
                              {"user_id", bot_user_id},
                              {"is_bot", true},
                              {"is_enterprise_install", false}}}},
                           {"is_ext_shared_channel", false},
                           {"event_context", "4-eyJldCI6Im1lc3NhZ2UifQ"}};
    body_ = e.dump();
    event_at_ = slot_after(body_, "\"Ev");
    user_at_ = slot_after(body_, "\"U");
    channel_at_ = slot_after(body_, "\"D");
    text_at_ = slot_after(body_, marker);
    msg_at_ = slot_after(body_, "-m");
}

http::request<http::string_body> dm_events::make(std::uint64_t n,
                                                 std::string_view port_host) const {
    std::string body = body_;
    const std::uint64_t author = n % authors_;
    write_digits(body, event_at_, n);
    write_digits(body, user_at_, author);
    write_digits(body, channel_at_, author);
    write_digits(body, text_at_, n);
    write_digits(body, msg_at_, n);
    return signed_post(std::move(body), port_host);
}

http::request<http::string_body> url_verification(std::string_view port_host) {
    const nlohmann::json body{{"token", "Jhj5dZrVaK7ZwHHjRyZWjbDl"},
                              {"challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"},
                              {"type", "url_verification"}};
    return signed_post(body.dump(), port_host);
}

std::string unix_seconds_now() {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count());
}

} // namespace openfloor::bench
