"""Build Stage objects from level files, collecting every problem with its line.

The loader reads YAML nodes (never constructed Python objects), so each key
and value still knows its line. Problems are collected, not raised: an author
sees all of them in one ``check`` run.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from game.content import validate
from game.content.model import (
    CHANNELS,
    DEFAULT_TIMEOUT,
    LOOKS,
    MOOD_RANGE,
    OUTCOMES,
    SKILL_RANGE,
    SKILLS,
    Card,
    Choice,
    Customer,
    Effects,
    Encounter,
    Outcome,
    Problem,
    Stage,
    Timeout,
)
from game.content.principles import PRINCIPLES
from game.content.yamlsafe import ScreenError, compose, read_text

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
LEVEL_SUFFIXES = (".yaml", ".yml")
TIME_LIMIT_RANGE = (5, 600)

STAGE_KEYS = {"id": True, "order": True, "title": True, "summary": True,
              "principles": False, "time_limit": False, "encounters": True}
ENCOUNTER_KEYS = {"id": True, "title": True, "principles": True, "channel": True,
                  "customer": True, "time_limit": False, "start": True, "cards": True}
CUSTOMER_KEYS = {"name": True, "look": True, "mood": True, "age": False}
CARD_KEYS = {"say": True, "narration": False, "choices": False, "end": False,
             "time_limit": False, "on_timeout": False}
CHOICE_KEYS = {"text": True, "effects": False, "feedback": False, "next": True}
TIMEOUT_KEYS = {"next": False, "effects": False, "feedback": False}
EFFECT_KEYS = {name: False for name in (*SKILLS, "mood")}

_KIND = {yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.ScalarNode: "a value"}


class _Skip(Exception):
    """Abandon the current item; its problem has been recorded."""


@dataclass
class _Reader:
    file: str
    problems: list[Problem] = field(default_factory=list)
    constructor: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor
    )

    def problem(self, node: yaml.Node | None, path: str | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(self.file, line, path, message))

    def fail(self, node: yaml.Node | None, path: str | None, message: str) -> _Skip:
        self.problem(node, path, message)
        return _Skip()

    # -- shapes ---------------------------------------------------------

    def mapping(self, node: yaml.Node, path: str | None, keys: dict[str, bool],
                what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, path, f"{what} must be a mapping (key: value), "
                                        f"not {_KIND[type(node)]}")
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(key_node, path, f"keys in {what} must be plain words")
            elif key in found:
                self.problem(key_node, path, f"duplicate key '{key}' in {what}")
            elif key not in keys:
                allowed = ", ".join(keys)
                self.problem(key_node, path,
                             f"unknown key '{key}' in {what} (allowed: {allowed})")
            else:
                found[key] = value_node
        missing = [key for key, required in keys.items() if required and key not in found]
        for key in missing:
            self.problem(node, path, f"missing key '{key}' in {what}")
        if missing:
            raise _Skip()
        return found

    def sequence(self, node: yaml.Node, path: str | None, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, path, f"{what} must be a list, not {_KIND[type(node)]}")
        return list(node.value)

    def text(self, node: yaml.Node, path: str | None, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, path, f"{what} must be text, not {_KIND[type(node)]}")
        value = node.value if node.tag != "tag:yaml.org,2002:null" else ""
        value = value.strip()
        if not value:
            raise self.fail(node, path, f"{what} is empty")
        return value

    def ident(self, node: yaml.Node, path: str | None, what: str) -> str:
        value = self.text(node, path, what)
        if not ID_PATTERN.match(value):
            raise self.fail(node, path, f"{what} '{value}' is not a valid id "
                                        "(use a-z, 0-9, - and _, up to 64 characters)")
        return value

    def number(self, node: yaml.Node, path: str | None, what: str,
               bounds: tuple[float, float], whole: bool = True) -> int | float:
        tags = {"tag:yaml.org,2002:int"} | (set() if whole else {"tag:yaml.org,2002:float"})
        if not isinstance(node, yaml.ScalarNode) or node.tag not in tags:
            kind = "a whole number" if whole else "a number"
            shown = node.value if isinstance(node, yaml.ScalarNode) else _KIND[type(node)]
            raise self.fail(node, path, f"{what} must be {kind}, not '{shown}'")
        value = self.constructor.construct_object(node)
        low, high = bounds
        if not low <= value <= high:
            raise self.fail(node, path, f"{what} must be between {low} and {high}, not {value}")
        return value

    def choice_of(self, node: yaml.Node, path: str | None, what: str,
                  options: Iterable[str]) -> str:
        value = self.text(node, path, what)
        options = tuple(options)
        if value not in options:
            raise self.fail(node, path, f"{what} must be one of {', '.join(options)}, "
                                        f"not '{value}'")
        return value

    def optional(self, fields: dict[str, yaml.Node], key: str, read, *args, default=None):
        """Read an optional field; a bad value is recorded and the default used."""
        if key not in fields:
            return default
        try:
            return read(fields[key], *args)
        except _Skip:
            return default

    # -- the level format -------------------------------------------------

    def stage(self, root: yaml.Node | None) -> Stage | None:
        if root is None:
            self.problem(None, None, "the file is empty; a stage needs "
                                     "id, order, title, summary and encounters")
            return None
        try:
            fields = self.mapping(root, None, STAGE_KEYS, "a stage")
            stage_id = self.ident(fields["id"], None, "the stage id")
        except _Skip:
            return None
        path = stage_id
        order = self.optional(fields, "order", self.number, path, "order", (0, 9999))
        title = self.optional(fields, "title", self.text, path, "the title")
        summary = self.optional(fields, "summary", self.text, path, "the summary")
        stage_limit = self.optional(fields, "time_limit", self.number, path, "time_limit",
                                    TIME_LIMIT_RANGE, False, default=30)
        principles = self.principles(fields["principles"], path) if "principles" in fields \
            else ()
        encounters: list[Encounter] = []
        try:
            items = self.sequence(fields["encounters"], path, "encounters")
            if not items:
                self.problem(fields["encounters"], path, "a stage needs at least one encounter")
        except _Skip:
            items = []
        seen: set[str] = set()
        for item in items:
            encounter = self.encounter(item, stage_id, stage_limit)
            if encounter is None:
                continue
            if encounter.id in seen:
                self.problem(item, encounter.path, f"duplicate encounter id '{encounter.id}'")
                continue
            seen.add(encounter.id)
            encounters.append(encounter)
        if None in (order, title, summary) or len(encounters) != len(items) or not items:
            return None
        return Stage(stage_id, int(order), title, summary, tuple(encounters),
                     source=self.file, time_limit=float(stage_limit), principles=principles,
                     line=fields["id"].start_mark.line + 1)

    def encounter(self, node: yaml.Node, stage_id: str, stage_limit: float) -> Encounter | None:
        try:
            fields = self.mapping(node, stage_id, ENCOUNTER_KEYS, "an encounter")
            encounter_id = self.ident(fields["id"], stage_id, "the encounter id")
        except _Skip:
            return None
        path = f"{stage_id}/{encounter_id}"
        before = len(self.problems)
        title = self.optional(fields, "title", self.text, path, "the title")
        channel = self.optional(fields, "channel", self.choice_of, path, "channel", CHANNELS)
        principles = self.principles(fields["principles"], path)
        customer = self.optional(fields, "customer", self.customer, path)
        time_limit = self.optional(fields, "time_limit", self.number, path, "time_limit",
                                   TIME_LIMIT_RANGE, False, default=stage_limit)
        start = self.optional(fields, "start", self.ident, path, "start")
        cards = self.cards(fields["cards"], path)
        if len(self.problems) != before or cards is None:
            return None
        encounter = Encounter(encounter_id, path, title, principles, channel, customer,
                              float(time_limit), start, cards, line=node.start_mark.line + 1)
        graph_problems = validate.graph_problems(encounter, fields["start"], self.file)
        self.problems.extend(graph_problems)
        return None if graph_problems else encounter

    def principles(self, node: yaml.Node, path: str) -> tuple[str, ...]:
        try:
            items = self.sequence(node, path, "principles")
        except _Skip:
            return ()
        if not items:
            self.problem(node, path, "principles must name at least one principle tag")
        tags = []
        for item in items:
            try:
                tag = self.text(item, path, "a principle tag")
            except _Skip:
                continue
            if tag not in PRINCIPLES:
                self.problem(item, path, f"unknown principle tag '{tag}'")
            tags.append(tag)
        return tuple(tags)

    def customer(self, node: yaml.Node, path: str) -> Customer:
        fields = self.mapping(node, path, CUSTOMER_KEYS, "the customer")
        name = self.text(fields["name"], path, "the customer's name")
        look = self.number(fields["look"], path, "look", (LOOKS.start, LOOKS.stop - 1))
        mood = self.number(fields["mood"], path, "the customer's mood", (0, 100))
        age = self.optional(fields, "age", self.number, path, "age", (14, 110))
        return Customer(name, int(look), int(mood), age)

    def cards(self, node: yaml.Node, path: str) -> dict[str, Card] | None:
        try:
            if not isinstance(node, yaml.MappingNode):
                raise self.fail(node, path, f"cards must be a mapping of card ids to cards, "
                                            f"not {_KIND[type(node)]}")
        except _Skip:
            return None
        cards: dict[str, Card] = {}
        ok = True
        for key_node, value_node in node.value:
            try:
                card_id = self.ident(key_node, path, "a card id")
            except _Skip:
                ok = False
                continue
            if card_id in cards:
                self.problem(key_node, f"{path}/{card_id}", f"duplicate card id '{card_id}'")
                ok = False
                continue
            card = self.card(value_node, f"{path}/{card_id}", card_id,
                             key_node.start_mark.line + 1)
            if card is None:
                ok = False
                continue
            cards[card_id] = card
        if not node.value:
            self.problem(node, path, "an encounter needs at least one card")
            ok = False
        return cards if ok else None

    def card(self, node: yaml.Node, path: str, card_id: str, line: int) -> Card | None:
        try:
            fields = self.mapping(node, path, CARD_KEYS, "a card")
        except _Skip:
            return None
        before = len(self.problems)
        say = self.optional(fields, "say", self.text, path, "say")
        narration = self.optional(fields, "narration", self.text, path, "narration")
        time_limit = self.optional(fields, "time_limit", self.number, path, "time_limit",
                                   TIME_LIMIT_RANGE, False)
        has_choices, has_end = "choices" in fields, "end" in fields
        choices: tuple[Choice, ...] = ()
        end = None
        on_timeout = None
        if has_choices == has_end:
            self.problem(node, path, "a card needs either 'choices' or 'end', not both"
                         if has_end else "a card needs either 'choices' or 'end'")
        elif has_end:
            end = self.optional(fields, "end", self.choice_of, path, "end", OUTCOMES)
            for key in ("on_timeout", "time_limit"):
                if key in fields:
                    self.problem(fields[key], path, f"an ending card has no '{key}'")
        else:
            choices = self.choices(fields["choices"], path)
            on_timeout = self.optional(fields, "on_timeout", self.timeout, path)
        if len(self.problems) != before:
            return None
        return Card(card_id, path, say, narration, choices,
                    Outcome(end) if end else None,
                    float(time_limit) if time_limit is not None else None,
                    on_timeout, line=line)

    def choices(self, node: yaml.Node, path: str) -> tuple[Choice, ...]:
        try:
            items = self.sequence(node, path, "choices")
        except _Skip:
            return ()
        if not 2 <= len(items) <= 4:
            self.problem(node, path, f"a card has 2 to 4 choices, not {len(items)}")
        result = []
        for item in items:
            try:
                fields = self.mapping(item, path, CHOICE_KEYS, "a choice")
                text = self.text(fields["text"], path, "the choice text")
                target = self.ident(fields["next"], path, "next")
            except _Skip:
                continue
            effects = self.optional(fields, "effects", self.effects, path, default=Effects())
            feedback = self.optional(fields, "feedback", self.text, path, "feedback", default="")
            result.append(Choice(text, effects, feedback, target,
                                 line=item.start_mark.line + 1))
        return tuple(result)

    def timeout(self, node: yaml.Node, path: str) -> Timeout:
        if isinstance(node, yaml.ScalarNode):
            return Timeout(self.ident(node, path, "on_timeout"), DEFAULT_TIMEOUT, None,
                           node.start_mark.line + 1)
        fields = self.mapping(node, path, TIMEOUT_KEYS, "on_timeout")
        target = self.optional(fields, "next", self.ident, path, "on_timeout next")
        effects = self.optional(fields, "effects", self.effects, path,
                                default=DEFAULT_TIMEOUT)
        feedback = self.optional(fields, "feedback", self.text, path, "on_timeout feedback")
        return Timeout(target, effects, feedback, node.start_mark.line + 1)

    def effects(self, node: yaml.Node, path: str) -> Effects:
        fields = self.mapping(node, path, EFFECT_KEYS, "effects")
        values = {}
        for key, value_node in fields.items():
            bounds = MOOD_RANGE if key == "mood" else SKILL_RANGE
            try:
                values[key] = int(self.number(value_node, path, key, bounds))
            except _Skip:
                continue
        return Effects(**values)


@dataclass
class LevelSet:
    """Every stage found, in marathon order, and every file that failed."""

    stages: list[Stage]
    broken: dict[str, list[Problem]]
    problems: list[Problem]


def load_file(path: str | Path, shown_as: str | None = None) -> tuple[Stage | None, list[Problem]]:
    name = shown_as or str(path)
    try:
        text = read_text(path)
    except ScreenError as error:
        return None, [Problem(name, error.line, None, error.message)]
    return load_text(text, name)


def load_text(text: str, name: str) -> tuple[Stage | None, list[Problem]]:
    """Build a stage from a level file's text; ``name`` is used in problems.

    The cyclic garbage collector rests meanwhile: the YAML nodes and the model
    are trees that plain reference counting frees, and its passes over the
    growing heap made loading grow faster than the file."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_text(text, name)
    finally:
        if collecting:
            gc.enable()


