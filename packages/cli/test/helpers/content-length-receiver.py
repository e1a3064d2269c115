"""A webhook receiver that frames the body by Content-Length only, as Python's http.server, PHP/CGI and several
serverless runtimes do: a chunked body without Content-Length reads as empty here and its signature fails.

Prints `PORT <n>` once listening, then one JSON line per delivery: {"event", "valid", "length"}.
Answers 200 for a valid signature, 401 otherwise. The secret comes from LOGGD_WEBHOOK_SECRET.
"""
import hashlib
import hmac
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = os.environ["LOGGD_WEBHOOK_SECRET"].encode()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("X-Loggd-Signature", ""))
        try:
            event = json.loads(body).get("event")
        except ValueError:
            event = None
        print(json.dumps({"event": event, "valid": valid, "length": len(body)}), flush=True)
        self.send_response(200 if valid else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Handler)
print(f"PORT {server.server_address[1]}", flush=True)
server.serve_forever()
