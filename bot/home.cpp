// The Slack private inbox (privacy.notices "home", product.md §5): what happens to an author's
// posts is written into their one sealed home document, and their App Home is republished
// through the outbox. The document is keyed by a keyed hash of the pseudonym and sealed whole:
// a copy of the database shows one opaque blob per author and nothing that ties posts together.
#include "bot/log.hpp"
#include "bot/use_cases.hpp"

#include <algorithm>

namespace openfloor::bot {
namespace {

result<void> save_home(use_case& w, std::string_view key, const home_document& doc) {
    return w.db.homes().save(key, w.id.seal(encode(doc), seal_purpose::home));
}

// A home_view job. It carries no post id (nothing in the outbox's clear columns ties it to a
// post) and no view: the document's key, sealed, from which the view is built when it is sent,
// so a late retry never shows an older state than an earlier send did.
result<void> publish_home(use_case& w, const pseudonym& author, const bytes& sealed_route) {
    outbox_record r;
    r.where = platform::slack;
    r.kind = job_kind::home_view;
    r.sealed_route = sealed_route;
    r.sealed_payload = w.id.seal(home_key(w.id, author), seal_purpose::payload);
    r.next_attempt_at = w.now;
    r.created_at = w.now;
    OPENFLOOR_TRY(auto row, w.db.outbox().enqueue(r));
    log::debug("outbox.enqueued", {{"job", row}, {"kind", "home_view"}});
    return {};
}

} // namespace

std::string home_key(const identity& id, const pseudonym& author) {
    return id.keyed_hash("home", author.hex());
}

result<home_document> load_home(store& db, const identity& id, std::string_view key) {
    OPENFLOOR_TRY(auto sealed, db.homes().find(key));
    home_document doc;
    if (!sealed) {
        return doc;
    }
    auto opened = id.open(*sealed, seal_purpose::home);
    if (!opened || !decode(*opened, doc)) {
        // Sealed under another secret, or damaged: what it said cannot be read by anyone now.
        log::warn("home.unreadable");
        return home_document{};
    }
    return doc;
}

result<void> track_on_home(use_case& w, const post_record& post, const bytes& sealed_route) {
    const std::string key = home_key(w.id, w.me());
    OPENFLOOR_TRY(auto doc, load_home(w.db, w.id, key));
    if (doc.entry_for(post.id, post.created_at) != nullptr) {
        OPENFLOOR_CHECK(save_home(w, key, doc));
    }
    return publish_home(w, w.me(), sealed_route);
}

result<void> note_on_home(use_case& w, const post_record& post, const bytes& sealed_route,
                          home_line line) {
    const auto author = w.author_of(post);
    if (!author) {
        log::warn("home.no_author", {{"post", post.number}});
        return {};
    }
    const std::string key = home_key(w.id, *author);
    OPENFLOOR_TRY(auto doc, load_home(w.db, w.id, key));
    if (auto* entry = doc.entry_for(post.id, post.created_at)) {
        home_document::add_line(*entry, std::move(line));
        OPENFLOOR_CHECK(save_home(w, key, doc));
    }
    log::info("home.noted", {{"post", post.number}});
    return publish_home(w, *author, sealed_route);
}

result<void> refresh_home(use_case& w, const post_record& post) {
    if (!w.home_inbox(post.where)) {
        return {};
    }
    OPENFLOOR_TRY(auto route, w.db.routes().find(post.id));
    const auto author = w.author_of(post);
    if (!route || !author) {
        return {}; // past retention the way back is gone, by design
    }
    return publish_home(w, *author, *route);
}

result<void> open_home(use_case& w) {
    if (!w.home_inbox(w.who().user.where)) {
        return {};
    }
    return publish_home(w, w.me(), w.id.seal(w.who().user.user_id, seal_purpose::route));
}

result<int> prune_homes(store& db, const identity& id, time_point before) {
    OPENFLOOR_TRY(auto keys, db.homes().keys());
    int pruned = 0;
    for (const std::string& key : keys) {
        OPENFLOOR_TRY(auto doc, load_home(db, id, key));
        const home_document was = doc;
        std::erase_if(doc.posts, [&](const home_entry& e) { return e.added < before; });
        for (home_entry& e : doc.posts) {
            std::erase_if(e.lines, [&](const home_line& l) { return l.at < before; });
        }
        if (doc.posts.empty()) {
            OPENFLOOR_CHECK(db.homes().remove(key));
            ++pruned;
        } else if (!(doc == was)) {
            OPENFLOOR_CHECK(db.homes().save(key, id.seal(encode(doc), seal_purpose::home)));
            ++pruned;
        }
    }
    return pruned;
}

} // namespace openfloor::bot
