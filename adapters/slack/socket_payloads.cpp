// Socket Mode frames (platforms.md §A5, §C4): hello, disconnect and envelopes in, acks out.
#include "adapters/slack/json_read.hpp"
#include "adapters/slack/payloads.hpp"
#include "adapters/slack/protocol.hpp"

namespace openfloor::slack {
namespace {

using detail::json;
using detail::member;
using detail::read;

// dump() throws on invalid UTF-8, which a caller's payload may hold (text cut mid-character);
// an ack must still go out, so such bytes become U+FFFD.
std::string serialise(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

void from_json(const json& j, socket_hello& out) {
    read(j, "num_connections", out.num_connections);
    std::int64_t seconds = 0;
    read(member(j, "debug_info"), "approximate_connection_time", seconds);
    out.approximate_connection_time = std::chrono::seconds{seconds};
}

void to_json(json& j, const socket_hello& in) {
    j = json{
        {"type", payload_type::hello},
        {"num_connections", in.num_connections},
        {"debug_info", {{"approximate_connection_time", in.approximate_connection_time.count()}}}};
}

void from_json(const json& j, socket_disconnect& out) {
    read(j, "reason", out.reason);
}

void to_json(json& j, const socket_disconnect& in) {
    j = json{{"type", payload_type::disconnect}, {"reason", in.reason}};
}

void from_json(const json& j, socket_envelope& out) {
    read(j, "envelope_id", out.envelope_id);
    read(j, "type", out.type);
    read(j, "accepts_response_payload", out.accepts_response_payload);
    read(j, "retry_attempt", out.retry_attempt);
    read(j, "retry_reason", out.retry_reason);
    const json& payload = member(j, "payload");
    if (!payload.is_null()) {
        out.payload = serialise(payload);
    }
}

void to_json(json& j, const socket_envelope& in) {
    j = json{{"envelope_id", in.envelope_id},
             {"type", in.type},
             {"accepts_response_payload", in.accepts_response_payload},
             {"retry_attempt", in.retry_attempt},
             {"retry_reason", in.retry_reason}};
    if (!in.payload.empty()) {
        json payload = json::parse(in.payload, nullptr, /*allow_exceptions=*/false);
        j["payload"] = payload.is_discarded() ? json() : std::move(payload);
    }
}

boost::system::result<socket_frame> decode_socket_frame(std::string_view text) {
    return detail::decode<socket_frame>(text, [](const json& doc) -> socket_frame {
        std::string type;
        read(doc, "type", type);
        if (type == payload_type::hello) {
            return doc.get<socket_hello>();
        }
        if (type == payload_type::disconnect) {
            return doc.get<socket_disconnect>();
        }
        if (!member(doc, "envelope_id").is_null()) { // events_api, slash_commands, interactive
            return doc.get<socket_envelope>();
        }
        return unknown_body{type};
    });
}

std::string socket_ack(std::string_view envelope_id, const nlohmann::json* payload) {
    json ack{{"envelope_id", envelope_id}};
    if (payload != nullptr) {
        ack["payload"] = *payload;
    }
    return serialise(ack);
}

} // namespace openfloor::slack
