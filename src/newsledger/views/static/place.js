// The place page: who controlled the place when (from /api/places/{name}/control) and its events.
"use strict";

async function main() {
  const name = decodeURIComponent(location.pathname.split("/").pop());
  document.title = `newsledger: ${name}`;
  document.getElementById("place-title").textContent = name;
  const [ctl, evs] = await Promise.all([
    NL.getJSON(`/api/places/${encodeURIComponent(name)}/control?unconfirmed=true`),
    NL.getJSON(`/api/events?place=${encodeURIComponent(name)}&limit=500`),
  ]);
  const box = document.getElementById("control");
  if (!ctl.history.length) {
    box.innerHTML = `<p class="empty">No change of control of ${NL.esc(name)} is recorded.</p>`;
  } else {
    box.innerHTML = `<ol class="control-timeline">${ctl.history.map(h => `
      <li class="control-change ${h.modality === "asserted" || h.modality === "reported" ? "" : "unconfirmed"}">
        <div class="when">${NL.esc(h.date || "undated")}</div>
        <div class="what">${h.gained_by ? `<strong>${NL.esc(h.gained_by)}</strong> gained control` : ""}
          ${h.lost_by ? `${h.gained_by ? "; " : ""}<strong>${NL.esc(h.lost_by)}</strong> lost control` : ""}
          ${!h.gained_by && !h.lost_by ? "change of control reported" : ""}
          <span class="holder">held by: ${NL.esc(h.holder_after || "unknown")}</span>
          <span class="ev-mod">${NL.esc(h.modality)}</span></div>
        <ul class="plain">${(h.sources || []).map(s => `<li><q>${NL.esc((s.sentence || "").trim())}</q>
          <strong class="outlet">${NL.esc(s.outlet || "")}</strong>
          ${s.url ? `<a href="${NL.esc(s.url)}" target="_blank" rel="noopener noreferrer">link</a>` : ""}</li>`).join("")}</ul>
      </li>`).join("")}</ol>`;
  }
  document.getElementById("place-events").innerHTML = evs.events.map(e => `
    <li><span class="swatch" style="background:${NL.colour(e.event_type)}"></span>
      <span class="ev-date">${NL.esc(e.date || "undated")}</span> <strong>${NL.esc(e.event_type)}</strong>
      ${NL.esc(NL.actors(e.actor))} — <q>${NL.esc(e.sources.length ? e.sources[0].sentence.trim() : "")}</q>
      <small>${NL.esc([...new Set(e.sources.map(s => s.outlet))].join(", "))}</small></li>`).join("")
    || `<li class="empty">No events located here.</li>`;
  const loc = ctl.location || (evs.events.find(e => e.location && e.location.lat != null) || {}).location;
  const center = loc && loc.lat != null ? [loc.lat, loc.lon] : [48, 30];
  const map = await NL.makeMap("place-map", {center, zoom: loc ? 6 : 3});
  if (loc && loc.lat != null) L.circleMarker(center, {radius: 8, color: "#c62828"}).addTo(map).bindTooltip(name);
  document.getElementById("place-facts").innerHTML = loc
    ? `<p>${NL.esc(loc.name)}${loc.admin1 ? ", " + NL.esc(loc.admin1) : ""} ${loc.country ? "(" + NL.esc(loc.country) + ")" : ""}<br>
       ${evs.total} events; ${ctl.history.length} control changes</p>` : "";
  document.body.dataset.ready = "1";
}

main();
