// payloads: the page's requests decoded through transport's guarded JSON reads, and the world
// rendered for the page. The page draws every string with textContent; nothing here is HTML.
#include "adapters/local/payloads.hpp"

#include "adapters/local/error.hpp"
#include "adapters/local/protocol.hpp"
#include "adapters/transport/json_read.hpp"

namespace openfloor::local {
namespace {

using json = nlohmann::json;
using transport::payload::read;

constexpr std::string_view kind_name(bot::message_kind k) {
    switch (k) {
    case bot::message_kind::notice:
        return "notice";
    case bot::message_kind::preview:
        return "preview";
    case bot::message_kind::channel_post:
        return "channel_post";
    case bot::message_kind::thread_answer:
        return "thread_answer";
    case bot::message_kind::queue_item:
        return "queue_item";
    case bot::message_kind::relay:
        return "relay";
    case bot::message_kind::moderator_notice:
        return "moderator_notice";
    }
    return "notice";
}

// The button's value (a draft id, a post number) stays on the server: a click names the
// message and the action, as a platform's click does.
json buttons_of(const bot::message& m) {
    json out = json::array();
    for (const auto& b : m.buttons) {
        out.push_back({{"action", std::string(bot::action_id(b.action))}, {"label", b.label}});
    }
    return out;
}

json message_json(const demo_message& m) {
    json out{{"ref", m.ref}, {"thread", m.thread}, {"only_you", !m.only_for.empty()}};
    if (!m.bot) {
        const auto* writer = find_person(m.author);
        out["kind"] = "person";
        out["from"] = writer ? std::string(writer->name) : std::string("someone");
        out["text"] = m.text;
        return out;
    }
    const bot::message& b = *m.bot;
    out["kind"] = std::string(kind_name(b.kind));
    out["from"] = "openfloor";
    out["text"] = b.text;
    out["body"] = b.body;
    out["number"] = b.number;
    out["category"] = b.category_label;
    out["buttons"] = buttons_of(b);
    return out;
}

// What the page draws for an open form; the post it is about stays on the server.
json form_json(const bot::form_request& f) {
    json options = json::array();
    for (const auto& o : f.options) {
        options.push_back({{"id", o.id}, {"label", o.label}});
    }
    return {{"kind", f.kind == bot::form_kind::answer ? "answer" : "flag"},
            {"number", f.number},
            {"title", f.title},
            {"intro", f.intro},
            {"field_label", f.field_label},
            {"options", std::move(options)},
            {"submit_label", f.submit_label},
            {"cancel_label", f.cancel_label}};
}

} // namespace

boost::system::result<message_request> decode_message_request(std::string_view body) {
    return transport::payload::decode<message_request>(body, error::malformed_request,
                                                       [](const json& doc) {
                                                           message_request r;
                                                           read(doc, "as", r.as);
                                                           read(doc, "text", r.text);
                                                           read(doc, "thread", r.thread);
                                                           return r;
                                                       });
}

boost::system::result<click_request> decode_click_request(std::string_view body) {
    return transport::payload::decode<click_request>(body, error::malformed_request,
                                                     [](const json& doc) {
                                                         click_request r;
                                                         read(doc, "as", r.as);
                                                         read(doc, "message", r.message);
                                                         read(doc, "action", r.action);
                                                         return r;
                                                     });
}

boost::system::result<command_request> decode_command_request(std::string_view body) {
    return transport::payload::decode<command_request>(body, error::malformed_request,
                                                       [](const json& doc) {
                                                           command_request r;
                                                           read(doc, "as", r.as);
                                                           read(doc, "text", r.text);
                                                           return r;
                                                       });
}

boost::system::result<form_submission> decode_form_submission(std::string_view body) {
    return transport::payload::decode<form_submission>(body, error::malformed_request,
                                                       [](const json& doc) {
                                                           form_submission r;
                                                           read(doc, "as", r.as);
                                                           read(doc, "text", r.text);
                                                           read(doc, "reason", r.reason);
                                                           read(doc, "cancel", r.cancel);
                                                           return r;
                                                       });
}

boost::system::result<review_request> decode_review_request(std::string_view body) {
    return transport::payload::decode<review_request>(body, error::malformed_request,
                                                      [](const json& doc) {
                                                          review_request r;
                                                          read(doc, "on", r.on);
                                                          return r;
                                                      });
}

json state_of(const world& w, bool review) {
    json panes = json::object();
    for (const auto& p : cast) {
        json messages = json::array();
        for (const auto& m : w.messages()) {
            const bool visible = m.only_for.empty() || m.only_for == p.role;
            if (m.conversation == p.home && visible) {
                messages.push_back(message_json(m));
            }
        }
        const auto* form = w.form_of(p.role);
        panes[std::string(p.role)] = {{"name", std::string(p.name)},
                                      {"user_id", std::string(p.user_id)},
                                      {"messages", std::move(messages)},
                                      {"form", form ? form_json(*form) : json(nullptr)}};
    }
    return {{"version", w.version()}, {"review", review}, {"panes", std::move(panes)}};
}

} // namespace openfloor::local
