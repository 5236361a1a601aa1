#!/usr/bin/env python3
"""Idle and load RSS of the published bot in Telegram mode, against a fake Bot API on 127.0.0.1 (issue 8 item 10).

    dotnet publish src/Bot -c Release -o /tmp/mem-out
    python3 tools/memory/rss_bench.py --bot /tmp/mem-out/ikibot [--runs 3] [--env NAME=VALUE ...] [--maps]

Per run: a fresh database (seed: 100 users, 10 atasan, 20,000 realizations; the seeded users become Telegram users),
the bot started with Telegram:Token and Telegram:BaseUrl pointing at the fake, idle = /proc/PID/smaps_rollup 20 s
after the first getUpdates; load = 50 users x 20 messages queued at once (questions from the dev set, reports,
/laporanku; the 10 atasan also /rekap, /grafik, /ekspor), peak sampled every 0.2 s until every message is answered,
then "after" 65 s later (the hosts trim the C heap once a minute). Figures in MB (1 MB = 1024 kB). --maps prints the idle per-mapping breakdown.
"""
import argparse, json, os, random, shutil, sqlite3, subprocess, sys, tempfile, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "..", "tests", "eval", "dev.jsonl")


class Fake:
    def __init__(self):
        self.updates, self.next_update, self.next_message = [], 1000, 1
        self.cond = threading.Condition()
        self.polled = threading.Event()
        self.sent = {}  # chat -> count of send* calls

    def queue(self, chat, text):
        with self.cond:
            self.next_update += 1
            uid = self.next_update
            self.updates.append({"update_id": uid, "message": {
                "message_id": uid, "date": int(time.time()),
                "from": {"id": chat, "is_bot": False, "first_name": f"Pegawai{chat}"},
                "chat": {"id": chat, "type": "private", "first_name": f"Pegawai{chat}"}, "text": text}})
            self.cond.notify_all()

    def get_updates(self, body):
        offset = body.get("offset")
        timeout = min(int(body.get("timeout") or 0), 10)
        deadline = time.time() + timeout
        self.polled.set()
        with self.cond:
            while True:
                if offset is not None:
                    self.updates = [u for u in self.updates if u["update_id"] >= int(offset)]
                if self.updates or time.time() >= deadline:
                    return self.updates[:100]
                self.cond.wait(max(0.01, deadline - time.time()))

    def handle(self, method, body):
        if method == "getMe":
            return {"id": 4242, "is_bot": True, "first_name": "IkiBot", "username": "IkiTestBot"}
        if method == "getUpdates":
            return self.get_updates(body)
        if method.startswith("send") or method.startswith("edit"):
            chat = str(body.get("chat_id", "0"))
            with self.cond:
                self.sent[chat] = self.sent.get(chat, 0) + 1
                self.next_message += 1
                mid = self.next_message
            m = {"message_id": mid, "date": int(time.time()), "chat": {"id": int(chat) if chat.lstrip('-').isdigit() else 0, "type": "private"},
                 "from": {"id": 4242, "is_bot": True, "first_name": "IkiBot"}}
            if method == "sendDocument": m["document"] = {"file_id": "d1", "file_unique_id": "d1u"}
            if method == "sendPhoto": m["photo"] = [{"file_id": "p1", "file_unique_id": "p1u", "width": 1, "height": 1}]
            return m
        return True


def serve(fake):
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *a): pass
        def do_POST(self):
            if "chunked" in self.headers.get("Transfer-Encoding", ""):
                raw = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                    chunk = self.rfile.read(size + 2)
                    if size == 0: break
                    raw += chunk[:-2]
            else:
                n = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(n) if n else b""
            ctype = self.headers.get("Content-Type", "")
            body = {}
            if "json" in ctype and raw.strip():
                body = json.loads(raw)
            elif "multipart" in ctype:
                # only chat_id matters here
                txt = raw.decode("latin-1")
                i = txt.find('name=chat_id')
                if i >= 0: body["chat_id"] = txt[i:].split("\r\n\r\n", 1)[1].split("\r\n", 1)[0]
            method = self.path.rsplit("/", 1)[-1]
            out = json.dumps({"ok": True, "result": fake.handle(method, body)}).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)
            except (BrokenPipeError, ConnectionResetError):
                pass  # a long poll the bot gave up on when it stopped
        do_GET = do_POST
    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def rollup(pid):
    r = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            p = line.split()
            if len(p) >= 3 and p[-1] == "kB":
                r[p[0].rstrip(":")] = int(p[1])
    return {"rss": r["Rss"] / 1024, "pss": r["Pss"] / 1024,
            "private": (r["Private_Clean"] + r["Private_Dirty"]) / 1024, "private_dirty": r["Private_Dirty"] / 1024,
            "anon": r["Anonymous"] / 1024}


def maps(pid):
    """Rss per mapped file (or anonymous kind), kB."""
    out, name = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            p = line.split()
            if "-" in p[0] and len(p[0]) > 8 and ":" not in p[0]:
                name = os.path.basename(p[5]) if len(p) > 5 else "[anon]"
                if len(p) > 5 and p[5].startswith("/memfd:"): name = "memfd:" + p[5][7:]
            elif p[0] == "Rss:":
                out[name] = out.get(name, 0) + int(p[1])
    return out


