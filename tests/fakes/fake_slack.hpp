// A faithful fake Slack on 127.0.0.1, built from the payload shapes of platforms.md: the Web API
// subset openfloor calls (recorded, with injectable 429s, 5xx, resets and stalls), incoming
// webhooks and response_urls, the Socket Mode websocket (hello, envelopes, acks, refresh), and
// modals: views.open recorded and checked against §A4's limits, and their view_submissions.
#pragma once

#include "tests/fakes/fake_server.hpp"

#include <nlohmann/json.hpp>

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace openfloor::testing {

// A modal the bot opened with views.open, as the fake answered it.
struct opened_view {
    std::string id;         // "V…", unique per view
    std::string trigger_id; // the interaction it answered
    nlohmann::json view;    // the view as the bot sent it
};

struct slack_call {
    std::string method;        // "chat.postMessage", or the path for hooks ("/hooks/…")
    std::string authorization; // the Authorization header as sent
    nlohmann::json body;       // the JSON body (null when it was not JSON)
};

class fake_slack {
public:
    explicit fake_slack(asio::io_context& ioc, asio::ssl::context* tls = nullptr);

    std::string api_base_url() const { return server_.base_url() + "/api/"; }
    std::string hook_url(const std::string& name) const { return server_.base_url() + "/hooks/" + name; }

    // Who the fake workspace says the bot is, and the tokens it accepts.
    std::string bot_token = "xoxb-fake-bot-token";
    std::string app_token = "xapp-1-A0123ABCD-1-fake";
    std::string bot_user_id = "U0BOT0001";
    std::string bot_id = "B0BOT0001";
    std::string team_id = "T0123ABCD";

    // Every Web API call and hook POST, in order.
    std::vector<slack_call> calls;
    std::vector<slack_call> calls_to(const std::string& method) const;
    // chat.postMessage calls into one channel.
    std::vector<slack_call> posts_to(const std::string& channel) const;
    // chat.postEphemeral calls into one channel (the DM with the bot, in home mode).
    std::vector<slack_call> ephemerals_in(const std::string& channel) const;
    // views.publish calls for one user's App Home, oldest first.
    std::vector<slack_call> homes_of(const std::string& user) const;

    // The next `times` calls of `method` get `reply` instead of a success.
    void inject(const std::string& method, fake_reply reply, int times = 1);
    void clear_faults() { faults_.clear(); } // the platform is healthy again
    static fake_reply rate_limited(int retry_after_seconds);
    static fake_reply server_error(unsigned status = 503);
    // {"ok":false,"error":code} with HTTP 200, as Slack reports a refused call
    // ("expired_trigger_id", "invalid_arguments", …).
    static fake_reply api_error(const std::string& code);

    // Every view views.open accepted, oldest first.
    std::vector<opened_view> views;

    // ---- Socket Mode ----
    std::vector<std::shared_ptr<fake_socket>> sockets; // every connection, oldest first
    std::shared_ptr<fake_socket> newest_socket() const;
    std::size_t open_sockets() const;
    // Sends an envelope on the newest open socket; returns its envelope_id.
    std::string push(const std::string& type, const nlohmann::json& payload,
                     bool accepts_response_payload = false);
    std::string push_on(fake_socket& socket, const std::string& type, const nlohmann::json& payload,
                        bool accepts_response_payload = false);
    // The ack the bot sent for an envelope (from any socket), if any.
    std::optional<nlohmann::json> ack_for(const std::string& envelope_id) const;
    std::size_t acks() const;
    // {"type":"disconnect","reason":…} on a socket.
    static void disconnect(fake_socket& socket, const std::string& reason = "refresh_requested");
    bool send_hello = true;

    // Payload builders in Slack's shapes (platforms.md §A2, §C2, §A3, §C3).
    nlohmann::json dm_event(const std::string& user, const std::string& channel,
                            const std::string& text, const std::string& event_id,
                            const std::string& ts = "1700000000.000100") const;
    nlohmann::json thread_reply_event(const std::string& user, const std::string& channel,
                                      const std::string& thread_ts, const std::string& text,
                                      const std::string& event_id) const;
    // app_home_opened (Events API): `user` opened the bot's `tab` ("home" or "messages").
    nlohmann::json home_opened_event(const std::string& user, const std::string& event_id,
                                     const std::string& tab = "home") const;
    nlohmann::json slash_command(const std::string& user, const std::string& channel,
                                 const std::string& text) const;
    nlohmann::json button_click(const std::string& user, const std::string& channel,
                                const std::string& action_id, const std::string& value) const;
    // A view_submission (§A4) of a view the bot opened, as `user`: every input block of the view
    // gets its state, filled from `inputs` (action_id → the typed text of a plain_text_input, or
    // the picked value of a static_select or radio_buttons); an input left out is null.
    nlohmann::json view_submission(const std::string& user, const opened_view& v,
                                   const std::map<std::string, std::string>& inputs) const;

    fake_server& server() { return server_; }

private:
    fake_reply answer(const fake_request& req);
    fake_reply web_api(const std::string& method, const nlohmann::json& body);
    fake_reply open_view(const nlohmann::json& body);
    void on_socket(std::shared_ptr<fake_socket> socket);

    std::map<std::string, std::deque<fake_reply>> faults_;
    long long next_ts_ = 1;
    int next_envelope_ = 1;
    int next_view_ = 1;
    std::map<std::string, nlohmann::json> acks_;
    fake_server server_;
};

} // namespace openfloor::testing
