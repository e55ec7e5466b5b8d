"""Every translatable string of a stage, with its msgctxt and a note for
translators. The catalog extractor, the tests and the checker all read
level text through this one list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.content import msgctxt
from game.content.model import Encounter, Stage

CHANNEL_WORDS = {"shop": "in person", "phone": "on the phone", "email": "by e-mail",
                 "chat": "in a chat"}


@dataclass(frozen=True)
class LevelString:
    line: int
    context: str
    text: str
    comment: str


def level_strings(stage: Stage) -> Iterator[LevelString]:
    yield LevelString(1, msgctxt.stage_title(stage), stage.title, "Stage title")
    yield LevelString(1, msgctxt.stage_summary(stage), stage.summary,
                      "Stage summary: what the stage teaches, one sentence")
    for encounter in stage.encounters:
        yield from _encounter_strings(encounter)


def _encounter_strings(encounter: Encounter) -> Iterator[LevelString]:
    who = encounter.customer
    customer = who.name if who.age is None else f"{who.name}, {who.age}"
    how = CHANNEL_WORDS[encounter.channel]
    yield LevelString(encounter.line, msgctxt.encounter_title(encounter), encounter.title,
                      f"Encounter title (customer {customer}, {how})")
    for card in encounter.cards.values():
        if card.narration:
            yield LevelString(card.line, msgctxt.narration(card), card.narration,
                              f"Stage direction, {how}; not spoken")
        role = (f"Last line of customer {customer} ({card.end.value} ending)" if card.is_end
                else f"Line of customer {customer}")
        yield LevelString(card.line, msgctxt.say(card), card.say,
                          f"{role}, {how}; as a real customer would say it")
        for index, choice in enumerate(card.choices):
            yield LevelString(choice.line, msgctxt.choice_text(card, index), choice.text,
                              f"Player's answer {index + 1} to {customer}, {how}; "
                              "speaks to the customer")
            if choice.feedback:
                yield LevelString(choice.line, msgctxt.choice_feedback(card, index),
                                  choice.feedback,
                                  f"Trainer's feedback on answer {index + 1}; "
                                  "speaks to the player")
        if card.on_timeout is not None and card.on_timeout.feedback:
            yield LevelString(card.on_timeout.line, msgctxt.timeout_feedback(card),
                              card.on_timeout.feedback,
                              "Trainer's feedback when time ran out; speaks to the player")
