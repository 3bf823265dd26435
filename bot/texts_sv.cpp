// The Swedish catalog: "du", as people write at work. Commands stay in English and in backticks
// (`reply`, `delete`, `cancel`, `post`, `approve N`), since the grammar reads only those.
#include "bot/texts_catalog.hpp"

#include <array>

namespace openfloor::bot {
namespace {

using entry = catalog_entry;

constexpr std::array swedish{
    entry{text_id::help,
          "Skriv till mig så publicerar jag det åt dig, anonymt.\n"
          "• `#eng mistake: summorna på sidan 3 stämmer inte` väljer kanal och kategori\n"
          "• `reply 12 ditt svar` svarar i tråden till #12: som dess författare, eller anonymt där "
          "kanalen låter alla svara anonymt\n"
          "• `delete 12` tar bort ditt inlägg #12\n"
          "• `cancel` slänger en förhandsvisning som du inte har publicerat\n"
          "Kanaler: {channels}. Kategorier: {categories}.\n"
          "Ingen, inte ens moderatorerna, kan se vem som har skrivit ett inlägg."},
    entry{text_id::preview,
          "Så här kommer ditt inlägg att se ut i #{channel} ({category}). Ingen kommer att se "
          "ditt namn."},
    entry{text_id::preview_review,
          "Så här kommer ditt inlägg att se ut i #{channel} ({category}). En moderator läser det "
          "innan det visas. Ingen kommer att se ditt namn."},
    entry{text_id::button_post, "Publicera anonymt"},
    entry{text_id::button_cancel, "Avbryt"},
    entry{text_id::button_approve, "Godkänn"},
    entry{text_id::button_reject, "Avslå"},
    entry{text_id::posted,
          "Tack för att du tar upp det. Ditt inlägg är #{n} i #{channel}. Svar i dess tråd når "
          "dig här."},
    entry{text_id::queued_for_review,
          "Tack för att du tar upp det. Ditt inlägg #{n} ligger hos moderatorerna; jag säger till "
          "när de har tittat på det."},
    entry{text_id::approved_author, "Ditt inlägg #{n} har godkänts och finns nu i #{channel}."},
    entry{text_id::rejected_author, "Ditt inlägg #{n} godkändes inte av moderatorerna."},
    entry{text_id::reason_suffix, " Deras motivering: {reason}"},
    entry{text_id::deleted_author, "Ditt inlägg #{n} togs bort från #{channel} av en moderator."},
    entry{text_id::deleted_by_author, "Ditt inlägg #{n} är borttaget."},
    entry{text_id::cancelled, "Avbrutet. Inget publicerades."},
    entry{text_id::nothing_to_cancel, "Det finns inget som väntar på att avbrytas."},
    entry{text_id::no_draft_waiting,
          "Det finns ingen förhandsvisning som väntar. Skriv ditt meddelande så visar jag en."},
    entry{text_id::draft_expired,
          "Den förhandsvisningen har gått ut, så inget publicerades. Skicka ditt meddelande igen "
          "så gör jag en ny."},
    entry{text_id::draft_not_yours, "Den förhandsvisningen tillhör någon annan."},
    entry{text_id::empty_text,
          "Det finns ingen text att publicera än. Skriv den efter kanalen och kategorin, till "
          "exempel `#{channel} question: …`"},
    entry{text_id::too_long,
          "Ditt meddelande är {count} tecken långt och gränsen är {max}. Kan du korta ner det? "
          "Inget publicerades."},
    entry{text_id::banned_until,
          "Publiceringen är pausad för dig till {until}. Inget publicerades."},
    entry{text_id::banned_forever, "Publiceringen är pausad för dig. Inget publicerades."},
    entry{text_id::rate_limited,
          "Du har publicerat {limit} gånger den senaste timmen, vilket är gränsen här. Försök "
          "igen lite senare; inget publicerades."},
    entry{text_id::blocked_word,
          "Ditt meddelande innehåller ”{word}”, som inte är tillåtet i den här arbetsytan. Inget "
          "publicerades; du får gärna formulera om det och skicka det igen."},
    entry{text_id::unknown_channel, "Jag känner inte till #{key}. Du kan publicera i: {channels}."},
    entry{text_id::no_channel, "Ingen kanal är inställd för anonyma inlägg här än."},
    entry{text_id::unknown_category,
          "#{channel} har de här kategorierna: {categories}. Inget publicerades."},
    entry{text_id::unknown_post, "Det finns inget inlägg #{n}."},
    entry{text_id::not_author, "Bara författaren till #{n} kan göra det."},
    entry{text_id::not_author_no_anonymous_replies,
          "Bara författaren till #{n} kan svara på det anonymt; anonyma svar är inte påslagna i "
          "#{channel}. Du kan svara i tråden under ditt eget namn."},
    entry{text_id::not_moderator, "Bara moderatorer kan {command}."},
    entry{text_id::not_in_channel_yet, "#{n} finns inte i kanalen än."},
    entry{text_id::not_awaiting_review, "#{n} väntar inte på granskning."},
    entry{text_id::already_removed, "#{n} är redan borttaget."},
    entry{text_id::reply_empty, "Vad vill du svara? Skriv `reply {n} ditt svar`."},
    entry{text_id::reply_sent, "Ditt svar finns i tråden till #{n}."},
    entry{text_id::thread_signature, "— författaren till #{n}"},
    entry{text_id::relay_heading, "#{n} — {name} svarade:"},
    entry{text_id::queue_heading, "#{n} till #{channel} ({category}) väntar på granskning."},
    entry{text_id::queue_approved, "#{n} godkändes."},
    entry{text_id::queue_rejected, "#{n} avslogs."},
    entry{text_id::queue_deleted, "#{n} togs bort."},
    entry{text_id::mod_approved, "#{n} är godkänt och på väg till #{channel}."},
    entry{text_id::mod_rejected, "#{n} är avslaget; författaren har fått veta det."},
    entry{text_id::mod_deleted, "#{n} är borttaget; författaren har fått veta det."},
    entry{text_id::mod_banned_for, "Författaren till #{n} kan inte publicera på {duration}."},
    entry{text_id::mod_banned_forever,
          "Författaren till #{n} kan inte publicera förrän spärren hävs."},
    entry{text_id::mod_unbanned, "Författaren till #{n} kan publicera igen."},
    entry{text_id::mod_not_banned, "Författaren till #{n} var inte spärrad."},
    entry{text_id::bad_duration,
          "Jag förstod inte tidslängden ”{duration}”. Skriv till exempel 12h, 7d eller 2w, eller "
          "ingenting för en spärr tills den hävs."},
    entry{text_id::stats_heading, "De senaste {days} dagarna:"},
    entry{text_id::stats_line, "• #{channel} · {category}: {count}"},
    entry{text_id::stats_totals,
          "{posts} inlägg, {approved} godkända, {rejected} avslagna, {deleted} borttagna, "
          "{failed} ej levererade."},
    entry{text_id::stats_reply_time, "Mediantid till första svaret: {minutes} minuter."},
    entry{text_id::stats_no_reply_time, "Inget inlägg har fått något svar än."},
    entry{text_id::delivery_failed_moderators,
          "#{n} kunde inte levereras till #{channel} efter {attempts} försök ({reason})."},
    entry{text_id::delivery_failed_author,
          "Tyvärr kunde ditt inlägg #{n} inte levereras till #{channel}. Ingen har sett det; "
          "moderatorerna har fått veta att något är fel."},
    entry{text_id::storage_trouble,
          "Tyvärr gick något fel hos mig och inget sparades. Försök igen om en liten stund."},
    entry{text_id::not_available_yet, "Det är inte tillgängligt här än."},
    entry{text_id::answer_post_or_cancel,
          "Svara `post` för att publicera det, eller `cancel` för att slänga det."},
    entry{text_id::answer_approve_or_reject,
          "Svara `approve {n}` för att publicera det, eller `reject {n}` med en motivering."},
    entry{text_id::preview_sent_by_dm,
          "Jag har skickat förhandsvisningen till dig som direktmeddelande."},
    entry{text_id::preview_not_delivered,
          "Jag nådde dig inte via direktmeddelande just nu, så här är din förhandsvisning. Svara "
          "`post` i ett direktmeddelande till mig för att publicera det, eller `cancel`."},
    entry{text_id::field_channel, "Kanal"},
    entry{text_id::field_category, "Kategori"},
    entry{text_id::field_message, "Meddelande"},
    entry{text_id::button_close, "Stäng"},
    entry{text_id::someone, "någon"},
    // "Bara moderatorer kan använda `approve`." / "… kan se statistiken."
    entry{text_id::command_on_posts, "använda `{op}`"},
    entry{text_id::command_see_stats, "se statistiken"},
    entry{text_id::digest_heading, "Tack till alla som tog upp något här den här veckan:"},
    entry{text_id::digest_line, "• {category}: {count}, varav {replied} med svar"},
    entry{text_id::digest_closing,
          "Att lyfta ett misstag eller en fråga är vad sunda team gör: de team som lär sig "
          "snabbast är inte de som har minst problem, utan de som pratar om dem. Fortsätt att ta "
          "upp saker."},
    entry{text_id::digest_quiet,
          "Ingenting togs upp här den här veckan, och det är helt okej. När något verkar fel "
          "eller du är osäker hjälper det hela teamet att du säger till, och du kan alltid "
          "skriva till mig anonymt."},
    entry{text_id::anonymous_name, "Anonym {word}"},
    entry{text_id::anonymous_signature, "— {name}"},
    entry{text_id::reply_sent_anonymous,
          "Ditt svar är på väg till tråden till #{n}, undertecknat {name}. Ingen kan se att det "
          "var du."},
    entry{text_id::post_locked,
          "Moderatorerna har låst #{n}, så svar är stängda för tillfället."},
    entry{text_id::post_hidden,
          "#{n} är dolt medan moderatorerna tittar på det, så det tar inte emot svar just nu."},
    entry{text_id::button_reply_anonymously, "Svara anonymt"},
    entry{text_id::button_send, "Skicka"},
    entry{text_id::form_answer_title, "Svara på #{n}"},
    entry{text_id::form_answer_intro,
          "Ditt svar visas i tråden till #{n}, undertecknat ”{signature}”. Ingen, inte ens "
          "moderatorerna, kan se att det var du."},
    entry{text_id::form_answer_field, "Ditt svar"},
    entry{text_id::form_expired,
          "Förlåt, formuläret tog för lång tid att öppna. Klicka på knappen igen; inget har "
          "skickats."},
    entry{text_id::button_flag, "Flagga"},
    entry{text_id::form_flag_title, "Flagga #{n}"},
    entry{text_id::form_flag_intro,
          "Vad är fel med #{n}? Moderatorerna ser ditt namn på flaggan; författaren gör det "
          "inte."},
    entry{text_id::form_flag_field, "Anledning"},
    entry{text_id::form_flag_pick_reason, "Välj en av anledningarna, tack."},
    entry{text_id::flag_reason_spam, "Skräppost"},
    entry{text_id::flag_reason_hurtful, "Sårande"},
    entry{text_id::flag_reason_identifies_someone, "Pekar ut någon"},
    entry{text_id::flag_reason_other, "Något annat"},
    entry{text_id::flag_thanks, "Tack för att du flaggade #{n}. Moderatorerna tittar på det."},
    entry{text_id::flag_repeat,
          "Du har redan flaggat #{n}; tack. Din flagga räknas en gång, och moderatorerna har "
          "den."},
    entry{text_id::flag_already_hidden,
          "#{n} är redan dolt medan moderatorerna tittar på det. Tack."},
    entry{text_id::flag_notice, "#{n} flaggat ({count} av {threshold}): {reason} — av {flagger}"},
    entry{text_id::flag_notice_no_threshold, "#{n} flaggat ({count}): {reason} — av {flagger}"},
    entry{text_id::flag_hid_post,
          "#{n} är nu dolt. `restore {n}` visar det igen, `delete {n}` tar bort det."},
    entry{text_id::hidden_notice, "#{n} är dolt medan moderatorerna tittar på det."},
    entry{text_id::hidden_author,
          "Några kollegor bad moderatorerna att titta på ditt inlägg #{n}, så det är dolt så "
          "länge. Det är ingen dom; jag berättar vad de kommer fram till."},
    entry{text_id::restored_author, "Ditt inlägg #{n} syns igen i #{channel}."},
    entry{text_id::mod_restored, "#{n} syns igen och dess flaggor är borttagna."},
    entry{text_id::mod_not_hidden, "#{n} är inte dolt."},
    entry{text_id::mod_locked,
          "#{n} är låst: inga fler anonyma svar, och svar i tråden vidarebefordras inte."},
    entry{text_id::mod_unlocked, "#{n} är öppet igen."},
    entry{text_id::mod_already_locked, "#{n} är redan låst."},
    entry{text_id::mod_not_locked, "#{n} är inte låst."},
    entry{text_id::thread_locked,
          "Moderatorerna har låst den här tråden, så svar via mig är stängda för tillfället."},
    entry{text_id::thread_unlocked,
          "Moderatorerna har öppnat den här tråden igen; svar via mig är välkomna."},
    entry{text_id::stats_flags,
          "{flags} flaggor, {hidden} dolda av flaggor, {restored} återställda, {locked} låsta."},
    entry{text_id::posted_home,
          "Tack för att du tar upp det. Ditt inlägg är #{n} i #{channel}. Svar i dess tråd visas "
          "på min flik Hem, där bara du kan se dem."},
    entry{text_id::home_intro,
          "Dina anonyma inlägg, vad som hände med dem och svaren de fick. Bara du kan se den här "
          "sidan."},
    entry{text_id::home_empty,
          "Här finns inget ännu. Skriv ett meddelande till mig (eller använd /openfloor) så "
          "publicerar jag det anonymt åt dig; vad som händer med det, och svaren det får, visas "
          "här, bara för dig."},
    entry{text_id::home_post_heading, "#{n} i #{channel} · {category} · {state}"},
    entry{text_id::home_no_replies, "Inga svar ännu."},
    entry{text_id::home_state_queued, "på väg"},
    entry{text_id::home_state_review, "hos moderatorerna"},
    entry{text_id::home_state_posted, "publicerat"},
    entry{text_id::home_state_locked, "publicerat, tråden låst"},
    entry{text_id::home_state_hidden, "dolt för granskning"},
    entry{text_id::home_state_rejected, "inte godkänt"},
    entry{text_id::home_state_deleted, "borttaget"},
    entry{text_id::home_state_failed, "kunde inte publiceras"},
    entry{text_id::button_reply, "Svara"},
};

} // namespace

catalog swedish_catalog() {
    return swedish;
}

} // namespace openfloor::bot
