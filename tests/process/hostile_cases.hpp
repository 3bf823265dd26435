// The one-shot attacks of the hostile-HTTP test, each with the answer it must get: bodies over
// the limit, malformed request lines and headers, forged and replayed signatures, invalid UTF-8,
// absurd nesting, a 100,000-character text, and a valid request sent twice.
#pragma once

#include "tests/process/hostile_clients.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace openfloor::testing {

struct hostile_case {
    std::string name;
    std::string bytes;    // exactly what is sent, on a connection of its own
    unsigned status = 0;  // the answer it must get
    std::string body_has; // and what that answer's body must say
    raw_answer answer{};  // what it got
};

// Builds a DM event's JSON as hostile_fixture::dm_body does: (user, text, event number).
using dm_builder = std::function<std::string(const std::string&, const std::string&, int)>;

std::vector<hostile_case> hostile_cases(const dm_builder& dm);

struct case_run {
    std::vector<hostile_case> cases;
    bool done = false;
};

// co_spawn this: sends the cases one after another, filling in their answers.
asio::awaitable<void> run_cases(unsigned short port, std::shared_ptr<case_run> run);

} // namespace openfloor::testing
