// The Mattermost error category: names for the codes of error.hpp.
#include "adapters/mattermost/error.hpp"

#include <string>

namespace openfloor::mattermost {
namespace {

class category final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "openfloor.mattermost"; }

    std::string message(int code) const override {
        switch (static_cast<error>(code)) {
        case error::malformed_payload:
            return "malformed Mattermost payload";
        case error::unknown_payload:
            return "unknown Mattermost payload";
        case error::bad_command_token:
            return "slash command token missing or wrong";
        case error::forged_action:
            return "action callback signature does not match";
        case error::auth_failed:
            return "Mattermost users/me failed";
        }
        return "unknown Mattermost error";
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

} // namespace openfloor::mattermost
