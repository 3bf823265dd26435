// The modals a channel post's Reply anonymously and Flag buttons open (platforms.md §A4): the
// core's bot::form_request as a Slack view, and the notice a modal becomes once it is done.
#pragma once

#include "bot/core.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace openfloor::slack {

// callback_id of_answer (a multiline text input of at most `max_chars`) or of_flag (a required
// menu of the reasons), with the form's intro above the field and its value, the post's number,
// as private_metadata. Every text is cut to Slack's limits.
nlohmann::json form_modal(const bot::form_request& form, int max_chars);

// A modal that only says `text` (the receipt of a submitted form), with one close button.
nlohmann::json notice_modal(std::string_view text, std::string_view close_label);

// Whether `metadata` can be what form_modal put there: a post number, digits only.
bool is_form_metadata(std::string_view metadata);

} // namespace openfloor::slack
