// table: medians across runs (each run restarts every process), then one row per figure.
#include "bench/report/table.hpp"

#include "bench/support/numbers.hpp"
#include <cstdio>
#include <optional>
#include <sstream>

namespace openfloor::bench {
namespace {

constexpr const char* ours = "openfloor";
constexpr const char* bolt = "bolt";
constexpr const char* ceiling = "ceiling";
constexpr const char* diagnosis = "openfloor-nofsync"; // BENCH_DIAGNOSE=1 only

enum class fold { median, total };

struct figure {
    const char* name;
    const char* load;  // bench_load's "load" field, or "memory"/"startup"
    const char* field; // the JSON field within it
    fold how;
    int decimals;
    double scale = 1; // e.g. KiB -> MiB
};

const figure inbound_rps{"inbound: requests/s", "inbound", "rps", fold::median, 0};
const figure inbound_p99{"inbound: ack p99 (ms)", "inbound", "p99_ms", fold::median, 2};
const figure peak_rss{
    "memory: peak RSS under load (MiB)", "memory", "peak_rss_kb", fold::median, 1, 1.0 / 1024};
const figure e2e_posts{"end to end: posts/s", "e2e", "posts_per_s", fold::median, 0};

const figure figures[] = {
    inbound_rps,
    {"inbound: ack p50 (ms)", "inbound", "p50_ms", fold::median, 2},
    inbound_p99,
    {"inbound: errors (all runs)", "inbound", "errors", fold::total, 0},
    {"inbound: backlog posted within (s)", "inbound", "drain_s", fold::median, 2},
    {"inbound: CPU per acked request, its post included (ms)", "inbound", "cpu_ms_per_event",
     fold::median, 3},
    e2e_posts,
    {"end to end: request→post p50 (ms)", "e2e", "latency_p50_ms", fold::median, 1},
    {"end to end: request→post p99 (ms)", "e2e", "latency_p99_ms", fold::median, 1},
    {"end to end: missing posts (all runs)", "e2e", "missing", fold::total, 0},
    {"end to end: duplicate posts (all runs)", "e2e", "duplicates", fold::total, 0},
    {"end to end: CPU per event (ms)", "e2e", "cpu_ms_per_event", fold::median, 3},
    {"memory: idle RSS after start (MiB)", "memory", "idle_rss_kb", fold::median, 1, 1.0 / 1024},
    peak_rss,
    {"start-up to first served request (ms)", "startup", "startup_ms", fold::median, 0},
};

// `f` for `target` over every run; nullopt when never measured.
std::optional<double> value_of(const std::vector<nlohmann::json>& results, const char* target,
                               const figure& f) {
    std::vector<double> values;
    for (const auto& r : results) {
        if (r.value("target", "") == target && r.value("load", "") == f.load &&
            r.contains(f.field) && r[f.field].is_number()) {
            values.push_back(r[f.field].get<double>() * f.scale);
        }
    }
    if (values.empty()) {
        return std::nullopt;
    }
    if (f.how == fold::median) {
        return median(values);
    }
    double sum = 0;
    for (double v : values) {
        sum += v;
    }
    return sum;
}

int runs_of(const std::vector<nlohmann::json>& results, const char* target) {
    int runs = 0;
    for (const auto& r : results) {
        runs += r.value("target", "") == target && r.value("load", "") == "inbound" ? 1 : 0;
    }
    return runs;
}

std::string fixed(std::optional<double> v, int decimals) {
    if (!v) {
        return "–";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *v);
    return buffer;
}

std::optional<double> ratio(std::optional<double> a, std::optional<double> b) {
    if (!a || !b || *b == 0) {
        return std::nullopt;
    }
    return *a / *b;
}

std::string times(std::optional<double> r) {
    return r ? fixed(r, *r < 10 ? 2 : 1) + "×" : "–";
}

struct target_check {
    std::string what;
    std::optional<double> got; // the ratio measured
    double wanted;
    bool at_most; // wanted is an upper bound
};

} // namespace

std::string render_table(const std::vector<nlohmann::json>& results) {
    const bool diagnosed = runs_of(results, diagnosis) > 0;
    const auto get = [&](const char* target, const figure& f) {
        return value_of(results, target, f);
    };
    std::ostringstream out;
    out << "Medians of " << runs_of(results, ours) << " runs each"
        << " (errors, missing and duplicate posts: totals over all runs).\n\n";
    out << "| figure | openfloor | Bolt | bare Beast |"
        << (diagnosed ? " openfloor, fsync off (diagnosis) |" : "")
        << " openfloor ÷ Bolt | openfloor ÷ ceiling |\n";
    out << "| --- | ---: | ---: | ---: |" << (diagnosed ? " ---: |" : "") << " ---: | ---: |\n";
    for (const auto& f : figures) {
        const auto o = get(ours, f), b = get(bolt, f), c = get(ceiling, f);
        out << "| " << f.name << " | " << fixed(o, f.decimals) << " | " << fixed(b, f.decimals)
            << " | " << fixed(c, f.decimals) << " | ";
        if (diagnosed) {
            out << fixed(get(diagnosis, f), f.decimals) << " | ";
        }
        const bool comparable = f.how == fold::median; // a ratio of error counts means nothing
        out << (comparable ? times(ratio(o, b)) : "–") << " | "
            << (comparable ? times(ratio(o, c)) : "–") << " |\n";
    }
    const std::vector<target_check> checks{
        {"inbound requests/s ≥ 10× Bolt's", ratio(get(ours, inbound_rps), get(bolt, inbound_rps)),
         10, false},
        {"inbound requests/s ≥ 80% of the bare Beast ceiling",
         ratio(get(ours, inbound_rps), get(ceiling, inbound_rps)), 0.8, false},
        {"p99 ack latency ≤ 1/5 of Bolt's", ratio(get(ours, inbound_p99), get(bolt, inbound_p99)),
         0.2, true},
        {"peak RSS ≤ 1/4 of Bolt's", ratio(get(ours, peak_rss), get(bolt, peak_rss)), 0.25, true},
        {"end-to-end posts/s ≥ 5× Bolt's (durable writes on)",
         ratio(get(ours, e2e_posts), get(bolt, e2e_posts)), 5, false},
    };
    out << "\n| target | measured | met? |\n| --- | ---: | --- |\n";
    for (const auto& c : checks) {
        const bool met = c.got && (c.at_most ? *c.got <= c.wanted : *c.got >= c.wanted);
        out << "| " << c.what << " | " << times(c.got) << " | " << (met ? "yes" : "**no**")
            << " |\n";
    }
    return out.str();
}

} // namespace openfloor::bench
