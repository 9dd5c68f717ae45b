"""A loopback reverse proxy that injects failures in front of moto.

    with MotoServer() as moto, FaultProxy(moto.url) as proxy:
        proxy.set_plan([{"match": "GetCallerIdentity", "status": 503, "count": 2}])
        run foyer with AWS_ENDPOINT_URL=proxy.url
        proxy.log()  # every request seen: action, time, fault applied

The plan is a queue of rules. The rule at its head applies to the next
`count` requests that `match` it (a substring of the action name; no match:
any request); requests it does not match pass through untouched. When its
count is used up, the next rule takes over; with no rule left, everything
passes through. A rule does one of:

    {"status": 503}                 an AWS-shaped error (code from the status)
    {"code": "Throttling"}          an AWS-shaped error with that code (HTTP 400
                                    unless "status" says otherwise)
    {"reset": true}                 close the connection with a TCP reset
    {"delay": 5.0}                  wait that many seconds, then pass through
    {"pass": true}                  pass through (to skip requests in the plan)
plus, for errors: "message", "body" (raw body instead of the AWS shape),
"date_offset" (seconds added to the Date header, to fake a skewed server).

Errors take the shape of the request's protocol: XML <ErrorResponse> for
query services (STS, IAM), JSON {"__type": ...} for JSON services (requests
with X-Amz-Target). The same plan and log are reachable over HTTP, for
processes other than the test: POST /__fault__/plan (a JSON list),
GET /__fault__/log, DELETE /__fault__/log.
"""
import email.utils
import http.client
import http.server
import json
import socket
import ssl
import struct
import threading
import time
import urllib.parse

CONTROL_PREFIX = "/__fault__/"

# Headers that belong to one connection, not to the message (RFC 7230 6.1).
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "transfer-encoding", "upgrade", "content-length"}

DEFAULT_CODES = {
    # status: (query protocol code, JSON protocol code)
    400: ("InvalidParameterValue", "ValidationException"),
    403: ("AccessDenied", "AccessDeniedException"),
    404: ("NotFound", "ResourceNotFoundException"),
    429: ("Throttling", "ThrottlingException"),
    500: ("InternalError", "InternalFailure"),
    502: ("BadGateway", "BadGateway"),
    503: ("ServiceUnavailable", "ServiceUnavailableException"),
    504: ("GatewayTimeout", "GatewayTimeout"),
}


def action_of(method, path, headers, body):
    """The operation a request calls: Action= for query services, the
    X-Amz-Target operation for JSON services, else "METHOD /path"."""
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1]
    query = urllib.parse.urlsplit(path).query
    for text in (body.decode("utf-8", "replace"), query):
        values = urllib.parse.parse_qs(text).get("Action")
        if values:
            return values[0]
    return f"{method} {urllib.parse.urlsplit(path).path}"


