// The transport error category: names for the codes of error.hpp.
#include "adapters/transport/error.hpp"

#include <string>

namespace openfloor::transport {
namespace {

class category final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "openfloor.transport"; }

    std::string message(int code) const override {
        switch (static_cast<error>(code)) {
        case error::bad_url:
            return "not a usable URL";
        case error::unsupported_scheme:
            return "unsupported URL scheme";
        case error::bad_listen_address:
            return "listen address is not host:port";
        case error::connection_closed:
            return "connection already closed";
        }
        return "unknown transport error";
    }
};

} // namespace

const boost::system::error_category& error_category() noexcept {
    static const category instance; // stateless, like Beast's categories
    return instance;
}

boost::system::error_code make_error_code(error e) noexcept {
    return {static_cast<int>(e), error_category()};
}

} // namespace openfloor::transport
