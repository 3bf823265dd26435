// `openfloor run`: load the config, open the database, build the core. Platform connections are
// wired in here as their adapters land.
#include "app/cli.hpp"
#include "bot/core.hpp"
#include "bot/log.hpp"
#include "config/loader.hpp"
#include "storage/sqlite_store.hpp"

#include <iostream>
#include <memory>

namespace openfloor::app {

int run_bot(const invocation& inv) {
    const auto loaded = config::load_file(inv.config_path);
    if (!loaded.value) {
        for (const auto& p : loaded.problems) {
            std::cerr << config::format(p) << '\n';
        }
        return exit_usage;
    }
    const config::settings& settings = *loaded.value;
    bot::log::init(settings.log);
    std::unique_ptr<storage::sqlite_store> db;
    try {
        db = std::make_unique<storage::sqlite_store>(settings.storage.path);
    } catch (const std::exception& e) {
        bot::log::error("storage.open_failed", {{"path", settings.storage.path}, {"why", e.what()}});
        std::cerr << "openfloor: " << e.what() << '\n';
        return exit_runtime;
    }
    bot::identity id(settings.identity.key);
    bot::system_clock clock;
    bot::system_random random;
    bot::core core(settings, *db, id, clock, random);
    core.purge();
    bot::log::error("run.no_adapters", {{"detail", "platform adapters are not part of this build yet"}});
    std::cerr << "openfloor: the Slack and Mattermost connections are not part of this build yet\n";
    return exit_runtime;
}

} // namespace openfloor::app
