#!/usr/bin/env python3
"""A webhook receiver for scripts/two-nodes.sh: answers 204 to every POST and appends one line per delivery,
"<webhook-id> <position>", to the file given, so the script can count deliveries per webhook id.
Usage: receiver.py PORT FILE"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, path = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
out = open(path, "a", buffering=1)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            position = json.loads(body).get("position")
        except ValueError:
            position = None
        with lock:
            out.write(f"{self.headers.get('webhook-id')} {position}\n")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
