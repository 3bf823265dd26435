// Why someone flags a post (product.md §4), as the adapters offer and hand it back: a stable id
// for the form's value, and a label in the configured language.
#pragma once

#include "bot/texts.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace openfloor::bot {

enum class flag_reason { spam, hurtful, identifies_someone, other };

// "spam", "hurtful", "identifies_someone", "other": the values a flag form submits.
std::string_view flag_reason_id(flag_reason r);
bool parse_flag_reason(std::string_view id, flag_reason& out);

struct flag_choice {
    flag_reason reason = flag_reason::other;
    std::string id;    // flag_reason_id(reason)
    std::string label; // "Identifies someone", in the configured language
};

// Every reason, in the order a form should offer them.
std::vector<flag_choice> flag_choices(const texts& t);
std::string flag_reason_label(const texts& t, flag_reason r);

} // namespace openfloor::bot
