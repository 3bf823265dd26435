// The flag reasons' ids and labels. The ids are written into the audit log's detail, so one
// never changes once released.
#include "bot/flag_reason.hpp"

#include <array>
#include <utility>

namespace openfloor::bot {
namespace {

struct reason_entry {
    flag_reason reason;
    std::string_view id;
    text_id label;
};

constexpr std::array<reason_entry, 4> reasons{{
    {flag_reason::spam, "spam", text_id::flag_reason_spam},
    {flag_reason::hurtful, "hurtful", text_id::flag_reason_hurtful},
    {flag_reason::identifies_someone, "identifies_someone",
     text_id::flag_reason_identifies_someone},
    {flag_reason::other, "other", text_id::flag_reason_other},
}};

const reason_entry& entry_of(flag_reason r) {
    for (const auto& e : reasons) {
        if (e.reason == r) {
            return e;
        }
    }
    return reasons.back(); // only an out-of-range cast gets here
}

} // namespace

std::string_view flag_reason_id(flag_reason r) {
    return entry_of(r).id;
}

bool parse_flag_reason(std::string_view id, flag_reason& out) {
    for (const auto& e : reasons) {
        if (e.id == id) {
            out = e.reason;
            return true;
        }
    }
    return false;
}

std::string flag_reason_label(const texts& t, flag_reason r) {
    return t.say(entry_of(r).label);
}

std::vector<flag_choice> flag_choices(const texts& t) {
    std::vector<flag_choice> out;
    for (const auto& e : reasons) {
        out.push_back({e.reason, std::string(e.id), t.say(e.label)});
    }
    return out;
}

} // namespace openfloor::bot
