// stancegraph view: draws the embedded graph data with vis-network, with filters, legend and tooltips.
// Article text (evidence, labels, sources) is only ever put into the page with textContent.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("sg-data").textContent);
  const look = data.style;
  const focusIds = new Set(data.nodes.filter((n) => n.type === "country" && n.country === data.focus).map((n) => n.id));

  // Colour and shape come from the style, so the embedded data stays compact.
  function visNode(n) {
    const color = look.stanceColors[n.stance] || look.stanceColors.unknown;
    const focus = focusIds.has(n.id);
    const kind = focus ? "focus" : n.type === "country" ? "country" : "member";
    return Object.assign({}, n, {
      shape: look.typeShapes[n.type] || "dot",
      color: { background: color, border: focus ? "#202020" : color,
        highlight: { background: color, border: "#000000" }, hover: { background: color, border: "#000000" } },
      borderWidth: focus ? 3 : 1,
      font: { size: look.fonts[kind] },
    });
  }

  function visEdge(e) {
    const color = look.polarityColors[String(e.polarity)] || look.polarityColors["0"];
    const edge = Object.assign({}, e, {
      color: { color: color, highlight: color, hover: color, opacity: 0.85 },
      arrows: e.directed ? "to" : "",
    });
    if (!data.large) {
      edge.label = e.relation;
      edge.smooth = { enabled: true, type: "curvedCW", roundness: e.roundness };
    }
    return edge;
  }

  const nodes = new vis.DataSet(data.nodes.map(visNode));
  const edges = new vis.DataSet(data.edges.map(visEdge));
  const nodeCountry = new Map(data.nodes.map((n) => [n.id, n.country]));
  const countryName = new Map(data.countries.map((c) => [c.code, c.label]));

  // ---- filters: which edges and nodes are visible -------------------------------------------------
  const filter = { relation: "", countries: null };
  let visibleNodes = null; // null: every node

  function computeVisible() {
    if (!filter.relation && !filter.countries) {
      visibleNodes = null;
      return data.edges.length;
    }
    const keep = new Set(focusIds);
    for (const n of data.nodes) {
      if (filter.countries && !filter.relation && filter.countries.has(n.country)) keep.add(n.id);
    }
    let shown = 0;
    for (const e of data.edges) {
      if (edgeMatches(e)) {
        keep.add(e.from);
        keep.add(e.to);
        shown += 1;
      }
    }
    visibleNodes = keep;
    return shown;
  }

  function edgeMatches(e) {
    if (filter.relation && e.relation !== filter.relation) return false;
    if (filter.countries) {
      const a = nodeCountry.get(e.from);
      const b = nodeCountry.get(e.to);
      if (!filter.countries.has(a) && !filter.countries.has(b)) return false;
    }
    return true;
  }

  const nodeView = new vis.DataView(nodes, { filter: (n) => visibleNodes === null || visibleNodes.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => visibleNodes === null || edgeMatches(e) });

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
      smooth: data.large ? false : { enabled: true, type: "curvedCW", roundness: 0.1 },
      font: { size: look.fonts.edge, color: "#444", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      selectionWidth: 2,
    },
  };
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  // ---- details: built from text nodes only ---------------------------------------------------------
  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
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
    if (typeof source !== "string" || !/^https?:\/\//i.test(source)) return source;
    const link = el("a", "", source);
    link.href = source;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  function edgeInfo(edge) {
    const box = el("div", "info");
    box.appendChild(el("div", "info-title", edge.description));
    if (edge.evidence) box.appendChild(el("blockquote", "info-evidence", edge.evidence));
    box.appendChild(facts([
      ["Source", edge.sources ? edge.sources.join("; ") : sourceLink(edge.source)],
      ["Date", edge.date || "undated"],
      ["Relation", edge.relation],
      ["Confidence", edge.confidence.toFixed(2)],
      ["Signed weight", edge.weight.toFixed(2)],
      ["Mentions", edge.mentions],
      ["Mode", edge.mode],
      ["Event", edge.event],
    ]));
    return box;
  }

  function nodeInfo(node) {
    const box = el("div", "info");
    box.appendChild(el("div", "info-title", node.label + " (" + node.type + ")"));
    const home = node.country ? node.country + (countryName.has(node.country) ? " - " + countryName.get(node.country) : "") : "";
    const stance = node.stance === "focus" ? "focus country"
      : node.stance + (node.score === null || node.score === undefined ? "" : " (score " + node.score.toFixed(3) + ")");
    box.appendChild(facts([
      ["Country", home],
      [node.type === "country" ? "Stance toward " + data.focus : "Country's stance", stance],
      ["Trend", node.trend],
      ["Events", node.events],
      ["IRI", node.iri],
    ]));
    return box;
  }

  const tooltip = document.getElementById("tooltip");
  const details = document.getElementById("details");

  function showTooltip(content, pointer) {
    tooltip.replaceChildren(content);
    tooltip.hidden = false;
    const area = container.getBoundingClientRect();
    const x = Math.min(pointer.x + 14, area.width - tooltip.offsetWidth - 4);
    const y = Math.min(pointer.y + 14, area.height - tooltip.offsetHeight - 4);
    tooltip.style.left = Math.max(0, x) + "px";
    tooltip.style.top = Math.max(0, y) + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
    tooltip.replaceChildren();
  }

  network.on("hoverNode", (p) => showTooltip(nodeInfo(nodes.get(p.node)), p.pointer.DOM));
  network.on("hoverEdge", (p) => showTooltip(edgeInfo(edges.get(p.edge)), p.pointer.DOM));
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", (p) => {
    if (p.nodes.length) details.replaceChildren(el("h2", "", "Node"), nodeInfo(nodes.get(p.nodes[0])));
    else if (p.edges.length) details.replaceChildren(el("h2", "", "Event"), edgeInfo(edges.get(p.edges[0])));
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
    box.appendChild(el("p", "muted", data.nodes.length + " nodes, " + data.edges.length + " events; one edge per event, labelled by relation."));
  }

  // ---- controls ------------------------------------------------------------------------------------
  const relationSelect = document.getElementById("relation-filter");
  const countryInput = document.getElementById("country-filter");
  const status = document.getElementById("status");

  for (const relation of data.relations) {
    const option = el("option", "", relation);
    option.value = relation;
    relationSelect.appendChild(option);
  }
  const countryList = document.getElementById("country-list");
  for (const country of data.countries) {
    const option = el("option", "", country.label);
    option.value = country.code;
    countryList.appendChild(option);
  }

  function matchCountries(text) {
    const query = text.trim().toLowerCase();
    if (!query) return null;
    const exact = data.countries.filter((c) => c.code.toLowerCase() === query || c.label.toLowerCase() === query);
    const found = exact.length ? exact : data.countries.filter((c) => c.label.toLowerCase().includes(query));
    return new Set(found.map((c) => c.code));
  }

  function apply() {
    filter.relation = relationSelect.value;
    filter.countries = matchCountries(countryInput.value);
    const shown = computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    hideTooltip();
    if (filter.countries && filter.countries.size === 0) status.textContent = "no country matches";
    else if (filter.relation || filter.countries) status.textContent = shown + " of " + data.edges.length + " events shown";
    else status.textContent = "";
  }

  relationSelect.addEventListener("change", apply);
  countryInput.addEventListener("input", apply);
  document.getElementById("controls").addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("reset").addEventListener("click", () => {
    relationSelect.value = "";
    countryInput.value = "";
    apply();
    network.fit({ animation: false });
  });

  legend();
  network.once("afterDrawing", () => {
    window.__stancegraphReady = true;
    document.body.dataset.ready = "true";
  });
  network.fit({ animation: false });

  window.stancegraph = { data, nodes, edges, nodeView, edgeView, network, apply };
})();
