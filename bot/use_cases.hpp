// The use cases of the core, one group per file: posting, moderation, threads, stats. Each runs
// inside the transaction its caller (bot::core) opened, and answers through the use_case.
#pragma once

#include "bot/grammar.hpp"
#include "bot/use_case.hpp"

#include <string_view>

namespace openfloor::bot {

// posting.cpp: product.md §2.
result<void> start_post(use_case& w, const post_command& cmd);
result<void> confirm_draft(use_case& w, std::string_view draft_id);
result<void> confirm_latest_draft(use_case& w);
// The author picked another channel or category in the preview: a new preview.
result<void> change_draft(use_case& w, std::string_view draft_id, choice_kind what,
                          std::string_view value);
result<void> cancel_drafts(use_case& w, std::string_view draft_id); // "" = all of the author's
// A filled-in form (channel key, category name, text): checked like a DM, then published.
result<void> compose_post(use_case& w, std::string_view channel_key, std::string_view category,
                          std::string_view text);

// moderation.cpp: product.md §4.
result<void> moderate(use_case& w, const moderator_command& cmd);
result<void> delete_post(use_case& w, const delete_command& cmd); // author or moderator
result<void> show_stats(use_case& w, const stats_command& cmd);

// threads.cpp: product.md §3.
result<void> answer_as_author(use_case& w, const reply_command& cmd); // `reply N text`
result<void> relay_to_author(use_case& w, const thread_reply& r);
result<void> answer_relay(use_case& w, std::string_view relay_ref, std::string_view text);
// Relays an answer `name` gave in `post`'s thread to its author and notes the first reply;
// nothing is relayed for a locked or hidden post, or once the route is gone.
result<void> relay_answer(use_case& w, post_record post, std::string_view name,
                          std::string_view text);

// answers.cpp: product.md §3, answers by the author and (anonymous_replies) by teammates.
result<void> answer_post(use_case& w, const post_record& post, std::string_view text);
result<void> open_answer_form(use_case& w, std::string_view post_value);
result<void> answer_form(use_case& w, std::string_view post_value, std::string_view text);

// flags.cpp: product.md §4.
result<void> open_flag_form(use_case& w, std::string_view post_value);
result<void> flag_post(use_case& w, std::string_view post_value, flag_reason reason,
                       std::string_view flagger_name);
result<void> restore_post(use_case& w, post_record post); // a moderator's `restore N`

// locks.cpp: product.md §3, §4. A moderator's `lock N` (lock) or `unlock N`.
result<void> lock_post(use_case& w, post_record post, bool lock);

// home.cpp: the Slack private inbox (privacy.notices "home", product.md §5). Each keeps the
// author's sealed home document and queues their App Home to be republished (a home_view job
// whose view is built from the document when it is sent).
// The lookup key of an author's home document: a keyed hash of their pseudonym.
std::string home_key(const identity& id, const pseudonym& author);
// The document under `key`; an empty one when there is none, or it no longer opens.
result<home_document> load_home(store& db, const identity& id, std::string_view key);
// A new post of the actor's: listed on their Home (`sealed_route` leads to their user id).
result<void> track_on_home(use_case& w, const post_record& post, const bytes& sealed_route);
// A notice or a relayed reply for `post`'s author, on their Home.
result<void> note_on_home(use_case& w, const post_record& post, const bytes& sealed_route,
                          home_line line);
// `post` changed state (posted, deleted by its author, locked): its author's Home shows it.
// Nothing when not in home mode or past retention.
result<void> refresh_home(use_case& w, const post_record& post);
// The actor opened the bot's Home tab (app_home_opened): publish what it should show now.
result<void> open_home(use_case& w);
// Retention: lines and posts older than `before` leave every document; empty ones go.
result<int> prune_homes(store& db, const identity& id, time_point before);
// home_view.cpp: the view of the document under `key`, read against the posts as they are now.
result<home_view> home_view_of(const config::settings& settings, store& db, const identity& id,
                               const texts& say, std::string_view key);

// help.cpp
result<void> show_help(use_case& w);

} // namespace openfloor::bot
