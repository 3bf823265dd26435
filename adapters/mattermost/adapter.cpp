// adapter: start-up order (who am I, then listen, then deliver) and health.
#include "adapters/mattermost/adapter.hpp"

#include "adapters/mattermost/error.hpp"
#include "adapters/mattermost/protocol.hpp"
#include "bot/log.hpp"
#include "bot/texts.hpp"

namespace openfloor::mattermost {
namespace {

render_context make_context(const config::settings& settings, const action_signer& signer) {
    const bot::texts say(settings.locale);
    render_context ctx;
    ctx.signer = &signer;
    if (settings.server.public_url) {
        ctx.action_url = *settings.server.public_url + std::string(route::actions);
        ctx.dialog_url = *settings.server.public_url + std::string(route::dialogs);
    }
    ctx.answer_post_hint = say.say(bot::text_id::answer_post_or_cancel);
    // {n} stays a placeholder: the renderer fills in each queue item's number.
    ctx.answer_review_hint = say.say(bot::text_id::answer_approve_or_reject, {{"n", "{n}"}});
    return ctx;
}

} // namespace

adapter::adapter(asio::any_io_executor ex, const config::settings& settings, bot::core& core,
                 transport::group_commit& commits, const bot::identity& id,
                 transport::http_client& http, transport::router& routes,
                 bot::random_source& random)
    : signer_(id)
    , ctx_(make_context(settings, signer_))
    , api_(ex, http, *settings.mattermost)
    , delivery_(api_, ctx_, self_id_)
    , pump_(ex, core, commits, bot::platform::mattermost,
            [this](bot::delivery_job job) { return delivery_.perform(std::move(job)); })
    , inbound_(core, commits, settings, api_, delivery_, ctx_, [this] { pump_.poke(); })
    , endpoints_(inbound_, signer_, *settings.mattermost)
    , socket_(ex, api_, http, *settings.mattermost, inbound_, random) {
    endpoints_.add_routes(routes);
}

asio::awaitable<boost::system::result<void>> adapter::start() {
    auto me = co_await api_.get(std::string(rest::users_me));
    auto who = me.ok() ? decode_user(me.body) : boost::system::result<user>(error::auth_failed);
    if (!who || who->id.empty()) {
        bot::log::error(
            "mattermost.auth_failed",
            {{"reason", me.reason.empty() ? std::string("bad_answer") : me.reason},
             {"detail", me.answered ? "Mattermost refused mattermost.bot_token (users/me)"
                                    : "Mattermost at mattermost.url did not answer"}});
        co_return boost::system::error_code(error::auth_failed);
    }
    self_id_ = who->id;
    inbound_.set_self(*who);
    bot::log::info("mattermost.ready", {{"buttons", !ctx_.action_url.empty()}});
    socket_.start();
    pump_.start();
    started_ = true;
    co_return boost::system::result<void>{};
}

void adapter::stop() {
    socket_.stop();
    pump_.stop();
}

bool adapter::healthy() const {
    return started_ && socket_.connected();
}

std::string_view adapter::state() const {
    if (!started_) {
        return "starting";
    }
    return socket_.connected() ? "connected" : "connecting";
}

} // namespace openfloor::mattermost
