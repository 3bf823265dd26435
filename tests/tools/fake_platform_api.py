#!/usr/bin/env python3
"""Stand-in for Slack's Web API and Mattermost's REST API on 127.0.0.1, giving the answers an
admin's setup mistakes produce, so cli_check.sh and deploy_check.sh can run the real binary
against them. The first path segment picks the behaviour (api_base_url / url point into it):

  /slack-ok/api/auth.test         the token is good (HTTP mode then starts and serves /healthz)
  /slack-ok/api/<other method>    missing_scope, as Slack answers a token without chat:write
  /slack-revoked/api/<method>     invalid_auth, as Slack answers a wrong or revoked bot token
  /slack-botapp/api/<other>       not_allowed_token_type: a bot token where the app token goes
  /mm-revoked/api/v4/<path>       401, as Mattermost answers a wrong or revoked bot token

Usage: fake_platform_api.py PORT_FILE SECONDS. Listens on 127.0.0.1 port 0, writes the port to
PORT_FILE, and exits after SECONDS at the latest (a test that dies cannot leave it behind).
"""
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a health probe hangs up after the status line

    def route(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        parts = self.path.split("?")[0].strip("/").split("/")
        kind, method = parts[0], parts[-1]
        if kind in ("slack-ok", "slack-botapp") and method == "auth.test":
            return self.answer(200, {"ok": True, "url": "https://example.slack.com/",
                                     "team": "Example", "user": "openfloor", "team_id": "T0TEAM",
                                     "user_id": "U0BOT", "bot_id": "B0BOT"})
        if kind == "slack-ok":
            return self.answer(200, {"ok": False, "error": "missing_scope",
                                     "needed": "chat:write", "provided": "commands"})
        if kind == "slack-botapp":
            return self.answer(200, {"ok": False, "error": "not_allowed_token_type"})
        if kind == "slack-revoked":
            return self.answer(200, {"ok": False, "error": "invalid_auth"})
        if kind == "mm-revoked":
            return self.answer(401, {"id": "api.context.session_expired.app_error",
                                     "message": "Invalid or expired session, please login again.",
                                     "status_code": 401})
        return self.answer(404, {"error": "no such fake"})

    do_GET = route
    do_POST = route

    def log_message(self, format, *args):  # the test's output stays the bot's
        pass


def main():
    port_file, seconds = sys.argv[1], float(sys.argv[2])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)  # the reader never sees half a number
    threading.Timer(seconds, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
