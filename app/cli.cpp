// Argument parsing: a subcommand, then --config FILE (or --config=FILE), --listen for demo.
#include "app/cli.hpp"

namespace openfloor::app {

std::string usage() {
    return "usage:\n"
           "  openfloor run   --config FILE   run the bot (the default subcommand)\n"
           "  openfloor check --config FILE   validate the config\n"
           "  openfloor version\n"
           "  openfloor demo  [--listen 127.0.0.1:8080]\n";
}

std::optional<invocation> parse_arguments(const std::vector<std::string>& args,
                                          std::string& error) {
    invocation inv;
    std::size_t i = 0;
    if (!args.empty() && !args[0].starts_with("-")) {
        const auto& word = args[0];
        if (word == "run") {
            inv.what = subcommand::run;
        } else if (word == "check") {
            inv.what = subcommand::check;
        } else if (word == "version") {
            inv.what = subcommand::version;
        } else if (word == "demo") {
            inv.what = subcommand::demo;
        } else if (word == "help") {
            inv.what = subcommand::help;
        } else {
            error = "unknown subcommand \"" + word + "\"";
            return std::nullopt;
        }
        i = 1;
    }
    for (; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value_of = [&](std::string_view name, std::string& out) {
            const std::string prefix = std::string(name) + "=";
            if (arg == name) {
                if (i + 1 >= args.size()) {
                    error = std::string(name) + " needs a value";
                    return false;
                }
                out = args[++i];
                return true;
            }
            if (arg.starts_with(prefix)) {
                out = arg.substr(prefix.size());
                return true;
            }
            return false;
        };
        if (value_of("--config", inv.config_path) || value_of("--listen", inv.listen)) {
            continue;
        }
        if (!error.empty()) {
            return std::nullopt;
        }
        if (arg == "--help" || arg == "-h") {
            inv.what = subcommand::help;
            continue;
        }
        error = "unknown argument \"" + arg + "\"";
        return std::nullopt;
    }
    if (!error.empty()) {
        return std::nullopt;
    }
    if ((inv.what == subcommand::run || inv.what == subcommand::check) && inv.config_path.empty()) {
        error = "--config FILE is required";
        return std::nullopt;
    }
    return inv;
}

} // namespace openfloor::app
