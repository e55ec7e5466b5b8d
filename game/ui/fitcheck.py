"""Does every level string fit its box on a projector, in every language?

The real encounter and feedback scenes are drawn off screen at 1920x1080
with the largest text size, once per card and answer and language, and the
text renderer's record says what had to shrink. Shrinking is allowed down
to the size a room can read from the back: 1/28 of the screen height, the
projector minimum. A string that would be smaller, or can't be shown at all,
gets a warning.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.content import msgctxt
from game.content.model import Problem, Stage
from game.i18n import LANGUAGES

PROJECTOR = (1920, 1080)
READABLE = PROJECTOR[1] // 28  # pixels: the smallest text a room can read


def fit_warnings(stages: list[Stage], data_dir: Path) -> list[Problem]:
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # never open a window for a check
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.play import Decision, StageRun
    from game.ui.app import App, build_context
    from game.ui.scenes.encounter import EncounterScene
    from game.ui.scenes.feedback import FeedbackScene
    from game.ui.theme import TEXT_SCALES

    pygame.display.init()
    pygame.font.init()
    try:
        ctx = build_context(data_dir, "en")
        ctx.text_scale_index = len(TEXT_SCALES) - 1
        app = App(ctx, PROJECTOR, fixed_dt=1 / 30)
        ctx.tr.take_notices()
        warnings: dict[tuple, Problem] = {}
        for language in LANGUAGES:
            app.set_language(language)
            for stage in stages:
                for index, encounter in enumerate(stage.encounters):
                    run = StageRun(stage, first=index)
                    scene = EncounterScene(app, run)
                    replies = _longest_reply_to(encounter, app.ctx.tr)
                    for card in encounter.cards.values():
                        scene.preview(card, replies.get(card.id))
                        _draw(app, [scene])
                        texts = [(msgctxt.say(card), card.say)]
                        if card.narration:
                            texts.append((msgctxt.narration(card), card.narration))
                        texts += [(msgctxt.choice_text(card, i), c.text)
                                  for i, c in enumerate(card.choices)]
                        what = ("the customer's line and the answers" if card.choices
                                else "the customer's last line")
                        _judge(app, stage, card.path, card.line, what, texts, language,
                               warnings)
                        for i, choice in enumerate(card.choices):
                            if not choice.feedback:
                                continue
                            decision = Decision(card, i, choice.effects, 0.0, 50, 50)
                            _draw(app, [scene, FeedbackScene(app, decision, run.current)])
                            _judge(app, stage, card.path, choice.line,
                                   f"the feedback on answer {i + 1}",
                                   [(msgctxt.choice_feedback(card, i), choice.feedback)],
                                   language, warnings)
        return list(warnings.values())
    finally:
        pygame.quit()


def _longest_reply_to(encounter, tr) -> dict[str, str]:
    """For each card, the longest answer that leads to it: the worst case for
    the player's message shown above an e-mail or a chat message."""
    longest: dict[str, str] = {}
    for card in encounter.cards.values():
        for index, choice in enumerate(card.choices):
            text = tr.level(msgctxt.choice_text(card, index), choice.text)
            if len(text) > len(longest.get(choice.next, "")):
                longest[choice.next] = text
    return longest


def _draw(app, scenes) -> None:
    app.stack.scenes = list(scenes)
    app.stack.mark_dirty()
    app.draw()


def _judge(app, stage, path, line, what, texts, language, warnings) -> None:
    """Warn once per place (a card, or one answer's feedback) whose text can't
    be shown at READABLE pixels."""
    tr = app.ctx.tr
    drawn = {}
    for record in app.ctx.text.drawn:
        size = 0 if record.overflow else record.size
        drawn[record.text] = min(size, drawn.get(record.text, size))
    sizes = []
    for context, source in texts:
        shown = tr.level(context, source)
        size = drawn.get(shown)
        if size is not None:
            sizes.append(size)
    if not sizes or min(sizes) >= READABLE or (path, line) in warnings:
        return
    size = min(sizes)
    how = "does not fit" if size == 0 else f"must shrink to {size} px"
    warnings[(path, line)] = Problem(
        stage.source, line, path,
        f"in {LANGUAGES[language]}, {what} {how} on a projector "
        f"({PROJECTOR[0]}x{PROJECTOR[1]}, largest text; a room reads {READABLE} px): "
        "shorten it", warning=True)
