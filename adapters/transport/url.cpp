// parse_url over Boost.URL: the scheme decides TLS and the default port.
#include "adapters/transport/url.hpp"

#include "adapters/transport/error.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <cctype>

namespace openfloor::transport {
namespace {

struct scheme_info {
    std::string_view name;
    bool secure;
    unsigned short default_port;
    bool websocket;
};

constexpr scheme_info schemes[] = {
    {"http", false, 80, false},
    {"https", true, 443, false},
    {"ws", false, 80, true},
    {"wss", true, 443, true},
};

const scheme_info* find_scheme(std::string_view name) {
    for (const auto& s : schemes) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

unsigned short default_port(std::string_view scheme) {
    const auto* s = find_scheme(scheme);
    return s != nullptr ? s->default_port : 0;
}

std::string bracketed(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host; // IPv6 literal
}

} // namespace

std::string url_parts::host_header() const {
    if (port == default_port(scheme)) {
        return bracketed(host);
    }
    return bracketed(host) + ":" + std::to_string(port);
}

std::string url_parts::pool_key() const {
    return scheme + "://" + bracketed(host) + ":" + std::to_string(port);
}

boost::system::result<url_parts> parse_url(std::string_view url, bool websocket) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed) {
        return error::bad_url;
    }
    const boost::urls::url_view& u = *parsed;
    url_parts out;
    out.scheme = std::string(u.scheme());
    std::transform(out.scheme.begin(), out.scheme.end(), out.scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto* info = find_scheme(out.scheme);
    if (info == nullptr || info->websocket != websocket) {
        return error::unsupported_scheme;
    }
    out.secure = info->secure;
    out.host = u.host_address();
    if (out.host.empty()) {
        return error::bad_url;
    }
    if (!u.has_port()) {
        out.port = info->default_port;
    } else if (u.port_number() != 0) {
        out.port = u.port_number();
    } else {
        return error::bad_url; // ":0" or a port out of range
    }
    out.target = std::string(u.encoded_target());
    if (out.target.empty() || out.target.front() != '/') {
        out.target.insert(0, "/");
    }
    return out;
}

} // namespace openfloor::transport
