// The Slack error category: names for the codes of error.hpp.
#include "adapters/slack/error.hpp"

#include <string>

namespace openfloor::slack {
namespace {

class category final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "openfloor.slack"; }

    std::string message(int code) const override {
        switch (static_cast<error>(code)) {
        case error::missing_signature:
            return "request signature or timestamp missing";
        case error::stale_timestamp:
            return "request timestamp unreadable or outside the replay window";
        case error::bad_signature:
            return "request signature does not match";
        case error::malformed_payload:
            return "malformed Slack payload";
        case error::unknown_payload:
            return "unknown Slack payload";
        case error::auth_failed:
            return "Slack auth.test failed";
        }
        return "unknown Slack error";
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

} // namespace openfloor::slack
