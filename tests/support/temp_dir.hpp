// A fresh directory under the system temp dir, removed with everything in it at the end.
#pragma once

#include <filesystem>
#include <string>

namespace openfloor::testing {

class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Every byte of a file, or "" when it does not exist.
std::string read_file(const std::filesystem::path& p);

} // namespace openfloor::testing
