// bench_load: the load generator of bench/run. One io_context thread, 127.0.0.1 only, every
// load bounded in count and time. Prints one JSON object on stdout.
//
//   bench_load free-port
//   bench_load ready   --port P [--since-unix-ns T] [--deadline-s S]
//   bench_load inbound --port P [--fake-port F] [--concurrency C] [--warmup-ms W]
//                      [--duration-ms D] [--max-requests M] [--first-event K] [--authors A]
//   bench_load e2e     --port P --fake-port F [--concurrency C] [--events N] [--first-event K]
// Common: [--target NAME] [--run R] (copied into the output), [--deadline-s S], [--pid PID] (the
// process under load: its CPU time per event is reported).
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "bench/load/loads.hpp"
#include <charconv>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string_view>

namespace {

using namespace openfloor::bench;
namespace asio = boost::asio;

template <class T>
bool read_number(std::string_view text, T& out) {
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end;
}

std::optional<load_options> parse(int argc, char** argv) {
    load_options o;
    using setter = std::function<bool(std::string_view)>;
    const auto number = [](auto& field) {
        return setter([&field](std::string_view v) { return read_number(v, field); });
    };
    const auto millis = [](std::chrono::milliseconds& field) {
        return setter([&field](std::string_view v) {
            long long n = 0;
            if (!read_number(v, n)) {
                return false;
            }
            field = std::chrono::milliseconds(n);
            return true;
        });
    };
    long long deadline_s = o.deadline.count();
    const std::map<std::string_view, setter> flags{
        {"--target",
         [&](std::string_view v) {
             o.target = v;
             return true;
         }},
        {"--run", number(o.run)},
        {"--port", number(o.port)},
        {"--fake-port", number(o.fake_port)},
        {"--concurrency", number(o.concurrency)},
        {"--warmup-ms", millis(o.warmup)},
        {"--duration-ms", millis(o.duration)},
        {"--max-requests", number(o.max_requests)},
        {"--events", number(o.events)},
        {"--first-event", number(o.first_event)},
        {"--authors", number(o.authors)},
        {"--since-unix-ns", number(o.since_unix_ns)},
        {"--pid", number(o.pid)},
        {"--deadline-s", number(deadline_s)},
    };
    for (int i = 2; i < argc; i += 2) {
        auto flag = flags.find(argv[i]);
        if (flag == flags.end() || i + 1 >= argc || !flag->second(argv[i + 1])) {
            std::cerr << "bench_load: bad or incomplete flag " << argv[i] << '\n';
            return std::nullopt;
        }
    }
    o.deadline = std::chrono::seconds(deadline_s);
    if (o.concurrency < 1 || o.port == 0) {
        std::cerr << "bench_load: --port and a --concurrency of at least 1 are needed\n";
        return std::nullopt;
    }
    return o;
}

// A port free right now on 127.0.0.1, for a process that must be probed before it says which
// port it took (start-up time). The kernel hands out ephemeral ports in turn, so the chance that
// another process takes it in the next milliseconds is small, and a clash fails loudly.
int free_port() {
    asio::io_context ioc;
    asio::ip::tcp::acceptor probe(ioc, {asio::ip::make_address("127.0.0.1"), 0});
    std::cout << probe.local_endpoint().port() << std::endl;
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode == "free-port") {
        return free_port();
    }
    using load_fn = asio::awaitable<nlohmann::json> (*)(load_options);
    const std::map<std::string_view, load_fn> modes{
        {"inbound", &inbound_load}, {"e2e", &end_to_end}, {"ready", &wait_ready}};
    auto chosen = modes.find(mode);
    if (chosen == modes.end()) {
        std::cerr << "usage: bench_load free-port|ready|inbound|e2e --port P [flags]\n";
        return 2;
    }
    auto options = parse(argc, argv);
    if (!options || (mode == "e2e" && options->fake_port == 0)) {
        return 2;
    }
    asio::io_context ioc{1};
    int exit_code = 1;
    asio::co_spawn(ioc, chosen->second(*options), [&](std::exception_ptr e, nlohmann::json result) {
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& failure) {
                std::cerr << "bench_load: " << failure.what() << '\n';
            }
            return;
        }
        std::cout << result.dump() << std::endl;
        exit_code = 0;
    });
    ioc.run();
    return exit_code;
}
