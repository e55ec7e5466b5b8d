"""Reading a level file into YAML nodes, safely and with line numbers.

The file is screened before anything is built from it: size, encoding,
syntax, one document, no anchors or aliases (alias bombs), no explicit tags
(``!!python/object`` and friends), bounded nesting. Only then is it composed
into nodes, which keep their line numbers for every later message.
"""

from __future__ import annotations

import os

import yaml

MAX_FILE_BYTES = 1_000_000
# libyaml's parser when PyYAML was built with it (the wheels are): ten times faster
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 40


class ScreenError(Exception):
    """A file that can't be read as a level; ``line`` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def read_text(path: str | os.PathLike) -> str:
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ScreenError(
                f"the file is {size:,} bytes; level files are limited to {MAX_FILE_BYTES:,} bytes"
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ScreenError(f"can't read the file: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ScreenError(
            f"not UTF-8 text: byte 0x{data[error.start]:02x} can't be decoded", line
        ) from None


def screen(text: str) -> None:
    """Raise ScreenError for anything we refuse before composing. libyaml
    reads the file; if it finds the YAML broken, PyYAML's own parser reads it
    again for its clearer message (as authors have always seen it)."""
    try:
        _screen(text, LOADER)
    except ScreenError:
        if LOADER is yaml.SafeLoader:
            raise
        _screen(text, yaml.SafeLoader)
        raise


def _screen(text: str, loader) -> None:
    depth = 0
    documents = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise ScreenError(
                    f"YAML aliases (*{event.anchor}) are not allowed in level files", line
                )
            if getattr(event, "anchor", None):
                raise ScreenError(
                    f"YAML anchors (&{event.anchor}) are not allowed in level files", line
                )
            tag = getattr(event, "tag", None)
            if tag:
                raise ScreenError(
                    f"YAML tags ({_short_tag(tag)}) are not allowed in level files", line
                )
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise ScreenError("a level file holds one YAML document, not several", line)
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ScreenError(f"the data is nested deeper than {MAX_DEPTH} levels", line)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "unreadable"
        raise ScreenError(f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as error:  # a control character, say
        line = text.count("\n", 0, error.position) + 1
        raise ScreenError(f"not valid YAML: the character U+{error.character:04X} is not "
                          "allowed in a level file", line) from None
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())  # one line, whatever the library says
        raise ScreenError(f"not valid YAML: {message}") from None


def compose(text: str) -> yaml.Node | None:
    screen(text)
    return yaml.compose(text, Loader=LOADER)
