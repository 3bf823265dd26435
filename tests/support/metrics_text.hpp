// Reading /metrics in tests: the Prometheus text format 0.0.4 checked line by line (HELP and
// TYPE before a family's samples, valid names, label sets and values), and every sample kept
// under its series as written: `name{label="value",...}`.
#pragma once

#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::testing {

struct scraped_metrics {
    std::map<std::string, double> samples;
    std::vector<std::string> problems; // "line N: why"; empty when the text is well formed

    // The sample's value, 0 when the series is absent (a counter not yet made reads as 0).
    double operator[](const std::string& series) const {
        const auto found = samples.find(series);
        return found == samples.end() ? 0 : found->second;
    }
    bool has(const std::string& series) const { return samples.contains(series); }
};

namespace metrics_text_detail {

inline bool name_char(char c, bool first, bool colons) {
    const bool letter =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colons && c == ':');
    return letter || (!first && c >= '0' && c <= '9');
}

// The name at the start of `s` (empty when there is none).
inline std::string_view name_at(std::string_view s, bool colons) {
    std::size_t n = 0;
    while (n < s.size() && name_char(s[n], n == 0, colons)) {
        ++n;
    }
    return s.substr(0, n);
}

// `{a="x",b="y"}` at the start of `s`: its length, or 0 when malformed.
inline std::size_t label_set_at(std::string_view s) {
    std::size_t i = 1; // past '{'
    for (;;) {
        const auto label = name_at(s.substr(i), false);
        if (label.empty() || s.substr(i + label.size(), 2) != "=\"") {
            return 0;
        }
        i += label.size() + 2;
        while (i < s.size() && s[i] != '"') {
            if (s[i] == '\\') {
                if (i + 1 >= s.size() || (s[i + 1] != '\\' && s[i + 1] != '"' && s[i + 1] != 'n')) {
                    return 0;
                }
                ++i;
            } else if (s[i] == '\n') {
                return 0;
            }
            ++i;
        }
        if (i + 1 >= s.size()) {
            return 0;
        }
        i += 1; // the closing quote
        if (s[i] == '}') {
            return i + 1;
        }
        if (s[i] != ',') {
            return 0;
        }
        ++i;
    }
}

inline bool value_of(std::string_view text, double& out) {
    if (text == "+Inf" || text == "-Inf" || text == "NaN") {
        out = text == "NaN" ? std::nan("") : (text[0] == '+' ? HUGE_VAL : -HUGE_VAL);
        return true;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

// The family a sample belongs to: a histogram's _bucket, _sum and _count belong to its name.
inline std::string family_of(const std::string& name, const std::set<std::string>& histograms) {
    for (const std::string_view suffix : {"_bucket", "_sum", "_count"}) {
        if (name.ends_with(suffix)) {
            auto base = name.substr(0, name.size() - suffix.size());
            if (histograms.contains(base)) {
                return base;
            }
        }
    }
    return name;
}

} // namespace metrics_text_detail

inline scraped_metrics parse_metrics(std::string_view text) {
    using namespace metrics_text_detail;
    scraped_metrics out;
    std::set<std::string> typed;
    std::set<std::string> histograms;
    if (!text.empty() && !text.ends_with('\n')) {
        out.problems.push_back("the text does not end with a newline");
    }
    int number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        const auto problem = [&](const std::string& why) {
            out.problems.push_back("line " + std::to_string(number) + ": " + why);
        };
        if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
            const auto rest = line.substr(7);
            const auto name = name_at(rest, true);
            if (name.empty() || rest.size() <= name.size() || rest[name.size()] != ' ') {
                problem("a comment without a metric name");
                continue;
            }
            if (line.starts_with("# TYPE ")) {
                const auto type = rest.substr(name.size() + 1);
                if (type != "counter" && type != "gauge" && type != "histogram" &&
                    type != "summary" && type != "untyped") {
                    problem("unknown type");
                }
                typed.insert(std::string(name));
                if (type == "histogram") {
                    histograms.insert(std::string(name));
                }
            }
            continue;
        }
        if (line.empty() || line.starts_with('#')) {
            continue;
        }
        const auto name = name_at(line, true);
        std::size_t series_end = name.size();
        if (series_end < line.size() && line[series_end] == '{') {
            const auto labels = label_set_at(line.substr(series_end));
            if (labels == 0) {
                problem("a malformed label set");
                continue;
            }
            series_end += labels;
        }
        double value = 0;
        if (name.empty() || series_end >= line.size() || line[series_end] != ' ' ||
            !value_of(line.substr(series_end + 1), value)) {
            problem("not `name{labels} value`");
            continue;
        }
        if (!typed.contains(family_of(std::string(name), histograms))) {
            problem("a sample before its # TYPE");
        }
        const std::string series(line.substr(0, series_end));
        if (!out.samples.emplace(series, value).second) {
            problem("a series given twice");
        }
    }
    return out;
}

} // namespace openfloor::testing
