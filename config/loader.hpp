// Loads and validates a config file: ${ENV} expansion, defaults, and every problem with its
// line and key path. The settings come back only when nothing is wrong.
#pragma once

#include "config/problem.hpp"
#include "config/settings.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::config {

// Where "${NAME}" values come from; tests pass a map instead of the process environment.
using env_lookup = std::function<std::optional<std::string>(std::string_view name)>;
std::optional<std::string> process_env(std::string_view name);

struct loaded {
    std::optional<settings> value;  // set only when problems is empty
    std::vector<problem> problems;  // every problem found, in file order
    std::vector<std::string> notes; // non-fatal remarks that `openfloor check` prints
    // Every key path the readers asked for, present in the file or not ("channels[0].key");
    // the config reference test checks key_reference() against it.
    std::vector<std::string> keys_asked;
};

loaded load_file(const std::string& path, const env_lookup& env = process_env);
loaded load_text(std::string_view text, std::string_view file_name, const env_lookup& env);

// A short multi-line summary for `openfloor check`; secrets print as secret::masked.
std::string summary(const settings& s);

} // namespace openfloor::config
