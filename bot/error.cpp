// The category behind bot::error.
#include "bot/error.hpp"

namespace openfloor::bot {
namespace {

class category final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "openfloor.bot"; }
    std::string message(int value) const override {
        switch (static_cast<error>(value)) {
        case error::storage_failure:
            return "the database refused the operation";
        case error::malformed_payload:
            return "stored data does not decode";
        case error::seal_failed:
            return "sealing failed";
        }
        return "unknown openfloor.bot error";
    }
};

} // namespace

const boost::system::error_category& error_category() {
    static const category instance;
    return instance;
}

} // namespace openfloor::bot
