"""The review page (`stancegraph review`): a local web app where a person accepts, rejects or fixes events.

It lists the events of the curated graph most in need of a look first (those that are the only evidence
of a country's stance toward the focus, then by lowest confidence), each with its sentence and a link to
the article with the evidence marked. An event's relation, actor, target, mode and event date are fixed
from the page (relations from the ontology, countries from the knowledge base), and an event the extractor
missed is added from a span selected in the article (refused when the span is not in it). Every decision
is appended at once to the corrections file (graph/corrections/) with an atomic rename; the next build
applies it. After each one the page shows its effect on the stances toward the focus: graph.analyze.stances
on the curated events with this run's decisions applied (`with_decisions`), before and after it.
Keyboard shortcuts (`SHORTCUTS`) are handled by graph/templates/review.js, the only script the pages run.

Security: the server listens on 127.0.0.1 only; every URL carries a random per-run token (a request
without it gets 403); every write also needs the per-run CSRF token of the page's forms; article text
and evidence go through the template's HTML escaping, and the pages send a Content-Security-Policy that
lets only the app's own script file run (no inline script, no other origin). The app is made with bottle
(a small, well-kept WSGI framework) and served by the standard library's WSGI server.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import bottle
import pandas as pd

from graph.actors import knowledge_base
from graph.analyze import EVENT_COLUMNS, describe, missing_as_none, stances
from graph.corrections import COLUMNS, append_row, event_key, load, resolve_actor
from graph.documents import read_document
from graph.ontology import COUNTRY, EVENT, relations
from graph.records import MODES

#: Headers of every page: only the page's own script file may run (no inline script, so text that got into
#: the page cannot run), no frame, the token never leaves in a Referer.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}

#: The keyboard shortcuts of the list (graph/templates/review.js handles them), as the page documents them.
SHORTCUTS = (("j", "next event"), ("k", "previous event"), ("a", "accept"), ("r", "reject"),
             ("f", "fix: to the event's relation (Tab to actor, target, mode, date; Enter saves)"),
             ("o", "open the article (select a span there to add a missing event)"))

_SCRIPT = Path(__file__).parent / "templates" / "review.js"

_STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:64em;color:#222}
li.event{margin:0 0 1.2em;list-style:none;border-left:4px solid #ccc;padding-left:.8em}
li.current{border-left-color:#36c;background:#f4f7ff}
.why{color:#a40}.meta{color:#555}q{display:block;margin:.3em 0}mark{background:#ffe27a}
form{display:inline}form.fix,form.add{display:block;margin:.3em 0;font-size:13px}label{margin-right:.6em}
select,input,button{font-size:13px}input[name=actor],input[name=target]{width:7em}select[name=relation]{width:13em}
pre{white-space:pre-wrap;font:inherit}h1{font-size:1.5em}
.effect{display:block;color:#063}.error{color:#b00;font-weight:bold}kbd{border:1px solid #aaa;
border-radius:3px;padding:0 .3em;font-size:90%}textarea{width:100%}"""

_HEAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
<style>{{!style}}</style><script src="{{base}}/review.js" defer></script></head>"""

_COUNTRIES = """<datalist id="countries">
% for code, name in countries:
<option value="{{code}}">{{name}}</option>
% end
</datalist>"""

_LIST = _HEAD + """<body><h1>Review: {{len(events)}} events, most in need of a look first</h1>
<p class="meta">Decisions go to {{corrections}} at once; the next build applies them. After each one, its
effect on the stance toward {{focus}} is shown (the stance rule of graph.analyze on the curated events with
this run's decisions).</p>
<p id="keys" class="meta">Keys:
% for key, what in shortcuts:
<kbd>{{key}}</kbd> {{what}};
% end
</p>
% if pending:
<section id="pending"><h2>This run's decisions</h2><ol>
% for p in pending:
<li><span class="what">{{p['what']}}</span> <span class="effect">{{p['effect']}}</span></li>
% end
</ol></section>
% end
""" + _COUNTRIES + """<ul id="events">
% for e in events:
<li id="e-{{e['key']}}" class="event" data-key="{{e['key']}}"><b>{{e['actor_label']}}</b> ({{e['actor_country']}})
<b>{{e['relation']}}</b> {{e['target_label']}} ({{e['target_country'] or ''}}) <span class="meta">{{e['mode']}},
{{e['event_date'] or e['date'] or 'undated'}}, confidence {{'%.2f' % e['confidence']}}</span>
<span class="why">{{e['why']}}</span>
<q>{{e['evidence']}}</q><span class="meta">{{e['source'] or ''}}</span>
<a class="article" href="{{base}}/event/{{e['key']}}">article</a>
% if e['decided']:
<b class="decided">{{e['decided']}}</b> <span class="effect">{{e['effect']}}</span>
% end
<form method="post" action="{{base}}/decide"><input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="event" value="{{e['key']}}"><button name="action" value="accept">accept</button>
<button name="action" value="reject">reject</button></form>
<form class="fix" method="post" action="{{base}}/decide"><input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="event" value="{{e['key']}}"><input type="hidden" name="action" value="fix">
% now = e['now']
<label>relation <select name="relation">
% for r in relation_names:
<option{{!' selected' if r == now['relation'] else ''}}>{{r}}</option>
% end
</select></label><label>actor <input name="actor" list="countries" value="{{now['actor']}}"></label>
<label>target <input name="target" list="countries" value="{{now['target']}}"></label>
<label>mode <select name="mode">
% for m in modes:
<option{{!' selected' if m == now['mode'] else ''}}>{{m}}</option>
% end
</select></label><label>date <input type="date" name="event_date" value="{{now['event_date']}}"></label>
<button class="fix">fix</button></form></li>
% end
</ul></body></html>"""

_ARTICLE = _HEAD + """<body><p><a href="{{base}}/#e-{{key}}">back</a></p><h1>{{source}}</h1>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form class="add" method="post" action="{{base}}/add"><input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="event" value="{{key}}">
<label for="evidence">Add a missing event: select its sentence in the article below (or paste it here)</label>
<textarea id="evidence" name="evidence" rows="2">{{span}}</textarea>
<label>actor <input name="actor" list="countries" value="{{actor}}"></label>
<label>relation <select name="relation">
% for r in relation_names:
<option{{!' selected' if r == relation else ''}}>{{r}}</option>
% end
</select></label><label>target <input name="target" list="countries" value="{{target}}"></label>
<button>add missing event</button></form>
""" + _COUNTRIES + """<pre id="article">{{before}}<mark>{{evidence}}</mark>{{after}}</pre></body></html>"""


@dataclass
class Review:
    """What the app serves: the events to review, where decisions go, and the run's secrets.

    `frame` is the curated events as graph.analyze.load_events reads them (made from `events` when not
    given); `pending` holds this run's decisions, which the stance effect adds to it."""

    events: list[dict]
    corrections: Path
    curator: str
    token: str
    csrf: str
    focus: str = "USA"
    frame: pd.DataFrame | None = None
    pending: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.frame is None:
            self.frame = missing_as_none(pd.DataFrame([{c: e.get(c) for c in EVENT_COLUMNS} for e in self.events],
                                                      columns=EVENT_COLUMNS))
        for event in self.events:
            event.setdefault("decided", "")
            event.setdefault("effect", "")
            event.setdefault("fixed", {})


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


# ------------------------------------------------------------------------------------- the stance effect
def _side(value: str) -> tuple[str, dict] | None:
    """The actor or target a form cell names (an ISO3 code or a known name), as load_events' columns."""
    actor = resolve_actor(value)
    if actor is None:
        return None
    iri = COUNTRY + actor.country if actor.type == "country" else f"urn:stancegraph:review:{actor.type}:{actor.name}"
    return iri, {"label": actor.name, "type": actor.type, "country": actor.country or None}


def _set_side(row: dict, side: str, value: str) -> None:
    iri, node = _side(value) or (None, None)
    if node is None:
        return
    row |= {side: iri, f"{side}_label": node["label"], f"{side}_type": node["type"],
            f"{side}_country": node["country"], f"{side}_home": node["country"]}


def _set_relation(row: dict, name: str) -> None:
    relation = relations()[name]
    row |= {"relation": name, "polarity": relation.polarity, "relation_weight": relation.weight,
            "symmetric": relation.symmetric, "weight": round(relation.weight * float(row["confidence"]), 6)}


def with_decisions(frame: pd.DataFrame, decisions: list[dict]) -> pd.DataFrame:
    """The curated events with decisions applied as the next build will apply them: rejected events out,
    fixed fields changed (relation with its weight), added events in. Columns as graph.analyze.load_events."""
    rows = {row["event"]: row for row in frame.to_dict("records")}
    for decision in decisions:
        action = decision["action"]
        if action == "add":
            rows[decision["iri"]] = dict(decision["frame_row"])
            continue
        iri = EVENT + event_key(decision["event"])
        if iri not in rows:
            continue
        if action == "reject":
            del rows[iri]
            continue
        row = rows[iri] = dict(rows[iri])
        if action == "relation":
            _set_relation(row, decision["value"])
        elif action in ("actor", "target"):
            _set_side(row, action, decision["value"])
        elif action in ("mode", "event_date"):
            row[action] = decision["value"]
        row["description"] = describe(row)
    return missing_as_none(pd.DataFrame(list(rows.values()), columns=frame.columns))


def stance_effect(frame: pd.DataFrame, before: list[dict], after: list[dict], focus: str,
                  countries: set[str]) -> str:
    """What a decision does to the stances toward the focus: graph.analyze.stances on the curated events
    with this run's decisions before it and with it, for the countries it touches and any that changed."""
    def table(decisions: list[dict]) -> dict[str, tuple[str, float, int]]:
        scored = stances(with_decisions(frame, decisions), focus=focus)
        return {r["country"]: (r["label"], r["score"], r["n_events"]) for r in scored.to_dict("records")}

    old, new = table(before), table(after)
    changed = {c for c in set(old) | set(new) if old.get(c) != new.get(c)}
    shown = sorted(((countries - {focus}) & (set(old) | set(new))) | changed)
    if not shown:
        return f"no stance toward {focus} changes (the event is not between a country and {focus})"

    def say(value: tuple[str, float, int] | None) -> str:
        if value is None:
            return "no events"
        label, score, count = value
        return f"{label} {score:+.2f} ({count} event{'s' * (count != 1)})"

    parts = [f"{c} toward {focus}: {say(old.get(c))} → {say(new.get(c))}" if c in changed
             else f"{c} toward {focus}: unchanged, {say(new.get(c))}" for c in shown]
    return "; ".join(parts)


# ------------------------------------------------------------------------------------------------- app
def make_app(review: Review) -> bottle.Bottle:
    """The WSGI app: the list of events, an article with its evidence marked, and the decisions."""
    app = bottle.Bottle()
    by_key = {e["key"]: e for e in review.events}
    names = sorted(relations())
    countries = sorted(knowledge_base().countries.items())
    country_choices = [(code, knowledge_base().country_name(code)) for code, _ in countries]

    def check_token(token: str) -> None:
        if not hmac.compare_digest(token.encode(), review.token.encode()):
            bottle.abort(403, "forbidden: this page needs the link stancegraph review printed")

    def check_csrf() -> None:
        if not hmac.compare_digest((bottle.request.forms.get("csrf") or "").encode(), review.csrf.encode()):
            bottle.abort(403, "forbidden: missing or wrong CSRF token")

    def record(rows: list[dict], what: str, touched: set[str]) -> str:
        """Write the rows (each atomically, at once) and work out their effect on the stances."""
        before = [p["decision"] for p in review.pending]
        decisions = []
        for row in rows:
            append_row(review.corrections, {k: v for k, v in row.items() if k in COLUMNS})
            decisions.append(row)
        effect = stance_effect(review.frame, before, before + decisions, review.focus, touched)
        for decision in decisions:
            review.pending.append({"decision": decision, "what": what, "effect": effect})
        if not decisions:
            review.pending.append({"decision": {"action": "none"}, "what": what, "effect": effect})
        return effect

    @app.hook("after_request")
    def secure() -> None:
        for name, value in SECURITY_HEADERS.items():
            bottle.response.set_header(name, value)

    @app.get("/<token>/review.js")
    def script(token: str) -> str:
        check_token(token)
        bottle.response.content_type = "text/javascript; charset=utf-8"
        return _SCRIPT.read_text(encoding="utf-8")

    @app.get("/<token>/")
    def index(token: str) -> str:
        check_token(token)
        for event in review.events:
            event["now"] = _current(event)
        return bottle.template(_LIST, title="stancegraph review", events=review.events, base=f"/{token}",
                               csrf=review.csrf, style=_STYLE, corrections=str(review.corrections),
                               relation_names=names, modes=MODES, countries=country_choices,
                               shortcuts=SHORTCUTS, focus=review.focus, pending=review.pending)

    def article_page(token: str, key: str, *, error: str = "", form: dict | None = None) -> str:
        event = by_key.get(key) or bottle.abort(404, "no such event")
        text = article_text(event["source"])
        start = text.find(event["evidence"]) if event["evidence"] else -1
        if start < 0:
            before, evidence, after = text, "", ""
        else:
            before, evidence, after = text[:start], event["evidence"], text[start + len(event["evidence"]):]
        form = form or {}
        return bottle.template(_ARTICLE, title=event["source"] or key, source=event["source"] or key,
                               before=before, evidence=evidence, after=after, base=f"/{token}", key=key,
                               style=_STYLE, csrf=review.csrf, error=error, relation_names=names,
                               countries=country_choices, span=form.get("evidence", ""),
                               actor=form.get("actor", ""), target=form.get("target", review.focus),
                               relation=form.get("relation", ""))

    @app.get("/<token>/event/<key>")
    def article(token: str, key: str) -> str:
        check_token(token)
        return article_page(token, key)

    @app.post("/<token>/decide")
    def decide(token: str) -> None:
        check_token(token)
        check_csrf()
        form = bottle.request.forms
        event = by_key.get(form.get("event") or "") or bottle.abort(404, "no such event")
        action = form.get("action") or ""
        touched = {event["actor_country"], event["target_country"]}
        if action in ("accept", "reject"):
            rows = [decision_row(event, action, "", review.curator)]
        elif action == "fix":
            changes = _fixes(event, {f: (form.getunicode(f) or "").strip() for f in FIXABLE})
            if isinstance(changes, str):
                bottle.abort(400, changes)
            rows = [decision_row(event, f, v, review.curator) for f, v in changes.items()]
            for field_name, value in changes.items():
                event["fixed"][field_name] = value
                if field_name in ("actor", "target"):
                    touched.add(resolve_actor(value).country)  # checked by _fixes
        else:
            bottle.abort(400, "give accept, reject, or fix with the new relation, actor, target, mode or date")
        what = f"{action} " + ", ".join(f"{r['action']} {r['value']}" for r in rows) if action == "fix" else action
        what = what if rows else "fix: nothing changed"
        event["decided"] = what
        event["effect"] = record(rows, f"{event['actor_label']} {event['relation']} "
                                 f"{event['target_label']}: {what}", touched)
        bottle.redirect(f"/{token}/#e-{event['key']}", 303)

    @app.post("/<token>/add")
    def add(token: str):
        check_token(token)
        check_csrf()
        form = bottle.request.forms
        key = form.get("event") or ""
        event = by_key.get(key) or bottle.abort(404, "no such event")
        cells = {f: (form.getunicode(f) or "").strip() for f in ("evidence", "actor", "relation", "target")}
        problem = _add_problem(event, cells, names)
        if problem:
            bottle.response.status = 400
            return article_page(token, key, error=f"refused: {problem}", form=cells)
        row = {"action": "add", "source": _source_cell(event["source"], review.corrections), "actor": cells["actor"],
               "relation": cells["relation"], "target": cells["target"], "evidence": cells["evidence"],
               "curator": review.curator, "date": date.today().isoformat(), "note": "stancegraph review"}
        row["iri"] = f"urn:stancegraph:review:added:{len(review.pending)}"
        row["frame_row"] = _added_row(review.frame, event, row)
        new = row["frame_row"]
        what = (f"add {new['actor_label']} ({new['actor_country']}) {cells['relation']} {new['target_label']} "
                f"({new['target_country']}): “{cells['evidence']}”")
        record([row], what, {new["actor_country"], new["target_country"]})
        bottle.redirect(f"/{token}/#pending", 303)

    return app


#: The fields of an event the fix form changes, as the actions of their corrections rows.
FIXABLE = ("relation", "actor", "target", "mode", "event_date")


def _current(event: dict) -> dict[str, str]:
    """The fields of the fix form: the event's values (an ISO3 code for a country), with this run's fixes."""
    def side(name: str) -> str:
        if event[f"{name}_type"] == "country" and event[f"{name}_country"]:
            return event[f"{name}_country"]
        return event[f"{name}_label"] or ""

    now = {"relation": event["relation"], "actor": side("actor"), "target": side("target"),
           "mode": event["mode"] or "asserted", "event_date": event["event_date"] or ""}
    return now | event.get("fixed", {})


def _fixes(event: dict, form: dict[str, str]) -> dict[str, str] | str:
    """The fields the fix form changed (action -> new value), or why the form cannot be used."""
    now = _current(event)
    changes = {f: v for f, v in form.items() if v and v != now[f]}
    if "relation" in changes and changes["relation"] not in relations():
        return f"unknown relation {changes['relation']!r}; choose one of the ontology's relations"
    for side in ("actor", "target"):
        if side in changes and resolve_actor(changes[side]) is None:
            return f"{side} {changes[side]!r} names no known country, person or organisation; give an ISO3 code"
    if "mode" in changes and changes["mode"] not in MODES:
        return f"mode {changes['mode']!r}: choose one of {', '.join(MODES)}"
    if "event_date" in changes:
        try:
            date.fromisoformat(changes["event_date"])
        except ValueError:
            return f"date {changes['event_date']!r}: give the day the act happened as YYYY-MM-DD"
    return changes


def _add_problem(event: dict, cells: dict[str, str], names: list[str]) -> str:
    """Why an added event cannot be written ('' when it can): the span must be in the article."""
    if not cells["evidence"]:
        return "no text selected: select the sentence of the missing event in the article"
    text = article_text(event["source"])
    if cells["evidence"] not in text:
        return (f"the selected text is not in the article {event['source']}; select a span of the article "
                "itself, not of the page around it")
    for side in ("actor", "target"):
        if resolve_actor(cells[side]) is None:
            return f"{side} {cells[side]!r} names no known country, person or organisation; give an ISO3 code"
    if cells["relation"] not in names:
        return f"unknown relation {cells['relation']!r}; choose one of the ontology's relations"
    return ""


def _added_row(frame: pd.DataFrame, event: dict, row: dict) -> dict:
    """An added event as a row of load_events' table (confidence 1, as the build adds it)."""
    added = {column: None for column in frame.columns}
    added |= {"event": row["iri"], "confidence": 1.0, "mode": "asserted", "sequence": 0, "mention_count": 1,
              "date": event["date"], "evidence": row["evidence"], "source": event["source"],
              "sources": (event["source"],)}
    _set_side(added, "actor", row["actor"])
    _set_side(added, "target", row["target"])
    _set_relation(added, row["relation"])
    added["description"] = describe(added)
    return added


def _source_cell(source: str | None, corrections: Path) -> str:
    """An article as a corrections row names it: relative to the corrections file's folder."""
    if not source:
        return ""
    try:
        return os.path.relpath(Path(source).resolve(), corrections.resolve().parent)
    except ValueError:  # another drive
        return Path(source).name


def decision_row(event: dict, action: str, value: str, curator: str, day: str | None = None) -> dict[str, str]:
    """The corrections row of a decision about an event (found by its IRI; the other cells say which)."""
    return {
        "action": action, "event": f"event:{event['key']}", "source": Path(event["source"] or "").name,
        "actor": event["actor_label"], "relation": event["relation"],
        "target": event["target_country"] or event["target_label"], "value": value,
        "curator": curator, "date": day or date.today().isoformat(), "note": "stancegraph review",
    }


def article_text(source: str | None) -> str:
    """The article's text as the build reads it (graph.documents.read_document: HTML as its visible text),
    so a span selected in it is found by the next build ('' when it cannot be read: the page then shows the
    sentence only)."""
    if not source or "#" in source:
        return ""
    try:
        document = read_document(source)
    except OSError:
        return ""
    return "" if document.skipped else document.text


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
    from graph.outputs import check_file_target
    from graph.store import open_store

    events = review_events(open_store(graph), focus=focus)
    target = Path(corrections) if corrections else default_corrections(events)
    if target is None:
        raise ValueError("the articles are in several folders; say where decisions go with --corrections FILE")
    check_file_target(target, "corrections.csv")  # said now, not at the first decision
    if target.exists():
        rows, problems = load(target)
        if problems and problems[0].line == 1 and not rows:
            raise ValueError(str(problems[0]))
    review = Review(events, target, curator or "reviewer", secrets.token_urlsafe(24), secrets.token_urlsafe(24),
                    focus=focus)
    server, url = start(review, port)
    on_ready(f"review page: {url}\ndecisions go to {target}. Press Ctrl-C to stop.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0

