// spdlog behind bot::log: the line is built here, spdlog only stamps nothing and writes it.
#include "bot/log.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <mutex>

namespace openfloor::bot::log {
namespace {

// Hands each formatted line to a function: how tests read everything that was logged.
class function_sink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit function_sink(std::function<void(std::string_view)> f)
        : f_(std::move(f)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        f_(std::string_view(msg.payload.data(), msg.payload.size()));
    }
    void flush_() override {}

private:
    std::function<void(std::string_view)> f_;
};

struct state {
    std::shared_ptr<spdlog::logger> logger;
    config::log_format format = config::log_format::json;
};

state& current() {
    static state s; // the one process-wide logger, set once by init()
    return s;
}

spdlog::level::level_enum to_spdlog(config::log_level l) {
    switch (l) {
    case config::log_level::trace:
        return spdlog::level::trace;
    case config::log_level::debug:
        return spdlog::level::debug;
    case config::log_level::info:
        return spdlog::level::info;
    case config::log_level::warn:
        return spdlog::level::warn;
    case config::log_level::error:
        return spdlog::level::err;
    }
    return spdlog::level::info;
}

std::string timestamp() {
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
    return std::to_string(ms.count() / 1000) + "." +
           std::to_string(1000 + ms.count() % 1000).substr(1);
}

std::string json_line(std::string_view level, std::string_view event, fields f) {
    nlohmann::json line;
    line["ts"] = timestamp();
    line["level"] = level;
    line["msg"] = event;
    for (const auto& fld : f) {
        std::visit([&](const auto& v) { line[std::string(fld.key)] = v; }, fld.value);
    }
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string text_line(std::string_view level, std::string_view event, fields f) {
    std::string line = timestamp() + " " + std::string(level) + " " + std::string(event);
    for (const auto& fld : f) {
        line += " " + std::string(fld.key) + "=";
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    line += v;
                } else if constexpr (std::is_same_v<T, bool>) {
                    line += v ? "true" : "false";
                } else {
                    line += std::to_string(v);
                }
            },
            fld.value);
    }
    return line;
}

void write(spdlog::level::level_enum level, std::string_view name, std::string_view event,
           fields f) {
    auto& s = current();
    if (!s.logger) {
        init({});
    }
    if (!s.logger->should_log(level)) {
        return;
    }
    const std::string line = s.format == config::log_format::json ? json_line(name, event, f)
                                                                  : text_line(name, event, f);
    s.logger->log(level, "{}", line);
}

} // namespace

void init(const config::log_settings& settings, std::function<void(std::string_view)> sink) {
    auto& s = current();
    spdlog::sink_ptr target;
    if (sink) {
        target = std::make_shared<function_sink>(std::move(sink));
    } else {
        target = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    }
    target->set_pattern("%v");
    s.logger = std::make_shared<spdlog::logger>("openfloor", target);
    s.logger->set_level(to_spdlog(settings.level));
    s.logger->flush_on(spdlog::level::trace);
    s.format = settings.format;
}

void debug(std::string_view event, fields f) {
    write(spdlog::level::debug, "debug", event, f);
}
void info(std::string_view event, fields f) {
    write(spdlog::level::info, "info", event, f);
}
void warn(std::string_view event, fields f) {
    write(spdlog::level::warn, "warn", event, f);
}
void error(std::string_view event, fields f) {
    write(spdlog::level::err, "error", event, f);
}

} // namespace openfloor::bot::log
