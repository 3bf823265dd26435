// A secret string (token, signing secret, identity key). It has no formatter and no operator<<,
// so logging one is a compile error; reveal() names the one place that reads it.
#pragma once

#include <string>
#include <string_view>

namespace openfloor::config {

class secret {
public:
    secret() = default;
    explicit secret(std::string value) : value_(std::move(value)) {}

    std::string_view reveal() const { return value_; }
    bool empty() const { return value_.empty(); }
    std::size_t size() const { return value_.size(); }
    // What summaries and error messages print instead of the value.
    static constexpr std::string_view masked = "***";

private:
    std::string value_;
};

} // namespace openfloor::config
