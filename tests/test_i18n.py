"""Message catalogs: complete, faithful to their placeholders, and compiled."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from csto.present.i18n import LOCALE_DIR, join

from .conftest import ROOT


def _keywords() -> list[str]:
    """The extraction keywords, as the Makefile's `make i18n` passes them."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = next(x for x in makefile.splitlines() if x.startswith("I18N_KEYWORDS"))
    return line.split(":=", 1)[1].split()


KEYWORDS = _keywords()


@pytest.mark.parametrize("lang", ["id", "ru"])
def test_catalog_is_complete_and_keeps_placeholders(lang: str) -> None:
    with open(f"{LOCALE_DIR}/{lang}/LC_MESSAGES/csto.po", "rb") as handle:
        catalog = read_po(handle)
    compiled = gettext.translation("csto", LOCALE_DIR, languages=[lang])
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:  # every plural form of the language (CLDR), each complete
            singular, plural = (str(part) for part in message.id)
            forms = [str(form) for form in message.string or ()]
            assert len(forms) == catalog.num_plurals and all(forms), f"{lang}: {singular!r}"
            for form in forms:
                assert set(re.findall(r"{\w+}", singular)) == set(re.findall(r"{\w+}", form))
            rule = gettext.c2py(catalog.plural_expr)
            assert [compiled.ngettext(singular, plural, n) for n in (1, 2, 5, 21)] == [
                forms[rule(n)] for n in (1, 2, 5, 21)], f"{lang}: csto.mo is stale; run `make i18n`"
            continue
        assert message.string, f"{lang}: untranslated {message.id!r}"
        assert set(re.findall(r"{\w+}", str(message.id))) == set(
            re.findall(r"{\w+}", str(message.string))), message.id
        assert compiled.gettext(str(message.id)) == message.string, (
            f"{lang}: csto.mo is stale; run `make i18n`")


def test_every_marked_message_is_in_the_template(tmp_path: Path) -> None:
    """A message added in the code but not extracted would stay English in id and ru."""
    output = tmp_path / "csto.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         *KEYWORDS, "--no-location", "--sort-output", "-o", str(output), "src"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    extracted = set(re.findall(r'^msgid "(.+)"$', output.read_text(encoding="utf-8"), re.M))
    with open(f"{LOCALE_DIR}/csto.pot", encoding="utf-8") as handle:
        template = set(re.findall(r'^msgid "(.+)"$', handle.read(), re.M))
    assert extracted == template, "run `make i18n` and translate the new messages"


def test_lists_read_naturally() -> None:
    assert join(["A", "B", "C"], "en") == "A, B and C"
    assert join(["A", "B", "C"], "id") == "A, B, dan C"
    assert join(["A", "B"], "id") == "A dan B"
    assert join(["A", "B", "C"], "ru") == "A, B и C"
    assert join(["A"], "ru") == "A"


def test_no_message_is_marked_inside_an_f_string() -> None:
    """Babel cannot extract N_() inside an f-string: such a message would stay English."""
    import ast

    hidden = []
    for path in (ROOT / "src" / "csto").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                            and inner.func.id == "N_"):
                        hidden.append(f"{path.name}:{inner.lineno}")
    assert not hidden, hidden
