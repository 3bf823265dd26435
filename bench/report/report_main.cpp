// bench_report: reads the JSON lines bench/run collected, prints the table, and with --update
// writes it (and the run's header lines) into RESULTS.md between the figures markers.
//   bench_report RESULTS.jsonl [--header FILE] [--update bench/RESULTS.md]
#include "bench/report/table.hpp"
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

namespace {

constexpr std::string_view begin_marker = "<!-- bench:figures:begin -->";
constexpr std::string_view end_marker = "<!-- bench:figures:end -->";

std::string read_all(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool update(const std::string& path, const std::string& figures) {
    std::string doc = read_all(path);
    const auto from = doc.find(begin_marker);
    const auto to = doc.find(end_marker);
    if (from == std::string::npos || to == std::string::npos || to < from) {
        std::cerr << "bench_report: " << path << " has no figures markers; left alone\n";
        return false;
    }
    const auto after_begin = from + begin_marker.size();
    doc.replace(after_begin, to - after_begin, "\n" + figures);
    std::ofstream(path, std::ios::trunc) << doc;
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_report RESULTS.jsonl [--header FILE] [--update RESULTS.md]\n";
        return 2;
    }
    std::string header, update_path;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--header") {
            header = read_all(argv[i + 1]);
        } else if (flag == "--update") {
            update_path = argv[i + 1];
        }
    }
    std::vector<nlohmann::json> results;
    std::ifstream in(argv[1]);
    for (std::string line; std::getline(in, line);) {
        auto doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (doc.is_object()) {
            results.push_back(std::move(doc));
        }
    }
    const std::string figures = header + openfloor::bench::render_table(results);
    std::cout << figures;
    if (!update_path.empty() && !update(update_path, figures)) {
        return 1;
    }
    return 0;
}
