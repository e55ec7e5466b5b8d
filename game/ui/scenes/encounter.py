"""The encounter: the customer, their line, the choices, the timer, the meters.

Everything but the timer is drawn into a cached layer when something changes;
while the player thinks, only the timer's strip of the window is updated, once
a second (four times in the last five), and nothing at all when it is off.
"""

from __future__ import annotations

import pygame

from game.content import msgctxt
from game.content.model import SKILLS
from game.play import Decision, StageRun
from game.play.scoring import max_stage_total
from game.ui import input as ui_input
from game.ui import widgets
from game.ui.input import Intent
from game.ui.scene import Scene
from game.ui.theme import BODY, LARGE, SMALL
from game.ui.widgets import button, meter, panel, timer_color
from game.ui.words import (
    channel_name,
    encounter_heading,
    mood_word,
    outcome_name,
    skill_name,
    walked_out_line,
)

# The timer is redrawn once a second, like a clock, and four times a second in
# the last seconds; every redraw of a window costs a few milliseconds of CPU.
URGENT_SECONDS = 5
URGENT_STEPS = 4


class EncounterScene(Scene):
    def __init__(self, app, run: StageRun):
        super().__init__(app)
        self.run = run
        self.menu = ui_input.Menu(0, wrap_around=True)
        self.skill_high = {s: max(3, max_stage_total(run.stage, s)) for s in SKILLS}
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple | None = None
        self._layer_drawn: list = []
        self._timer_key: tuple | None = None
        self.last_reply: str | None = None  # the player's previous answer (for threads)
        self._cued: tuple | None = None  # the card (and warning) last given a sound cue
        self._sync_menu()

    # state -------------------------------------------------------------------
    @property
    def encounter_run(self):
        return self.run.current

    def _sync_menu(self) -> None:
        run = self.encounter_run
        self.menu.set_count(1 if run.finished else len(run.card.choices))
        self.menu.focus = 0
        self._invalidate()

    def preview(self, card, reply: str | None = None) -> None:
        """Show ``card`` as if the dialogue had reached it, with ``reply`` as the
        player's last message (the projector fit check draws every card so)."""
        run = self.encounter_run
        run.card = card
        run.outcome = card.end
        self.last_reply = reply
        self._sync_menu()

    def _invalidate(self) -> None:
        self._layer_key = None
        self.dirty = True

    def decide(self, index: int | None) -> Decision:
        """Take answer ``index`` (None: the time ran out). A group session
        records the step in its own log instead."""
        run = self.encounter_run
        return run.timeout() if index is None else run.choose(index)

    def heading(self) -> str:
        return encounter_heading(self.app.ctx.tr, self.run, self.encounter_run.encounter)

    def choose(self, index: int) -> None:
        run = self.encounter_run
        card = run.card
        decision = self.decide(index)
        self.last_reply = self.app.ctx.tr.level(msgctxt.choice_text(card, index),
                                                card.choices[index].text)
        self._after(decision)

    def _after(self, decision: Decision) -> None:
        from game.ui.scenes.feedback import FeedbackScene

        best = not decision.timed_out and decision.choice_index == decision.best_index
        self.app.sound.play("good" if best else "poor")
        self._sync_menu()
        self.app.stack.push(FeedbackScene(self.app, decision, self.encounter_run))

    def proceed(self) -> None:
        """After the encounter's last line: the next encounter, or the results."""
        if self.run.advance():
            self.last_reply = None
            self._sync_menu()
            return
        from game.ui.scenes.results import ResultsScene

        if self.run.practice:  # back to the review it came from
            self.app.stack.pop()
            return
        ctx = self.app.ctx
        ctx.record(self.run)
        self.app.collect_notices()  # a save that failed says so
        self.app.stack.replace(ResultsScene(self.app, self.run))

    def pause(self) -> None:
        from game.ui.scenes.pause import PauseScene

        self.app.stack.push(PauseScene(self.app))

    # events and time -----------------------------------------------------------
    def handle_event(self, event):
        got = ui_input.read(event, self.app.screen.get_size())
        if got is None:
            return False
        if got.intent is Intent.BACK:
            self.pause()
            return True
        finished = self.encounter_run.finished
        if got.intent is Intent.ADVANCE:
            got = ui_input.Input(Intent.CONFIRM if finished else Intent.NEXT)
        elif got.intent is Intent.RETREAT:
            got = ui_input.Input(Intent.PREVIOUS)
        chosen = self.menu.handle(got)
        if self.menu.changed:
            self._invalidate()
        if chosen is not None:
            if finished:
                self.proceed()
            else:
                self.choose(chosen)
        return True

    def update(self, dt):
        run = self.encounter_run
        decision = None
        if not run.finished and run.timer.update(dt):
            decision = self.decide(None)
        if decision is not None:
            self.last_reply = None
            self._after(decision)
            return
        timer = run.timer
        if not run.finished:
            warned = timer.running and timer.remaining <= URGENT_SECONDS * timer.speed
            cue = (id(run), run.card.id, len(run.decisions), warned)
            if cue != self._cued:
                if self._cued is None or cue[:3] != self._cued[:3]:
                    self.app.sound.play("card")
                elif warned:
                    self.app.sound.play("warning")
                self._cued = cue
        key = (timer.seconds_shown, self._urgent_step())
        if key != self._timer_key:
            self._timer_key = key
            self.partial = True

    def _urgent_step(self) -> int:
        """Steps of the timer bar in the last seconds; none when the player
        asked for reduced motion (the bar then moves once a second)."""
        if self.app.ctx.player.settings.reduce_motion:
            return -1
        timer = self.encounter_run.timer
        wall_left = timer.remaining / timer.speed if timer.speed > 0 else 0.0
        return int(wall_left * URGENT_STEPS) if wall_left <= URGENT_SECONDS else -1

    def wake_in(self):
        """Wall seconds until the timer's picture next changes: the next whole
        second shown, or in the last seconds the next step of the bar."""
        timer = self.encounter_run.timer
        if self.encounter_run.finished or not timer.running:
            return None
        wall_left = timer.remaining / timer.speed
        step = 1 / URGENT_STEPS if self._urgent_step() >= 0 or \
            wall_left - 1 <= URGENT_SECONDS else 1.0
        return (wall_left % step) or step

    # layout ------------------------------------------------------------------------
    def layout(self, width, height):
        m = self.app.ctx.metrics
        margin, gap = m.margin, m.gap
        ctx = self.app.ctx
        self.header = pygame.Rect(margin, m.px(14), width - 2 * margin,
                                  max(m.px(50), ctx.line_height(LARGE, bold=True)))
        self.timer_box = pygame.Rect(0, self.header.top, round(m.px(150) * self.app.ctx.text_scale),
                                     self.header.height)
        self.timer_box.right = self.header.right
        self.heading_box = pygame.Rect(self.header.left, self.header.top,
                                       self.timer_box.left - gap - self.header.left,
                                       self.header.height)
        self.timer_bar = pygame.Rect(margin, self.header.bottom + m.px(6), width - 2 * margin,
                                     m.px(12))
        top = self.timer_bar.bottom + m.px(16)
        # the portrait gives way to text as the text grows
        left_width = max(m.px(300), round(width * 0.33 / self.app.ctx.text_scale ** 0.5))
        # the column is at least as wide as its longest meter label and value
        font = ctx.fonts.get(m.font(SMALL))
        labels = max(font.size(text)[0] for text in (
            *(skill_name(ctx.tr, skill) for skill in SKILLS),
            *(ctx.tr._("Mood: {word}").format(word=mood_word(ctx.tr, mood))
              for mood in (10, 30, 50, 70, 90))))
        left_width = min(width // 2, max(left_width, labels + font.size("+00")[0] + m.px(28)))
        self.left = pygame.Rect(margin, top, left_width, height - top - margin)
        meter_height = widgets.meter_height(self.app.ctx)
        self.meters = []
        y = self.left.bottom
        for _ in range(3):
            y -= meter_height
            self.meters.insert(0, pygame.Rect(self.left.left, y, self.left.width, meter_height))
            y -= m.px(6)
        self.mood_meter = pygame.Rect(self.left.left, y - meter_height - m.px(4),
                                      self.left.width, meter_height)
        name_height = ctx.line_height(BODY, bold=True)
        self.name_box = pygame.Rect(self.left.left, self.mood_meter.top - name_height - m.px(4),
                                    self.left.width, name_height)
        self.portrait = pygame.Rect(self.left.left, self.left.top, self.left.width,
                                    self.name_box.top - self.left.top - m.px(6))
        self.right = pygame.Rect(self.left.right + margin, top,
                                 width - margin - (self.left.right + margin),
                                 height - top - margin)
        self._invalidate()

    def _choice_needs(self, width: int, texts: list[str]) -> list[int]:
        """Heights the answer buttons need to show their text at full size."""
        ctx = self.app.ctx
        m = ctx.metrics
        text_width = widgets.button_text_width(ctx, width, hint=True)
        return [max(m.px(56), ctx.text.measure(t, m.font(BODY), text_width) + m.px(24))
                for t in texts]

    def _stack_rects(self, area: pygame.Rect, needs: list[int]) -> list[pygame.Rect]:
        gap = self.app.ctx.metrics.gap
        heights = _fit(needs, area.height - gap * (len(needs) - 1))
        rects, y = [], area.top
        for height in heights:
            rects.append(pygame.Rect(area.left, y, area.width, height))
            y += height + gap
        return rects

    # drawing -------------------------------------------------------------------------
    def draw(self, surface):
        key = (surface.get_size(), self.menu.focus, len(self.encounter_run.decisions),
               self.run.index, self.encounter_run.finished)
        if self._layer is None or self._layer.get_size() != surface.get_size() \
                or self._layer_key != key:
            drawn = self.app.ctx.text.drawn
            start = len(drawn)
            self._layer = pygame.Surface(surface.get_size())
            self._layer.fill(self.app.ctx.palette.background)
            self._draw_static(self._layer)
            self._layer_key = key
            self._layer_drawn = drawn[start:]
        else:  # the layer's text is on screen again: keep the record complete
            self.app.ctx.text.drawn.extend(self._layer_drawn)
        surface.blit(self._layer, (0, 0))
        self._draw_timer(surface)

    def draw_partial(self, surface):
        if self._layer is None or self._layer.get_size() != surface.get_size():
            self.draw(surface)
            return [surface.get_rect()]
        for rect in (self.timer_bar, self.timer_box):
            surface.blit(self._layer, rect, rect)
        self._draw_timer(surface)
        return [self.timer_bar.copy(), self.timer_box.copy()]

    def _draw_static(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        run = self.encounter_run
        encounter = run.encounter
        ctx.text.draw(surface, self.heading(), m.font(BODY), p.ink, self.heading_box, bold=True,
                      valign="middle", max_lines=2)
        self._draw_customer(surface)
        # Translators: the customer's name and how they reach you, e.g. "Anna · Phone call"
        ctx.text.draw(surface, tr._("{name} · {channel}").format(
            name=encounter.customer.name, channel=channel_name(tr, encounter.channel)),
            m.font(BODY), p.ink, self.name_box, bold=True, valign="middle")
        meter(ctx, surface, self.mood_meter, tr._("Mood: {word}").format(
            word=mood_word(tr, run.mood)), run.mood, 0, 100, p.mood, shown=str(run.mood))
        totals = self.run.skills
        totals.add(run.skills)
        for rect, skill in zip(self.meters, SKILLS, strict=True):
            high = self.skill_high[skill]
            meter(ctx, surface, rect, skill_name(tr, skill), getattr(totals, skill),
                  -high // 2, high, getattr(p, skill))
        self._draw_dialogue(surface)

    def _draw_customer(self, surface):
        ctx = self.app.ctx
        p, m = ctx.palette, ctx.metrics
        encounter = self.encounter_run.encounter
        customer = encounter.customer
        area = self.portrait
        panel(surface, area, p.backdrop, None, m.radius)
        if encounter.channel in ("shop", "phone"):
            height = area.height - m.px(8)
            width = min(area.width - m.px(8), height * 4 // 5)
            picture = ctx.art.figure(customer.look, self.encounter_run.mood, (width, height),
                                     encounter.channel)
            rect = picture.get_rect(midbottom=(area.centerx, area.bottom))
            surface.blit(picture, rect)
        else:
            diameter = min(area.width, area.height) * 3 // 5
            picture = ctx.art.avatar(customer.look, self.encounter_run.mood, diameter)
            surface.blit(picture, picture.get_rect(center=area.center))

    def _draw_dialogue(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        run = self.encounter_run
        card = run.card
        encounter = run.encounter
        area = self.right
        finished = run.finished
        lines: list[tuple[str, int, tuple, bool]] = []
        if run.walked_out:
            say = walked_out_line(tr, encounter.channel, encounter.customer.name)
        else:
            say = tr.level(msgctxt.say(card), card.say)
            if card.narration:
                lines.append((tr.level(msgctxt.narration(card), card.narration),
                              m.font(BODY), p.muted, False))
        lines.append((say, m.font(LARGE), p.ink, False))
        bubble_width = area.width
        pad = m.px(18)
        text_width = bubble_width - 2 * pad
        if encounter.channel in ("email", "chat") and self.last_reply and not run.walked_out:
            reply_box = pygame.Rect(area.left + area.width // 4, area.top, area.width * 3 // 4,
                                    0)
            # Translators: the player's previous message in an e-mail or chat thread
            reply_text = tr._("You: {reply}").format(reply=self.last_reply)
            # One line is enough to place the thread; the whole answer was on the
            # feedback screen a moment ago.
            reply_box.height = ctx.line_height(SMALL) + 2 * m.px(10)
            # a sent message: on the right, in the accent colour, like any chat or mail app
            panel(surface, reply_box, p.accent, None, m.radius)
            ctx.text.draw(surface, reply_text, m.font(SMALL), p.accent_ink,
                          reply_box.inflate(-2 * pad, -2 * m.px(10)), max_lines=1,
                          ellipsis=True)
            area = pygame.Rect(area.left, reply_box.bottom + m.gap, area.width,
                               area.bottom - reply_box.bottom - m.gap)
        header = None
        if encounter.channel == "email":
            header = tr._("From: {name}").format(name=encounter.customer.name)
        elif encounter.channel == "phone":
            header = tr._("On the line: {name}").format(name=encounter.customer.name)
        line_needs = [ctx.text.measure(text, size, text_width) for text, size, _, _ in lines]
        header_height = ctx.line_height(SMALL, bold=True)
        chrome = (len(lines) - 1) * m.px(8) + 2 * pad + (header_height + m.px(10) if header
                                                          else 0)
        texts = [tr.level(msgctxt.choice_text(card, i), c.text)
                 for i, c in enumerate(card.choices)]
        if finished:
            below_needs = [m.px(64) + m.gap + m.px(58)]
        else:
            below_needs = self._choice_needs(area.width, texts)
        below_total = sum(below_needs) + m.gap * (len(below_needs) - 1)
        space = area.height - 2 * m.gap
        bubble_height, below_height = _fit([sum(line_needs) + chrome, below_total], space)
        if finished:  # the ending banner and button keep their size
            below_height = min(below_total, space - m.px(80))
            bubble_height = space - below_height
        bubble = pygame.Rect(area.left, area.top, bubble_width,
                             min(bubble_height, sum(line_needs) + chrome))
        panel(surface, bubble, p.bubble, p.panel_edge, m.radius)
        if encounter.channel == "shop":
            tail = [(bubble.left, bubble.top + m.px(30)), (bubble.left - m.px(18),
                    bubble.top + m.px(44)), (bubble.left, bubble.top + m.px(56))]
            pygame.draw.polygon(surface, p.bubble, tail)
            pygame.draw.lines(surface, p.panel_edge, False, tail, m.px(2))
        elif encounter.channel == "chat":  # a received message's corner
            corner = [(bubble.left + m.px(14), bubble.bottom - 1),
                      (bubble.left - m.px(6), bubble.bottom + m.px(10)),
                      (bubble.left + m.px(34), bubble.bottom - 1)]
            pygame.draw.polygon(surface, p.bubble, corner)
            pygame.draw.lines(surface, p.panel_edge, False, corner, m.px(2))
        y = bubble.top + pad
        if header:
            ctx.text.draw(surface, header, m.font(SMALL), p.accent,
                          pygame.Rect(bubble.left + pad, y, text_width, header_height),
                          bold=True)
            y += header_height
            if encounter.channel == "email":  # the rule under a mail's header
                pygame.draw.line(surface, p.panel_edge, (bubble.left + pad, y + m.px(4)),
                                 (bubble.right - pad, y + m.px(4)), max(1, m.px(1)))
            y += m.px(10)
        heights = _fit(line_needs, bubble.height - chrome)
        for (text, size, color, bold), height in zip(lines, heights, strict=True):
            ctx.text.draw(surface, text, size, color,
                          pygame.Rect(bubble.left + pad, y, text_width, max(1, height)),
                          bold=bold)
            y += height + m.px(8)
        below = pygame.Rect(area.left, bubble.bottom + m.gap * 2, area.width,
                            area.bottom - bubble.bottom - m.gap * 2)
        if finished:
            self._draw_ending(surface, below)
        else:
            self._draw_choices(surface, below, texts, below_needs)

    def _draw_choices(self, surface, area, texts, needs):
        ctx = self.app.ctx
        self.menu.rects = self._stack_rects(area, needs)
        for index, (rect, text) in enumerate(zip(self.menu.rects, texts, strict=True)):
            button(ctx, surface, rect, text, focused=index == self.menu.focus,
                   hint=str(index + 1))

    def _draw_ending(self, surface, area):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        run = self.encounter_run
        color = {"success": p.good, "partial": p.timer_warn, "fail": p.poor}[run.outcome.value]
        banner = pygame.Rect(area.left, area.top, area.width, m.px(64))
        panel(surface, banner, color, None, m.radius)
        points = run.skills.total
        # Translators: e.g. "Solved: +7 points in this encounter"; points carry a sign
        text = tr._("{outcome}: {points} points in this encounter").format(
            outcome=outcome_name(tr, run.outcome), points=f"{points:+d}")
        ctx.text.draw(surface, text, m.font(LARGE), p.accent_ink,
                      banner.inflate(-m.px(32), -m.px(8)), bold=True, valign="middle")
        last = self.run.index + 1 >= len(self.run.stage.encounters)
        if self.run.practice:
            label = tr._("Back to the review")
        else:
            label = tr._("See the stage results") if last else tr._("Next customer")
        rect = pygame.Rect(0, banner.bottom + m.gap, min(area.width, m.px(360)), m.px(58))
        rect.right = area.right
        self.menu.rects = [rect]
        button(ctx, surface, rect, label, focused=True, primary=True)

    def _draw_timer(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        run = self.encounter_run
        timer = run.timer
        bar = self.timer_bar
        pygame.draw.rect(surface, p.track, bar, border_radius=bar.height // 2)
        if timer.speed <= 0:
            label = tr._("No time limit")
            color = p.muted
        elif run.finished:
            label, color = "", p.muted
        else:
            color = timer_color(ctx, timer.fraction_left)
            filled = bar.copy()
            filled.width = round(bar.width * timer.fraction_left)
            if filled.width > 0:
                pygame.draw.rect(surface, color, filled, border_radius=bar.height // 2)
            # Translators: seconds left on the answer timer, e.g. "25 s"
            label = tr._("{seconds} s").format(seconds=timer.seconds_shown)
        if label:
            ctx.text.draw(surface, label, m.font(LARGE), color, self.timer_box, bold=True,
                          align="right", valign="middle")


def _fit(needs: list[int], space: int) -> list[int]:
    """Heights for blocks that need ``needs``: as asked when they fit in
    ``space``, else all shrunk in the same proportion."""
    total = sum(needs)
    if total <= space or total <= 0:
        return list(needs)
    return [max(1, need * space // total) for need in needs]
