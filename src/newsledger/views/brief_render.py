"""Rendering of the daily brief as Markdown and as a standalone HTML page (no external assets)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from newsledger.views.brief_text import figure_sentence

if TYPE_CHECKING:
    from newsledger.views.brief import Brief, BriefItem


def _cite(item: BriefItem) -> str:
    outlets = "; ".join(item.outlets) or "source not named"
    ind = f"{item.n_independent} independent source{'s' if item.n_independent != 1 else ''}"
    return f"{outlets}; {ind}"


def to_markdown(b: Brief) -> str:
    """The brief as Markdown, each sentence citing its outlets in brackets."""
    out = [f"# {b.headline}", ""]
    if not b.n_events:
        near = "; ".join(f"{d} ({n} event{'s' if n != 1 else ''})" for d, n in b.nearest)
        out += [f"No events are recorded for {b.day}" + (f" in {b.region}" if b.region else "") + "."
                + (f" Nearest days with events: {near}." if near else ""), ""]
    else:
        n_regions = len(b.groups) + (1 if b.control and not b.groups else 0)
        out += [f"{b.n_events} event{'s' if b.n_events != 1 else ''} recorded across {n_regions} region{'s' if n_regions != 1 else ''}; "
                f"{len(b.control)} change{'s' if len(b.control) != 1 else ''} of territorial control.", ""]
    if b.control:
        out += ["## Control changes", ""]
        for it in b.control:
            out.append(f"- **{it.text}** \u201c{it.evidence}\u201d [{_cite(it)}]")
            if it.note:
                out.append(f"  - _{it.note}_")
        out.append("")
    if b.groups:
        out += ["## Events by region", ""]
        for reg, groups in b.groups:
            out += [f"### {reg}", ""]
            for heading, items, more in groups:
                out.append(f"**{heading}**")
                out.append("")
                for it in items:
                    out.append(f"- {it.text} \u201c{it.evidence}\u201d [{_cite(it)}]")
                    if it.note:
                        out.append(f"  - _{it.note}_")
                if more:
                    out.append(f"- _and {more} more_")
                out.append("")
    if b.quotes:
        out += ["## Key quotes", ""]
        for q in b.quotes:
            who = q["speaker"] + (f", {q['role']}" if q["role"] else "")
            said = f"\u201c{q['text']}\u201d" if q["kind"] == "direct" else f"said {q['text']}"
            out.append(f"- **{who}**: {said} [{'; '.join(q['outlets'])}]")
        out.append("")
    if b.figures:
        out += ["## Key figures", ""]
        for f in b.figures:
            out.append(f"- {figure_sentence(f)} [{'; '.join(f['outlets'])}]")
        out.append("")
    if b.disagreements:
        out += ["## Disagreements between sources", ""]
        out += [f"- {d}" for d in b.disagreements]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_html(b: Brief) -> str:
    """The brief as a standalone HTML page (no external assets)."""
    e = html.escape

    def item_html(it: BriefItem, bold: bool = False) -> str:
        text = f"<strong>{e(it.text)}</strong>" if bold else e(it.text)
        link = f' <a href="{e(it.url)}">link</a>' if it.url else ""
        note = f'<div class="note">{e(it.note)}</div>' if it.note else ""
        return (f"<li>{text} <q>{e(it.evidence)}</q> <span class=\"cite\">[{e(_cite(it))}]</span>{link}"
                f"{note}</li>")

    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(b.headline)}</title>",
             "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;"
             "color:#222}h1{font-size:1.5rem}h2{border-bottom:1px solid #ccc;margin-top:1.8rem}"
             ".cite{color:#666;font-size:.9em}.note{color:#a33;font-style:italic}q{color:#333}</style>",
             f"</head><body><h1>{e(b.headline)}</h1>"]
    md_summary = to_markdown(b).split("\n")[2]
    parts.append(f"<p>{e(md_summary)}</p>")
    if b.control:
        parts.append("<h2>Control changes</h2><ul>" + "".join(item_html(i, True) for i in b.control) + "</ul>")
    if b.groups:
        parts.append("<h2>Events by region</h2>")
        for reg, groups in b.groups:
            parts.append(f"<h3>{e(reg)}</h3>")
            for heading, items, more in groups:
                parts.append(f"<h4>{e(heading)}</h4><ul>" + "".join(item_html(i) for i in items)
                             + (f"<li><em>and {more} more</em></li>" if more else "") + "</ul>")
    if b.quotes:
        parts.append("<h2>Key quotes</h2><ul>")
        for q in b.quotes:
            who = q["speaker"] + (f", {q['role']}" if q["role"] else "")
            said = f"<q>{e(q['text'])}</q>" if q["kind"] == "direct" else f"said {e(q['text'])}"
            parts.append(f"<li><strong>{e(who)}</strong>: {said} "
                         f"<span class=\"cite\">[{e('; '.join(q['outlets']))}]</span></li>")
        parts.append("</ul>")
    if b.figures:
        parts.append("<h2>Key figures</h2><ul>" + "".join(
            f"<li>{e(figure_sentence(f))} <span class=\"cite\">[{e('; '.join(f['outlets']))}]</span></li>"
            for f in b.figures) + "</ul>")
    if b.disagreements:
        parts.append("<h2>Disagreements between sources</h2><ul>"
                     + "".join(f"<li>{e(d)}</li>" for d in b.disagreements) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render(b: Brief, fmt: str = "md") -> str:
    if fmt == "md":
        return to_markdown(b)
    if fmt == "html":
        return to_html(b)
    raise ValueError(f"unknown brief format {fmt!r}; choose md or html")
