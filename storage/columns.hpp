// How the core's types sit in SQLite columns: times as INTEGER unix milliseconds, sealed bytes as
// BLOBs, pseudonyms as 64-digit hex TEXT, enums by their stored names. Readers throw malformed_row.
#pragma once

#include "bot/records.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace openfloor::storage {

std::int64_t to_millis(bot::time_point t);
bot::time_point from_millis(std::int64_t ms);

void bind_text(SQLite::Statement& s, int index, std::string_view text);
void bind_optional_text(SQLite::Statement& s, int index, const std::optional<std::string>& text);
void bind_time(SQLite::Statement& s, int index, bot::time_point t);
void bind_optional_time(SQLite::Statement& s, int index, const std::optional<bot::time_point>& t);
void bind_blob(SQLite::Statement& s, int index, const bot::bytes& b); // empty: a 0-byte blob
void bind_bool(SQLite::Statement& s, int index, bool b);
void bind_platform(SQLite::Statement& s, int index, bot::platform p);
void bind_pseudonym(SQLite::Statement& s, int index, const bot::pseudonym& p);

std::optional<std::string> read_optional_text(const SQLite::Column& c);
bot::time_point read_time(const SQLite::Column& c);
std::optional<bot::time_point> read_optional_time(const SQLite::Column& c);
bot::bytes read_blob(const SQLite::Column& c); // NULL reads as empty
bool read_bool(const SQLite::Column& c);
bot::platform read_platform(const SQLite::Column& c);
bot::pseudonym read_pseudonym(const SQLite::Column& c);
bot::post_state read_post_state(const SQLite::Column& c);
bot::job_kind read_job_kind(const SQLite::Column& c);

} // namespace openfloor::storage
