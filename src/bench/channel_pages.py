#!/usr/bin/env python3
"""A stand-in for the channel's web preview (https://t.me/s/kpszsu) on a local port, for
src/bench/channel-bench.sh. It holds the posts of the recorded test pages
(src/test/resources/channel/newest.html and before-82663.html, their dates and times written
relative to now) and answers /s/kpszsu and /s/kpszsu?before=N with up to 20 posts, as the channel
does. POST /publish adds a new post: the national report of a night not reported yet, timed now;
it answers {"id", "date", "postedAt"} (postedAt in Unix seconds).

With --quiet it starts with one post only, live tracking (82663), so that the only national
reports it ever shows are the ones published through POST /publish (.ci/prometheus-check.sh); the
follower's first poll records that post as its cursor, and what comes after it counts as new.

usage: channel_pages.py PORT TEMPLATE_DIR [--quiet]
"""
import datetime
import json
import re
import sys
import threading
import zoneinfo
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")
MONTHS = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
          "жовтня", "листопада", "грудня"]
PER_PAGE = 20
TODAY = datetime.datetime.now(KYIV).date()

NIGHT = """⚡️ ЗБИТО/ПОДАВЛЕНО {neutralised} ВОРОЖИХ БПЛА<br/>У ніч на {end} (з 18:00 {start}) противник атакував {launched} ударними БпЛА типу Shahed, Гербера та дронами-імітаторами типу «Пародія» із напрямків: Курськ, Орел, Приморсько-Ахтарськ – рф.<br/><br/>💥 За попередніми даними, станом на 08:30, протиповітряною обороною збито/подавлено {neutralised} ворожих БпЛА на півночі, півдні та сході країни.<br/><br/>Зафіксовано влучання 9 ударних БпЛА на 7 локаціях.<br/><br/>✊ Тримаймо небо&#33;"""


def day(offset):
    d = TODAY + datetime.timedelta(days=offset)
    return f"{d.day} {MONTHS[d.month - 1]}"


def render(template, now):
    def value(m):
        kind, n = m.group(1), int(m.group(2))
        if kind == "day":
            return day(n)
        at = now - datetime.timedelta(minutes=n)
        return at.strftime("%Y-%m-%dT%H:%M:%S+00:00") if kind == "ago" else at.astimezone(KYIV).strftime("%H:%M")
    return re.sub(r"\{\{(day|ago|hm):(-?\d+)}}", value, template)


class Channel:
    def __init__(self, template_dir, quiet=False):
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        self.lock = threading.Lock()
        self.posts = {}
        newest = render(open(f"{template_dir}/newest.html", encoding="utf-8").read(), now)
        older = render(open(f"{template_dir}/before-82663.html", encoding="utf-8").read(), now)
        for page in (newest, older):
            for fragment in re.findall(r'  <div class="tgme_widget_message_wrap.*?\n  </div></div>\n', page, re.S):
                post = int(re.search(r'data-post="kpszsu/(\d+)"', fragment).group(1))
                self.posts[post] = fragment
        start = newest.index('<section class="tgme_channel_history')
        self.head = re.sub(r'<link rel="prev"[^>]*>', "{prev}", newest[:start]) + '<section class="tgme_channel_history js-message_history">\n'
        self.tail = "</section>\n" + newest[newest.index("</section>") + len("</section>\n"):]
        self.sample = next(f for f in self.posts.values() if "kpszsu/82663" in f)
        self.published = 0
        self.next_post = max(self.posts) + 1
        if quiet:
            self.posts = {82663: self.sample}

    def page(self, before):
        with self.lock:
            ids = sorted(i for i in self.posts if before is None or i < before)[-PER_PAGE:]
            has_older = bool(ids) and min(self.posts) < ids[0]
            more = (f'<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/kpszsu?before={ids[0]}" '
                    f'data-before="{ids[0]}" class="tme_messages_more js-messages_more"></a></div>\n') if has_older else ""
            prev = f'<link rel="prev" href="/s/kpszsu?before={ids[0]}">' if has_older else ""
            return self.head.replace("{prev}", prev) + more + "".join(self.posts[i] for i in ids) + self.tail

    def publish(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        with self.lock:
            self.published += 1
            post = self.next_post
            self.next_post += 1
            night = -10 - self.published  # nights the recorded pages do not report
            text = NIGHT.format(end=day(night), start=day(night - 1), launched=100 + self.published, neutralised=90 + self.published)
            fragment = re.sub(r"kpszsu/82663", f"kpszsu/{post}", self.sample)
            fragment = re.sub(r'(<div class="tgme_widget_message_text js-message_text" dir="auto">).*?(</div>)',
                              lambda m: m.group(1) + text + m.group(2), fragment, count=1, flags=re.S)
            fragment = re.sub(r'datetime="[^"]*"', f'datetime="{now.strftime("%Y-%m-%dT%H:%M:%S+00:00")}"', fragment)
            self.posts[post] = fragment
            date = (TODAY + datetime.timedelta(days=night)).isoformat()
        # the time the post carries (whole seconds), as the follower's publish delay counts from it
        return {"id": post, "date": date, "postedAt": now.replace(microsecond=0).timestamp(), "publishedAt": now.timestamp()}


def main():
    port, template_dir = int(sys.argv[1]), sys.argv[2]
    channel = Channel(template_dir, quiet="--quiet" in sys.argv[3:])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            if url.path != "/s/kpszsu":
                self.send_error(404)
                return
            before = parse_qs(url.query).get("before")
            body = channel.page(int(before[0]) if before else None).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            if self.path != "/publish":
                self.send_error(404)
                return
            body = json.dumps(channel.publish()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
