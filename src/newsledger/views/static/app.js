// The main page: filters -> /api/events -> clustered map, event list, timeline brush, evidence panel.
"use strict";

const state = {events: [], range: null, selected: null, fitted: false};
let map, cluster;

function filterParams() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(document.getElementById("filters"))) {
    if (v !== "" && !(k === "min_sources" && v === "0")) p.set(k, v);
  }
  p.set("limit", "5000");
  return p;
}

function inRange(e) {
  if (!state.range) return true;
  const d = (e.date || "").slice(0, 10);
  return d && d >= state.range[0] && d <= state.range[1];
}

async function loadFacets() {
  const f = await NL.getJSON("/api/facets");
  const fill = (id, values) => {
    const sel = document.getElementById(id);
    for (const v of values) sel.insertAdjacentHTML("beforeend", `<option value="${NL.esc(v)}">${NL.esc(v)}</option>`);
  };
  fill("f-type", f.types); fill("f-outlet", f.outlets); fill("f-modality", f.modalities);
}

async function refresh() {
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  try {
    const data = await NL.getJSON("/api/events?" + filterParams());
    state.events = data.events;
    drawTimeline();
    render();
  } catch (err) {
    status.textContent = "Could not load events: " + err.message;
  }
}

function render() {
  const shown = state.events.filter(inRange);
  const located = shown.filter(e => e.location && e.location.lat != null);
  document.getElementById("status").textContent =
    `${shown.length} events (${located.length} on the map)` + (state.range ? ` from ${state.range[0]} to ${state.range[1]}` : "");
  drawMarkers(located);
  drawList(shown);
  if (!state.fitted && located.length) {
    map.fitBounds(coreBounds(located), {padding: [40, 40], maxZoom: 6});
    state.fitted = true;
  }
}

// Bounds of the middle 80% of events in latitude and longitude, so a few far-off events do not zoom the map
// out to the whole world on first load.
function coreBounds(events) {
  const q = (xs, p) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(p * (xs.length - 1))))];
  const lats = events.map(e => e.location.lat).sort((a, b) => a - b);
  const lons = events.map(e => e.location.lon).sort((a, b) => a - b);
  return L.latLngBounds([q(lats, 0.1), q(lons, 0.1)], [q(lats, 0.9), q(lons, 0.9)]);
}

function summary(e) {
  const who = NL.actors(e.actor) || "unnamed actor";
  const whom = NL.actors(e.recipient);
  const where = e.location && e.location.name ? ` in ${e.location.name}` : "";
  return `${who}${whom ? " → " + whom : ""}${where}`;
}

function drawMarkers(events) {
  cluster.clearLayers();
  const markers = events.map(e => {
    const icon = L.divIcon({className: "ev-icon", iconSize: [14, 14],
      html: `<span class="ev-marker" data-type="${NL.esc(e.event_type)}" data-id="${NL.esc(e.event_id)}" style="background:${NL.colour(e.event_type)}"></span>`});
    const m = L.marker([e.location.lat, e.location.lon], {icon, title: `${e.event_type} ${e.date || ""}`});
    m.on("click", () => openEvent(e.event_id));
    return m;
  });
  cluster.addLayers(markers);
}

function drawList(events) {
  const ol = document.getElementById("event-list");
  ol.innerHTML = events.slice(0, 500).map(e => `
    <li class="ev-item" data-id="${NL.esc(e.event_id)}" data-type="${NL.esc(e.event_type)}" tabindex="0">
      <span class="swatch" style="background:${NL.colour(e.event_type)}"></span>
      <span class="ev-date">${NL.esc(e.date || "undated")}</span>
      <strong>${NL.esc(e.event_type)}</strong> <span class="ev-mod">${NL.esc(e.modality)}</span>
      <div class="ev-sum">${NL.esc(summary(e))}</div>
      <div class="ev-src">${e.n_independent_sources} independent / ${e.n_sources} sources</div>
    </li>`).join("");
  if (events.length > 500) ol.insertAdjacentHTML("beforeend", `<li class="more">${events.length - 500} more: narrow the filters</li>`);
}

