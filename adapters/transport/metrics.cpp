// metrics: the cells, the families' bookkeeping, and the text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/).
#include "adapters/transport/metrics.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace openfloor::transport::metrics {
namespace {

bool valid_name(std::string_view name, bool colons) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [colons](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || (colons && c == ':');
    });
}

// Go's float formatting as Prometheus reads it: shortest round-trip digits, and +Inf/-Inf/NaN.
std::string number(double v) {
    if (std::isnan(v)) {
        return "NaN";
    }
    if (std::isinf(v)) {
        return v > 0 ? "+Inf" : "-Inf";
    }
    std::array<char, 32> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return ec == std::errc{} ? std::string(buf.data(), end) : "NaN";
}

// Label values escape backslash, double quote and newline; HELP text backslash and newline.
std::string escaped(std::string_view text, bool quotes) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '"' && quotes) {
            out += "\\\"";
        } else {
            out += c;
        }
    }
    return out;
}

// {a="x",b="y"} with an optional extra pair (a histogram's le) last; "" when there is none.
std::string label_set(const std::vector<std::string>& names, const std::vector<std::string>& values,
                      std::string_view extra_name = {}, std::string_view extra_value = {}) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        out += (out.empty() ? "{" : ",") + names[i] + "=\"" + escaped(values[i], true) + "\"";
    }
    if (!extra_name.empty()) {
        out += (out.empty() ? "{" : ",") + std::string(extra_name) + "=\"" +
               std::string(extra_value) + "\"";
    }
    return out.empty() ? out : out + "}";
}

template <class Metric>
void header(std::string& out, const family<Metric>& f, std::string_view type) {
    out += "# HELP " + f.name() + " " + escaped(f.help(), false) + "\n";
    out += "# TYPE " + f.name() + " " + std::string(type) + "\n";
}

void render_family(std::string& out, const family<counter>& f) {
    header(out, f, "counter");
    for (const auto& [values, cell] : f.cells()) {
        out += f.name() + label_set(f.label_names(), values) + " " + std::to_string(cell.value()) +
               "\n";
    }
}

void render_family(std::string& out, const family<gauge>& f) {
    header(out, f, "gauge");
    for (const auto& [values, cell] : f.cells()) {
        out += f.name() + label_set(f.label_names(), values) + " " + number(cell.value()) + "\n";
    }
}

void render_family(std::string& out, const family<histogram>& f) {
    header(out, f, "histogram");
    for (const auto& [values, cell] : f.cells()) {
        const auto counts = cell.cumulative_counts();
        for (std::size_t i = 0; i < counts.size(); ++i) {
            const auto le = i < cell.upper_bounds().size() ? number(cell.upper_bounds()[i])
                                                           : std::string("+Inf");
            out += f.name() + "_bucket" + label_set(f.label_names(), values, "le", le) + " " +
                   std::to_string(counts[i]) + "\n";
        }
        const auto labels = label_set(f.label_names(), values);
        out += f.name() + "_sum" + labels + " " + number(cell.sum()) + "\n";
        out += f.name() + "_count" + labels + " " + std::to_string(cell.count()) + "\n";
    }
}

} // namespace

histogram::histogram(std::vector<double> upper_bounds)
    : bounds_(std::move(upper_bounds))
    , in_bucket_(bounds_.size() + 1, 0) {
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
        if (!std::isfinite(bounds_[i]) || (i > 0 && bounds_[i] <= bounds_[i - 1])) {
            throw std::invalid_argument("histogram bounds must be finite and ascending");
        }
    }
}

void histogram::observe(double v) {
    const auto bucket = std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin();
    ++in_bucket_[static_cast<std::size_t>(bucket)];
    sum_ += v;
    ++count_;
}

std::vector<std::uint64_t> histogram::cumulative_counts() const {
    std::vector<std::uint64_t> out(in_bucket_.size());
    std::uint64_t running = 0;
    for (std::size_t i = 0; i < in_bucket_.size(); ++i) {
        running += in_bucket_[i];
        out[i] = running;
    }
    return out;
}

template <class Metric>
Metric& family<Metric>::with(std::vector<std::string> label_values) {
    if (label_values.size() != label_names_.size()) {
        throw std::invalid_argument(name_ + ": " + std::to_string(label_names_.size()) +
                                    " label values expected");
    }
    auto found = cells_.find(label_values);
    if (found == cells_.end()) {
        found = cells_.emplace(std::move(label_values), make_()).first;
    }
    return found->second;
}

template class family<counter>;
template class family<gauge>;
template class family<histogram>;

void registry::claim(const std::string& name, kind what,
                     const std::vector<std::string>& label_names) {
    if (!valid_name(name, true)) {
        throw std::invalid_argument("invalid metric name: " + name);
    }
    const auto bad = std::find_if(label_names.begin(), label_names.end(), [what](const auto& l) {
        return !valid_name(l, false) || l.starts_with("__") ||
               (what == kind::histogram && l == "le");
    });
    if (bad != label_names.end()) {
        throw std::invalid_argument(name + ": invalid label name: " + *bad);
    }
    const auto index = what == kind::counter ? counters_.size()
                       : what == kind::gauge ? gauges_.size()
                                             : histograms_.size();
    order_.emplace_back(name, entry{what, index});
}

template <class Metric>
family<Metric>* registry::find(const std::string& name, kind what,
                               std::deque<family<Metric>>& families,
                               const std::vector<std::string>& label_names) {
    for (const auto& [known, e] : order_) {
        if (known != name) {
            continue;
        }
        if (e.what != what || families[e.index].label_names() != label_names) {
            throw std::logic_error(name + ": made again as another kind or with other labels");
        }
        return &families[e.index];
    }
    return nullptr;
}

family<counter>& registry::counters(const std::string& name, const std::string& help,
                                    std::vector<std::string> label_names) {
    if (auto* found = find(name, kind::counter, counters_, label_names)) {
        return *found;
    }
    claim(name, kind::counter, label_names);
    return counters_.emplace_back(name, help, std::move(label_names), [] { return counter{}; });
}

family<gauge>& registry::gauges(const std::string& name, const std::string& help,
                                std::vector<std::string> label_names) {
    if (auto* found = find(name, kind::gauge, gauges_, label_names)) {
        return *found;
    }
    claim(name, kind::gauge, label_names);
    return gauges_.emplace_back(name, help, std::move(label_names), [] { return gauge{}; });
}

family<histogram>& registry::histograms(const std::string& name, const std::string& help,
                                        std::vector<std::string> label_names,
                                        std::vector<double> upper_bounds) {
    if (auto* found = find(name, kind::histogram, histograms_, label_names)) {
        return *found; // with the buckets it was made with
    }
    histogram empty{std::move(upper_bounds)}; // checks the bounds now, not at first use
    claim(name, kind::histogram, label_names);
    return histograms_.emplace_back(name, help, std::move(label_names), [empty] { return empty; });
}

std::string registry::render() const {
    std::string out;
    for (const auto& [name, e] : order_) {
        switch (e.what) {
        case kind::counter:
            render_family(out, counters_[e.index]);
            break;
        case kind::gauge:
            render_family(out, gauges_[e.index]);
            break;
        case kind::histogram:
            render_family(out, histograms_[e.index]);
            break;
        }
    }
    return out;
}

std::vector<double> ack_buckets() {
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
}

std::vector<double> delivery_buckets() {
    return {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800};
}

} // namespace openfloor::transport::metrics
