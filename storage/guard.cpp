// guard()'s logging: the operation and SQLite's codes only. The exception's message is not logged:
// SQLite may quote a value in it (a CHECK constraint, a malformed literal).
#include "storage/guard.hpp"

#include "bot/log.hpp"

namespace openfloor::storage {

boost::system::error_code storage_failure(std::string_view op, const SQLite::Exception& e) {
    bot::log::error("storage.failure", {{"op", op},
                                        {"sqlite_code", e.getErrorCode()},
                                        {"sqlite_extended_code", e.getExtendedErrorCode()}});
    return bot::error::storage_failure;
}

boost::system::error_code storage_failure(std::string_view op) {
    bot::log::error("storage.failure", {{"op", op}});
    return bot::error::storage_failure;
}

boost::system::error_code malformed(std::string_view op, const malformed_row& e) {
    bot::log::error("storage.malformed_row", {{"op", op}, {"column", e.column()}});
    return bot::error::malformed_payload;
}

} // namespace openfloor::storage
