"""Review of a finished stage, one decision at a time: what the customer said,
what you answered and why it helped or hurt, and the best answer and why;
from any decision, the encounter can be played again."""

from __future__ import annotations

import pygame

from game.content import msgctxt
from game.content.model import SKILLS, Stage
from game.play.progress import Attempt, DecisionRecord
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import MenuScene
from game.ui.theme import BODY, LARGE, SMALL, TITLE
from game.ui.widgets import button, panel
from game.ui.words import skill_name, stage_name

PREVIOUS, NEXT, AGAIN, BACK = range(4)


class ReviewScene(MenuScene):
    closes_on_back = True

    def __init__(self, app, stage: Stage, attempt: Attempt):
        super().__init__(app)
        self.stage = stage
        self.attempt = attempt
        self.decisions = list(attempt.decisions)
        self.page = 0
        self.menu = ui_input.Menu(4, focus=NEXT if len(self.decisions) > 1 else BACK)

    # what a page shows ---------------------------------------------------------------
    def _find(self, decision: DecisionRecord):
        encounter = next((e for e in self.stage.encounters if e.id == decision.encounter), None)
        card = encounter.cards.get(decision.card) if encounter else None
        return encounter, card

    def texts(self) -> dict[str, str]:
        """Every text of the current page, by part."""
        tr = self.app.ctx.tr
        decision = self.decisions[self.page]
        encounter, card = self._find(decision)
        heading = tr._("Review: {stage} · decision {number} of {count}").format(
            stage=stage_name(tr, self.stage), number=self.page + 1, count=len(self.decisions))
        if card is None or (decision.choice is not None
                            and decision.choice >= len(card.choices)):
            return {"heading": heading, "said": tr._(
                "This card is no longer in the level files, so it can't be shown.")}
        name = encounter.customer.name
        parts = {
            "heading": heading,
            "encounter": tr.level(msgctxt.encounter_title(encounter), encounter.title),
            "said_label": tr._("{name} said:").format(name=name),
            "said": tr.level(msgctxt.say(card), card.say),
            "yours_label": tr._("You answered:"),
            "effects": self._effects(decision.effects),
        }
        best = card.choices[decision.best]
        best_text = tr.level(msgctxt.choice_text(card, decision.best), best.text)
        best_why = tr.level(msgctxt.choice_feedback(card, decision.best), best.feedback or "")
        if decision.choice is None:
            parts["yours"] = tr._("Nothing: the time ran out.")
            timeout = card.on_timeout
            parts["yours_why"] = (tr.level(msgctxt.timeout_feedback(card), timeout.feedback)
                                  if timeout and timeout.feedback else
                                  tr._("{name} waited for an answer that did not come.")
                                  .format(name=name))
        else:
            choice = card.choices[decision.choice]
            parts["yours"] = tr.level(msgctxt.choice_text(card, decision.choice), choice.text)
            parts["yours_why"] = tr.level(msgctxt.choice_feedback(card, decision.choice),
                                          choice.feedback or "")
        if decision.choice == decision.best:
            parts["best_label"] = tr._("That was the best answer.")
        else:
            parts["best_label"] = tr._("The best answer:")
            parts["best"] = best_text
            parts["best_why"] = best_why
        return parts

    def _effects(self, effects: dict[str, int]) -> str:
        tr = self.app.ctx.tr
        items = [(skill_name(tr, name), effects.get(name, 0)) for name in (*SKILLS, "mood")]
        # Translators: one effect in a list, e.g. "Attention +1"
        return " · ".join(tr._("{skill} {change}").format(skill=skill, change=f"{value:+d}")
                          for skill, value in items)

    # layout and input ----------------------------------------------------------------
    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        margin = m.margin
        self.heading_box = pygame.Rect(margin, margin, width - 2 * margin,
                                       max(m.px(48), ctx.line_height(TITLE, bold=True)))
        self.encounter_box = pygame.Rect(margin, self.heading_box.bottom,
                                         width - 2 * margin, ctx.line_height(BODY) + m.px(6))
        row = max(m.px(54), ctx.line_height(BODY) + m.px(16))
        top = height - margin - row
        quarter = (width - 2 * margin - 3 * m.gap) // 4
        self.menu.rects = [pygame.Rect(margin + i * (quarter + m.gap), top, quarter, row)
                           for i in range(4)]
        body_top = self.encounter_box.bottom + m.gap
        body = pygame.Rect(margin, body_top, width - 2 * margin, top - m.gap - body_top)
        said_height = body.height // 4
        self.said_panel = pygame.Rect(body.left, body.top, body.width, said_height)
        half = (body.width - m.gap) // 2
        lower = body.height - said_height - m.gap
        self.yours_panel = pygame.Rect(body.left, self.said_panel.bottom + m.gap, half, lower)
        self.best_panel = pygame.Rect(self.yours_panel.right + m.gap, self.yours_panel.top,
                                      half, lower)

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key == pygame.K_t:
            self.activate(AGAIN)
            return True
        return super().handle_event(event)

    def shortcut(self, got):
        if got.intent is Intent.ADVANCE:
            self.turn(1)
            return True
        if got.intent is Intent.RETREAT:
            self.turn(-1)
            return True
        return super().shortcut(got)

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.decisions) - 1, self.page + step))
        self.dirty = True

    def activate(self, index):
        if index == PREVIOUS:
            self.turn(-1)
        elif index == NEXT:
            self.turn(1)
        elif index == BACK:
            self.app.stack.pop()
        elif index == AGAIN:
            self.try_again()

    def try_again(self) -> None:
        from game.play import StageRun
        from game.ui.scenes.encounter import EncounterScene

        decision = self.decisions[self.page]
        ids = [encounter.id for encounter in self.stage.encounters]
        if decision.encounter not in ids:
            return
        run = StageRun(self.stage, timer_speed=self.app.ctx.timer_speed,
                       first=ids.index(decision.encounter), practice=True)
        self.app.stack.push(EncounterScene(self.app, run))

    # drawing ----------------------------------------------------------------------------
    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        if not self.decisions:
            ctx.text.draw(surface, tr._("No decisions were recorded for this stage."),
                          m.font(LARGE), p.muted, self.heading_box)
        else:
            parts = self.texts()
            ctx.text.draw(surface, parts["heading"], m.font(TITLE), p.ink, self.heading_box,
                          bold=True, valign="middle", max_lines=1)
            if "encounter" in parts:
                ctx.text.draw(surface, parts["encounter"], m.font(BODY), p.muted,
                              self.encounter_box, valign="middle", max_lines=1, ellipsis=True)
            self._part(surface, self.said_panel, parts.get("said_label"), parts["said"], None,
                       p.bubble)
            if "yours" in parts:
                self._part(surface, self.yours_panel, parts["yours_label"], parts["yours"],
                           f"{parts['effects']}\n{parts['yours_why']}", p.panel)
                self._part(surface, self.best_panel, parts["best_label"], parts.get("best"),
                           parts.get("best_why"), p.hover)
        labels = [tr._("Previous"), tr._("Next"), tr._("Try this customer again"),
                  tr._("Back")]
        for index, (rect, label) in enumerate(zip(self.menu.rects, labels, strict=True)):
            disabled = (index == PREVIOUS and self.page == 0) or (
                index == NEXT and self.page >= len(self.decisions) - 1)
            button(ctx, surface, rect, label, focused=index == self.menu.focus and not disabled,
                   primary=index == AGAIN)

    def _part(self, surface, area, label, text, why, fill) -> None:
        ctx = self.app.ctx
        p, m = ctx.palette, ctx.metrics
        panel(surface, area, fill, p.panel_edge, m.radius)
        inner = area.inflate(-2 * m.px(18), -2 * m.px(14))
        y = inner.top
        if label:
            height = ctx.line_height(SMALL, bold=True)
            ctx.text.draw(surface, label, m.font(SMALL), p.muted,
                          pygame.Rect(inner.left, y, inner.width, height), bold=True)
            y += height + m.px(4)
        if text:
            need = ctx.text.measure(text, m.font(BODY), inner.width)
            height = min(need, (inner.bottom - y) // (2 if why else 1))
            ctx.text.draw(surface, text, m.font(BODY), p.ink,
                          pygame.Rect(inner.left, y, inner.width, height))
            y += height + m.px(10)
        if why:
            ctx.text.draw(surface, why, m.font(SMALL), p.ink,
                          pygame.Rect(inner.left, y, inner.width, max(1, inner.bottom - y)))
