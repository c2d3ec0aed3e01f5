"""The review page (`stancegraph review`): a local web app where a person accepts, rejects or fixes events.

It lists the events of the curated graph most in need of a look first (those that are the only evidence
of a country's stance toward the focus, then by lowest confidence), each with its sentence and a link to
the article with the evidence marked. Every decision is appended at once to the corrections file
(graph/corrections.py) with an atomic rename; the next build applies it.

Security: the server listens on 127.0.0.1 only; every URL carries a random per-run token (a request
without it gets 403); every write also needs the per-run CSRF token of the page's forms; article text
and evidence go through the template's HTML escaping, and the pages send a Content-Security-Policy that
allows no script at all. The app is made with bottle (a small, well-kept WSGI framework) and served by
the standard library's WSGI server.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import bottle

from graph.corrections import append_row, load
from graph.ontology import EVENT, relations

#: Headers of every page: no script may run, no frame, the token never leaves in a Referer.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}

_STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:60em;color:#222}
li{margin:0 0 1.2em;list-style:none;border-left:4px solid #ccc;padding-left:.8em}
.why{color:#a40}.meta{color:#555}q{display:block;margin:.3em 0}mark{background:#ffe27a}
form{display:inline}pre{white-space:pre-wrap;font:inherit}"""

_LIST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>stancegraph review</title>
<style>{{!style}}</style></head><body><h1>Review: {{len(events)}} events, most in need of a look first</h1>
<p class="meta">Decisions go to {{corrections}} at once; build again to see their effect.</p><ul>
% for e in events:
<li id="e-{{e['key']}}"><b>{{e['actor_label']}}</b> ({{e['actor_country']}}) <b>{{e['relation']}}</b>
{{e['target_label']}} ({{e['target_country'] or ''}}) <span class="meta">{{e['mode']}}, {{e['date'] or 'undated'}},
confidence {{'%.2f' % e['confidence']}}</span> <span class="why">{{e['why']}}</span>
<q>{{e['evidence']}}</q><span class="meta">{{e['source'] or ''}}</span>
<a href="{{base}}/event/{{e['key']}}">article</a>
% if e['decided']:
<b class="decided">{{e['decided']}}</b>
% end
<form method="post" action="{{base}}/decide"><input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="event" value="{{e['key']}}"><button name="action" value="accept">accept</button>
<button name="action" value="reject">reject</button></form>
<form method="post" action="{{base}}/decide"><input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="event" value="{{e['key']}}"><input type="hidden" name="action" value="relation">
<select name="value" aria-label="relation">
% for r in relation_names:
<option{{!' selected' if r == e['relation'] else ''}}>{{r}}</option>
% end
</select><button>fix relation</button></form></li>
% end
</ul></body></html>"""

_ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{source}}</title>
<style>{{!style}}</style></head><body><p><a href="{{base}}/#e-{{key}}">back</a></p><h1>{{source}}</h1>
<pre>{{before}}<mark>{{evidence}}</mark>{{after}}</pre></body></html>"""


@dataclass
class Review:
    """What the app serves: the events to review, where decisions go, and the run's secrets."""

    events: list[dict]
    corrections: Path
    curator: str
    token: str
    csrf: str


def review_events(store, *, focus: str = "USA") -> list[dict]:
    """The events of the curated graph, those most in need of a look first: the only own act of a country
    toward the focus (its stance label rests on it alone), then by lowest confidence."""
    from graph.analyze import load_events

    frame = load_events(store)
    rows = frame.to_dict("records")
    own = {}
    for row in rows:
        if row["target_country"] == focus and row["actor_country"] != focus:
            own[row["actor_country"]] = own.get(row["actor_country"], 0) + 1
    for row in rows:
        row["key"] = row["event"].removeprefix(EVENT)
        alone = row["target_country"] == focus and own.get(row["actor_country"]) == 1
        row["alone"] = alone
        row["why"] = (f"the only evidence of {row['actor_country']}'s stance toward {focus}" if alone
                      else "low confidence" if row["confidence"] < 0.7 else "")
        row["decided"] = ""
    rows.sort(key=lambda r: (not r["alone"], r["confidence"], r["event"]))
    return rows