async function openEvent(id) {
  const panel = document.getElementById("detail");
  panel.hidden = false;
  panel.innerHTML = "Loading…";
  const {event: e, evidence} = await NL.getJSON("/api/events/" + encodeURIComponent(id));
  state.selected = id;
  const place = e.location && e.location.name
    ? `<a href="/place/${encodeURIComponent(e.territory ? e.territory.place : e.location.name)}">${NL.esc(e.location.name)}</a>` +
      (e.location.admin1 ? `, ${NL.esc(e.location.admin1)}` : "") + (e.location.country ? ` (${NL.esc(e.location.country)})` : "")
    : "no location";
  const terr = e.territory
    ? `<p class="terr">Control: <a href="/place/${encodeURIComponent(e.territory.place)}">${NL.esc(e.territory.place)}</a>
       ${e.territory.lost_by ? "lost by " + NL.esc(e.territory.lost_by) : ""} ${e.territory.gained_by ? "gained by " + NL.esc(e.territory.gained_by) : ""}</p>` : "";
  const dis = (e.disagreements || []).map(d => `<li>${NL.esc(d.field)}: ${(d.versions || []).map(v => NL.esc(v.value)).join(" vs ")}</li>`).join("");
  panel.innerHTML = `
    <button type="button" class="close" aria-label="Close">×</button>
    <h2><span class="swatch" style="background:${NL.colour(e.event_type)}"></span>${NL.esc(e.event_type)}${e.mode ? " / " + NL.esc(e.mode) : ""}</h2>
    <dl>
      <dt>Date</dt><dd>${NL.esc(e.date || "unknown")} <small>(${NL.esc(e.date_precision || "")})</small>
        ${e.date ? `<a class="brief-link" href="/api/brief?format=html&date=${encodeURIComponent(e.date.slice(0, 10))}" target="_blank">brief of the day</a>` : ""}</dd>
      <dt>Actor</dt><dd>${NL.esc(NL.actors(e.actor) || "—")}</dd>
      <dt>Recipient</dt><dd>${NL.esc(NL.actors(e.recipient) || "—")}</dd>
      <dt>Place</dt><dd>${place}</dd>
      <dt>Modality</dt><dd>${NL.esc(e.modality)}</dd>
      <dt>Sources</dt><dd>${e.n_sources} (${e.n_independent_sources} independent)</dd>
    </dl>${terr}
    ${dis ? `<div class="disagree"><strong>Sources disagree</strong><ul>${dis}</ul></div>` : ""}
    <h3>Sources</h3>
    <ol class="sources">${evidence.map(s => `
      <li class="source">
        <blockquote>${NL.highlight(s.sentence, s.highlights)}</blockquote>
        <div class="src-meta"><strong class="outlet">${NL.esc(s.outlet || "unknown outlet")}</strong>
          ${s.published ? NL.esc(s.published.slice(0, 10)) : ""}
          ${s.copy_kind ? `<span class="copy">${NL.esc(s.copy_kind)}</span>` : ""}
          ${s.url ? `<a href="${NL.esc(s.url)}" target="_blank" rel="noopener noreferrer">${NL.esc(s.title || "link")}</a>` : ""}</div>
      </li>`).join("")}</ol>
    <p class="legend-hl"><mark class="hl-trigger">trigger</mark> <mark class="hl-actor">actor</mark>
      <mark class="hl-recipient">recipient</mark> <mark class="hl-place">place</mark></p>`;
  panel.querySelector(".close").addEventListener("click", () => { panel.hidden = true; state.selected = null; });
  panel.scrollIntoView({block: "start"});
}

