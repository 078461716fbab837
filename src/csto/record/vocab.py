"""Every closed vocabulary of csto, each declared once, as the values it allows.

The data files' validator (``schema``) turns each into a ``Literal``; the rules, the
registry of questions and the words for readers (``present.labels``) use these tuples.
Plain tuples: this module is read on every start and imports nothing.
"""

LANGS = ("en", "id", "ru")
"""The languages every reader-facing text is written in."""

STATUSES = ("signatory", "member", "frozen", "suspended", "former", "observer", "former_observer")
"""A state's standing towards the Treaty and the Organization."""
MEMBER_STATUSES = frozenset({"member", "frozen"})
"""Standings that are legal membership: rights and obligations under the Treaty."""

FINDING_KINDS = ("obligation", "prohibition", "permission", "requirement", "procedure",
                 "open-question", "dispute", "information")
NORMATIVE_KINDS = frozenset({"obligation", "prohibition", "permission", "requirement"})
"""Findings that state law: each must cite an article in force on the day asked."""

CONFIDENCES = ("H", "M", "L")
PRECISIONS = ("day", "month", "year", "inferred")
PLAN_PRECISIONS = ("day", "month", "year")
"""How precisely an announced plan gives its time."""
SOURCE_KINDS = ("primary", "official", "news", "reference", "seed", "dataset", "scenario")
DOCUMENT_KINDS = ("treaty", "charter", "protocol", "agreement", "decision", "external")
SERIES = ("rubezh", "interaction", "search", "echelon", "cobalt", "indestructible-brotherhood",
          "barrier", "grom", "center", "other")
GROUPING_KINDS = ("military-alliance", "political-union", "political-grouping",
                  "security-cooperation", "economic-union")
STANCES = ("support", "stand-aside", "block")
BODIES = ("PA",)
MILESTONE_EVENTS = ("signed", "in_force")

SITUATIONS = ("armed-attack", "internal-unrest", "threat")
"""What happened to a state that asks for assistance (Article 4)."""
TERRITORIES = ("inside", "outside")
"""Whether it happened on the victim's own territory."""
ACTIONS = ("join-alliance", "withdraw", "use-force-against", "host-base")
"""Steps a member may take whose lawfulness ``step`` judges."""
MATTERS = ("general", "appointment")
"""What a body decides: any matter, or the appointment of the Secretary General."""
POSITIONS = ("for", "against", "abstain", "absent")
"""A member's position on a draft."""

CHECKED = {
    "Confidence": CONFIDENCES, "Precision": PRECISIONS, "SourceKind": SOURCE_KINDS,
    "DocumentKind": DOCUMENT_KINDS, "Series": SERIES, "GroupingKind": GROUPING_KINDS,
    "Situation": SITUATIONS, "Territory": TERRITORIES, "Stance": STANCES, "Body": BODIES,
    "MilestoneEvent": MILESTONE_EVENTS, "PlanPrecision": PLAN_PRECISIONS,
}
"""The value types of ``model`` that hold one of a vocabulary's values, by alias name."""
