// stancegraph view: draws the embedded graph data with vis-network, with filters, a legend, tooltips and a
// side panel listing the events of what was clicked, with a country's stance over time as an inline SVG.
// Article text (evidence, labels, sources) is only ever put into the page with textContent.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("sg-data").textContent);
  const look = data.style;
  const SVG = "http://www.w3.org/2000/svg";
  const focusNode = data.nodes.find((n) => n.type === "country" && n.country === data.focus);
  const focusId = focusNode ? focusNode.id : null;
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const countryNode = new Map(data.nodes.filter((n) => n.type === "country").map((n) => [n.country, n]));
  const countryName = new Map(data.countries.map((c) => [c.code, c.label]));
  const events = data.events; // events[i].id === i

  // The events of each node: its own, and at actor level a country's people's too.
  const nodeEvents = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of events) {
    const ids = new Set([e.from, e.to]);
    for (const code of [e.actorCountry, e.targetCountry]) {
      if (code && countryNode.has(code)) ids.add(countryNode.get(code).id);
    }
    for (const id of ids) nodeEvents.get(id).push(e.id);
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  function fmt(x) {
    return (x > 0 ? "+" : "") + x.toFixed(2);
  }

  // ---- drawing: colour, shape and size come from the style, so the embedded data stays compact ----------
  function kindOf(n) {
    return n.id === focusId ? "focus" : n.type === "country" ? "country" : "member";
  }

  const halo = { strokeWidth: 5, strokeColor: "rgba(255,255,255,0.92)" };

  function visNode(n) {
    const color = look.stanceColors[n.stance] || look.stanceColors.unknown;
    const focus = n.id === focusId;
    return {
      id: n.id, x: n.x, y: n.y, fixed: n.fixed, label: n.label, size: n.size,
      shape: look.typeShapes[n.type] || "dot",
      color: { background: color, border: focus ? "#202020" : color,
        highlight: { background: color, border: "#000000" }, hover: { background: color, border: "#000000" } },
      borderWidth: focus ? 3 : 1,
      font: Object.assign({ size: look.fonts[kindOf(n)] }, halo),
    };
  }

  // Which events pass the filters, and so how many each aggregated edge shows.
  const shown = new Uint8Array(events.length).fill(1);
  const edgeCount = new Int32Array(data.edges.length);
  data.edges.forEach((e) => { edgeCount[e.id] = e.count; });

  function edgeWidth(count) {
    const w = look.edgeWidth;
    return Math.round(Math.min(w.max, w.base + w.per_event * (Math.sqrt(Math.max(count, 1)) - 1)) * 100) / 100;
  }

  function edgeLabel(edge) {
    const counts = new Map();
    for (const id of edge.events) {
      if (shown[id]) counts.set(events[id].relation, (counts.get(events[id].relation) || 0) + 1);
    }
    const parts = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([relation, n]) => (n > 1 ? relation + " \u00d7" + n : relation));
    return parts.length > 3 ? parts.slice(0, 3).join(", ") + ", \u2026" : parts.join(", ");
  }

  // Edge labels are hidden at the initial zoom: vis-network skips a label whose on-screen size is below
  // drawThreshold - 1, so they appear from the zoom `edgeLabelsAtZoom` on; a hovered edge's label is enlarged.
  const edgeFont = look.fonts.edge;
  const edgeThreshold = edgeFont * look.edgeLabelsAtZoom + 1;

  function visEdge(e) {
    const color = look.polarityColors[String(e.polarity)] || look.polarityColors["0"];
    const edge = {
      id: e.id, from: e.from, to: e.to, width: edgeWidth(edgeCount[e.id]),
      color: { color: color, highlight: color, hover: color, opacity: 0.85 },
      arrows: e.directed ? "to" : "",
      smooth: e.curve ? { enabled: true, type: e.curve[0], roundness: e.curve[1] } : false,
    };
    if (!data.large) edge.label = edgeLabel(e);
    return edge;
  }

  const nodes = new vis.DataSet(data.nodes.map(visNode));
  const edges = new vis.DataSet(data.edges.map(visEdge));

  // ---- filters -----------------------------------------------------------------------------------
  const filter = { relation: "", mode: "", confidence: 0, from: 0, to: Math.max(0, data.dates.length - 1),
    hideUndated: false, countries: null };
  let visibleNodes = null; // null: every node

  function active() {
    return Boolean(filter.relation || filter.mode || filter.confidence > 0 || filter.hideUndated || filter.countries
      || (data.dates.length && (filter.from > 0 || filter.to < data.dates.length - 1)));
  }

  function eventPasses(e) {
    if (filter.relation && e.relation !== filter.relation) return false;
    if (filter.mode && e.mode !== filter.mode) return false;
    if (e.confidence + 1e-9 < filter.confidence) return false;
    if (!e.date) {
      if (filter.hideUndated) return false;
    } else if (data.dates.length && (e.date < data.dates[filter.from] || e.date > data.dates[filter.to])) {
      return false;
    }
    if (filter.countries) {
      const codes = [e.actorCountry, e.targetCountry, nodeById.get(e.from).country, nodeById.get(e.to).country];
      if (!codes.some((c) => c && filter.countries.has(c))) return false;
    }
    return true;
  }

  function computeVisible() {
    let count = 0;
    for (const e of events) {
      shown[e.id] = eventPasses(e) ? 1 : 0;
      count += shown[e.id];
    }
    const changed = [];
    for (const edge of data.edges) {
      let n = 0;
      for (const id of edge.events) n += shown[id];
      if (n !== edgeCount[edge.id] || !data.large) {
        edgeCount[edge.id] = n;
        const update = { id: edge.id, width: edgeWidth(n) * (data.large ? 1 : 1 / Math.min(1, network.getScale())) };
        if (!data.large) update.label = edgeLabel(edge);
        changed.push(update);
      }
    }
    if (changed.length) edges.update(changed);
    if (!active()) {
      visibleNodes = null;
    } else {
      visibleNodes = new Set(focusId === null ? [] : [focusId]);
      if (filter.countries) {
        for (const n of data.nodes) if (filter.countries.has(n.country) && n.type === "country") visibleNodes.add(n.id);
      }
      for (const edge of data.edges) {
        if (edgeCount[edge.id] > 0) {
          visibleNodes.add(edge.from);
          visibleNodes.add(edge.to);
        }
      }
    }
    return count;
  }

  const nodeView = new vis.DataView(nodes, { filter: (n) => visibleNodes === null || visibleNodes.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => edgeCount[e.id] > 0 });

  // ---- the network ---------------------------------------------------------------------------------
  const container = document.getElementById("network");
  const options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: {
      hover: true,
      tooltipDelay: 80,
      hideEdgesOnDrag: data.large,
      hideEdgesOnZoom: data.large,
      multiselect: false,
      navigationButtons: false,
      keyboard: false,
    },
    nodes: { borderWidth: 1, font: { face: "system-ui, sans-serif", color: "#1d1d1d" } },
    edges: {
      smooth: false,
      font: { size: edgeFont, color: "#333", strokeWidth: 4, strokeColor: "#ffffff", align: "middle" },
      scaling: { label: { drawThreshold: edgeThreshold } },
      arrows: { to: { enabled: true, scaleFactor: 0.6 } },
      selectionWidth: 2,
      hoverWidth: 1.5,
    },
  };
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  // Labels stay readable when the view is zoomed out: below the zoom where a label would be smaller than
  // style.readable px on screen, its font grows to keep that size (graphs under the large-graph limit).
  let readableAt = null;
  function keepReadable() {
    if (data.large) return;
    const scale = network.getScale();
    const key = Math.round(scale * 1000);
    if (key === readableAt) return;
    readableAt = key;
    const updates = data.nodes.map((n) => {
      const kind = kindOf(n);
      return {
        id: n.id,
        size: Math.max(n.size, look.readable.node_min / scale),
        font: { size: Math.max(look.fonts[kind], look.readable[kind] / scale) },
      };
    });
    nodes.update(updates);
    // edges keep their on-screen width when zoomed out, as labels keep their size
    const stretch = 1 / Math.min(1, scale);
    edges.update(data.edges.map((e) => ({ id: e.id, width: edgeWidth(edgeCount[e.id]) * stretch })));
  }

  function fitTo(ids) {
    network.fit({ nodes: ids || [], animation: false, maxZoomLevel: look.maxZoom });
    keepReadable();
  }

  // ---- the side panel and the tooltip: built from text nodes only -------------------------------------
  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function svg(tag, attributes, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, String(value));
    if (text !== undefined) element.textContent = String(text);
    return element;
  }

  function facts(pairs) {
    const list = el("dl", "info-facts");
    for (const [name, value] of pairs) {
      if (value === undefined || value === null || value === "") continue;
      list.appendChild(el("dt", "", name));
      const cell = el("dd", "");
      cell.appendChild(value instanceof Node ? value : document.createTextNode(String(value)));
      list.appendChild(cell);
    }
    return list;
  }

  // A source that is a web address opens in a new tab; only http(s), never another scheme, and the text
  // of the link is the address itself, as text.
  function sourceLink(source) {
    if (typeof source !== "string" || !/^https?:\/\//i.test(source)) return document.createTextNode(String(source));
    const link = el("a", "", source);
    link.href = source;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  function who(label, code) {
    return label + (code ? " (" + code + ")" : "");
  }

  function eventItem(e) {
    const item = el("li", "event");
    item.dataset.event = String(e.id);
    const head = el("div", "event-head");
    const dot = el("span", "pol");
    dot.style.backgroundColor = look.polarityColors[String(e.polarity)] || look.polarityColors["0"];
    head.append(dot, document.createTextNode([e.date || "undated", e.relation, e.mode || "mode unknown",
      "confidence " + e.confidence.toFixed(2)].join(" \u00b7 ")));
    item.appendChild(head);
    item.appendChild(el("div", "event-who", who(e.actor, e.actorCountry) + " \u2192 " + who(e.target, e.targetCountry)));
    if (e.evidence) item.appendChild(el("blockquote", "info-evidence", e.evidence));
    const source = el("div", "event-source");
    source.appendChild(document.createTextNode("Source: "));
    source.appendChild(sourceLink(e.source || "unknown"));
    if (e.sources) source.appendChild(document.createTextNode(" (also in " + (e.sources.length - 1) + " more)"));
    if (e.reported) source.appendChild(document.createTextNode(" \u00b7 reported " + e.reported));
    if (e.mentions > 1) source.appendChild(document.createTextNode(" \u00b7 " + e.mentions + " mentions"));
    item.appendChild(source);
    return item;
  }

  // Newest first; undated events after the dated ones.
  function newestFirst(ids) {
    return ids.slice().sort((a, b) => {
      const da = events[a].date;
      const db = events[b].date;
      if (da !== db) return !da ? 1 : !db ? -1 : da < db ? 1 : -1;
      return b - a;
    });
  }

  const PAGE = 100;
  function eventList(ids) {
    const box = el("div", "");
    const passing = ids.filter((id) => shown[id]);
    const note = passing.length === ids.length ? ids.length + " event" + (ids.length === 1 ? "" : "s")
      : passing.length + " of " + ids.length + " events (filters applied)";
    box.appendChild(el("h2", "", note));
    const list = el("ol", "event-list");
    box.appendChild(list);
    const ordered = newestFirst(passing);
    let done = 0;
    function more() {
      for (const id of ordered.slice(done, done + PAGE)) list.appendChild(eventItem(events[id]));
      done = Math.min(ordered.length, done + PAGE);
      button.hidden = done >= ordered.length;
      button.textContent = "show " + Math.min(PAGE, ordered.length - done) + " more";
    }
    const button = el("button", "more");
    button.type = "button";
    button.addEventListener("click", more);
    box.appendChild(button);
    more();
    return box;
  }

  // The country's stance over time toward the focus: the running sum of its own acts, one step per act.
  function stanceChart(code) {
    const box = el("div", "chart");
    const name = countryName.get(code) || code;
    if (code === data.focus) {
      box.appendChild(el("p", "chart-caption", name + " is the focus: every other country's stance is toward it."));
      return box;
    }
    const series = data.series[code];
    if (!series || !series.points.length) {
      const undated = series ? series.undated : 0;
      box.appendChild(el("p", "chart-caption", "No dated act of " + name + " toward " + data.focusLabel
        + (undated ? " (" + undated + " undated)" : "") + ": no stance over time to draw."));
      return box;
    }
    const W = 350, H = 140, L = 40, R = 10, T = 10, B = 24;
    const times = series.points.map((p) => Date.parse(p[0] + "T00:00:00Z"));
    const t0 = Math.min(...times), t1 = Math.max(...times);
    const values = series.points.map((p) => p[1]).concat([0]);
    let lo = Math.min(...values), hi = Math.max(...values);
    if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
    const pad = (hi - lo) * 0.08;
    lo -= pad; hi += pad;
    const x = (t) => (t1 === t0 ? L + (W - L - R) / 2 : L + (t - t0) / (t1 - t0) * (W - L - R));
    const y = (v) => T + (hi - v) / (hi - lo) * (H - T - B);
    const chart = svg("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img",
      "aria-label": "Stance of " + name + " toward " + data.focusLabel + " over time" });
    chart.appendChild(svg("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), stroke: "#999", "stroke-dasharray": "3 3" }));
    chart.appendChild(svg("line", { x1: L, x2: L, y1: T, y2: H - B, stroke: "#bbb" }));
    let path = "M " + x(times[0]).toFixed(1) + " " + y(0).toFixed(1);
    let level = 0;
    series.points.forEach((p, i) => {
      const px = x(times[i]).toFixed(1);
      path += " L " + px + " " + y(level).toFixed(1) + " L " + px + " " + y(p[1]).toFixed(1);
      level = p[1];
    });
    path += " L " + (W - R) + " " + y(level).toFixed(1);
    chart.appendChild(svg("path", { d: path, fill: "none", stroke: look.stanceColors.focus, "stroke-width": 2 }));
    series.points.forEach((p, i) => {
      const sign = p[2] > 0 ? "1" : p[2] < 0 ? "-1" : "0";
      const dot = svg("circle", { cx: x(times[i]).toFixed(1), cy: y(p[1]).toFixed(1), r: 3.5,
        fill: look.polarityColors[sign], stroke: "#fff", "stroke-width": 1 });
      const event = data.events.find((e) => e.event === p[3]);
      dot.appendChild(svg("title", {}, p[0] + " " + fmt(p[2]) + " \u2192 " + fmt(p[1])
        + (event ? " (" + event.relation + ")" : "")));
      chart.appendChild(dot);
    });
    const small = { "font-size": 10, fill: "#555", "font-family": "system-ui, sans-serif" };
    chart.appendChild(svg("text", Object.assign({ x: L, y: H - 8 }, small), series.points[0][0]));
    if (t1 !== t0) {
      chart.appendChild(svg("text", Object.assign({ x: W - R, y: H - 8, "text-anchor": "end" }, small),
        series.points[series.points.length - 1][0]));
    }
    chart.appendChild(svg("text", Object.assign({ x: L - 4, y: y(hi - pad) + 4, "text-anchor": "end" }, small), fmt(hi - pad)));
    chart.appendChild(svg("text", Object.assign({ x: L - 4, y: y(lo + pad), "text-anchor": "end" }, small), fmt(lo + pad)));
    box.appendChild(chart);
    let caption = "Stance over time: running sum of " + name + "'s own acts toward " + data.focusLabel
      + " (relation weight \u00d7 confidence), now " + fmt(series.final) + ".";
    if (series.undated) caption += " " + series.undated + " undated act(s) (" + fmt(series.undatedSum) + ") are not in the chart.";
    box.appendChild(el("p", "chart-caption", caption));
    return box;
  }

  function stanceText(node) {
    if (node.stance === "focus") return "focus country";
    return node.stance + (node.score === null || node.score === undefined ? "" : " (score " + node.score.toFixed(3) + ")");
  }

  const details = document.getElementById("details");
  let current = null; // what the panel shows: ["node", id] or ["edge", id]

  function showNode(id) {
    const node = nodeById.get(id);
    current = ["node", id];
    const home = node.country ? who(countryName.get(node.country) || node.country, node.country) : "";
    const panel = [el("h3", "", node.label + (node.type === "country" ? "" : " (" + node.type + ")")),
      facts([
        ["Country", node.type === "country" ? node.country : home],
        [node.type === "country" ? "Stance toward " + data.focus : "Country's stance", stanceText(node)],
        ["Trend", node.trend],
      ])];
    if (node.country) panel.push(stanceChart(node.country));
    panel.push(eventList(nodeEvents.get(id)));
    details.replaceChildren(...panel);
    details.scrollTop = 0;
  }

  function edgeTitle(edge) {
    return nodeById.get(edge.from).label + " \u2192 " + nodeById.get(edge.to).label;
  }

  function showEdge(id) {
    const edge = data.edges[id];
    current = ["edge", id];
    details.replaceChildren(
      el("h3", "", edgeTitle(edge)),
      facts([
        ["Acts", look.polarityLabels[String(edge.polarity)] + "s"],
        ["Net weight", fmt(edge.net)],
        ["Relations", edge.relations.map((r) => r[0] + (r[1] > 1 ? " \u00d7" + r[1] : "")).join(", ")],
      ]),
      eventList(edge.events),
    );
  }

  function refreshPanel() {
    if (current && current[0] === "node") showNode(current[1]);
    else if (current && current[0] === "edge") showEdge(current[1]);
  }

  const tooltip = document.getElementById("tooltip");

  function showTooltip(content, pointer) {
    tooltip.replaceChildren(...content);
    tooltip.hidden = false;
    const area = container.getBoundingClientRect();
    const left = Math.min(pointer.x + 14, area.width - tooltip.offsetWidth - 4);
    const top = Math.min(pointer.y + 14, area.height - tooltip.offsetHeight - 4);
    tooltip.style.left = Math.max(0, left) + "px";
    tooltip.style.top = Math.max(0, top) + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
    tooltip.replaceChildren();
  }

  function nodeTooltip(id) {
    const node = nodeById.get(id);
    const count = nodeEvents.get(id).filter((e) => shown[e]).length;
    return [el("div", "info-title", node.label + (node.type === "country" ? "" : " (" + node.type + ")")),
      facts([["Stance", stanceText(node)], ["Events", count]]),
      el("div", "muted", "click for its events")];
  }

  function edgeTooltip(id) {
    const edge = data.edges[id];
    const ids = newestFirst(edge.events.filter((e) => shown[e]));
    const parts = [el("div", "info-title", edgeTitle(edge)),
      facts([["Acts", ids.length + " " + look.polarityLabels[String(edge.polarity)] + (ids.length === 1 ? "" : "s")],
        ["Relations", edgeLabel(edge)]])];
    if (ids.length) {
      const latest = events[ids[0]];
      parts.push(el("div", "muted", "latest: " + (latest.date || "undated")));
      if (latest.evidence) parts.push(el("blockquote", "info-evidence", latest.evidence));
    }
    parts.push(el("div", "muted", "click for every event"));
    return parts;
  }

  let hovered = null;
  function labelHover(id) {
    if (hovered !== null && edges.get(hovered)) edges.update({ id: hovered, font: { size: edgeFont } });
    hovered = id;
    if (id !== null && !data.large) {
      edges.update({ id: id, font: { size: Math.max(edgeFont, (edgeThreshold + 1) / network.getScale()) } });
    }
  }

  network.on("hoverNode", (p) => showTooltip(nodeTooltip(p.node), p.pointer.DOM));
  network.on("hoverEdge", (p) => {
    showTooltip(edgeTooltip(p.edge), p.pointer.DOM);
    labelHover(p.edge);
  });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", () => { hideTooltip(); labelHover(null); });
  network.on("dragStart", hideTooltip);
  network.on("zoom", () => { hideTooltip(); labelHover(null); window.requestAnimationFrame(keepReadable); });
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ---- legend --------------------------------------------------------------------------------------
  function legend() {
    const box = document.getElementById("legend");
    box.appendChild(el("h2", "", "Stance toward " + data.focusLabel));
    for (const item of data.legend.stances) {
      const row = el("div", "legend-row");
      const swatch = el("span", "swatch");
      swatch.style.backgroundColor = item.color;
      row.append(swatch, el("span", "", item.label + " (" + item.count + ")"));
      box.append(row, el("div", "legend-note muted", item.description));
    }
    box.appendChild(el("h2", "", "Node shape"));
    for (const item of data.legend.types) {
      const row = el("div", "legend-row");
      row.append(el("span", "glyph", item.glyph), el("span", "", item.type));
      box.appendChild(row);
    }
    box.appendChild(el("h2", "", "Edge colour"));
    for (const item of data.legend.polarities) {
      const row = el("div", "legend-row");
      const line = el("span", "line");
      line.style.backgroundColor = item.color;
      row.append(line, el("span", "", item.label));
      box.appendChild(row);
    }
    box.appendChild(el("p", "muted", data.nodes.length + " nodes, " + events.length + " events in " + data.edges.length
      + " edges: one per direction and polarity between two " + (data.level === "country" ? "countries" : "nodes")
      + ", wider with more events. Each country keeps its place from one build to the next."));
  }

  // ---- controls ------------------------------------------------------------------------------------
  const relationSelect = document.getElementById("relation-filter");
  const modeSelect = document.getElementById("mode-filter");
  const countryInput = document.getElementById("country-filter");
  const confidenceInput = document.getElementById("confidence-filter");
  const confidenceValue = document.getElementById("confidence-value");
  const dateFrom = document.getElementById("date-from");
  const dateTo = document.getElementById("date-to");
  const dateRange = document.getElementById("date-range");
  const hideUndated = document.getElementById("hide-undated");
  const status = document.getElementById("status");

  function addOptions(select, values) {
    for (const value of values) {
      const option = el("option", "", value);
      option.value = value;
      select.appendChild(option);
    }
  }
  addOptions(relationSelect, data.relations);
  addOptions(modeSelect, data.modes);
  const countryList = document.getElementById("country-list");
  for (const country of data.countries) {
    const option = el("option", "", country.code);
    option.value = country.label;
    countryList.appendChild(option);
  }
  const last = Math.max(0, data.dates.length - 1);
  for (const input of [dateFrom, dateTo]) {
    input.max = String(last);
    input.disabled = data.dates.length < 2;
  }
  dateTo.value = String(last);

  // Typed text -> countries: exact names, codes, aliases, demonyms and capitals first, then names that
  // start with it, then names that contain it.
  const aliases = Object.entries(data.aliases);
  function matchCountries(text) {
    const query = fold(text);
    if (!query) return null;
    for (const test of [(a) => a === query, (a) => query.length >= 2 && a.startsWith(query),
      (a) => query.length >= 3 && a.includes(query)]) {
      const found = aliases.filter(([, names]) => names.some(test)).map(([code]) => code);
      if (found.length) return new Set(found);
    }
    return new Set();
  }

  function describeDates() {
    if (!data.dates.length) return "no dated event";
    return data.dates[filter.from] + " \u2013 " + data.dates[filter.to];
  }

  function apply(options) {
    filter.relation = relationSelect.value;
    filter.mode = modeSelect.value;
    filter.confidence = Number(confidenceInput.value);
    filter.from = Math.min(Number(dateFrom.value), Number(dateTo.value));
    filter.to = Math.max(Number(dateFrom.value), Number(dateTo.value));
    filter.hideUndated = hideUndated.checked;
    filter.countries = matchCountries(countryInput.value);
    confidenceValue.textContent = filter.confidence.toFixed(2);
    dateRange.textContent = describeDates();
    const count = computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    hideTooltip();
    if (filter.countries && filter.countries.size === 0) status.textContent = "no country matches";
    else if (active()) status.textContent = count + " of " + events.length + " events shown";
    else status.textContent = "";
    if (!options || options.fit !== false) fitTo(visibleNodes === null ? [] : [...visibleNodes]);
    refreshPanel();
    return count;
  }

  for (const control of [relationSelect, modeSelect, hideUndated]) control.addEventListener("change", () => apply());
  for (const control of [countryInput, confidenceInput, dateFrom, dateTo]) control.addEventListener("input", () => apply());
  document.getElementById("controls").addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("reset").addEventListener("click", () => {
    relationSelect.value = "";
    modeSelect.value = "";
    countryInput.value = "";
    confidenceInput.value = "0";
    dateFrom.value = "0";
    dateTo.value = String(last);
    hideUndated.checked = false;
    apply();
  });

  if (!data.focusEvents) {
    const warning = document.getElementById("focus-warning");
    const others = data.countries.length - 1;
    warning.textContent = "No event involves " + data.focusLabel + " (" + data.focus + ") in this graph: the "
      + others + " other " + (others === 1 ? "country has" : "countries have") + " no stance toward it.";
    warning.hidden = false;
  }

  legend();
  confidenceValue.textContent = "0.00";
  dateRange.textContent = describeDates();
  network.on("afterDrawing", () => {
    window.__stancegraphDraws = (window.__stancegraphDraws || 0) + 1;
    window.__stancegraphLastDraw = performance.now();
  });
  network.once("afterDrawing", () => {
    window.__stancegraphReady = true;
    document.body.dataset.ready = "true";
  });
  fitTo([]);

  window.stancegraph = { data, nodes, edges, nodeView, edgeView, network, apply, showNode, showEdge, shown,
    matchCountries };
})();
