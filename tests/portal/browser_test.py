#!/usr/bin/python3
"""The portal in a real browser.

Builds the sample county with the real binary, then:
  * walks every internal link (href/src) of every page of output/portal/ and
    checks that the target file (and #fragment) exists;
  * copies output/portal/ alone into an empty folder (as it is deployed: the
    web root holds the portal and nothing else of output/), serves it, and
    fetches every internal link of every page over HTTP, /favicon.ico too:
    no 404;
  * checks that every QR code URL (county.toml guide_url_template under
    portal_base_url) of every published item names an existing item page;
  * serves output/portal/ on 127.0.0.1 and drives Debian's chromium headless
    through the DevTools protocol (python3-websocket): the index lists the
    departments, every page has a meta description and its icon, the index
    loads no search index until the search box is used and then
    data/search.js once (never data/search.json, never inline), typing a
    material name into the search box finds its item, a word of the
    设定依据 ("社会救助") finds exactly the items whose 设定依据 or 受理条件
    hold it, the result link opens the item page, whose materials, steps and time
    limits equal those of data/implementation.json (written from the model)
    and appear in the department's PDF guide; no request leaves 127.0.0.1;
    at 390 px the index, a department page and item pages do not scroll
    sideways; a screenshot of the item page is saved to look at.

Usage: browser_test.py QINGDAN_BINARY SOURCE_DIR
Set PORTAL_SCREENSHOT=path to choose where the 390 px screenshot goes
(default: <tmp>/qingdan_portal_item_390.png). Exit 0 on success; on failure
a line "FAIL: reason" per problem and exit 1.
"""

import base64
import functools
import html.parser
import http.server
import json
import os
import posixpath
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request

try:
    import websocket  # Debian: python3-websocket
except ImportError:
    print("FAIL: python3-websocket is not installed (apt-get install python3-websocket)")
    sys.exit(1)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FAILURES = []
WIDTH = 390


def with_lines(expr):
    """JavaScript: `expr` evaluated with lines(e), the number of lines the
    text of element e is laid out on (distinct tops of its text's boxes)."""
    return ("(() => { const lines = e => { const r = document.createRange(); r.selectNodeContents(e); "
            "return new Set(Array.from(r.getClientRects()).filter(b => b.width > 0)"
            ".map(b => Math.round(b.top))).size; }; return (" + expr + "); })()")


def fail(msg):
    FAILURES.append(msg)
    print("FAIL: " + msg, flush=True)


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


def squeeze(s):
    return "".join(s.split())


# ---- Static checks over the files ------------------------------------------------


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a and a[key] is not None:
                self.links.append((tag, a[key]))


def parse(path):
    p = LinkParser()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def walk_links(portal):
    """Every internal link of every page resolves to a file (and an id)."""
    pages = {}
    for dirpath, _, files in os.walk(portal):
        for name in files:
            if name.endswith(".html"):
                full = os.path.join(dirpath, name)
                pages[os.path.relpath(full, portal)] = parse(full)
    checked = 0
    for rel, parsed in sorted(pages.items()):
        base = posixpath.dirname(rel.replace(os.sep, "/"))
        for tag, link in parsed.links:
            u = urllib.parse.urlsplit(link)
            if u.scheme in ("http", "https", "tel", "mailto"):
                if tag in ("script", "link", "img"):
                    fail(f"{rel}: loads an outside resource {link}")
                continue
            if u.scheme or u.netloc:
                fail(f"{rel}: unexpected link {link}")
                continue
            if link.startswith("/"):
                fail(f"{rel}: absolute path {link} (the site must work from any base path)")
                continue
            target = rel if not u.path else posixpath.normpath(
                posixpath.join(base, urllib.parse.unquote(u.path)))
            checked += 1
            if target.startswith(".."):
                fail(f"{rel}: link {link} leaves the site")
                continue
            full = os.path.join(portal, target)
            if not os.path.isfile(full):
                fail(f"{rel}: broken link {link} (no file {target})")
                continue
            if u.fragment and target.endswith(".html"):
                ids = pages[target.replace("/", os.sep)].ids if target.replace("/", os.sep) in pages else set()
                check(u.fragment in ids, f"{rel}: link {link}: no id {u.fragment!r} in {target}")
    return len(pages), checked


