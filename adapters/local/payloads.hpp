// What the demo page sends (each POST body a JSON object) and what it gets back: the state of
// every pane. The page plays three people; a request names one by role ("as").
#pragma once

#include "adapters/local/world.hpp"

#include <boost/system/result.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace openfloor::local {

struct message_request {
    std::string as;
    std::string text;
    std::string thread; // answer in the thread of this message; empty for a new message
};

struct click_request {
    std::string as;
    std::string message; // the ref of the message carrying the button
    std::string action;  // the button's action id: "openfloor_confirm", …
};

struct command_request {
    std::string as;
    std::string text; // what follows /openfloor
};

// A submitted form: the answer's text, or the flag's reason id; or `cancel` to close it. The
// form itself (which post) stays on the server, as a platform keeps a modal's metadata.
struct form_submission {
    std::string as;
    std::string text;
    std::string reason;
    bool cancel = false;
};

struct review_request {
    bool on = false;
};

boost::system::result<message_request> decode_message_request(std::string_view body);
boost::system::result<click_request> decode_click_request(std::string_view body);
boost::system::result<command_request> decode_command_request(std::string_view body);
boost::system::result<form_submission> decode_form_submission(std::string_view body);
boost::system::result<review_request> decode_review_request(std::string_view body);

// Every pane: the person's name and id, and the messages of their conversation they can see.
nlohmann::json state_of(const world& w, bool review);

} // namespace openfloor::local
