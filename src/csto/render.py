"""Human-readable text for answers, rendered from the same dicts that ``--json`` prints."""

from __future__ import annotations

from typing import Any

from .i18n import Localizer

N_ = str

STATUS_LABELS = {
    "signatory": N_("signatory"),
    "member": N_("member"),
    "frozen": N_("member, participation frozen"),
    "suspended": N_("membership suspended"),
    "former": N_("former member"),
    "observer": N_("observer"),
    "former_observer": N_("former observer"),
    "none": N_("no standing"),
}
KIND_LABELS = {
    "obligation": N_("obligation"),
    "prohibition": N_("prohibition"),
    "permission": N_("permission"),
    "requirement": N_("requirement"),
    "procedure": N_("procedure"),
    "open-question": N_("open question"),
    "information": N_("note"),
}


def _date(value: str | None, loc: Localizer, precision: str = "day") -> str:
    """A day in the reader's format (Babel), only as precise as the source."""
    if not value:
        return "-"
    from datetime import date

    from babel.dates import format_date, format_skeleton

    day = date.fromisoformat(value)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return format_skeleton("yMMMM", day, locale=loc.lang)
    return format_date(day, format="long", locale=loc.lang)


def _citation(citation: dict[str, Any], loc: Localizer) -> str:
    doc = loc.history.documents[citation["document"]]
    title = loc.text(doc.get("short") or doc["title"])
    article = citation["article"]
    label = loc.gettext(N_("operative provision")) if not article.isdigit() else (
        loc.gettext(N_("Art. {number}")).format(number=article))
    version = loc.history.documents[citation["version"]]
    wording = loc.text(version.get("short") or version["title"])
    return f"{title}, {label} [{wording}]"


def findings(answer: dict[str, Any], loc: Localizer) -> list[str]:
    lines = []
    for item in answer.get("findings", []):
        lines.append(f"  - [{loc.gettext(KIND_LABELS[item['kind']])}] {item['text']}")
        for citation in item["citations"]:
            cites = loc.gettext(N_("cites"))
            lines.append(f"      {cites}: {_citation(citation, loc)}")
    if answer.get("sources"):
        lines.append(loc.gettext(N_("Sources:")))
        for ident, source in answer["sources"].items():
            lines.append(f"  [{ident}] {source['title']} {source.get('url') or source.get('file')}")
    return lines


def _standing_line(item: dict[str, Any], loc: Localizer) -> str:
    label = loc.gettext(STATUS_LABELS[item["status"]])
    body = f" ({item['body']})" if item.get("body") else ""
    since = loc.gettext(N_("since {date}")).format(
        date=_date(item["since"], loc, item["since_precision"]))
    return f"  {item['iso3']}  {item['name']}: {label}{body}, {since}"


def _term_line(label: str, term: dict[str, Any] | None, loc: Localizer) -> str:
    if term is None:
        not_recorded = loc.gettext(N_("not recorded"))
        return f"{label}: {not_recorded}"
    acting_label = loc.gettext(N_("acting"))
    predicted = loc.gettext(N_("predicted by the rotation rule"))
    acting = f" ({acting_label})" if term["acting"] else ""
    basis = "" if term["basis"] == "record" else f" [{predicted}]"
    who = f"{term['name']}, " if term["name"] else ""
    return f"{label}: {who}{term['state']} ({term['iso3']}){acting}{basis}"


def members(answer: dict[str, Any], loc: Localizer) -> list[str]:
    lines = [loc.gettext(N_("Members on {date}:")).format(date=_date(answer["date"], loc))]
    lines += [_standing_line(s, loc) for s in answer["members"]] or ["  -"]
    lines.append(loc.gettext(N_("Standing of every state:")))
    lines += [_standing_line(s, loc) for s in answer["standings"]] or ["  -"]
    return lines + findings(answer, loc)


def officials(answer: dict[str, Any], loc: Localizer) -> list[str]:
    return [
        loc.gettext(N_("Officials on {date}:")).format(date=_date(answer["date"], loc)),
        _term_line(loc.gettext(N_("Secretary General")), answer["secretary_general"], loc),
        _term_line(loc.gettext(N_("Chair of the Collective Security Council")), answer["chair"], loc),
        *findings(answer, loc),
    ]


def overview(answer: dict[str, Any], loc: Localizer) -> list[str]:
    org = loc.gettext(N_("Collective Security Treaty Organization"))
    lines = [f"{org} — {_date(answer['date'], loc)}"]
    lines.append(loc.gettext(N_("Members:")))
    lines += [_standing_line(s, loc) for s in answer["members"]] or ["  -"]
    lines.append(loc.gettext(N_("Observers:")))
    lines += [_standing_line(s, loc) for s in answer["observers"]] or ["  -"]
    lines.append(loc.gettext(N_("Other states that ever had a standing:")))
    lines += [_standing_line(s, loc) for s in answer["standings"]
              if s["status"] not in ("member", "frozen", "observer")] or ["  -"]
    lines.append(_term_line(loc.gettext(N_("Secretary General")), answer["secretary_general"], loc))
    lines.append(_term_line(loc.gettext(N_("Chair of the Collective Security Council")),
                            answer["chair"], loc))
    lines.append(loc.gettext(N_("Documents in force:")))
    for doc in answer["documents_in_force"]:
        lines.append(f"  {doc['id']}: {doc['title']} ({_date(doc['in_force_from'], loc)})")
    return lines + findings(answer, loc)


def ruling(answer: dict[str, Any], loc: Localizer) -> list[str]:
    """assist, base, step, decide, chair: the headline facts, then the findings."""
    lines = []
    for key in ("date", "year", "victim", "aggressor", "host", "guest", "actor", "action",
                "target", "body", "verdict", "adopted", "effective", "article_version", "basis"):
        if answer.get(key) is not None:
            value = answer[key]
            if key in ("date", "effective"):
                value = _date(value, loc)
            lines.append(f"{key}: {value}")
    for key in ("obliged", "consent_required_from", "blocked_by", "bound", "not_bound"):
        if key in answer:
            names = [f"{code} {loc.country(code)}" for code in answer[key]]
            lines.append(f"{key}: {', '.join(names) if names else '-'}")
    if answer.get("chair") is not None:
        lines.append(_term_line(loc.gettext(N_("Chair of the Collective Security Council")),
                                answer["chair"], loc))
    return lines + findings(answer, loc)


def generic(answer: dict[str, Any], loc: Localizer, depth: int = 0) -> list[str]:
    """Listings (history, documents, exercises, cases...): an indented outline."""
    lines: list[str] = []
    pad = "  " * depth
    for key, value in answer.items():
        if key in ("sources", "fact", "facts", "codes") and depth > 0:
            continue
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += generic(value, loc, depth + 1)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = generic(item, loc, depth + 2)
                    if inner:
                        lines.append(f"{pad}  -" + inner[0][len(pad) + 3:])
                        lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {item}")
        elif value not in (None, "", False):
            lines.append(f"{pad}{key}: {value}")
    return lines


RENDERERS = {
    "members": members, "officials": officials, "overview": overview, "assist": ruling,
    "base": ruling, "step": ruling, "chair": ruling, "decide": ruling,
}


def render(command: str, answer: dict[str, Any], loc: Localizer) -> str:
    return "\n".join(RENDERERS.get(command, generic)(answer, loc))
