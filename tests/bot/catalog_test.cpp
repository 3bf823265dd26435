// The language catalogs: every locale the config accepts has every text id, once, non-empty, with
// the same {placeholders} as English, the same commands in backticks and the same line layout;
// and texts picks the table of its locale. The checker is run on broken tables too, so a gap in
// a real catalog cannot slip past a checker that sees nothing.
#include "bot/texts_catalog.hpp"
#include "config/enum_names.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace openfloor::bot {
namespace {

// "text id 7 (Thank you for speaking up. Y…)": the number, and the English it stands for.
std::string name_of(text_id id) {
    std::string english = texts("en").say(id);
    std::size_t cut = std::min<std::size_t>(english.find('\n'), 32);
    while (cut < english.size() && (static_cast<unsigned char>(english[cut]) & 0xC0U) == 0x80U) {
        --cut; // not inside a UTF-8 sequence
    }
    if (cut < english.size()) {
        english = english.substr(0, cut) + "…";
    }
    return "text id " + std::to_string(static_cast<int>(id)) + " (" + english + ")";
}

// "{n}" and "{channel}" of a template, as a set. A '{' without its '}' is reported as "{?".
std::multiset<std::string> placeholders(std::string_view text) {
    std::multiset<std::string> out;
    for (auto open = text.find('{'); open != std::string_view::npos;
         open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        out.insert(close == std::string_view::npos
                       ? std::string("{?")
                       : std::string(text.substr(open, close - open + 1)));
    }
    return out;
}

// The first word of each `code span`: the command a person types ("reply", "#{channel}").
std::vector<std::string> commands(std::string_view text) {
    std::vector<std::string> out;
    for (auto open = text.find('`'); open != std::string_view::npos;) {
        const auto close = text.find('`', open + 1);
        if (close == std::string_view::npos) {
            break;
        }
        const auto span = text.substr(open + 1, close - open - 1);
        out.emplace_back(span.substr(0, span.find(' ')));
        open = text.find('`', close + 1);
    }
    return out;
}

// Whether `needles` appear in `haystack` in the same order (other spans may sit between).
bool in_order(const std::vector<std::string>& needles, const std::vector<std::string>& haystack) {
    auto at = haystack.begin();
    for (const std::string& n : needles) {
        at = std::find(at, haystack.end(), n);
        if (at == haystack.end()) {
            return false;
        }
        ++at;
    }
    return true;
}

// Everything wrong with `candidate` measured against `reference`; empty when it is complete.
std::vector<std::string> problems_of(catalog reference, catalog candidate) {
    std::vector<std::string> problems;
    std::vector<int> seen(text_id_count, 0);
    std::vector<std::string_view> ref_text(text_id_count);
    for (const auto& [id, text] : reference) {
        if (static_cast<std::size_t>(id) < text_id_count) {
            ref_text[static_cast<std::size_t>(id)] = text;
        }
    }
    for (const auto& [id, text] : candidate) {
        const auto index = static_cast<std::size_t>(id);
        if (index >= text_id_count) {
            problems.push_back(name_of(id) + ": not a text id");
            continue;
        }
        if (++seen[index] > 1) {
            problems.push_back(name_of(id) + ": appears twice");
        }
        if (text.empty()) {
            problems.push_back(name_of(id) + ": empty");
            continue;
        }
        const std::string_view ref = ref_text[index];
        if (placeholders(text) != placeholders(ref)) {
            problems.push_back(name_of(id) + ": placeholders differ from English");
        }
        if (std::count(text.begin(), text.end(), '`') % 2 != 0 ||
            std::count(text.begin(), text.end(), '*') % 2 != 0) {
            problems.push_back(name_of(id) + ": an unclosed ` or * breaks the markup");
        }
        if (!in_order(commands(ref), commands(text))) {
            problems.push_back(name_of(id) + ": commands in backticks differ from English");
        }
        if (std::count(text.begin(), text.end(), '\n') !=
            std::count(ref.begin(), ref.end(), '\n')) {
            problems.push_back(name_of(id) + ": lines differ from English");
        }
    }
    for (std::size_t i = 0; i < text_id_count; ++i) {
        if (seen[i] == 0) {
            problems.push_back(name_of(static_cast<text_id>(i)) + ": missing");
        }
    }
    return problems;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) {
        out += l + "\n";
    }
    return out;
}

std::vector<catalog_entry> copy_of(catalog c) {
    return {c.begin(), c.end()};
}

