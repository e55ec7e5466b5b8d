"""Catalogs: the template is current, every catalog is complete and renders,
plurals pick the right form, and a broken or missing catalog costs nothing."""

from __future__ import annotations

import gettext
import io
import os
import shutil
import textwrap

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from game.content.babel_extract import extract_levels
from game.i18n import (
    LANGUAGES,
    Translator,
    catalog_path,
    catalog_problems,
    detect_language,
)

BALTIC = ["lv", "et", "lt"]


def keys(catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def load_po(path):
    with open(path, "rb") as handle:
        return read_po(handle, abort_invalid=True)


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory):
    from conftest import ROOT

    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "pyproject.toml",
                                    "-o", str(out), "."])
    finally:
        os.chdir(cwd)
    return load_po(out)


def test_committed_template_holds_every_string_of_code_and_levels(fresh_template, root):
    committed = load_po(root / "locales" / "messages.pot")
    missing = keys(fresh_template) - keys(committed)
    stale = keys(committed) - keys(fresh_template)
    assert not missing, f"run pybabel extract: new strings not in messages.pot: {missing}"
    assert not stale, f"run pybabel extract: messages.pot has strings no longer used: {stale}"


def test_no_translatable_call_hides_where_the_extractor_cant_see_it(fresh_template, root):
    """The extractor reads no calls inside f-strings: such a phrase would stay
    English in every language. Every literal passed to _(), ngettext() or
    pgettext() anywhere in the code must be in the template."""
    import ast
    import re

    call = re.compile(r'\b(?:_|ngettext|pgettext)\(\s*(?:"[^"]*",\s*)?((?:"(?:[^"\\]|\\.)*"\s*)+)')
    ids = set()
    for message in fresh_template:
        ids.update(message.id if isinstance(message.id, tuple) else (message.id,))
    hidden = []
    for path in sorted((root / "game").rglob("*.py")):
        for found in call.finditer(path.read_text(encoding="utf-8")):
            words = ast.literal_eval(f"({found.group(1)})")  # joins "a" "b" as Python does
            if words not in ids:
                hidden.append(f"{path.relative_to(root)}: {words}")
    assert hidden == []


def test_level_strings_reach_the_template_with_context_and_comment(fresh_template):
    entries = {(m.context, m.id): m for m in fresh_template if m.context}
    title = entries[("first-contact/title", "First contact")]
    assert title.auto_comments == ["Stage title"]
    says = [m for (ctx, _), m in entries.items() if ctx.count("/") == 2
            and not ctx.endswith("/title")]
    assert says and all(m.auto_comments[0].startswith(("Line of customer",
                                                       "Last line of customer"))
                        for m in says)