def prepare_db(bot, folder):
    db = os.path.join(folder, "ikibot.db")
    subprocess.run([bot, "seed", "--db", db, "--realisasi", "20000", "--users", "100", "--atasan", "10", "--json"],
                   check=True, stdout=subprocess.DEVNULL, cwd=folder)
    con = sqlite3.connect(db)
    con.execute("UPDATE Pengguna SET Channel='telegram', ChannelUserId=CAST(CAST(ChannelUserId AS INTEGER) AS TEXT) WHERE Channel='seed'")
    con.commit()
    users = con.execute("SELECT ChannelUserId, Jabatan, Peran FROM Pengguna WHERE Channel='telegram' ORDER BY CAST(ChannelUserId AS INTEGER)").fetchall()
    con.close()
    return db, users


def messages(users, per_user, rng):
    dev = [json.loads(l) for l in open(DEV, encoding="utf-8") if l.strip()]
    asks = [d["text"] for d in dev if d["kind"] == "ask"]
    reports = [d["text"] for d in dev if d["kind"] == "report"]
    plan = []
    for i, (uid, jabatan, peran) in enumerate(users):
        atasan = str(peran) in ("1", "Atasan", "atasan") or i < 10
        for n in range(per_user):
            k = rng.random()
            if atasan and n in (3, 9, 15):
                text = {3: "/rekap", 9: f"/grafik", 15: "/ekspor"}[n]
            elif k < 0.55: text = rng.choice(asks)
            elif k < 0.9: text = rng.choice(reports)
            else: text = "/laporanku"
            plan.append((int(uid), text))
    return plan


def run_once(args, extra_env, show_maps):
    work = tempfile.mkdtemp(prefix="ikibot-rss-")
    fake = Fake()
    srv = serve(fake)
    try:
        db, users = prepare_db(args.bot, work)
        users = users[:args.users]
        env = dict(os.environ)
        env.update({"Telegram__Token": "4242:fake", "Telegram__BaseUrl": f"http://127.0.0.1:{srv.server_address[1]}",
                    "Database__Path": db})
        env.update(extra_env)
        log = open(os.path.join(work, "bot.log"), "w")
        proc = subprocess.Popen([args.bot], env=env, cwd=work, stdout=log, stderr=subprocess.STDOUT)
        started = time.time()
        if not fake.polled.wait(120):
            raise SystemExit("the bot never polled; see " + log.name)
        ready = time.time() - started
        time.sleep(args.idle_wait)
        idle = rollup(proc.pid)
        idle_maps = maps(proc.pid) if show_maps else None

        plan = messages(users, args.per_user, random.Random(7))
        want = {}
        for chat, text in plan:
            want[str(chat)] = want.get(str(chat), 0) + 1
            fake.queue(chat, text)
        t0, peak = time.time(), None
        while time.time() - t0 < args.load_timeout:
            s = rollup(proc.pid)
            if peak is None or s["rss"] > peak["rss"]: peak = s
            with fake.cond:
                done = all(fake.sent.get(c, 0) >= n for c, n in want.items())
            if done: break
            time.sleep(0.2)
        load_secs = time.time() - t0
        with fake.cond:
            answered = sum(1 for c, n in want.items() if fake.sent.get(c, 0) >= n)
        time.sleep(args.after_wait)
        after = rollup(proc.pid)
        after_maps = maps(proc.pid) if show_maps else None
        if args.hold:
            print(f"holding pid {proc.pid} for {args.hold} s", flush=True)
            time.sleep(args.hold)
        proc.terminate()
        proc.wait(30)
        return {"ready_s": round(ready, 2), "idle": idle, "load_peak": peak, "after": after, "load_s": round(load_secs, 1),
                "chats_answered": f"{answered}/{len(want)}", "messages": len(plan), "maps": idle_maps, "after_maps": after_maps}
    finally:
        srv.shutdown()
        if not args.keep: shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bot", default="/tmp/mem-out/ikibot")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--per-user", type=int, default=20)
    ap.add_argument("--idle-wait", type=float, default=20)
    ap.add_argument("--after-wait", type=float, default=65, help="seconds after the load (the hosts trim the C heap once a minute)")
    ap.add_argument("--load-timeout", type=float, default=240)
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the bot (repeatable)")
    ap.add_argument("--maps", action="store_true")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--label", default="")
    ap.add_argument("--hold", type=float, default=0, help="keep the bot running this long after the run (to inspect it)")
    args = ap.parse_args()
    extra = dict(e.split("=", 1) for e in args.env)
    f = lambda s: f"rss {s['rss']:.1f} pss {s['pss']:.1f} priv {s['private']:.1f} anon {s['anon']:.1f}"
    for i in range(args.runs):
        r = run_once(args, extra, args.maps and i == 0)
        print(f"{args.label} run {i+1}: ready {r['ready_s']} s | idle {f(r['idle'])} | load peak {f(r['load_peak'])} "
              f"({r['messages']} msgs, {r['chats_answered']} chats, {r['load_s']} s) | after {f(r['after'])}", flush=True)
        if r["maps"]:
            for name, kb in sorted(r["maps"].items(), key=lambda x: -x[1])[:45]:
                print(f"  {kb/1024:7.1f} MB  {name}")
            grew = {k: r["after_maps"].get(k, 0) - r["maps"].get(k, 0) for k in set(r["after_maps"]) | set(r["maps"])}
            print("  grown after the load:")
            for name, kb in sorted(grew.items(), key=lambda x: -x[1])[:20]:
                print(f"  {kb/1024:+7.1f} MB  {name}")


if __name__ == "__main__":
    main()