// --- timeline with a date-range brush (plain SVG, no library) ---
function days(a, b) {
  const out = [];
  for (let d = new Date(a + "T00:00:00Z"); d <= new Date(b + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

function drawTimeline() {
  const svg = document.getElementById("timeline");
  const dated = state.events.filter(e => e.date).map(e => ({d: e.date.slice(0, 10), t: e.event_type}));
  svg.innerHTML = "";
  if (!dated.length) return;
  const all = dated.map(x => x.d).sort();
  const axis = days(all[0], all[all.length - 1]);
  const W = svg.clientWidth || 800, H = svg.clientHeight || 90, pad = 18;
  const bw = (W - 2 * pad) / axis.length;
  const counts = {};
  for (const x of dated) (counts[x.d] ||= {})[x.t] = ((counts[x.d] || {})[x.t] || 0) + 1;
  const max = Math.max(...Object.values(counts).map(c => Object.values(c).reduce((a, b) => a + b, 0)));
  const idx = Object.fromEntries(axis.map((d, i) => [d, i]));
  let html = "";
  for (const [d, c] of Object.entries(counts)) {
    let y = H - pad;
    for (const [t, n] of Object.entries(c)) {
      const h = (H - 2 * pad) * n / max;
      y -= h;
      html += `<rect class="bar" x="${pad + idx[d] * bw}" y="${y}" width="${Math.max(bw - 1, 2)}" height="${h}" fill="${NL.colour(t)}"><title>${d} ${t}: ${n}</title></rect>`;
    }
  }
  // month ticks, thinned so labels do not overlap (about 60 px each)
  const months = axis.map((d, i) => [d, i]).filter(([d, i]) => i === 0 || d.endsWith("-01"));
  const every = Math.max(1, Math.ceil(months.length * 60 / (W - 2 * pad)));
  months.forEach(([d, i], k) => {
    const x = pad + i * bw;
    html += `<line class="tickline" x1="${x}" x2="${x}" y1="${pad / 2}" y2="${H - pad}"></line>`;
    if (k % every === 0) html += `<text x="${x + 2}" y="${H - 4}" class="tick">${d.slice(0, 7)}</text>`;
  });
  html += `<rect id="brush" y="${pad / 2}" height="${H - pad * 1.5}" x="0" width="0"></rect>`;
  svg.innerHTML = html;
  const brush = svg.querySelector("#brush");
  const dayAt = x => axis[Math.min(axis.length - 1, Math.max(0, Math.floor((x - pad) / bw)))];
  const showBrush = (a, b) => {
    const i = idx[a], j = idx[b];
    brush.setAttribute("x", pad + Math.min(i, j) * bw);
    brush.setAttribute("width", (Math.abs(j - i) + 1) * bw);
  };
  if (state.range && idx[state.range[0]] != null && idx[state.range[1]] != null) showBrush(...state.range);
  let start = null;
  const px = ev => ev.clientX - svg.getBoundingClientRect().left;
  svg.onmousedown = ev => { start = dayAt(px(ev)); showBrush(start, start); ev.preventDefault(); };
  svg.onmousemove = ev => { if (start) showBrush(start, dayAt(px(ev))); };
  window.onmouseup = ev => {
    if (!start) return;
    const end = dayAt(px(ev));
    setRange([start, end].sort());
    start = null;
  };
}

function setRange(range) {
  state.range = range;
  document.getElementById("range-label").textContent = range ? `${range[0]} to ${range[1]}` : "all dates";
  document.getElementById("range-clear").hidden = !range;
  if (!range) document.getElementById("brush")?.setAttribute("width", 0);
  render();
}

async function main() {
  map = await NL.makeMap("map", {center: [48, 30], zoom: 4});
  cluster = L.markerClusterGroup({maxClusterRadius: 40});
  map.addLayer(cluster);
  const legend = L.control({position: "bottomleft"});
  legend.onAdd = () => {
    const div = L.DomUtil.create("div", "legend");
    div.innerHTML = Object.entries(NL.COLOURS).map(([t, c]) => `<span><i style="background:${c}"></i>${t}</span>`).join("");
    return div;
  };
  legend.addTo(map);
  await loadFacets();
  const form = document.getElementById("filters");
  // filters may come in the page's URL (/?type=ASSAULT&place=Lyman), so views can be linked to
  const given = new URLSearchParams(location.search);
  for (const el of form.elements) if (el.name && given.has(el.name)) el.value = given.get(el.name);
  form.addEventListener("change", refresh);
  form.addEventListener("submit", ev => { ev.preventDefault(); refresh(); });
  document.getElementById("f-reset").addEventListener("click", () => { form.reset(); setRange(null); refresh(); });
  document.getElementById("range-clear").addEventListener("click", () => setRange(null));
  document.getElementById("event-list").addEventListener("click", ev => {
    const li = ev.target.closest(".ev-item");
    if (li) openEvent(li.dataset.id);
  });
  document.getElementById("event-list").addEventListener("keydown", ev => {
    const li = ev.target.closest(".ev-item");
    if (li && ev.key === "Enter") openEvent(li.dataset.id);
  });
  window.addEventListener("resize", drawTimeline);
  await refresh();
  document.body.dataset.ready = "1";
}

main();
