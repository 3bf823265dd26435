// Checks of single values that need more than a type: addresses, URLs, files, names. Each
// returns what is wrong, or nothing when the value is fine.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace openfloor::config::detail {

// "host:port" with an IPv4 address, a DNS name, or "[v6]"; port 0-65535.
std::optional<std::string> check_listen(std::string_view value);
// An absolute http:// or https:// URL with a host.
std::optional<std::string> check_http_url(std::string_view value);
// An existing regular file (relative paths are taken from the working directory, as at run time).
std::optional<std::string> check_file(const std::string& path);
// [a-z0-9_-]{1,max_size}
bool is_simple_name(std::string_view value, std::size_t max_size);

} // namespace openfloor::config::detail
