#!/usr/bin/env python3
# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Screenshots of pages of a running Odoo, as a given user, in headless Chromium.

For looking at what a role sees while developing (the tests have their own
crawler)::

    setup/shot.py --url http://localhost:8069 --login lea --password lea \\
        --out /tmp/shots /my /my/activity /odoo/action-cae_base.cae_entrepreneur_action

Each path gives ``<out>/<login>-<n>.png``; console errors and failed requests
are printed. Needs Debian's ``chromium`` and PyPI's ``websocket-client``.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from base64 import b64decode
from pathlib import Path

import websocket


class Browser:
    def __init__(self, width, height):
        chrome = shutil.which("chromium") or shutil.which("google-chrome")
        if not chrome:
            sys.exit("Chromium is needed: apt-get install chromium")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.profile = tempfile.mkdtemp(prefix="cae-shot-")
        self.proc = subprocess.Popen(
            [
                chrome,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={self.port}",
                "--remote-allow-origins=*",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _i in range(50):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/json"
                ) as resp:
                    targets = json.load(resp)
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:  # noqa: BLE001 - Chromium still starting
                time.sleep(0.2)
        else:
            sys.exit("Chromium did not start")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"])
        self.msg_id = 0
        self.events = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def call(self, method, **params):
        self.msg_id += 1
        self.ws.send(
            json.dumps({"id": self.msg_id, "method": method, "params": params})
        )
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.msg_id:
                return msg.get("result", {})
            self.events.append(msg)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True)
        return result.get("result", {}).get("value")

    def goto(self, url, settle=2.5):
        self.call("Page.navigate", url=url)
        deadline = time.time() + 30
        while time.time() < deadline:
            time.sleep(0.3)
            if self.evaluate("document.readyState") == "complete":
                break
        time.sleep(settle)

    def screenshot(self, path):
        data = self.call(
            "Page.captureScreenshot", format="png", captureBeyondViewport=False
        )
        Path(path).write_bytes(b64decode(data["data"]))

    def problems(self):
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(
                    "console: "
                    + " ".join(
                        str(a.get("value", a.get("description", "")))
                        for a in params["args"]
                    )
                )
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + params["exceptionDetails"].get("text", ""))
            elif (
                method == "Network.responseReceived"
                and params["response"]["status"] >= 400
            ):
                found.append(
                    f"HTTP {params['response']['status']}: {params['response']['url']}"
                )
        self.events = []
        return found

    def close(self):
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--url", default=os.environ.get("CAE_URL", "http://localhost:8069")
    )
    parser.add_argument("--db")
    parser.add_argument("--login", required=True)
    parser.add_argument("--password")
    parser.add_argument("--out", default="/tmp/cae-shots")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument(
        "--settle", type=float, default=2.5, help="seconds to wait on each page"
    )
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser(args.width, args.height)
    try:
        login_url = f"{args.url}/web/login" + (f"?db={args.db}" if args.db else "")
        browser.goto(login_url, settle=0.5)
        password = args.password or args.login
        login, password = json.dumps(args.login), json.dumps(password)
        browser.evaluate(
            f"""document.querySelector('input[name=login]').value = {login};
            document.querySelector('input[name=password]').value = {password};
            document.querySelector('form.oe_login_form').submit();"""
        )
        time.sleep(3)
        browser.problems()
        for index, path in enumerate(args.paths, 1):
            target = out / f"{args.login}-{index}.png"
            browser.goto(args.url + path, settle=args.settle)
            browser.screenshot(target)
            print(f"{target}: {path}")
            for problem in browser.problems():
                print(f"    {problem}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