@pytest.mark.parametrize("language", BALTIC)
def test_catalog_is_complete_and_current(language, root, fresh_template):
    catalog = load_po(catalog_path(root / "locales", language))
    assert keys(fresh_template) <= keys(catalog), "run pybabel update"
    untranslated = [m.id for m in catalog if m.id and (
        not all(m.string) if isinstance(m.string, tuple) else not m.string)]
    fuzzy = [m.id for m in catalog if m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_catalogs_have_no_placeholder_or_syntax_faults(root):
    assert catalog_problems(root / "locales") == []


@pytest.mark.parametrize("language, forms", [
    # n:            0  1  2  5  11 21 22 100
    ("lv", [2, 0, 1, 1, 1, 0, 1, 1]),  # 1, 21 singular; 0 its own form
    ("lt", [2, 0, 1, 1, 2, 0, 1, 2]),  # 11-19, 10s and 0 take the genitive plural
    ("et", [1, 0, 1, 1, 1, 1, 1, 1]),
])
def test_plural_forms_pick_the_right_form(language, forms, root):
    catalog = load_po(catalog_path(root / "locales", language))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    translations = gettext.GNUTranslations(buffer)
    numbers = [0, 1, 2, 5, 11, 21, 22, 100]
    assert [translations.plural(n) for n in numbers] == forms
    assert catalog.num_plurals == max(forms) + 1


@pytest.mark.parametrize("language", BALTIC)
def test_every_translation_has_every_glyph_in_both_fonts(language, root):
    import pygame.freetype

    pygame.freetype.init()
    catalog = load_po(catalog_path(root / "locales", language))
    characters = set()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            characters.update(string)
    characters.discard("\n")
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        font = pygame.freetype.Font(str(root / "assets" / "fonts" / name), 20)
        missing = [c for c in sorted(characters) if font.get_metrics(c)[0] is None]
        assert missing == [], f"{name} lacks {missing}"


@pytest.mark.parametrize("language, expected", [
    ({"LANG": "lv_LV.UTF-8"}, "lv"),
    ({"LANGUAGE": "lt:en", "LANG": "en_GB.UTF-8"}, "lt"),
    ({"LC_ALL": "et_EE.UTF-8"}, "et"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({}, "en"),
])
def test_the_os_language_is_used_when_it_is_ours(language, expected):
    assert detect_language(language) == expected


def make_locales(tmp_path, po_text: str, language="lv"):
    locales = tmp_path / "locales"
    path = catalog_path(locales, language)
    path.parent.mkdir(parents=True)
    path.write_text(po_text, encoding="utf-8")
    return locales, path


PO = textwrap.dedent('''\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);\\n"

    msgid "Resume"
    msgstr "Turpināt"
    ''')


def test_an_edited_catalog_shows_at_the_next_start(tmp_path):
    locales, po = make_locales(tmp_path, PO)
    cache = tmp_path / "cache"
    assert Translator(locales, "lv", cache)._("Resume") == "Turpināt"
    po.write_text(PO.replace("Turpināt", "Atsākt"), encoding="utf-8")
    assert Translator(locales, "lv", cache)._("Resume") == "Atsākt"
    assert (cache / "lv.mo").is_file()


def test_a_missing_string_falls_back_to_english(tmp_path):
    locales, _ = make_locales(tmp_path, PO)
    tr = Translator(locales, "lv", tmp_path / "cache")
    assert tr._("Quit") == "Quit"
    assert tr.pgettext("mood", "furious") == "furious"


def test_a_broken_catalog_means_english_and_one_notice(tmp_path):
    locales, po = make_locales(tmp_path, PO + 'msgid "Quit"\nmsgstr "Iziet\n')
    tr = Translator(locales, "lv", tmp_path / "cache")
    assert tr._("Resume") == "Resume"
    notices = tr.take_notices()
    assert notices == [f"The latviešu translation can't be used, so that language shows "
                       f"English: {po}:9: msgstr must be followed by one quoted string"]
    tr.switch("en")
    tr.switch("lv")
    assert tr.take_notices() == []  # said once


def test_a_missing_catalog_means_english_and_one_notice(tmp_path):
    tr = Translator(tmp_path / "nowhere", "et", tmp_path / "cache")
    assert tr._("Resume") == "Resume"
    expected = catalog_path(tmp_path / "nowhere", "et")
    assert tr.take_notices() == [f"The eesti translation can't be used, so that language "
                                 f"shows English: {expected}: no such catalog"]


def test_check_names_a_broken_catalog_with_file_and_line(tmp_path, root):
    locales = tmp_path / "locales"
    shutil.copytree(root / "locales", locales)
    po = catalog_path(locales, "lt")
    lines = po.read_text(encoding="utf-8").splitlines()
    lines.insert(30, "msgstr garbage")
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert catalog_problems(locales) == [
        f"{po}:31: msgstr must be followed by one quoted string"]


def test_check_names_a_translation_that_drops_a_placeholder(tmp_path):
    locales, po = make_locales(tmp_path, PO + '\nmsgid "Stage {number}: {title}"\n'
                                              'msgstr "Posms: {title}"\n')
    assert f"{po}:9: the translation of 'Stage {{number}}: {{title}}' must use the " \
           "placeholders {number}, {title}" in catalog_problems(locales)


def test_block_scalars_leave_no_trailing_newline(tmp_path, root):
    level = (root / "tests" / "fixtures" / "levels" / "good.yaml").read_text(encoding="utf-8")
    level = level.replace("say: I'd like to return this dress.",
                          "say: |\n          I'd like to return\n          this dress.\n")
    path = tmp_path / "block.yaml"
    path.write_text(level, encoding="utf-8")
    with open(path, "rb") as handle:
        found = {messages[1] for _, _, messages, _ in extract_levels(handle, {}, [], {})}
    assert "I'd like to return\nthis dress." in found


def test_language_names_are_their_own():
    assert LANGUAGES == {"en": "English", "lv": "latviešu", "et": "eesti", "lt": "lietuvių"}


def test_msgfmt_accepts_every_catalog(root):
    import subprocess

    if shutil.which("msgfmt") is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (gettext) is missing; .ci/run installs it")
        pytest.skip("msgfmt (gettext) is not installed")
    for language in BALTIC:
        po = catalog_path(root / "locales", language)
        result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