def make_app(review: Review) -> bottle.Bottle:
    """The WSGI app: the list of events, an article with its evidence marked, and the decisions."""
    app = bottle.Bottle()
    by_key = {e["key"]: e for e in review.events}
    names = sorted(relations())

    def check_token(token: str) -> None:
        if not hmac.compare_digest(token.encode(), review.token.encode()):
            bottle.abort(403, "forbidden: this page needs the link stancegraph review printed")

    @app.hook("after_request")
    def secure() -> None:
        for name, value in SECURITY_HEADERS.items():
            bottle.response.set_header(name, value)

    @app.get("/<token>/")
    def index(token: str) -> str:
        check_token(token)
        return bottle.template(_LIST, events=review.events, base=f"/{token}", csrf=review.csrf, style=_STYLE,
                               corrections=str(review.corrections), relation_names=names)

    @app.get("/<token>/event/<key>")
    def article(token: str, key: str) -> str:
        check_token(token)
        event = by_key.get(key) or bottle.abort(404, "no such event")
        text = _article_text(event["source"])
        start = text.find(event["evidence"]) if event["evidence"] else -1
        if start < 0:
            before, evidence, after = text, "", ""
        else:
            before, evidence, after = text[:start], event["evidence"], text[start + len(event["evidence"]):]
        return bottle.template(_ARTICLE, source=event["source"] or key, before=before, evidence=evidence,
                               after=after, base=f"/{token}", key=key, style=_STYLE)

    @app.post("/<token>/decide")
    def decide(token: str) -> None:
        check_token(token)
        form = bottle.request.forms
        if not hmac.compare_digest((form.get("csrf") or "").encode(), review.csrf.encode()):
            bottle.abort(403, "forbidden: missing or wrong CSRF token")
        event = by_key.get(form.get("event") or "") or bottle.abort(404, "no such event")
        action, value = form.get("action") or "", form.getunicode("value") or ""
        if action not in ("accept", "reject", "relation") or (action == "relation") != bool(value) or \
                (value and value not in names):
            bottle.abort(400, "give accept, reject, or relation with a known relation")
        append_row(review.corrections, decision_row(event, action, value, review.curator))
        event["decided"] = f"{action} {value}".strip()
        bottle.redirect(f"/{token}/#e-{event['key']}", 303)

    return app


def decision_row(event: dict, action: str, value: str, curator: str, day: str | None = None) -> dict[str, str]:
    """The corrections row of a decision about an event (found by its IRI; the other cells say which)."""
    return {
        "action": action, "event": f"event:{event['key']}", "source": Path(event["source"] or "").name,
        "actor": event["actor_label"], "relation": event["relation"],
        "target": event["target_country"] or event["target_label"], "value": value,
        "curator": curator, "date": day or date.today().isoformat(), "note": "stancegraph review",
    }


def _article_text(source: str | None) -> str:
    """The article's text as stored on disk ('' when it cannot be read: the page then shows the sentence)."""
    if not source:
        return ""
    try:
        return Path(source.partition("#")[0]).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def default_corrections(events: list[dict]) -> Path | None:
    """`corrections.csv` in the folder of the articles, when they share one."""
    folders = {Path(e["source"]).parent for e in events if e["source"] and "#" not in e["source"]}
    return next(iter(folders)) / "corrections.csv" if len(folders) == 1 else None


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the name of the base method
        pass


def start(review: Review, port: int = 0) -> tuple[WSGIServer, str]:
    """Serve the app on 127.0.0.1 (only) in a thread; the server and the URL with the token."""
    server = make_server("127.0.0.1", port, make_app(review), handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/{review.token}/"


def run(graph: str | Path = "build", *, corrections: str | Path | None = None, curator: str = "",
        focus: str = "USA", port: int = 0, on_ready: Callable[[str], None] = print) -> int:
    """Serve the review page until Ctrl-C; 2 when the graph or the corrections file cannot be used."""
    from graph.store import open_store

    events = review_events(open_store(graph), focus=focus)
    target = Path(corrections) if corrections else default_corrections(events)
    if target is None:
        raise ValueError("the articles are in several folders; say where decisions go with --corrections FILE")
    if target.exists():
        rows, problems = load(target)
        if problems and problems[0].line == 1 and not rows:
            raise ValueError(str(problems[0]))
    review = Review(events, target, curator or "reviewer", secrets.token_urlsafe(24), secrets.token_urlsafe(24))
    server, url = start(review, port)
    on_ready(f"review page: {url}\ndecisions go to {target}. Press Ctrl-C to stop.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0

