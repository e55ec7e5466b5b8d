"""Translated names for the game's own terms, in one place."""

from __future__ import annotations

from game.content import msgctxt
from game.content.model import Outcome
from game.i18n import Translator


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
