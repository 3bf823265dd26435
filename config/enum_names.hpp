// The spelling of each enum in the config file; the loader reads with these tables and the
// summary prints with them, so the two cannot drift apart.
#pragma once

#include "config/settings.hpp"

#include <array>
#include <chrono>
#include <string_view>
#include <utility>

namespace openfloor::config::detail {

inline constexpr std::array platform_names{
    std::pair{std::string_view("slack"), platform::slack},
    std::pair{std::string_view("mattermost"), platform::mattermost}};
inline constexpr std::array moderation_names{
    std::pair{std::string_view("none"), moderation_mode::none},
    std::pair{std::string_view("pre"), moderation_mode::pre}};
inline constexpr std::array blocked_action_names{
    std::pair{std::string_view("reject"), blocked_words_action::reject},
    std::pair{std::string_view("queue"), blocked_words_action::queue}};
inline constexpr std::array slack_mode_names{
    std::pair{std::string_view("socket"), slack_mode::socket},
    std::pair{std::string_view("http"), slack_mode::http}};
inline constexpr std::array notices_names{std::pair{std::string_view("dm"), notices_mode::dm},
                                          std::pair{std::string_view("home"), notices_mode::home}};
inline constexpr std::array log_format_names{std::pair{std::string_view("json"), log_format::json},
                                             std::pair{std::string_view("text"), log_format::text}};
inline constexpr std::array log_level_names{std::pair{std::string_view("trace"), log_level::trace},
                                            std::pair{std::string_view("debug"), log_level::debug},
                                            std::pair{std::string_view("info"), log_level::info},
                                            std::pair{std::string_view("warn"), log_level::warn},
                                            std::pair{std::string_view("error"), log_level::error}};
inline constexpr std::array weekday_names{
    std::pair{std::string_view("monday"), std::chrono::Monday},
    std::pair{std::string_view("tuesday"), std::chrono::Tuesday},
    std::pair{std::string_view("wednesday"), std::chrono::Wednesday},
    std::pair{std::string_view("thursday"), std::chrono::Thursday},
    std::pair{std::string_view("friday"), std::chrono::Friday},
    std::pair{std::string_view("saturday"), std::chrono::Saturday},
    std::pair{std::string_view("sunday"), std::chrono::Sunday}};
inline constexpr std::array<std::string_view, 3> locale_names{"en", "es", "sv"};

template <class Enum, std::size_t N>
constexpr std::string_view name_of(const std::array<std::pair<std::string_view, Enum>, N>& table,
                                   Enum value) {
    for (const auto& [name, v] : table) {
        if (v == value) {
            return name;
        }
    }
    return "?";
}

} // namespace openfloor::config::detail
