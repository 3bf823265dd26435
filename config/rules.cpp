// Value rules: listen addresses and URLs go through Boost.URL's grammar rather than hand-rolled
// parsing, files through std::filesystem without exceptions.
#include "config/rules.hpp"

#include "config/reader.hpp"

#include <boost/url/ipv4_address.hpp>
#include <boost/url/ipv6_address.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

namespace openfloor::config::detail {
namespace {

bool is_dns_name(std::string_view host) {
    if (host.empty() || host.size() > 253) {
        return false;
    }
    std::size_t label = 0;
    char previous = '.';
    for (const char c : host) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (c == '.') {
            if (previous == '.' || previous == '-') {
                return false;
            }
            label = 0;
        } else if (alnum || (c == '-' && previous != '.')) {
            if (++label > 63) {
                return false;
            }
        } else {
            return false;
        }
        previous = c;
    }
    return previous != '-';
}

bool all_digits_and_dots(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
}

std::optional<std::string> check_host(std::string_view host) {
    if (host.starts_with('[')) {
        if (!host.ends_with(']') ||
            !boost::urls::parse_ipv6_address(host.substr(1, host.size() - 2))) {
            return quote(host) + " is not a valid [IPv6] address";
        }
        return std::nullopt;
    }
    if (host.empty()) {
        return std::string("needs a host before the ':'");
    }
    if (all_digits_and_dots(host)) { // looks like IPv4, so it must be one
        if (!boost::urls::parse_ipv4_address(host)) {
            return quote(host) + " is not a valid IPv4 address";
        }
        return std::nullopt;
    }
    if (!is_dns_name(host)) {
        return quote(host) + " is not a valid host name";
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> check_listen(std::string_view value) {
    const auto colon = value.rfind(':');
    if (colon == std::string_view::npos) {
        return std::string("must be host:port, e.g. \"127.0.0.1:8080\"");
    }
    const std::string_view host = value.substr(0, colon);
    const std::string_view port = value.substr(colon + 1);
    if (!host.starts_with('[') && host.find(':') != std::string_view::npos) {
        return std::string("an IPv6 address needs brackets, e.g. \"[::1]:8080\"");
    }
    if (auto wrong = check_host(host)) {
        return wrong;
    }
    unsigned number = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (port.empty() || port.size() > 5 || ec != std::errc() || end != port.data() + port.size() ||
        number > 65535) {
        return "port " + quote(port) + " must be a number from 0 to 65535";
    }
    return std::nullopt;
}

std::optional<std::string> check_http_url(std::string_view value) {
    const auto url = boost::urls::parse_absolute_uri(value);
    if (!url) {
        return std::string("is not a valid absolute URL");
    }
    if (url->scheme() != "http" && url->scheme() != "https") {
        return "must start with http:// or https://, not " + std::string(url->scheme()) + "://";
    }
    if (!url->has_authority() || url->encoded_host().empty()) {
        return std::string("needs a host, e.g. https://example.com");
    }
    return std::nullopt;
}

std::optional<std::string> check_file(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        return "file " + quote(path) + " does not exist";
    }
    if (!std::filesystem::is_regular_file(status)) {
        return quote(path) + " is not a regular file";
    }
    return std::nullopt;
}

bool is_simple_name(std::string_view value, std::size_t max_size) {
    return !value.empty() && value.size() <= max_size &&
           std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
           });
}

} // namespace openfloor::config::detail