def crawl_served(host, portal):
    """Fetches every internal link target of every page from the server
    (which serves a folder holding the portal alone): each answers 200."""
    targets = {"favicon.ico"}
    for dirpath, _, files in os.walk(portal):
        for name in files:
            if not name.endswith(".html"):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, portal).replace(os.sep, "/")
            targets.add(rel)
            base = posixpath.dirname(rel)
            for _, link in parse(full).links:
                u = urllib.parse.urlsplit(link)
                if u.scheme or u.netloc or not u.path:
                    continue
                targets.add(posixpath.normpath(posixpath.join(base, u.path)))
    bad = []
    for t in sorted(targets):
        req = urllib.request.Request(host + t, method="HEAD")
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        if status != 200:
            bad.append(f"{t} ({status})")
    check(not bad, f"the portal served alone answers {len(bad)} links with an error: {bad[:10]}")
    return len(targets)


def search_expected(search, query):
    """The items the search must list for `query`, as search.js matches: every
    word in the name, department, kind, a material, 设定依据 or 受理条件."""
    def norm(x):
        return "".join(str(x or "").lower().split())
    words = query.lower().split()
    out = []
    for it in search["items"]:
        fields = [norm(it["name"]), norm(it["department"]), norm(it["kind"]), norm(it["basis"]),
                  norm(it["conditions"])] + [norm(m) for m in it["materials"]]
        if all(any(w in f for f in fields) for w in words):
            out.append(it["url"])
    return out


def check_qr_urls(input_dir, portal, impl):
    with open(os.path.join(input_dir, "county.toml"), "rb") as f:
        county = tomllib.load(f)["county"]
    base = county["portal_base_url"]
    template = county["guide_url_template"]
    n = 0
    for item in impl["items"]:
        url = template.replace("{impl_code}", item["impl_code"])
        if not check(url.startswith(base), f"QR URL {url} is not under portal_base_url {base}"):
            continue
        rel = urllib.parse.unquote(urllib.parse.urlsplit(url[len(base):]).path)
        check(rel == f"item/{item['impl_code']}.html", f"QR URL {url}: not item/<实施编码>.html")
        check(os.path.isfile(os.path.join(portal, rel)), f"QR URL {url}: no page {rel}")
        n += 1
    return n


