"""Translated names for the game's own terms, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content import msgctxt
from game.i18n import Translator

if TYPE_CHECKING:
    from game.content.model import Outcome


def skill_name(tr: Translator, skill: str) -> str:
    names = {
        "attention": tr._("Attention"),
        "problem_solving": tr._("Problem-solving"),
        "partnership": tr._("Partnership"),
        "mood": tr._("Mood"),
    }
    return names[skill]


def mood_word(tr: Translator, mood: int) -> str:
    if mood < 20:
        return tr.pgettext("mood", "furious")
    if mood < 40:
        return tr.pgettext("mood", "upset")
    if mood < 60:
        return tr.pgettext("mood", "neutral")
    if mood < 80:
        return tr.pgettext("mood", "pleased")
    return tr.pgettext("mood", "delighted")


def outcome_name(tr: Translator, outcome: Outcome) -> str:
    from game.content.model import Outcome  # the title needs no model

    return {
        Outcome.SUCCESS: tr.pgettext("outcome", "Solved"),
        Outcome.PARTIAL: tr.pgettext("outcome", "Partly solved"),
        Outcome.FAIL: tr.pgettext("outcome", "Customer lost"),
    }[outcome]


def channel_name(tr: Translator, channel: str) -> str:
    return {
        "shop": tr.pgettext("channel", "In person"),
        "phone": tr.pgettext("channel", "Phone call"),
        "email": tr.pgettext("channel", "E-mail"),
        "chat": tr.pgettext("channel", "Chat"),
    }[channel]


def walked_out_line(tr: Translator, channel: str, name: str) -> str:
    if channel == "phone":
        return tr._("{name} has run out of patience and hangs up.").format(name=name)
    if channel in ("email", "chat"):
        return tr._("{name} has run out of patience and stops writing.").format(name=name)
    return tr._("{name} has run out of patience and walks away.").format(name=name)


def encounter_heading(tr: Translator, run, encounter) -> str:
    """'First contact · customer 1 of 2: The busy counter'."""
    # Translators: heading of the encounter screen, e.g.
    # "First contact · customer 1 of 4: The red dress"
    return tr._("{stage} · customer {number} of {count}: {title}").format(
        stage=tr.level(msgctxt.stage_title(run.stage), run.stage.title),
        number=run.index + 1,
        count=len(run.stage.encounters),
        title=tr.level(msgctxt.encounter_title(encounter), encounter.title),
    )


def stage_name(tr: Translator, stage) -> str:
    return tr.level(msgctxt.stage_title(stage), stage.title)


def file_notice(tr: Translator, name: str, loaded) -> str:
    """One line for a saved file that couldn't be used (see game.storage)."""
    why = {
        "unreadable": tr.pgettext("file problem", "the disk refused to read it"),
        "too-large": tr.pgettext("file problem", "it is far too large"),
        "empty": tr.pgettext("file problem", "it is empty"),
        "damaged": tr.pgettext("file problem", "it is damaged"),
        "no-version": tr.pgettext("file problem", "it is not a file of this game"),
        "newer": tr.pgettext("file problem", "a newer version of the game wrote it"),
        "no-upgrade": tr.pgettext("file problem", "it is from an old version that can't "
                                                  "be converted"),
    }[loaded.problem]
    if loaded.aside:
        # Translators: {file} is a file name such as settings.json; {aside} the name
        # it was renamed to, e.g. settings.20261124-101500.unreadable.json
        return tr._("{file} can't be used ({why}); it is kept as {aside}, and the game "
                    "goes on with defaults.").format(file=name, why=why, aside=loaded.aside)
    return tr._("{file} can't be used ({why}); the game goes on with defaults.").format(
        file=name, why=why)


def save_notice(tr: Translator, error) -> str:
    # Translators: {reason} comes from the operating system, e.g. "Permission denied"
    return tr._("Progress can't be saved ({reason}). You can keep playing; "
                "it will be saved when the disk allows.").format(reason=error.reason)
