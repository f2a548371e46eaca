#!/usr/bin/env python3
"""yls_client.py: drive a real yaml-language-server (the server behind the
YAML support of VS Code, Neovim, Emacs, Helix...) over its stdio protocol,
as an editor does, for tests/schema_editor.sh.

  yls_client.py SERVER diagnostics SCHEMA GLOB FILE...
      open each FILE with `yaml.schemas` mapping SCHEMA to GLOB (the
      setting the README gives), print "FILE:LINE:COL: message" for every
      diagnostic, then "FILE: N diagnostics"
  yls_client.py SERVER modeline FILE...
      the same with no schema setting: the file's modeline names it
  yls_client.py SERVER complete SCHEMA FILE LINE COL
      the completion labels offered at LINE:COL (1-based), one a line
  yls_client.py SERVER hover SCHEMA FILE LINE COL
      the hover text at LINE:COL, on one line
"""
import json
import os
import select
import subprocess
import sys
import time


class Server:
    def __init__(self, cmd, settings):
        # unbuffered: select() sees only what the pipe holds, not what a
        # buffer in here has already read
        self.p = subprocess.Popen([cmd, "--stdio"], stdin=subprocess.PIPE, bufsize=0,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 1
        self.pending = []
        self.settings = settings
        self.request("initialize", {
            "processId": None, "rootUri": None,
            "capabilities": {"textDocument": {
                "completion": {"completionItem": {"snippetSupport": False}},
                "hover": {"contentFormat": ["plaintext"]}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": settings}})

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self, deadline):
        out = self.p.stdout
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            ready, _, _ = select.select([out], [], [], max(0.0, deadline - time.time()))
            if not ready:
                raise TimeoutError("yaml-language-server said nothing in time")
            c = out.read(1)
            if not c:
                raise EOFError("yaml-language-server ended")
            head += c
        n = 0
        for line in head.decode().split("\r\n"):
            if line.lower().startswith("content-length:"):
                n = int(line.split(":")[1])
        body = b""
        while len(body) < n:
            chunk = out.read(n - len(body))
            if not chunk:
                raise EOFError("yaml-language-server ended")
            body += chunk
        msg = json.loads(body)
        if "id" in msg and "method" in msg:
            # a request of the server's (configuration, ...): nothing to add
            result = None
            if msg["method"] == "workspace/configuration":
                result = [self.settings_for(i) for i in msg["params"]["items"]]
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
        return msg

    def settings_for(self, item):
        # the server asks for its settings by section ("yaml", ...)
        section = item.get("section", "")
        if section == "yaml":
            return self.settings
        if section.startswith("yaml."):
            return self.settings.get(section[5:])
        return None

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=60):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        deadline = time.time() + timeout
        while True:
            msg = self.read(deadline)
            if msg.get("id") == i and "method" not in msg:
                return msg.get("result")
            self.pending.append(msg)

    def open(self, path):
        uri = "file://" + os.path.abspath(path)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return uri

    def diagnostics(self, uri, timeout=60):
        deadline = time.time() + timeout
        while True:
            for msg in self.pending:
                if (msg.get("method") == "textDocument/publishDiagnostics"
                        and msg["params"]["uri"] == uri):
                    self.pending.remove(msg)
                    return msg["params"]["diagnostics"]
            self.pending.append(self.read(deadline))

    def close(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
        except (TimeoutError, EOFError, BrokenPipeError):
            pass
        self.p.kill()
        self.p.wait()


def schema_settings(schema, glob):
    return {"validate": True, "completion": True, "hover": True,
            "schemaStore": {"enable": False},
            "schemas": {schema: glob} if schema else {}}


def one_line(s):
    return " ".join(s.split())


def main():
    server, what = sys.argv[1], sys.argv[2]
    args = sys.argv[3:]
    if what in ("diagnostics", "modeline"):
        if what == "diagnostics":
            srv = Server(server, schema_settings(args[0], args[1]))
            files = args[2:]
        else:
            srv = Server(server, schema_settings(None, None))
            files = args
        for f in files:
            diags = srv.diagnostics(srv.open(f))
            for d in diags:
                s = d["range"]["start"]
                print("%s:%d:%d: %s" % (f, s["line"] + 1, s["character"] + 1,
                                        one_line(d["message"])))
            print("%s: %d diagnostics" % (f, len(diags)))
        srv.close()
    elif what in ("complete", "hover"):
        schema, f, line, col = args[0], args[1], int(args[2]), int(args[3])
        srv = Server(server, schema_settings(schema, "*.yaml"))
        uri = srv.open(f)
        srv.diagnostics(uri)
        pos = {"textDocument": {"uri": uri}, "position": {"line": line - 1, "character": col - 1}}
        if what == "complete":
            res = srv.request("textDocument/completion", pos) or []
            items = res["items"] if isinstance(res, dict) else res
            for it in sorted(items, key=lambda i: i["label"]):
                print(it["label"])
        else:
            res = srv.request("textDocument/hover", pos)
            contents = res["contents"] if res else ""
            if isinstance(contents, dict):
                contents = contents.get("value", "")
            elif isinstance(contents, list):
                contents = " ".join(c if isinstance(c, str) else c.get("value", "") for c in contents)
            print(one_line(contents))
        srv.close()
    else:
        sys.exit("usage: see the top of yls_client.py")


if __name__ == "__main__":
    main()
