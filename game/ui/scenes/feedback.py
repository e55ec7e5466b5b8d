"""After each choice: what it did to each skill and to the mood, and why."""

from __future__ import annotations

import pygame

from game.content import msgctxt
from game.content.model import SKILLS
from game.play import Decision, EncounterRun
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import Scene
from game.ui.theme import BODY, LARGE, SMALL, TITLE
from game.ui.widgets import button, panel, shade
from game.ui.words import skill_name


class FeedbackScene(Scene):
    opaque = False

    def __init__(self, app, decision: Decision, run: EncounterRun):
        super().__init__(app)
        self.decision = decision
        self.run = run
        self.menu = ui_input.Menu(1)

    def texts(self) -> tuple[str, str | None, str]:
        """The heading, the player's words (None for a timeout) and the explanation."""
        tr = self.app.ctx.tr
        d = self.decision
        card = d.card
        name = self.run.encounter.customer.name
        if d.timed_out:
            heading = tr._("Time ran out")
            if d.feedback:
                why = tr.level(msgctxt.timeout_feedback(card), d.feedback)
            elif card.on_timeout is None or card.on_timeout.next is None:
                why = tr._("{name} waited for an answer that did not come, "
                           "and asks again, a little less patient.").format(name=name)
            else:
                why = tr._("{name} waited for an answer that did not come.").format(name=name)
            return heading, None, why
        index = d.choice_index
        said = tr.level(msgctxt.choice_text(card, index), card.choices[index].text)
        why = (tr.level(msgctxt.choice_feedback(card, index), d.feedback) if d.feedback
               else tr._("No comment from the trainer on this answer."))
        if d.repeat and d.effects != card.choices[index].effects:
            why = tr._("{feedback}\n(You answered this question before: its skill points "
                       "count only once.)").format(feedback=why)
        heading = (tr._("A strong answer") if index == d.best_index
                   else tr._("Your answer"))
        return heading, said, why

    def layout(self, width, height):
        m = self.app.ctx.metrics
        w = min(width - 2 * m.margin, m.px(900))
        h = min(height - 2 * m.margin, m.px(560))
        self.box = pygame.Rect((width - w) // 2, (height - h) // 2, w, h)
        pad = m.px(28)
        inner = self.box.inflate(-2 * pad, -2 * pad)
        self.heading_box = pygame.Rect(inner.left, inner.top, inner.width, m.px(48))
        self.quote_box = pygame.Rect(inner.left, self.heading_box.bottom + m.gap, inner.width,
                                     m.px(96))
        chip_top = self.quote_box.bottom + m.gap
        chip_width = (inner.width - 3 * m.gap) // 4
        self.chips = [pygame.Rect(inner.left + i * (chip_width + m.gap), chip_top, chip_width,
                                  m.px(64)) for i in range(4)]
        self.menu.rects = [pygame.Rect(0, 0, m.px(260), m.px(56))]
        self.menu.rects[0].bottomright = inner.bottomright
        why_top = self.chips[0].bottom + m.gap * 2
        self.why_box = pygame.Rect(inner.left, why_top, inner.width,
                                   self.menu.rects[0].top - m.gap - why_top)

    def handle_event(self, event):
        got = ui_input.read(event, self.app.screen.get_size())
        if got is None:
            return True
        if got.intent in (Intent.CONFIRM, Intent.ADVANCE, Intent.BACK) or \
                self.menu.handle(got) is not None:
            self.app.stack.pop()
        return True

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        heading, said, why = self.texts()
        shade(surface, p.shade)
        panel(surface, self.box, p.panel, p.panel_edge, m.radius)
        best = not self.decision.timed_out and \
            self.decision.choice_index == self.decision.best_index
        ctx.text.draw(surface, heading, m.font(TITLE), p.good if best else p.ink,
                      self.heading_box, bold=True, valign="middle")
        if said is not None:
            panel(surface, self.quote_box, p.hover, None, m.radius)
            # the answer as it stood on the card: spoken words carry their own
            # quote marks there, a described action has none
            ctx.text.draw(surface, said, m.font(BODY), p.ink,
                          self.quote_box.inflate(-m.px(28), -m.px(16)), valign="middle")
        else:
            ctx.text.draw(surface, tr._("You did not answer in time."), m.font(BODY), p.muted,
                          self.quote_box, valign="middle")
        effects = self.decision.effects
        for rect, name in zip(self.chips, (*SKILLS, "mood"), strict=True):
            value = effects.skill(name) if name != "mood" else effects.mood
            color = p.good if value > 0 else p.poor if value < 0 else p.neutral
            panel(surface, rect, p.panel, color, m.radius, width=m.px(3))
            ctx.text.draw(surface, skill_name(tr, name), m.font(SMALL), p.muted,
                          pygame.Rect(rect.left + m.px(8), rect.top + m.px(4),
                                      rect.width - m.px(16), rect.height // 2 - m.px(4)),
                          align="center", valign="bottom")
            ctx.text.draw(surface, f"{value:+d}" if value else "0", m.font(LARGE), color,
                          pygame.Rect(rect.left, rect.centery, rect.width,
                                      rect.height // 2 - m.px(2)),
                          bold=True, align="center", valign="middle")
        ctx.text.draw(surface, why, m.font(LARGE), p.ink, self.why_box)
        button(ctx, surface, self.menu.rects[0], tr._("Continue"), focused=True, primary=True)