TEST(Catalog, EveryLocaleTheConfigAcceptsIsCompleteAndMatchesEnglish) {
    for (const std::string_view locale : config::detail::locale_names) {
        const catalog table = catalog_for(locale);
        EXPECT_FALSE(table.empty()) << locale << " has no catalog";
        EXPECT_EQ(joined(problems_of(english_catalog(), table)), "") << "locale " << locale;
    }
}

TEST(Catalog, TheCheckerFindsAMissingId) {
    auto broken = copy_of(spanish_catalog());
    broken.erase(broken.begin() + 3);
    const auto problems = problems_of(english_catalog(), broken);
    ASSERT_EQ(problems.size(), 1U) << joined(problems);
    EXPECT_EQ(problems[0], name_of(spanish_catalog()[3].id) + ": missing");
}

TEST(Catalog, TheCheckerFindsADifferentPlaceholder) {
    auto broken = copy_of(swedish_catalog());
    const auto posted = std::find_if(broken.begin(), broken.end(), [](const catalog_entry& e) {
        return e.id == text_id::posted;
    });
    ASSERT_NE(posted, broken.end());
    posted->text = "Tack! Ditt inlägg är #{number} i #{channel}."; // {number} where English has {n}
    EXPECT_EQ(joined(problems_of(english_catalog(), broken)),
              name_of(text_id::posted) + ": placeholders differ from English\n");
}

TEST(Catalog, TheCheckerFindsEmptyDuplicatedAndTranslatedCommands) {
    auto broken = copy_of(spanish_catalog());
    broken.push_back({text_id::someone, "otra vez"});
    for (auto& e : broken) {
        if (e.id == text_id::cancelled) {
            e.text = "";
        }
        if (e.id == text_id::reply_empty) {
            e.text = "¿Qué te gustaría responder? Escribe `responder {n} tu respuesta`.";
        }
        if (e.id == text_id::answer_post_or_cancel) {
            e.text = "Responde `post para publicarla o `cancel` para descartarla.";
        }
        if (e.id == text_id::help) {
            e.text = std::string_view(e.text).substr(0, e.text.find('\n'));
        }
    }
    const auto problems = joined(problems_of(english_catalog(), broken));
    EXPECT_NE(problems.find(name_of(text_id::someone) + ": appears twice"), std::string::npos);
    EXPECT_NE(problems.find(name_of(text_id::cancelled) + ": empty"), std::string::npos);
    EXPECT_NE(problems.find(name_of(text_id::reply_empty) + ": commands in backticks differ"),
              std::string::npos);
    EXPECT_NE(problems.find(name_of(text_id::answer_post_or_cancel) + ": an unclosed"),
              std::string::npos);
    EXPECT_NE(problems.find(name_of(text_id::help) + ": lines differ"), std::string::npos);
}

TEST(Catalog, TextsPicksTheTableOfItsLocale) {
    for (const std::string_view locale : config::detail::locale_names) {
        const texts t(locale);
        for (const auto& [id, text] : catalog_for(locale)) {
            // No arguments: placeholders stay as written, so the template comes back whole.
            EXPECT_EQ(t.say(id), text) << locale << " " << name_of(id);
        }
    }
}

TEST(Catalog, TheLanguagesReallyDiffer) {
    // A catalog that copied English would pass every check above.
    const texts en("en");
    for (const std::string_view locale : {"es", "sv"}) {
        const texts other(locale);
        for (const text_id id : {text_id::help, text_id::posted, text_id::storage_trouble,
                                 text_id::button_post, text_id::not_moderator}) {
            EXPECT_NE(other.say(id), en.say(id)) << locale << " " << name_of(id);
        }
    }
}

TEST(Catalog, AnUnknownLocaleSpeaksEnglish) {
    EXPECT_TRUE(catalog_for("de").empty());
    const texts de("de");
    const texts en("en");
    for (std::size_t i = 0; i < text_id_count; ++i) {
        EXPECT_EQ(de.say(static_cast<text_id>(i)), en.say(static_cast<text_id>(i)));
    }
}

TEST(Catalog, FormButtonsFitSlacksModalLimit) {
    // Slack cuts a modal's submit and close to 24 characters (platforms.md §A4); a cut word
    // would look broken, so these must fit whole. Counted in code points.
    for (const std::string_view locale : config::detail::locale_names) {
        const texts t(locale);
        for (const text_id id :
             {text_id::button_post, text_id::button_cancel, text_id::button_close}) {
            const std::string label = t.say(id);
            const auto runes = std::count_if(label.begin(), label.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
            });
            EXPECT_LE(runes, 24) << locale << " " << label;
        }
    }
}

} // namespace
} // namespace openfloor::bot
