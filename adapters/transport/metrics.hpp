// A small Prometheus registry for /metrics: counters, gauges and histograms in families whose
// label names are fixed when the family is made, rendered in the text exposition format 0.0.4.
// Everything runs on the one io_context thread, so nothing here takes a lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::transport::metrics {

// "Content-Type" of render()'s output.
inline constexpr std::string_view content_type = "text/plain; version=0.0.4; charset=utf-8";

class counter {
public:
    void inc(std::uint64_t n = 1) { value_ += n; }
    // A total another object keeps, copied at scrape time: a counter never goes down.
    void set_total(std::uint64_t total) { value_ = total > value_ ? total : value_; }
    std::uint64_t value() const { return value_; }

private:
    std::uint64_t value_ = 0;
};

class gauge {
public:
    void set(double v) { value_ = v; }
    double value() const { return value_; }

private:
    double value_ = 0;
};

class histogram {
public:
    // `upper_bounds` ascending, in the unit observed (seconds for durations); +Inf is implied.
    explicit histogram(std::vector<double> upper_bounds);

    void observe(double v);
    template <class Rep, class Period>
    void observe(std::chrono::duration<Rep, Period> d) {
        observe(std::chrono::duration<double>(d).count());
    }

    const std::vector<double>& upper_bounds() const { return bounds_; }
    // Observations <= upper_bounds()[i], cumulative as the format wants; the last is count().
    std::vector<std::uint64_t> cumulative_counts() const;
    double sum() const { return sum_; }
    std::uint64_t count() const { return count_; }

private:
    std::vector<double> bounds_;
    std::vector<std::uint64_t> in_bucket_; // per bound, plus one for +Inf; not cumulative
    double sum_ = 0;
    std::uint64_t count_ = 0;
};

enum class kind { counter, gauge, histogram };

// The metrics of one name, one per combination of label values. Cells live as long as the
// family, so a component may keep a reference to its own.
template <class Metric>
class family {
public:
    family(std::string name, std::string help, std::vector<std::string> label_names,
           std::function<Metric()> make)
        : name_(std::move(name))
        , help_(std::move(help))
        , label_names_(std::move(label_names))
        , make_(std::move(make)) {}

    // The cell for these label values, in the order of label_names(); made on first use.
    // Throws std::invalid_argument when the count differs (a programming error).
    Metric& with(std::vector<std::string> label_values);

    const std::string& name() const { return name_; }
    const std::string& help() const { return help_; }
    const std::vector<std::string>& label_names() const { return label_names_; }
    const std::map<std::vector<std::string>, Metric>& cells() const { return cells_; }

private:
    std::string name_;
    std::string help_;
    std::vector<std::string> label_names_;
    std::function<Metric()> make_;
    std::map<std::vector<std::string>, Metric> cells_; // sorted: a stable order on every scrape
};

class registry {
public:
    // Asking again for a name returns the family made first (with its buckets); asking for it
    // as another kind or with other label names throws std::logic_error, as do invalid names.
    family<counter>& counters(const std::string& name, const std::string& help,
                              std::vector<std::string> label_names = {});
    family<gauge>& gauges(const std::string& name, const std::string& help,
                          std::vector<std::string> label_names = {});
    family<histogram>& histograms(const std::string& name, const std::string& help,
                                  std::vector<std::string> label_names,
                                  std::vector<double> upper_bounds);

    // Every family in the order it was made: "# HELP", "# TYPE", then its samples.
    std::string render() const;

private:
    struct entry {
        kind what;
        std::size_t index; // into the deque of that kind
    };
    void claim(const std::string& name, kind what, const std::vector<std::string>& label_names);
    template <class Metric>
    family<Metric>* find(const std::string& name, kind what, std::deque<family<Metric>>& families,
                         const std::vector<std::string>& label_names);

    std::deque<family<counter>> counters_; // deques: references handed out stay valid
    std::deque<family<gauge>> gauges_;
    std::deque<family<histogram>> histograms_;
    std::vector<std::pair<std::string, entry>> order_;
};

// Bucket bounds (seconds) for an HTTP answer, which Slack wants within 3 s.
std::vector<double> ack_buckets();
// Bucket bounds (seconds) for a delivery, retries and Retry-After waits included.
std::vector<double> delivery_buckets();

} // namespace openfloor::transport::metrics
