// One thing wrong with a config file, with where it is; format() renders it the way
// `openfloor check` prints it: "FILE:LINE: key.path: what is wrong".
#pragma once

#include <string>

namespace openfloor::config {

struct problem {
    std::string file;
    int line = 0;     // 1-based; 0 when the file itself could not be read
    std::string path; // "server.max_body_bytes", "channels[1].key", or "(file)", "(json)", "(root)"
    std::string message;
};

std::string format(const problem& p);

} // namespace openfloor::config
