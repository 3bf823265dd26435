// The Spanish catalog: informal "tú", as people write at work. Commands stay in English and in
// backticks (`reply`, `delete`, `cancel`, `post`, `approve N`), since the grammar reads only
// those. "Quien escribió #N" names the author without giving them a gender.
#include "bot/texts_catalog.hpp"

#include <array>

namespace openfloor::bot {
namespace {

using entry = catalog_entry;

constexpr std::array spanish{
    entry{text_id::help,
          "Escríbeme y lo publicaré por ti, de forma anónima.\n"
          "• `#eng mistake: los totales de la página 3 no cuadran` elige un canal y una "
          "categoría\n"
          "• `reply 12 tu respuesta` responde en el hilo de #12: como su autor, o de forma anónima "
          "donde el canal deja responder anónimamente a todos\n"
          "• `delete 12` elimina tu publicación #12\n"
          "• `cancel` descarta una vista previa que aún no has publicado\n"
          "Canales: {channels}. Categorías: {categories}.\n"
          "Nadie, ni siquiera los moderadores, puede ver quién escribió una publicación."},
    entry{text_id::preview,
          "Así se verá tu publicación en #{channel} ({category}). Nadie verá tu nombre."},
    entry{text_id::preview_review,
          "Así se verá tu publicación en #{channel} ({category}). Un moderador la leerá antes de "
          "que aparezca. Nadie verá tu nombre."},
    entry{text_id::button_post, "Publicar anónimamente"},
    entry{text_id::button_cancel, "Cancelar"},
    entry{text_id::button_approve, "Aprobar"},
    entry{text_id::button_reject, "Rechazar"},
    entry{text_id::posted,
          "Gracias por animarte a decirlo. Tu publicación es la #{n} en #{channel}. Las "
          "respuestas en su hilo te llegarán aquí."},
    entry{text_id::queued_for_review,
          "Gracias por animarte a decirlo. Tu publicación #{n} está con los moderadores; te "
          "avisaré cuando la hayan revisado."},
    entry{text_id::approved_author, "Tu publicación #{n} fue aprobada y ya está en #{channel}."},
    entry{text_id::rejected_author, "Los moderadores no aprobaron tu publicación #{n}."},
    entry{text_id::reason_suffix, " Su motivo: {reason}"},
    entry{text_id::deleted_author, "Un moderador retiró tu publicación #{n} de #{channel}."},
    entry{text_id::deleted_by_author, "Tu publicación #{n} se ha eliminado."},
    entry{text_id::cancelled, "Cancelado. No se publicó nada."},
    entry{text_id::nothing_to_cancel, "No hay nada pendiente que cancelar."},
    entry{text_id::no_draft_waiting,
          "No hay ninguna vista previa pendiente. Escribe tu mensaje y te mostraré una."},
    entry{text_id::draft_expired,
          "Esa vista previa caducó, así que no se publicó nada. Vuelve a enviar tu mensaje y te "
          "prepararé una nueva."},
    entry{text_id::draft_not_yours, "Esa vista previa es de otra persona."},
    entry{text_id::empty_text,
          "Todavía no hay texto que publicar. Escríbelo después del canal y la categoría, por "
          "ejemplo `#{channel} question: …`"},
    entry{text_id::too_long,
          "Tu mensaje tiene {count} caracteres y el límite es {max}. ¿Podrías acortarlo? No se "
          "publicó nada."},
    entry{text_id::banned_until,
          "Tu acceso para publicar está en pausa hasta el {until}. No se publicó nada."},
    entry{text_id::banned_forever, "Tu acceso para publicar está en pausa. No se publicó nada."},
    entry{text_id::rate_limited,
          "Has publicado {limit} veces en la última hora, que es el límite aquí. Vuelve a "
          "intentarlo un poco más tarde; no se publicó nada."},
    entry{text_id::blocked_word,
          "Tu mensaje contiene «{word}», que este espacio de trabajo no permite. No se publicó "
          "nada; puedes expresarlo de otra forma y volver a enviarlo."},
    entry{text_id::unknown_channel, "No conozco #{key}. Puedes publicar en: {channels}."},
    entry{text_id::no_channel,
          "Todavía no hay ningún canal preparado aquí para publicaciones anónimas."},
    entry{text_id::unknown_category,
          "#{channel} admite estas categorías: {categories}. No se publicó nada."},
    entry{text_id::unknown_post, "No existe la publicación #{n}."},
    entry{text_id::not_author, "Solo quien escribió #{n} puede hacer eso."},
    entry{text_id::not_author_no_anonymous_replies,
          "Solo quien escribió #{n} puede responderla de forma anónima; las respuestas anónimas "
          "no están activadas en #{channel}. Puedes responder en su hilo con tu propio nombre."},
    entry{text_id::not_moderator, "Solo los moderadores pueden {command}."},
    entry{text_id::not_in_channel_yet, "#{n} todavía no está en el canal."},
    entry{text_id::not_awaiting_review, "#{n} no está pendiente de revisión."},
    entry{text_id::already_removed, "#{n} ya se ha retirado."},
    entry{text_id::reply_empty, "¿Qué te gustaría responder? Escribe `reply {n} tu respuesta`."},
    entry{text_id::reply_sent, "Tu respuesta está en el hilo de #{n}."},
    entry{text_id::thread_signature, "— quien escribió #{n}"},
    entry{text_id::relay_heading, "#{n} — {name} respondió:"},
    entry{text_id::queue_heading, "#{n} para #{channel} ({category}) está pendiente de revisión."},
    entry{text_id::queue_approved, "#{n} fue aprobada."},
    entry{text_id::queue_rejected, "#{n} fue rechazada."},
    entry{text_id::queue_deleted, "#{n} fue retirada."},
    entry{text_id::mod_approved, "#{n} está aprobada y va de camino a #{channel}."},
    entry{text_id::mod_rejected, "#{n} está rechazada; ya se ha avisado a quien la escribió."},
    entry{text_id::mod_deleted, "#{n} está retirada; ya se ha avisado a quien la escribió."},
    entry{text_id::mod_banned_for, "Quien escribió #{n} no puede publicar durante {duration}."},
    entry{text_id::mod_banned_forever,
          "Quien escribió #{n} no puede publicar hasta que se levante el bloqueo."},
    entry{text_id::mod_unbanned, "Quien escribió #{n} puede volver a publicar."},
    entry{text_id::mod_not_banned, "Quien escribió #{n} no tenía ningún bloqueo."},
    entry{text_id::bad_duration,
          "No entendí la duración «{duration}». Usa, por ejemplo, 12h, 7d o 2w, o nada para un "
          "bloqueo hasta que se levante."},
    entry{text_id::stats_heading, "Los últimos {days} días:"},
    entry{text_id::stats_line, "• #{channel} · {category}: {count}"},
    entry{text_id::stats_totals,
          "{posts} publicaciones, {approved} aprobadas, {rejected} rechazadas, {deleted} "
          "retiradas, {failed} sin entregar."},
    entry{text_id::stats_reply_time,
          "Mediana del tiempo hasta la primera respuesta: {minutes} minutos."},
    entry{text_id::stats_no_reply_time, "Ninguna publicación ha recibido respuesta todavía."},
    entry{text_id::delivery_failed_moderators,
          "No se pudo entregar #{n} en #{channel} tras {attempts} intentos ({reason})."},
    entry{text_id::delivery_failed_author,
          "Lo siento, no se pudo entregar tu publicación #{n} en #{channel}. Nadie la ha visto; "
          "los moderadores ya saben que algo va mal."},
    entry{text_id::storage_trouble,
          "Lo siento, algo falló por mi parte y no se guardó nada. Vuelve a intentarlo en un "
          "momento."},
    entry{text_id::not_available_yet, "Eso todavía no está disponible aquí."},
    entry{text_id::answer_post_or_cancel,
          "Responde `post` para publicarla o `cancel` para descartarla."},
    entry{text_id::answer_approve_or_reject,
          "Responde `approve {n}` para publicarla o `reject {n}` con un motivo."},
    entry{text_id::preview_sent_by_dm, "Te he enviado la vista previa por mensaje directo."},
    entry{text_id::preview_not_delivered,
          "Ahora mismo no he podido escribirte por mensaje directo, así que aquí tienes tu vista "
          "previa. Responde `post` en un mensaje directo conmigo para publicarla, o `cancel`."},
    entry{text_id::field_channel, "Canal"},
    entry{text_id::field_category, "Categoría"},
    entry{text_id::field_message, "Mensaje"},
    entry{text_id::button_close, "Cerrar"},
    entry{text_id::someone, "alguien"},
    // "Solo los moderadores pueden usar `approve`." / "… pueden ver las estadísticas."
    entry{text_id::command_on_posts, "usar `{op}`"},
    entry{text_id::command_see_stats, "ver las estadísticas"},
    entry{text_id::digest_heading,
          "Gracias a todas las personas que alzaron la voz aquí esta semana:"},
    entry{text_id::digest_line, "• {category}: {count} (con respuesta: {replied})"},
    entry{text_id::digest_closing,
          "Sacar a la luz un error o una pregunta es lo que hacen los equipos sanos: los que más "
          "rápido aprenden no son los que tienen menos problemas, sino los que hablan de ellos. "
          "Gracias por decirlo en voz alta."},
    entry{text_id::digest_quiet,
          "Esta semana no se planteó nada aquí, y no pasa nada. Cuando algo no cuadre o tengas "
          "una duda, decirlo ayuda a todo el equipo, y siempre puedes escribirme de forma "
          "anónima."},
    entry{text_id::anonymous_name, "Anónimo {word}"},
    entry{text_id::anonymous_signature, "— {name}"},
    entry{text_id::reply_sent_anonymous,
          "Tu respuesta va de camino al hilo de #{n}, firmada como {name}. Nadie puede ver que "
          "fuiste tú."},
    entry{text_id::post_locked,
          "Los moderadores han bloqueado #{n}, así que las respuestas están cerradas por ahora."},
    entry{text_id::post_hidden,
          "#{n} está oculta mientras los moderadores la revisan, así que por ahora no admite "
          "respuestas."},
    entry{text_id::button_reply_anonymously, "Responder anónimamente"},
    entry{text_id::button_send, "Enviar"},
    entry{text_id::form_answer_title, "Responder a #{n}"},
    entry{text_id::form_answer_intro,
          "Tu respuesta aparecerá en el hilo de #{n}, firmada como «{signature}». Nadie, ni "
          "siquiera los moderadores, puede ver que fuiste tú."},
    entry{text_id::form_answer_field, "Tu respuesta"},
    entry{text_id::form_expired,
          "Lo siento, el formulario tardó demasiado en abrirse. Vuelve a pulsar el botón; no se ha "
          "enviado nada."},
    entry{text_id::button_flag, "Reportar"},
    entry{text_id::form_flag_title, "Reportar #{n}"},
    entry{text_id::form_flag_intro,
          "¿Qué problema tiene #{n}? Los moderadores verán tu nombre junto al reporte; quien la "
          "escribió, no."},
    entry{text_id::form_flag_field, "Motivo"},
    entry{text_id::form_flag_pick_reason, "Elige uno de los motivos, por favor."},
    entry{text_id::flag_reason_spam, "Spam"},
    entry{text_id::flag_reason_hurtful, "Hiriente"},
    entry{text_id::flag_reason_identifies_someone, "Identifica a alguien"},
    entry{text_id::flag_reason_other, "Otra cosa"},
    entry{text_id::flag_thanks, "Gracias por reportar #{n}. Los moderadores lo revisarán."},
    entry{text_id::flag_repeat,
          "Ya reportaste #{n}; gracias. Tu reporte cuenta una vez, y los moderadores ya lo "
          "tienen."},
    entry{text_id::flag_already_hidden,
          "#{n} ya está oculta mientras los moderadores la revisan. Gracias."},
    entry{text_id::flag_notice,
          "#{n} reportada ({count} de {threshold}): {reason} — por {flagger}"},
    entry{text_id::flag_notice_no_threshold, "#{n} reportada ({count}): {reason} — por {flagger}"},
    entry{text_id::flag_hid_post,
          "#{n} está oculta ahora. `restore {n}` la vuelve a mostrar, `delete {n}` la retira."},
    entry{text_id::hidden_notice, "#{n} está oculta mientras los moderadores la revisan."},
    entry{text_id::hidden_author,
          "Algunas personas del equipo pidieron a los moderadores que revisaran tu publicación "
          "#{n}, así que está oculta por ahora. No es un veredicto; te avisaré de lo que decidan."},
    entry{text_id::restored_author, "Tu publicación #{n} vuelve a estar visible en #{channel}."},
    entry{text_id::mod_restored, "#{n} vuelve a estar visible y sus reportes se han borrado."},
    entry{text_id::mod_not_hidden, "#{n} no está oculta."},
    entry{text_id::mod_locked,
          "#{n} está bloqueada: no admite más respuestas anónimas y las respuestas de su hilo no "
          "se reenvían."},
    entry{text_id::mod_unlocked, "#{n} vuelve a estar abierta."},
    entry{text_id::mod_already_locked, "#{n} ya está bloqueada."},
    entry{text_id::mod_not_locked, "#{n} no está bloqueada."},
    entry{text_id::thread_locked,
          "Los moderadores han bloqueado este hilo, así que las respuestas a través de mí están "
          "cerradas por ahora."},
    entry{text_id::thread_unlocked,
          "Los moderadores han vuelto a abrir este hilo; las respuestas a través de mí son "
          "bienvenidas."},
    entry{text_id::stats_flags,
          "{flags} reportes, {hidden} ocultas por reportes, {restored} restauradas, {locked} "
          "bloqueadas."},
    entry{text_id::posted_home,
          "Gracias por animarte a decirlo. Tu publicación es la #{n} en #{channel}. Las "
          "respuestas en su hilo aparecerán en mi pestaña Inicio, donde solo tú puedes verlas."},
    entry{text_id::home_intro,
          "Tus publicaciones anónimas, lo que pasó con ellas y las respuestas que recibieron. Solo "
          "tú puedes ver esta página."},
    entry{text_id::home_empty,
          "Todavía no hay nada aquí. Escríbeme un mensaje (o usa /openfloor) y lo publicaré por ti "
          "de forma anónima; lo que pase con él, y las respuestas que reciba, aparecerán aquí, "
          "solo para ti."},
    entry{text_id::home_post_heading, "#{n} en #{channel} · {category} · {state}"},
    entry{text_id::home_no_replies, "Todavía no hay respuestas."},
    entry{text_id::home_state_queued, "en camino"},
    entry{text_id::home_state_review, "con los moderadores"},
    entry{text_id::home_state_posted, "publicada"},
    entry{text_id::home_state_locked, "publicada, hilo bloqueado"},
    entry{text_id::home_state_hidden, "oculta para revisión"},
    entry{text_id::home_state_rejected, "no aprobada"},
    entry{text_id::home_state_deleted, "retirada"},
    entry{text_id::home_state_failed, "no se pudo publicar"},
    entry{text_id::button_reply, "Responder"},
};

} // namespace

catalog spanish_catalog() {
    return spanish;
}

} // namespace openfloor::bot
