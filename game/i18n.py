"""Translation: gettext catalogs with English as the fallback for every string.

One Translator lives in the app context; code calls ``tr._()``, ``tr.ngettext()``
and ``tr.pgettext()``. Switching language swaps the catalog in place, and
``revision`` tells the UI to lay its text out again.
"""

from __future__ import annotations

import contextlib
import gettext
from pathlib import Path

DOMAIN = "messages"
# Each language in its own name, as the language menu shows it.
LANGUAGES = {"en": "English", "lv": "latviešu", "et": "eesti", "lt": "lietuvių"}


class Translator:
    def __init__(self, locales: Path, language: str = "en"):
        self.locales = locales
        self.language = "en"
        self.revision = 0
        self._catalog: gettext.NullTranslations = gettext.NullTranslations()
        self.switch(language)

    def switch(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language '{language}'")
        self._catalog = gettext.translation(
            DOMAIN, localedir=str(self.locales), languages=[language], fallback=True
        )
        self.language = language
        self.revision += 1

    def _(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def level(self, context: str, text: str) -> str:
        """Translate a string from a level file; its msgctxt is its id path."""
        return self._catalog.pgettext(context, text)


def detect_language(environ: dict[str, str] | None = None) -> str:
    """The OS language if it is one of ours, else English. Reads the usual
    POSIX variables, then the locale module (Windows, macOS)."""
    import locale
    import os

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
    return "en"