def _load_text(text: str, name: str) -> tuple[Stage | None, list[Problem]]:
    reader = _Reader(name)
    try:
        root = compose(text)
    except ScreenError as error:
        return None, [Problem(name, error.line, None, error.message)]
    except RecursionError:
        return None, [Problem(name, None, None, "the data is nested too deeply to read")]
    stage = reader.stage(root)
    if reader.problems:
        return None, reader.problems
    return stage, []


def level_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand directories to their level files (not ones starting with _)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            named = sorted(p for p in path.iterdir()
                           if p.suffix in LEVEL_SUFFIXES and not p.name.startswith((".", "_")))
            found = [p for p in named if p.is_file()]
            for odd in named:
                if odd.is_dir():
                    problems.append(Problem(str(odd), None, None,
                                            "a folder named like a level file; skipped"))
                elif not odd.is_file():  # a link in a loop, or to nothing
                    problems.append(Problem(str(odd), None, None,
                                            "a link that leads to no file (a loop, or its "
                                            "target is gone); skipped"))
            if not named:
                problems.append(Problem(str(path), None, None,
                                        "no level files (*.yaml) in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), None, None, "no such file or folder"))
    return files, problems


def load_levels(paths: Iterable[str | Path]) -> LevelSet:
    files, problems = level_files(paths)
    stages: list[Stage] = []
    broken: dict[str, list[Problem]] = {}
    owners: dict[str, str] = {}
    for path in files:
        stage, file_problems = load_file(path)
        if stage is not None and stage.id in owners:
            file_problems = [Problem(str(path), 1, stage.id,
                                     f"duplicate stage id '{stage.id}' "
                                     f"(also used by {owners[stage.id]})")]
            stage = None
        if stage is None:
            broken[str(path)] = file_problems
            problems.extend(file_problems)
        else:
            owners[stage.id] = str(path)
            stages.append(stage)
    stages.sort(key=lambda s: (s.order, s.id))
    return LevelSet(stages, broken, problems)
