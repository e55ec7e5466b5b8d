"""Translation: gettext catalogs with English as the fallback for every string.

One Translator lives in the app context; code calls ``tr._()``, ``tr.ngettext()``
and ``tr.pgettext()``, and level text goes through ``tr.level(context, text)``.
Switching language swaps the catalog in place, and ``revision`` tells the UI to
lay its text out again.

The ``.po`` files are the source of truth. A compiled ``.mo`` is kept in a
cache folder with a stamp of the ``.po`` it came from, and compiled again
whenever the ``.po`` changes, so an edited catalog shows at the next start.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import os
import re
from pathlib import Path

DOMAIN = "messages"
# Each language in its own name, as the language menu shows it.
LANGUAGES = {"en": "English", "lv": "latviešu", "et": "eesti", "lt": "lietuvių"}
SOURCE_LANGUAGE = "en"


class CatalogError(Exception):
    """A catalog that can't be used; the message is one line naming file and line."""


def catalog_path(locales: Path, language: str) -> Path:
    return locales / language / "LC_MESSAGES" / f"{DOMAIN}.po"


QUOTED = r'"(?:[^"\\]|\\.)*"'
KEYWORD_LINE = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)(\s+)(.*)$")
STRING_ONLY = re.compile(rf"^\s*{QUOTED}\s*$")


def _lexical_fault(text: str) -> tuple[int, str] | None:
    """The first line a gettext tool would reject as malformed; Babel's parser
    quietly accepts an unclosed string and cuts it short."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        keyword = KEYWORD_LINE.match(stripped)
        if keyword:
            if not STRING_ONLY.match(keyword.group(3)):
                return number, f"{keyword.group(1)} must be followed by one quoted string"
        elif stripped.startswith('"'):
            if not STRING_ONLY.match(stripped):
                return number, "a quoted string is not closed, or has text after it"
        else:
            return number, "not a msgctxt, msgid or msgstr line, a quoted string or a comment"
    return None


def read_catalog(po: Path, language: str):
    """Parse a .po strictly; raise CatalogError with file:line on any fault."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        data = po.read_bytes()
        fault = _lexical_fault(data.decode("utf-8"))
        if fault is not None:
            raise CatalogError(f"{po}:{fault[0]}: {fault[1]}")
        return read_po(io.BytesIO(data), locale=language, abort_invalid=True)
    except FileNotFoundError:
        raise CatalogError(f"{po}: no such catalog") from None
    except PoFileError as error:
        reason = str(error).rsplit(" on ", 1)[0]
        raise CatalogError(f"{po}:{error.lineno}: {reason}") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise CatalogError(f"{po}: can't be read: {error}") from None


def compile_catalog(po: Path, language: str) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(po, language), use_fuzzy=False)
    return buffer.getvalue()


def _stamp(po: Path) -> str:
    info = po.stat()
    return f"{info.st_size}:{info.st_mtime_ns}"


def load_translations(locales: Path, language: str, cache: Path | None):
    """The compiled catalog for ``language``, compiled again if its .po changed.
    Raises CatalogError when the catalog is missing or broken."""
    po = catalog_path(locales, language)
    if not po.is_file():
        raise CatalogError(f"{po}: no such catalog")
    stamp = _stamp(po)
    if cache is not None:
        mo = cache / f"{language}.mo"
        stamp_file = cache / f"{language}.stamp"
        with contextlib.suppress(OSError):
            if mo.is_file() and stamp_file.read_text(encoding="ascii") == stamp:
                with open(mo, "rb") as handle:
                    return gettext.GNUTranslations(handle)
    data = compile_catalog(po, language)
    if cache is not None:
        from game.storage import SaveError, write_bytes_atomic

        with contextlib.suppress(SaveError):  # a read-only cache only costs time
            write_bytes_atomic(cache / f"{language}.mo", data)
            write_bytes_atomic(cache / f"{language}.stamp", stamp.encode("ascii"))
    return gettext.GNUTranslations(io.BytesIO(data))


class Translator:
    def __init__(self, locales: Path, language: str = SOURCE_LANGUAGE,
                 cache: Path | None = None):
        self.locales = locales
        self.cache = cache
        self.language = SOURCE_LANGUAGE
        self.revision = 0
        self.notices: list[str] = []  # one line each, for the player, shown once
        self._catalog: gettext.NullTranslations = gettext.NullTranslations()
        self._failed: set[str] = set()
        self.switch(language)

    def switch(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language '{language}'")
        catalog: gettext.NullTranslations = gettext.NullTranslations()
        if language != SOURCE_LANGUAGE:
            try:
                catalog = load_translations(self.locales, language, self.cache)
            except CatalogError as error:
                if language not in self._failed:
                    self._failed.add(language)
                    self.notices.append(self._(
                        "The {language} translation can't be used, so that language "
                        "shows English: {error}").format(language=LANGUAGES[language],
                                                         error=error))
        self._catalog = catalog
        self.language = language
        self.revision += 1

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices

    def _(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def level(self, context: str, text: str) -> str:
        """Translate a string from a level file; its msgctxt is its id path."""
        return self._catalog.pgettext(context, text)


PLACEHOLDER = re.compile(r"{[a-z_]*}")


def catalog_problems(locales: Path) -> list[str]:
    """Faults a translator must fix, one line each: unreadable catalogs and
    translations whose {placeholders} differ from the English."""
    problems = []
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        po = catalog_path(locales, language)
        try:
            catalog = read_catalog(po, language)
        except CatalogError as error:
            problems.append(str(error))
            continue
        for message in catalog:
            if not message.id or not message.string:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(PLACEHOLDER.findall(ids[-1]))
            for string in strings:
                if string and set(PLACEHOLDER.findall(string)) != wanted:
                    where = f"{po}:{message.lineno}"
                    problems.append(f"{where}: the translation of {ids[0]!r} must use the "
                                    f"placeholders {', '.join(sorted(wanted)) or '(none)'}")
                    break
    return problems


def detect_language(environ: dict[str, str] | None = None) -> str:
    """The OS language if it is one of ours, else English. Reads the usual
    POSIX variables, then the locale module (Windows, macOS)."""
    import locale

    env = os.environ if environ is None else environ
    candidates: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            candidates.extend(value.split(":"))
    if environ is None:
        with contextlib.suppress(ValueError):
            candidates.append(locale.getlocale()[0] or "")
    for candidate in candidates:
        code = candidate.split(".")[0].split("_")[0].split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE
