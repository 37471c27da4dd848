// Shared helpers for the newsledger pages: escaping, type colours, highlighted evidence, basemap.
"use strict";

const NL = (() => {
  // One colour per PLOVER type; material conflict in reds, verbal conflict in ambers, cooperation in greens/blues.
  const COLOURS = {
    ASSAULT: "#c62828", COERCE: "#e53935", MOBILIZE: "#ef6c00", THREATEN: "#f57c00", PROTEST: "#8e24aa",
    SANCTION: "#6d4c41", ACCUSE: "#f9a825", REJECT: "#fbc02d", REQUEST: "#00838f", RETREAT: "#546e7a",
    CONCEDE: "#26a69a", AGREE: "#2e7d32", CONSULT: "#1565c0", SUPPORT: "#43a047", COOPERATE: "#1e88e5",
    AID: "#3949ab",
  };

  function esc(s) {
    return String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  function colour(type) { return COLOURS[type] || "#757575"; }

  // A sentence with its highlight spans wrapped in <mark class="hl-KIND">.
  function highlight(sentence, spans) {
    let out = "", at = 0;
    for (const sp of (spans || []).slice().sort((a, b) => a.start - b.start)) {
      if (sp.start < at || sp.end > sentence.length) continue;
      out += esc(sentence.slice(at, sp.start));
      out += `<mark class="hl-${esc(sp.kind)}" title="${esc(sp.kind)}">${esc(sentence.slice(sp.start, sp.end))}</mark>`;
      at = sp.end;
    }
    return out + esc(sentence.slice(at));
  }

  function actors(list) { return (list || []).map(a => a.code ? `${a.name} (${a.code})` : a.name).join(", "); }

  async function getJSON(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json();
  }

  // A Leaflet map on the offline basemap served by the app (no network needed).
  async function makeMap(id, view) {
    const map = L.map(id, {worldCopyJump: true, minZoom: 2, maxZoom: 12}).setView(view.center, view.zoom);
    try {
      const assets = await getJSON("/api/web/assets");
      if (assets.basemap) {
        L.tileLayer("/tiles/{z}/{x}/{y}.png", {maxNativeZoom: assets.basemap_max_zoom, maxZoom: 12,
          attribution: assets.attribution}).addTo(map);
      }
    } catch (e) { console.warn("no basemap", e); }
    return map;
  }

  return {esc, colour, highlight, actors, getJSON, makeMap, COLOURS};
})();