class FaultProxy:
    def __init__(self, target_url, plan=None, tls=None):
        """`target_url`: where requests go ("http://127.0.0.1:PORT").
        `tls`: (certfile, keyfile) to serve https instead of http."""
        self.target = urllib.parse.urlsplit(target_url)
        self._lock = threading.Lock()
        self._plan = [dict(rule) for rule in plan or []]
        self._log = []
        self._faults = 0
        self._tls = tls
        self._server = None
        self._thread = None
        self.url = None

    def __enter__(self):
        proxy = self

        class Handler(ProxyHandler):
            owner = proxy

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None
        scheme = "http"
        if self._tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*self._tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True,
                                                      do_handshake_on_connect=False)
            scheme = "https"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def set_plan(self, plan):
        with self._lock:
            self._plan = [dict(rule) for rule in plan]

    def log(self):
        """Every request seen, in order: dicts with action, method, path,
        time (time.monotonic()), fault (what was done), amz_date (the
        request's X-Amz-Date header), signature (the Signature= value of
        its Authorization header), status (sent back; None on reset) and
        request_id (of an injected error)."""
        with self._lock:
            return [dict(entry) for entry in self._log]

    def clear_log(self):
        with self._lock:
            self._log.clear()

    def actions(self, name):
        """The log entries of one action."""
        return [entry for entry in self.log() if entry["action"] == name]

    def _next_rule(self, action):
        """Takes one use of the head rule if it applies to `action`."""
        with self._lock:
            while self._plan and self._plan[0].get("count", 1) <= 0:
                self._plan.pop(0)
            if not self._plan:
                return None
            rule = self._plan[0]
            if rule.get("match") and rule["match"] not in action:
                return None
            rule["count"] = rule.get("count", 1) - 1
            self._faults += 1
            return dict(rule, fault_number=self._faults)

    def _record(self, entry):
        with self._lock:
            self._log.append(entry)


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    owner = None  # the FaultProxy, set by a subclass

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._handle()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_GET

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith(CONTROL_PREFIX):
            self._control(body)
            return
        action = action_of(self.command, self.path, self.headers, body)
        authorization = self.headers.get("Authorization") or ""
        entry = {"action": action, "method": self.command, "path": self.path,
                 "time": time.monotonic(), "amz_date": self.headers.get("X-Amz-Date"),
                 "signature": authorization.rpartition("Signature=")[2] or None,
                 "fault": "pass", "status": None, "request_id": None}
        rule = self.owner._next_rule(action) or {"pass": True}
        error = None
        if "delay" in rule:
            entry["fault"] = f"delay {rule['delay']}"
        elif rule.get("reset"):
            entry["fault"] = "reset"
        elif not rule.get("pass"):
            error = self._error_for(rule)
            entry.update(status=error["status"], fault=error["code"], request_id=error["request_id"])
        # Logged before anything goes back, so that a test reading the log
        # as soon as its client is done (or gave up) sees the whole story.
        self.owner._record(entry)
        if rule.get("reset"):
            self._reset()
        elif error:
            self._send_error(error, rule.get("date_offset", 0))
        else:
            time.sleep(rule.get("delay", 0))
            self._forward(body, entry)

    def _control(self, body):
        what = self.path[len(CONTROL_PREFIX):]
        if what == "plan" and self.command == "POST":
            self.owner.set_plan(json.loads(body or b"[]"))
            self._reply(204, b"", "application/json")
        elif what == "log" and self.command == "GET":
            self._reply(200, json.dumps(self.owner.log()).encode(), "application/json")
        elif what == "log" and self.command == "DELETE":
            self.owner.clear_log()
            self._reply(204, b"", "application/json")
        else:
            self._reply(404, b'{"message": "unknown control endpoint"}', "application/json")

    def _forward(self, body, entry):
        target = self.owner.target
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
        try:
            connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP:
                    connection.putheader(name, value)
            connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            payload = response.read()
            headers = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
        finally:
            connection.close()
        entry["status"] = response.status
        self.send_response_only(response.status)  # moto's own Date and Server go back
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _error_for(self, rule):
        """The AWS-shaped error a rule asks for, in the request's protocol."""
        json_protocol = bool(self.headers.get("X-Amz-Target"))
        status = rule.get("status", 400)
        code = rule.get("code") or DEFAULT_CODES.get(status, ("HTTP%d" % status,) * 2)[json_protocol]
        message = rule.get("message", f"Injected {code} ({status}) by the fault proxy")
        request_id = f"fault-{rule['fault_number']}"
        if "body" in rule:
            body, content_type = rule["body"].encode(), "text/html"
        elif json_protocol:
            body = json.dumps({"__type": code, "message": message}).encode()
            content_type = "application/x-amz-json-1.1"
        else:
            kind = "Receiver" if status >= 500 else "Sender"
            body = ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    f"<Error><Type>{kind}</Type><Code>{code}</Code><Message>{message}</Message></Error>"
                    f"<RequestId>{request_id}</RequestId></ErrorResponse>").encode()
            content_type = "text/xml"
        return {"status": status, "code": code, "request_id": request_id, "body": body,
                "content_type": content_type}

    def _send_error(self, error, date_offset):
        self.send_response_only(error["status"])
        self.send_header("Date", email.utils.formatdate(time.time() + date_offset, usegmt=True))
        self.send_header("x-amzn-RequestId", error["request_id"])
        self.send_header("Content-Type", error["content_type"])
        self.send_header("Content-Length", str(len(error["body"])))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(error["body"])

    def _reply(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _reset(self):
        """Closes the connection with RST instead of FIN: SO_LINGER with a
        zero timeout discards unsent data and aborts."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.rfile.close()  # the socket closes only when its last file object does
        self.connection.close()

    def finish(self):
        try:
            super().finish()
        except (OSError, ValueError):
            pass  # the connection was reset on purpose, or the client left
