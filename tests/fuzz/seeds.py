#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/: real payload shapes from
/work/shared/spec/platforms.md (§A1-§A5, §B3-§B5, §C1-§C7), the existing adapter tests and
config/examples/. Each file starts with the target's mode byte (see the comment at the top of
targets/<name>.cpp). Run it again after changing a seed here; the files are committed."""

import json
import pathlib
import shutil
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ROOT = HERE.parent.parent


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# ---- Slack ----------------------------------------------------------------------------------

C1 = ('{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7'
      'tYXAYM8P","type":"url_verification"}')
C2 = ('{"token":"XXYYZZ","team_id":"T0123ABCD","api_app_id":"A0123ABCD","event":{"type":"message",'
      '"channel":"D0123ABCD","user":"U0123ABCD","text":"The Q3 totals are off by 10% &amp; nobody '
      'noticed <!here>","ts":"1700000000.000100","event_ts":"1700000000.000100","channel_type":"im",'
      '"client_msg_id":"5f0c3d2e-1111-4222-8333-944445555666","team":"T0123ABCD"},"type":'
      '"event_callback","event_id":"Ev0123ABCD","event_time":1700000000,"authorizations":[{'
      '"enterprise_id":null,"team_id":"T0123ABCD","user_id":"U0BOT0001","is_bot":true,'
      '"is_enterprise_install":false}],"is_ext_shared_channel":false,"event_context":'
      '"4-eyJldCI6Im1lc3NhZ2UifQ"}')
A1_BODY = ('token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id='
           'G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-'
           'collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700'
           '885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2'
           'c447fce8b6703c')


def dm_event(text, user="U0123ABCD", event_id="Ev1", thread_ts=None, channel="D0123ABCD",
             channel_type="im", **extra):
    event = {"type": "message", "channel": channel, "user": user, "text": text,
             "ts": "1700000400.000500", "event_ts": "1700000400.000500",
             "channel_type": channel_type, "team": "T0123ABCD"}
    if thread_ts:
        event["thread_ts"] = thread_ts
    event.update(extra)
    return compact({"token": "XXYYZZ", "team_id": "T0123ABCD", "api_app_id": "A0123ABCD",
                    "event": event, "type": "event_callback", "event_id": event_id,
                    "event_time": 1700000400})


def slack_command(text, user="U0123ABCD", channel="C0123CHAN"):
    return urllib.parse.urlencode({
        "token": "XXYYZZ", "team_id": "T0123ABCD", "team_domain": "example",
        "channel_id": channel, "channel_name": "eng", "user_id": user, "user_name": "alice",
        "command": "/openfloor", "text": text, "api_app_id": "A0123ABCD",
        "is_enterprise_install": "false", "response_url": "SINKURL/hooks/response",
        "trigger_id": "1.2.x"})


def block_action(action_id, value, user="U0123ABCD", block_id="of_preview_actions"):
    # §C3, with our action ids (interface.md) and a response_url on the rig's sink.
    return {"type": "block_actions",
            "user": {"id": user, "username": "alice", "name": "alice", "team_id": "T0123ABCD"},
            "api_app_id": "A0123ABCD", "token": "XXYYZZ",
            "container": {"type": "message", "message_ts": "1700000100.000200",
                          "channel_id": "D0123ABCD", "is_ephemeral": False},
            "trigger_id": "1234567890123.1234567890.abcdef0123456789abcdef0123456789",
            "team": {"id": "T0123ABCD", "domain": "example"}, "enterprise": None,
            "is_enterprise_install": False, "channel": {"id": "D0123ABCD", "name": "directmessage"},
            "message": {"type": "message", "user": "U0BOT0001", "ts": "1700000100.000200",
                        "bot_id": "B0BOT0001", "text": "Preview", "team": "T0123ABCD", "blocks": []},
            "state": {"values": {}}, "response_url": "SINKURL/hooks/response",
            "actions": [{"action_id": action_id, "block_id": block_id,
                         "text": {"type": "plain_text", "text": "Post anonymously", "emoji": True},
                         "value": value, "style": "primary", "type": "button",
                         "action_ts": "1700000105.123456"}]}


VIEW_SUBMISSION = {
    "type": "view_submission", "team": {"id": "T0123ABCD", "domain": "example"},
    "user": {"id": "U0123ABCD", "username": "alice", "name": "alice", "team_id": "T0123ABCD"},
    "api_app_id": "A0123ABCD", "trigger_id": "1.2.x",
    "view": {"id": "V0123ABCD", "type": "modal", "callback_id": "of_compose",
             "private_metadata": "{\"ch\":\"eng\"}", "hash": "1700000000.AbCd",
             "state": {"values": {
                 "ch_block": {"ch_select": {"type": "static_select", "selected_option": {
                     "text": {"type": "plain_text", "text": "#eng"}, "value": "eng"}}},
                 "body_block": {"body_input": {"type": "plain_text_input",
                                               "value": "The text of the post"}},
                 "cat_block": {"cat_select": {"type": "static_select", "selected_option": {
                     "text": {"type": "plain_text", "text": "Mistake"}, "value": "mistake"}}}}}},
    "response_urls": []}


def interactive_form(payload):
    return urllib.parse.urlencode({"payload": compact(payload)})


def slack():
    write("slack", "V-c1-signed", "V1700000000\nv0=76c303eba32e8ec5639c84f822b2c64cdb1ea7e94fdd6d7b0b9"
          "58d8e40c0959f\n" + C1)
    write("slack", "V-c2-signed", "V1700000000\nv0=002a74b54c01d0f4bf03e94a7a81655ef7337c8fd76bc8128"
          "7d0f549f41a5add\n" + C2)
    write("slack", "V-a1-stale", "V1531420618\nv0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd2751"
          "9666489c69b503\n" + A1_BODY)
    write("slack", "V-bad-signature", "V1700000000\nv0=00\n" + C1)
    write("slack", "E-c1-url-verification", "E" + C1)
    write("slack", "E-c2-message-im", "E" + C2)
    write("slack", "E-dm-channel-category", "E" + dm_event("#eng mistake: The totals are off", event_id="Ev2"))
    write("slack", "E-dm-quick-post", "E" + dm_event("#quick question: Why is the build red?", event_id="Ev3"))
    write("slack", "E-dm-post-confirm", "E" + dm_event("post", event_id="Ev4"))
    write("slack", "E-dm-help", "E" + dm_event("help", event_id="Ev5"))
    write("slack", "E-dm-moderator-approve", "E" + dm_event("approve 1", user="U0MOD0001", channel="D0MOD", event_id="Ev6"))
    write("slack", "E-dm-moderator-ban", "E" + dm_event("ban 1 7d", user="U0MOD0001", channel="D0MOD", event_id="Ev7"))
    write("slack", "E-dm-reply", "E" + dm_event("reply 1 Which report?", event_id="Ev8"))
    write("slack", "E-dm-relay-answer", "E" + dm_event("It is the March one", thread_ts="1700000300.000100", event_id="Ev9"))
    write("slack", "E-thread-reply", "E" + dm_event("Which report?", user="U0456BOB", channel="C0ENG",
          channel_type="channel", thread_ts="1700000300.000100", parent_user_id="U0BOT0001", event_id="Ev10"))
    write("slack", "E-bot-message", "E" + dm_event("echo", subtype="bot_message", bot_id="B0OTHER", event_id="Ev11"))
    write("slack", "E-message-changed", "E" + dm_event("edited", subtype="message_changed", event_id="Ev12"))
    write("slack", "E-app-home-opened", "E" + compact({"type": "event_callback", "team_id": "T0123ABCD",
          "event_id": "Ev13", "event_time": 1700000000, "event": {"type": "app_home_opened",
          "user": "U0123ABCD", "channel": "D0123ABCD", "tab": "home"}}))
    write("slack", "C-a1-empty-text", "C" + A1_BODY)
    write("slack", "C-channel-question", "C" + slack_command("#eng question Why?"))
    write("slack", "C-help", "C" + slack_command("help"))
    write("slack", "C-utf8-text", "C" + slack_command("#ops q Är det rätt? 日本語 🙂"))
    write("slack", "C-moderator-stats", "C" + slack_command("stats 7", user="U0MOD0001"))
    write("slack", "C-ssl-check", "Cssl_check=1&token=XXYYZZ")
    write("slack", "I-c3-confirm", "I" + interactive_form(block_action("openfloor_confirm", "draft:42")))
    write("slack", "I-cancel", "I" + interactive_form(block_action("openfloor_cancel", "0123456789abcdef0123456789abcdef")))
    write("slack", "I-approve", "I" + interactive_form(block_action("openfloor_approve", "1", user="U0MOD0001", block_id="of_queue_actions")))
    write("slack", "I-flag", "I" + interactive_form(block_action("openfloor_flag", "1", user="U0456BOB", block_id="of_post_actions")))
    write("slack", "I-pick-channel", "I" + interactive_form(dict(block_action("openfloor_channel", "", block_id="of_pick:0123456789abcdef0123456789abcdef"),
          actions=[{"action_id": "openfloor_channel", "block_id": "of_pick:0123456789abcdef0123456789abcdef",
                    "type": "static_select", "selected_option": {"text": {"type": "plain_text", "text": "#ops"}, "value": "ops"}}])))
    write("slack", "I-view-submission", "I" + interactive_form(VIEW_SUBMISSION))
    write("slack", "S-hello", "S" + compact({"type": "hello", "num_connections": 1, "debug_info": {
          "host": "applink-1", "build_number": 10, "approximate_connection_time": 18060},
          "connection_info": {"app_id": "A0123ABCD"}}))
    write("slack", "S-disconnect", "S" + compact({"type": "disconnect", "reason": "refresh_requested",
                                                 "debug_info": {"host": "applink-1"}}))
    write("slack", "S-events-api", "S" + compact({"envelope_id": "e1a2b3c4-0000-4000-8000-000000000001",
          "type": "events_api", "accepts_response_payload": False, "retry_attempt": 0,
          "retry_reason": "", "payload": json.loads(dm_event("#eng mistake: socket", event_id="Ev20"))}))
    write("slack", "S-slash-commands", "S" + compact({"envelope_id": "e1a2b3c4-0000-4000-8000-000000000002",
          "type": "slash_commands", "accepts_response_payload": True, "payload": {"token": "XXYYZZ",
          "team_id": "T0123ABCD", "team_domain": "example", "channel_id": "C0123CHAN",
          "channel_name": "eng", "user_id": "U0123ABCD", "user_name": "alice", "command": "/openfloor",
          "text": "#eng question Why?", "api_app_id": "A0123ABCD", "is_enterprise_install": "false",
          "response_url": "SINKURL/hooks/response", "trigger_id": "1.2.x"}}))
    write("slack", "S-interactive-view", "S" + compact({"envelope_id": "e3", "type": "interactive",
          "accepts_response_payload": True, "payload": VIEW_SUBMISSION}))
    write("slack", "S-interactive-action", "S" + compact({"envelope_id": "e4", "type": "interactive",
          "accepts_response_payload": False, "payload": block_action("openfloor_cancel", "draft:42")}))
    write("slack", "A-post-message", "A" + compact({"ok": True, "channel": "C0ENG", "ts": "1700000300.000100",
          "message": {"type": "message", "user": "U0BOT0001", "bot_id": "B0BOT0001", "text": "x",
                      "ts": "1700000300.000100"}}))
    write("slack", "A-ratelimited", "A" + compact({"ok": False, "error": "ratelimited"}))
    write("slack", "A-conversations-open", "A" + compact({"ok": True, "no_op": True, "already_open": True,
                                                         "channel": {"id": "D0123ABCD"}}))
    write("slack", "A-auth-test", "A" + compact({"ok": True, "url": "https://example.slack.com/",
          "team": "Example", "user": "openfloor", "team_id": "T0123ABCD", "user_id": "U0BOT0001",
          "bot_id": "B0BOT0001", "is_enterprise_install": False, "warning": "missing_charset",
          "response_metadata": {"warnings": ["missing_charset"]}}))


# ---- Mattermost -----------------------------------------------------------------------------

BOT = "ouqzb1gs7pbd3bt5w8mpg1xdhe"
ALICE = "4xp9fdt6rjgfxm7c8e5a1bzkqo"
MOD = "m0d3rat0rm0d3rat0rm0d3rat0"
DM_CHANNEL = "9mm1c6eqqbrpjqhx8y6gk1gx5c"
TOWN = "t0wnt0wnt0wnt0wnt0wnt0wnt0"
HELLO = ('{"event":"hello","data":{"connection_id":"w3kqsyrp1pgsfq6wa9aa7hh4ar","server_version":'
         '"9.11.0.9.11.0.abc123.true"},"broadcast":{"omit_users":null,"user_id":"ouqzb1gs7pbd3bt5w8m'
         'pg1xdhe","channel_id":"","team_id":""},"seq":0}')


def mm_post(message, user=ALICE, channel=DM_CHANNEL, post_id="t1y8ds3k9tby3e5hjxqcw4pm7a",
            root_id="", type_="", props=None, create_at=1700000000123):
    return {"id": post_id, "create_at": create_at, "update_at": create_at, "edit_at": 0,
            "delete_at": 0, "is_pinned": False, "user_id": user, "channel_id": channel,
            "root_id": root_id, "original_id": "", "message": message, "type": type_,
            "props": props or {}, "hashtags": "", "pending_post_id": "", "reply_count": 0,
            "metadata": {}}


def posted(post, channel_type="D", sender="@alice", seq=1):
    name = f"{post['user_id']}__{BOT}" if channel_type == "D" else "town-square"
    return compact({"event": "posted", "data": {
        "channel_display_name": sender, "channel_name": name, "channel_type": channel_type,
        "post": compact(post), "sender_name": sender, "set_online": True, "team_id": ""},
        "broadcast": {"omit_users": None, "user_id": "", "channel_id": post["channel_id"],
                      "team_id": "", "connection_id": "", "omit_connection_id": ""}, "seq": seq})


def mm_action(action, ref, user=ALICE, channel=DM_CHANNEL, sig="SIGNATURE"):
    return compact({"user_id": user, "user_name": "alice", "channel_id": channel,
                    "channel_name": f"{ALICE}__{BOT}", "team_id": "", "team_domain": "",
                    "post_id": "h5x1pz9gqtrbzc8k3d7ym4wq6e", "trigger_id": "aGVsbG8=",
                    "type": "button", "data_source": "",
                    "context": {"action": action, "ref": ref, "sig": sig}})


def mm_dialog(callback_id, submission, user="b0bb0bb0bb0bb0bb0bb0bb0bb0", state="STATE", cancelled=False):
    # model.SubmitDialogRequest as app.SubmitInteractiveDialog POSTs it.
    return compact({"type": "dialog_submission", "callback_id": callback_id, "state": state,
                    "user_id": user, "channel_id": TOWN, "team_id": "8s4ah3qz9jrxzc7h4y5kpmgg1e",
                    "submission": submission, "cancelled": cancelled})


def mm_command(text, user=ALICE, token="xk4zn8e3gtd3mrqc6hrmg1p5ya"):
    # §C6: Go sorts the keys.
    return urllib.parse.urlencode(sorted({
        "channel_id": "fd8kzq1mjbn3zgsk4ydw6cam3e", "channel_name": "town-square",
        "command": "/openfloor", "response_url": "SINKURL/hooks/response", "team_domain": "acme",
        "team_id": "8s4ah3qz9jrxzc7h4y5kpmgg1e", "text": text, "token": token,
        "trigger_id": "aGVsbG8=", "user_id": user, "user_name": "alice"}.items()))


def mattermost():
    write("mattermost", "W-c5-hello", "W" + HELLO)
    write("mattermost", "W-c5-posted-dm", "W" + posted(mm_post("The Q3 totals are off by 10% @channel")))
    write("mattermost", "W-dm-channel-category", "W" + posted(mm_post("#town mistake: The totals", post_id="p2p2p2p2p2p2p2p2p2p2p2p2p2")))
    write("mattermost", "W-dm-quick", "W" + posted(mm_post("#mmquick question: Why?", post_id="p3p3p3p3p3p3p3p3p3p3p3p3p3")))
    write("mattermost", "W-dm-post", "W" + posted(mm_post("post", post_id="p4p4p4p4p4p4p4p4p4p4p4p4p4")))
    write("mattermost", "W-dm-moderator", "W" + posted(mm_post("approve 1", user=MOD, post_id="p5p5p5p5p5p5p5p5p5p5p5p5p5")))
    write("mattermost", "W-thread-reply", "W" + posted(mm_post("Which report?", user="b0bb0bb0bb0bb0bb0bb0bb0bb0",
          channel=TOWN, root_id="fuzzpost000000000000000001", post_id="p6p6p6p6p6p6p6p6p6p6p6p6p6"),
          channel_type="O", sender="@bob", seq=2))
    write("mattermost", "W-relay-answer", "W" + posted(mm_post("It is the March one", root_id="fuzzpost000000000000000001",
          post_id="p7p7p7p7p7p7p7p7p7p7p7p7p7")))
    write("mattermost", "W-from-bot", "W" + posted(mm_post("bot words", props={"from_bot": "true"}, post_id="p8p8p8p8p8p8p8p8p8p8p8p8p8")))
    write("mattermost", "W-system-post", "W" + posted(mm_post("alice joined", type_="system_join_channel", post_id="p9p9p9p9p9p9p9p9p9p9p9p9p9")))
    write("mattermost", "W-reply-pong", "W" + compact({"status": "OK", "seq_reply": 2, "data": {"text": "pong", "version": "9.11.0"}}))
    write("mattermost", "W-reply-fail", "W" + compact({"status": "FAIL", "seq_reply": 1, "error": {"id": "api.web_socket_router.not_authenticated.app_error"}}))
    write("mattermost", "W-typing", "W" + compact({"event": "typing", "data": {"parent_id": "", "user_id": ALICE}, "broadcast": {"channel_id": DM_CHANNEL}, "seq": 3}))
    older = mm_post("first", post_id="aaaaaaaaaaaaaaaaaaaaaaaaa1", channel=TOWN, root_id="fuzzpost000000000000000001", user="b0bb0bb0bb0bb0bb0bb0bb0bb0")
    newer = mm_post("second", post_id="aaaaaaaaaaaaaaaaaaaaaaaaa2", create_at=1700000009999)
    write("mattermost", "L-post-list", "L" + compact({"order": [newer["id"], older["id"]], "posts": {
          newer["id"]: newer, older["id"]: older}, "next_post_id": "", "prev_post_id": "", "has_next": False}))
    write("mattermost", "L-null", "L" + compact({"order": None, "posts": None}))
    write("mattermost", "A-c7-confirm", "A" + mm_action("openfloor_confirm", "42"))
    write("mattermost", "A-cancel", "A" + mm_action("openfloor_cancel", "0123456789abcdef0123456789abcdef"))
    write("mattermost", "A-approve", "A" + mm_action("openfloor_approve", "1", user=MOD, channel="m0dsm0dsm0dsm0dsm0dsm0dsm0"))
    write("mattermost", "A-flag", "A" + mm_action("openfloor_flag", "1", user="b0bb0bb0bb0bb0bb0bb0bb0bb0", channel=TOWN))
    write("mattermost", "A-unsigned", "A" + mm_action("openfloor_confirm", "42", sig="00ff"))
    write("mattermost", "D-answer", "D" + mm_dialog("openfloor_reply", {"answer": "Which quarter?"}))
    write("mattermost", "D-flag", "D" + mm_dialog("openfloor_flag", {"reason": "spam"}))
    write("mattermost", "D-unknown-reason", "D" + mm_dialog("openfloor_flag", {"reason": "because"}))
    write("mattermost", "D-cancelled", "D" + mm_dialog("openfloor_reply", {}, cancelled=True))
    write("mattermost", "D-forged", "D" + mm_dialog("openfloor_flag", {"reason": "spam"}, state="{\"r\":\"1\",\"s\":\"00ff\"}"))
    write("mattermost", "C-c6-header", "CToken xk4zn8e3gtd3mrqc6hrmg1p5ya\n" + mm_command("#town I have a question about the on-call rota"))
    write("mattermost", "C-token-field", "C\n" + mm_command("help"))
    write("mattermost", "C-wrong-token", "CToken wrong\n" + mm_command("help"))
    write("mattermost", "C-moderator-stats", "CToken xk4zn8e3gtd3mrqc6hrmg1p5ya\n" + mm_command("stats 7", user=MOD))
    write("mattermost", "G-get-command", "GToken xk4zn8e3gtd3mrqc6hrmg1p5ya\n" + mm_command("#mmquick q Is it fixed?"))
    write("mattermost", "R-user", "R" + compact({"id": BOT, "username": "openfloor", "is_bot": True, "roles": "system_user"}))
    write("mattermost", "R-channel", "R" + compact({"id": "fuzzdirect0000000000000001", "type": "D", "name": f"{ALICE}__{BOT}"}))
    write("mattermost", "R-app-error", "R" + compact({"id": "api.context.session_expired.app_error", "message": "Invalid or expired session",
          "detailed_error": "", "request_id": "x", "status_code": 401}))
    write("mattermost", "R-plain-text", "Rlimit exceeded")
    write("mattermost", "R-post", "R" + compact(mm_post("a post", props={"from_bot": True})))


# ---- config and grammar ---------------------------------------------------------------------

def config():
    for example in sorted((ROOT / "config" / "examples").glob("*.jsonc")):
        write("config", "example-" + example.stem, example.read_bytes())
    write("config", "minimal", '{"identity":{"secret":"${OPENFLOOR_SECRET}"},"slack":{"bot_token":'
          '"${SLACK_BOT_TOKEN}","app_token":"${SLACK_APP_TOKEN}"},"channels":[{"key":"eng",'
          '"platform":"slack","channel_id":"C0123456789"}]}')
    write("config", "problems", '{\n  "identity": {"secret": "short"},\n  "server": {"listen": 8080, '
          '"max_body_bytes": -1},\n  "slack": {"mode": "carrier-pigeon", "bot_token": "${UNSET}"},\n'
          '  "channels": [{"key": "eng"}, {"key": "eng", "platform": "slack", "channel_id": "C1"}],\n'
          '  "typo": true,\n  "limits": {"posts_per_hour": 0, "max_chars": 1e9},\n'
          '  "posting": {"delay_seconds": [10, 1]}\n}\n')
    write("config", "everything", '''{
  /* every section of interface.md */
  "server": {"listen": "127.0.0.1:8080", "public_url": "https://bot.example.com/",
             "tls": {"cert_file": null, "key_file": null}, "max_body_bytes": 1048576,
             "request_timeout_ms": 10000},
  "storage": {"path": "openfloor.db", "retention_days": 90},
  "identity": {"secret": "${OPENFLOOR_SECRET}"},
  "outbound": {"ca_file": null, "timeout_ms": 10000, "max_attempts": 8, "channel_interval_ms": 1000},
  "slack": {"mode": "http", "bot_token": "${SLACK_BOT_TOKEN}", "signing_secret": "${SLACK_SIGNING_SECRET}",
            "api_base_url": "http://127.0.0.1:9/api"},
  "mattermost": {"url": "https://mattermost.example.com/", "bot_token": "${MATTERMOST_BOT_TOKEN}",
                 "command_token": "${MATTERMOST_COMMAND_TOKEN}"},
  "channels": [
    {"key": "eng", "platform": "slack", "channel_id": "C0123456789", "categories": ["mistake", "question"],
     "moderation": "none", "confirm": true, "anonymous_replies": false, "webhook_url": null},
    {"key": "town", "platform": "mattermost", "channel_id": "9mm1c6eqqbrpjqhx8y6gk1gx5c",
     "moderation": "pre", "webhook_url": "https://mattermost.example.com/hooks/abc"}
  ],
  "categories": {
    "mistake":  {"label": "I noticed a mistake", "keywords": ["mistake", "error"]},
    "question": {"label": "I have a question",   "keywords": ["question", "q"]}
  },
  "moderation": {"channel": {"slack": "C0MODS", "mattermost": null}, "moderators": ["U0AAAAAAAAA"],
                 "blocked_words": ["idiot"], "blocked_words_action": "queue", "flag_threshold": 3},
  "privacy": {"notices": "dm"},
  "limits": {"posts_per_hour": 5, "max_chars": 3000},
  "posting": {"delay_seconds": [0, 0]},
  "drafts": {"ttl_minutes": 30},
  "locale": "sv",
  "log": {"level": "debug", "format": "text"}
}
''')


def grammar():
    lines = {
        "post-channel-category": "#eng mistake: The totals are off",
        "post-bare-category": "#ops q Is the rota fair?",
        "post-plain": "  The build is red\nsince Monday  ",
        "post-category-only": "question: why?",
        "reply": "reply 12 The March one\nthanks",
        "delete": "delete 3 off-topic",
        "approve": "approve 5",
        "reject": "reject #5 not appropriate here",
        "ban": "ban 4 7d",
        "ban-permanent": "ban 4 permanent",
        "unban": "UNBAN 4",
        "lock": "lock 3",
        "stats": "stats 7",
        "help": "help",
        "cancel": "cancel",
        "post": "post",
        "unicode": "#eng Är det rätt? 日本語 🙂 \u202etxet\u202c",
    }
    for name, line in lines.items():
        write("grammar", name, line)


if __name__ == "__main__":
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    slack()
    mattermost()
    config()
    grammar()
    for target in sorted(p.name for p in CORPUS.iterdir()):
        print(target, len(list((CORPUS / target).iterdir())), "seeds")
