// The demo adapter's error category: names for the codes of error.hpp.
#include "adapters/local/error.hpp"

#include <string>

namespace openfloor::local {
namespace {

class category final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "openfloor.local"; }

    std::string message(int code) const override {
        switch (static_cast<error>(code)) {
        case error::malformed_request:
            return "malformed demo request";
        case error::unknown_person:
            return "no such person in the demo";
        case error::unknown_message:
            return "no such message";
        case error::unknown_action:
            return "no such button on that message";
        case error::empty_text:
            return "empty message";
        case error::no_open_form:
            return "no form is open for this person";
        case error::unknown_reason:
            return "no such reason on the flag form";
        }
        return "unknown demo error";
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

} // namespace openfloor::local
