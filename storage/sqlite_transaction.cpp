// One use case's unit of work.
#include "storage/sqlite_transaction.hpp"

#include "storage/guard.hpp"

namespace openfloor::storage {

sqlite_transaction::sqlite_transaction(write_group& group)
    : group_(group) {
    group_.begin_unit();
}

sqlite_transaction::~sqlite_transaction() {
    if (!committed_) {
        group_.rollback_unit();
    }
}

bot::result<void> sqlite_transaction::commit() {
    return guard("transaction.commit", [&] {
        group_.commit_unit(); // if it throws, the destructor undoes whatever is left of the unit
        committed_ = true;
    });
}

} // namespace openfloor::storage