def in_pdf(text, needle):
    """True if `needle` (whitespace removed) is in the PDF text, or its start
    is and the rest of its characters are close by: a table cell wraps, and
    pdftotext interleaves the lines of a row's cells in no fixed order."""
    needle = squeeze(needle)
    if not needle or needle in text:
        return True
    prefix = needle[:max(2, min(4, len(needle) // 2))]
    span = 6 * len(needle) + 80
    rest = needle[len(prefix):]
    at = text.find(prefix)
    while at >= 0:
        window = text[max(0, at - span): at + span]
        if all(window.count(ch) >= rest.count(ch) for ch in set(rest)):
            return True
        at = text.find(prefix, at + 1)
    return False


def pdf_text(path):
    if not shutil.which("pdftotext") or not os.path.isfile(path):
        return None
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, timeout=60)
    return squeeze(r.stdout.decode("utf-8", "replace")) if r.returncode == 0 else None


# ---- Server and browser ----------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def start_server(root):
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


class Browser:
    def __init__(self, tmp):
        self.profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", "--hide-scrollbars",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while time.time() < deadline:
            if os.path.exists(port_file):
                lines = open(port_file).read().split()
                if len(lines) >= 2:
                    break
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.proc.returncode}")
            time.sleep(0.1)
        else:
            raise RuntimeError("chromium did not write DevToolsActivePort within 30 s")
        self.port = int(lines[0])
        self.browser_ws = websocket.create_connection(f"ws://127.0.0.1:{self.port}{lines[1]}", timeout=30)
        self._id = 0
        target = self._call(self.browser_ws, "Target.createTarget", {"url": "about:blank"})["targetId"]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{self.port}/devtools/page/{target}", timeout=30)
        self.events = []
        self.requests = []
        for domain in ("Page", "Network", "Runtime"):
            self.call(domain + ".enable")

    def _call(self, ws, method, params=None, events=None):
        self._id += 1
        my = self._id
        ws.send(json.dumps({"id": my, "method": method, "params": params or {}}))
        while True:
            msg = json.loads(ws.recv())
            if msg.get("id") == my:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if events is not None and "method" in msg:
                self._event(msg)

    def _event(self, msg):
        self.events.append(msg)
        if msg["method"] == "Network.requestWillBeSent":
            self.requests.append(msg["params"]["request"]["url"])

    def call(self, method, params=None):
        return self._call(self.ws, method, params, events=True)

    def wait_event(self, name, timeout=20):
        deadline = time.time() + timeout
        for i, e in enumerate(self.events):
            if e["method"] == name:
                del self.events[: i + 1]
                return e
        self.ws.settimeout(1)
        try:
            while time.time() < deadline:
                try:
                    msg = json.loads(self.ws.recv())
                except websocket.WebSocketTimeoutException:
                    continue
                if "method" in msg:
                    self._event(msg)
                    if msg["method"] == name:
                        self.events.clear()
                        return msg
        finally:
            self.ws.settimeout(30)
        raise RuntimeError(f"no {name} within {timeout} s")

    def goto(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def js(self, expr):
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"script failed: {expr[:80]}…: {r['exceptionDetails'].get('text')}")
        return r["result"].get("value")

    def wait_for(self, expr, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            v = self.js(expr)
            if v:
                return v
            time.sleep(0.1)
        return None

    def close(self):
        for ws in (getattr(self, "ws", None), getattr(self, "browser_ws", None)):
            try:
                if ws:
                    ws.close()
            except Exception:
                pass
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, 15)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait()


# ---- The test ------------------------------------------------------------------------


def choose_item(impl, search):
    """An item with materials and steps whose first distinctive material name
    belongs to few items."""
    count = {}
    for it in search["items"]:
        for m in set(it["materials"]):
            count[m] = count.get(m, 0) + 1
    best = None
    for it in impl["items"]:
        if not it["materials"] or not it["process"]:
            continue
        for m in it["materials"]:
            title = m["title"]
            titles = [x["title"] for x in it["materials"]]
            steps = [x["step"] for x in it["process"]]
            clean = len(set(titles)) == len(titles) and len(set(steps)) == len(steps)
            key = (not clean, count.get(title, 99), -len(it["process"]), len(it["materials"]), it["impl_code"])
            if best is None or key < best[0]:
                best = (key, it, title)
    return best[1], best[2]


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    qingdan, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    started = time.time()
    tmp = tempfile.mkdtemp(prefix="qingdan-portal-")
    server = browser = None
    try:
        shutil.copytree(os.path.join(source, "input"), os.path.join(tmp, "input"))
        out = os.path.join(tmp, "out")
        r = subprocess.run([qingdan, "build", "--input", os.path.join(tmp, "input"), "--output", out,
                            "--date", "2017-09-30", "--quiet"], capture_output=True, timeout=300)
        if r.returncode not in (0, 1):
            fail(f"qingdan build exited {r.returncode}: {r.stderr.decode('utf-8', 'replace')}")
            return 1
        portal = os.path.join(out, "portal")
        if not check(os.path.isfile(os.path.join(portal, "index.html")), "no output/portal/index.html"):
            return 1
        impl = json.load(open(os.path.join(portal, "data", "implementation.json"), encoding="utf-8"))
        search = json.load(open(os.path.join(portal, "data", "search.json"), encoding="utf-8"))
        with open(os.path.join(tmp, "input", "county.toml"), "rb") as f:
            settings = tomllib.load(f)
        departments = [d["name"] for d in settings.get("department", [])]

        pages, links = walk_links(portal)
        print(f"links: {links} internal links on {pages} pages checked", flush=True)
        n = check_qr_urls(os.path.join(tmp, "input"), portal, impl)
        print(f"QR URLs: {n} item URLs resolve to pages", flush=True)
        check(n == len(impl["items"]) and n > 0, "not every published item has a QR URL page")
        for name in ("catalog.csv", "implementation.csv"):
            with open(os.path.join(portal, "data", name), "rb") as f:
                check(f.read(3) == b"\xef\xbb\xbf", f"data/{name} has no UTF-8 BOM")

        # The portal deployed on its own: a web root holding a copy of
        # output/portal/ and nothing else.
        www = os.path.join(tmp, "www")
        shutil.copytree(portal, www)
        server = start_server(www)
        host = f"http://127.0.0.1:{server.server_address[1]}/"
        n = crawl_served(host, www)
        print(f"served alone: {n} link targets fetched", flush=True)
        browser = Browser(tmp)

        # The index lists the departments.
        browser.goto(host + "index.html")
        check(not any("data/search" in u for u in browser.requests),
              f"the index loads the search index before the search is used: {browser.requests}")
        check(browser.js("document.documentElement.innerHTML.indexOf('\"items\"')") == -1,
              "the index page carries a copy of the search index")
        icon = browser.js("""new Promise(done => { const img = new Image();
            img.onload = () => { const c = document.createElement('canvas'); c.width = c.height = 32;
              const g = c.getContext('2d'); g.drawImage(img, 0, 0);
              done({w: img.naturalWidth, h: img.naturalHeight, centre: Array.from(g.getImageData(16, 30, 1, 1).data),
                    corner: Array.from(g.getImageData(0, 0, 1, 1).data)}); };
            img.onerror = () => done(null);
            img.src = document.querySelector('link[rel=icon]').href; })""")
        check(icon and icon["w"] == 32 and icon["h"] == 32, f"favicon does not decode as a 32×32 image: {icon}")
        if icon:
            check(icon["centre"] == [0x8b, 0x1a, 0x1a, 255] and icon["corner"][3] == 0,
                  f"favicon pixels: centre {icon['centre']} (want the header's red), corner {icon['corner']}")
        listed = browser.js("Array.from(document.querySelectorAll('table.counts a[href^=\"dept/\"]'))"
                            ".map(a => a.textContent)")
        check(listed == departments, f"index lists {len(listed or [])} departments, county.toml has "
                                     f"{len(departments)}: {listed} != {departments}")
        check(browser.js("document.documentElement.lang") == "zh-CN", "index: lang is not zh-CN")
        check(browser.js("!!document.querySelector('label[for=q]') && !!document.getElementById('q')"),
              "index: the search box has no label")

        # Search for a material name as one types it.
        item, material = choose_item(impl, search)
        url = f"item/{item['impl_code']}.html"
        browser.js("document.getElementById('q').focus()")
        browser.call("Input.insertText", {"text": material})
        found = browser.wait_for(
            f"Array.from(document.querySelectorAll('#results a')).some(a => a.getAttribute('href') === {json.dumps(url)})")
        status = browser.js("document.getElementById('search-status').textContent")
        check(found, f"searching for the material {material!r} does not list {item['name']!r} ({url}); "
                     f"status: {status!r}")
        loads = [u for u in browser.requests if "data/search" in u]
        check(loads == [host + "data/search.js"],
              f"the search index was loaded as {loads}, not once as data/search.js")

        # A word of the 设定依据 finds the items that cite it.
        for query in ("社会救助", "社会救助 身份证"):
            want = search_expected(search, query)
            browser.js("{ const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input')); }")
            browser.call("Input.insertText", {"text": query})
            got = browser.wait_for("(() => { const s = document.getElementById('search-status').textContent;"
                                   " return s.startsWith('找到') || s.startsWith('没有') ? Array.from("
                                   "document.querySelectorAll('#results a')).map(a => a.getAttribute('href')) : null; })()")
            check(len(want) > 0 and got == want[:50],
                  f"searching {query!r} lists {got}, the index's 设定依据/受理条件 give {want}")
            if query == "社会救助":
                print(f"search: {query!r} finds {len(got or [])} items by 设定依据/受理条件", flush=True)
                shown = browser.js("Array.from(document.querySelectorAll('#results .basis, #results .conditions'))"
                                   ".map(e => e.textContent)")
                check(shown and all(query in t for t in shown),
                      f"results do not show where {query!r} was found: {shown[:3]}")
        loads = [u for u in browser.requests if "data/search" in u]
        check(loads == [host + "data/search.js"], f"the search index was loaded again: {loads}")
        browser.js("{ const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input')); }")
        browser.call("Input.insertText", {"text": material})
        found = browser.wait_for(
            f"Array.from(document.querySelectorAll('#results a')).some(a => a.getAttribute('href') === {json.dumps(url)})")
        if found:
            browser.events.clear()
            browser.js(f"Array.from(document.querySelectorAll('#results a')).find(a => a.getAttribute('href') === {json.dumps(url)}).click()")
            browser.wait_event("Page.loadEventFired")
        else:
            browser.goto(host + url)
        here = browser.js("location.href")
        check(here == host + url, f"the result link opened {here}, not {host + url}")

        # The item page shows the model's materials, steps and time limits.
        shown = browser.js("""({
          materials: Array.from(document.querySelectorAll('table.materials tbody tr .title')).map(e => e.textContent),
          steps: Array.from(document.querySelectorAll('table.steps tbody tr')).map(
            r => r.querySelector('td[data-label="环节名称"]').textContent),
          limits: Array.from(document.querySelectorAll('table.steps tbody tr')).map(
            r => r.querySelector('td[data-label="办理时限"]').textContent),
          flow: Array.from(document.querySelectorAll('svg.flow text')).map(e => e.textContent).join(''),
          boxes: document.querySelectorAll('svg.flow rect').length,
          h1: document.querySelector('h1').textContent,
          text: document.body.innerText
        })""")
        want_m = [m["title"] for m in item["materials"]]
        want_s = [s["step"] for s in item["process"]]
        want_l = [s["limit"] for s in item["process"]]
        check(shown["h1"] == item["name"], f"item page title {shown['h1']!r} != {item['name']!r}")
        desc = browser.js("(document.querySelector('meta[name=description]') || {}).content || ''")
        check(item["name"] in desc, f"the item page's meta description does not name the item: {desc!r}")
        check(shown["materials"] == want_m, f"materials on the page {shown['materials']} != model {want_m}")
        check(shown["steps"] == want_s, f"steps on the page {shown['steps']} != model {want_s}")
        check(shown["limits"] == want_l, f"time limits on the page {shown['limits']} != model {want_l}")
        check(shown["boxes"] == len(want_s), f"flow chart has {shown['boxes']} boxes for {len(want_s)} steps")
        for s, l in zip(want_s, want_l):
            check(squeeze(s) in squeeze(shown["flow"]) and squeeze(l) in squeeze(shown["flow"]),
                  f"flow chart lacks step {s!r} or its time limit {l!r}")
        check("清单版本：2017年9月30日" in shown["text"], "item page does not show 清单版本：2017年9月30日")
        check(item["impl_code"] in shown["text"], "item page does not show its 实施编码")
        for key in ("promised_limit", "legal_limit", "place", "consult_phone", "complaint_phone"):
            if item[key]:
                check(squeeze(item[key]) in squeeze(shown["text"]), f"item page lacks {key} {item[key]!r}")

        # … and so does the department's PDF guide the page links to.
        guide = browser.js("(document.querySelector('.downloads a[href*=\"guides/\"]') || {}).href || ''")
        if check(guide, "item page has no link to its PDF guide"):
            rel = urllib.parse.unquote(urllib.parse.urlsplit(guide).path.lstrip("/"))
            text = pdf_text(os.path.join(portal, rel))
            if text is not None:
                for v in [item["name"]] + want_m + want_s + want_l:
                    check(in_pdf(text, v), f"the PDF guide {rel} lacks {v!r} shown on the item page")

        # Desktop width: column heads, and the steps' 序号 and 办理时限, are one
        # line each (not 环节名 / 称, 1个工 / 作日).
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False})
        browser.goto(host + url)
        broken = browser.js(with_lines("""Array.from(document.querySelectorAll(
            'table.stack thead th, table.steps td[data-label="序号"], table.steps td[data-label="办理时限"]'))
            .filter(e => lines(e) > 1).map(e => e.textContent)"""))
        check(not broken, f"{url}: cells broken over lines at 1024 px: {broken}")

        # Phone width: no sideways scrolling.
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": WIDTH, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        longest = max(impl["items"], key=lambda it: len(it["name"]) + len(it["basis"]) + 40 * len(it["materials"]))
        widest_dept = max(sorted(os.listdir(os.path.join(portal, "dept"))),
                          key=lambda f: os.path.getsize(os.path.join(portal, "dept", f)))
        for path in ["index.html", "dept/" + widest_dept, url, f"item/{longest['impl_code']}.html",
                     "data/README.html", "kind/01.html"]:
            if not os.path.isfile(os.path.join(portal, path)):
                continue
            browser.goto(host + path)
            sw = browser.js("document.documentElement.scrollWidth")
            check(sw <= WIDTH, f"{path}: scrollWidth {sw} > {WIDTH} at phone width")
        # The 31-character 实施编码 on one line, down to a 360 px phone.
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True})
        browser.goto(host + url)
        code_lines = browser.js(with_lines("lines(document.querySelector('.meta .code'))"))
        check(code_lines == 1, f"{url}: the 实施编码 takes {code_lines} lines at 360 px")
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": WIDTH, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        browser.goto(host + url)
        height = browser.js("document.documentElement.scrollHeight")
        shot = browser.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                      "clip": {"x": 0, "y": 0, "width": WIDTH,
                                                               "height": min(height, 12000), "scale": 1}})
        shot_path = os.environ.get("PORTAL_SCREENSHOT") or os.path.join(tempfile.gettempdir(),
                                                                         "qingdan_portal_item_390.png")
        with open(shot_path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(f"screenshot: {shot_path} ({item['name']})", flush=True)

        # Nothing left loopback.
        outside = [u for u in browser.requests
                   if not (u.startswith(host) or u.startswith("data:") or u.startswith("about:"))]
        check(not outside, f"requests left 127.0.0.1: {outside[:10]}")
        print(f"network: {len(browser.requests)} requests, all to {host}", flush=True)
    except Exception as e:  # a clear reason rather than a trace only
        fail(f"{type(e).__name__}: {e}")
    finally:
        if browser:
            browser.close()
        if server:
            server.shutdown()
            server.server_close()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{'FAILED' if FAILURES else 'PASSED'} in {time.time() - started:.1f} s", flush=True)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
