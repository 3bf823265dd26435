// A counting iterator feeds nlohmann's own lexer, and a SAX handler builds the DOM while it
// records, at each event, the line the lexer has reached. No JSON is tokenized here.
#include "config/json_with_lines.hpp"

#include <iterator>
#include <utility>

namespace openfloor::config::detail {
namespace {

struct line_counter {
    int line = 1;
    char last = '\0'; // the last character the lexer consumed
};

// A forward iterator over the text that counts every '\n' it steps over. nlohmann's
// iterator_input_adapter advances it exactly once per character the lexer reads.
class counting_iterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    counting_iterator() = default;
    counting_iterator(const char* pos, line_counter* counter)
        : pos_(pos)
        , counter_(counter) {}

    reference operator*() const { return *pos_; }
    counting_iterator& operator++() {
        counter_->last = *pos_;
        if (*pos_ == '\n') {
            ++counter_->line;
        }
        ++pos_;
        return *this;
    }
    counting_iterator operator++(int) {
        counting_iterator before = *this;
        ++*this;
        return before;
    }
    friend bool operator==(const counting_iterator& a, const counting_iterator& b) {
        return a.pos_ == b.pos_;
    }

private:
    const char* pos_ = nullptr;
    line_counter* counter_ = nullptr;
};

// "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error ..." ->
// "syntax error ...", with bytes that could upset a terminal shown as \xNN.
std::string clean_message(std::string_view what) {
    if (const auto bracket = what.find("] "); bracket != std::string_view::npos) {
        what.remove_prefix(bracket + 2);
    }
    if (what.starts_with("parse error at line")) {
        if (const auto colon = what.find(": "); colon != std::string_view::npos) {
            what.remove_prefix(colon + 2);
        }
    }
    constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    for (const char c : what) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

class dom_builder {
public:
    dom_builder(json_with_lines& out, const line_counter& counter)
        : out_(out)
        , counter_(counter) {}

    bool null() { return add(json(nullptr), token_line()); }
    bool boolean(bool v) { return add(json(v), token_line()); }
    // A number is over only once the lexer has seen the character after it.
    bool number_integer(json::number_integer_t v) { return add(json(v), number_line()); }
    bool number_unsigned(json::number_unsigned_t v) { return add(json(v), number_line()); }
    bool number_float(json::number_float_t v, const json::string_t& /*text*/) {
        return add(json(v), number_line());
    }
    bool string(json::string_t& v) { return add(json(std::move(v)), token_line()); }
    bool binary(json::binary_t& /*v*/) { return false; } // JSON text never produces one

    bool start_object(std::size_t /*size*/) { return open(json::object()); }
    bool start_array(std::size_t /*size*/) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(json::string_t& name);

    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& ex) {
        fail(error_line(), clean_message(ex.what()));
        return false;
    }

private:
    struct frame {
        json* value;
        std::string path;
        std::size_t next_index = 0;
    };

    int token_line() const { return counter_.line; }
    int number_line() const { return counter_.last == '\n' ? counter_.line - 1 : counter_.line; }
    // The offending character is the last one read; a '\n' belongs to the line it ends.
    int error_line() const { return number_line(); }

    void fail(int line, std::string message) {
        out_.problems.push_back({{}, line, "(json)", std::move(message)});
    }

    // Where the next value goes, and the path it is known by.
    json* slot(int line, std::string& path);
    bool add(json value, int line);
    bool open(json container);
    bool close() {
        stack_.pop_back();
        return true;
    }

    json_with_lines& out_;
    const line_counter& counter_;
    std::vector<frame> stack_;
    json* pending_slot_ = nullptr; // set by key(), filled by the value that follows
    std::string pending_path_;
};

bool dom_builder::key(json::string_t& name) {
    frame& top = stack_.back();
    std::string path = join_path(top.path, name);
    const int line = token_line();
    if (top.value->contains(name)) {
        // nlohmann keeps the last value silently; a repeated key is almost always a mistake.
        out_.problems.push_back(
            {{}, line, path, "duplicate key; first on line " + std::to_string(out_.lines[path])});
    }
    out_.lines[path] = line;
    pending_slot_ = &(*top.value)[name];
    pending_path_ = std::move(path);
    return true;
}

json* dom_builder::slot(int line, std::string& path) {
    if (stack_.empty()) {
        path.clear();
        out_.lines[path] = line;
        return &out_.root;
    }
    frame& top = stack_.back();
    if (top.value->is_array()) {
        path = index_path(top.path, top.next_index++);
        out_.lines[path] = line;
        top.value->push_back(json());
        return &top.value->back();
    }
    path = std::move(pending_path_); // its line was recorded at the key
    return pending_slot_;
}

bool dom_builder::add(json value, int line) {
    std::string path;
    *slot(line, path) = std::move(value);
    return true;
}

bool dom_builder::open(json container) {
    if (stack_.size() >= max_depth) {
        fail(token_line(), "nested deeper than " + std::to_string(max_depth) + " levels");
        return false;
    }
    std::string path;
    json* target = slot(token_line(), path);
    *target = std::move(container);
    stack_.push_back({target, std::move(path)});
    return true;
}

} // namespace

json_with_lines parse_json_with_lines(std::string_view text) {
    json_with_lines out;
    line_counter counter;
    dom_builder builder(out, counter);
    const counting_iterator first(text.data(), &counter);
    const counting_iterator last(text.data() + text.size(), &counter);
    try {
        out.complete = json::sax_parse(first, last, &builder, json::input_format_t::json,
                                       /*strict=*/true, /*ignore_comments=*/true);
    } catch (const std::exception& e) { // only allocation can throw here; report, never crash
        out.problems.push_back(
            {{}, counter.line, "(json)", std::string("cannot parse: ") + e.what()});
        out.complete = false;
    }
    const bool reported = !out.problems.empty() && out.problems.back().path == "(json)";
    if (!out.complete && !reported) {
        out.problems.push_back({{}, counter.line, "(json)", "cannot parse"});
    }
    return out;
}

} // namespace openfloor::config::detail
