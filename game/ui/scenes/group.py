"""Group sessions on one screen: set up the teams, then teams take turns at
the customers; after each answer the room discusses it, between customers a
scoreboard shows the teams as runners, and at the end a podium.

The session is saved after every step (``sessions/current.json`` in the data
folder), so a laptop that sleeps or a game that is closed resumes where it was.
"""

from __future__ import annotations

import pygame

from game.content import msgctxt
from game.content.model import SKILLS
from game.play.encounter import Decision
from game.play.session import (
    MARKS,
    MAX_TEAM_NAME,
    MAX_TEAMS,
    MIN_TEAMS,
    GroupSession,
    SessionError,
    Team,
    check_teams,
)
from game.settings import TIMER_MODES
from game.storage import SaveError, read_json, write_json
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import DismissScene, MenuScene, Scene, TextEntry
from game.ui.scenes.dialogs import full_box, title_strip
from game.ui.scenes.encounter import EncounterScene
from game.ui.theme import BODY, LARGE, SMALL, TITLE
from game.ui.widgets import (
    button,
    button_text_width,
    overlay,
    panel,
    road,
    route_points,
)
from game.ui.words import skill_name, stage_name

# Okabe–Ito colours, told apart by colour-blind viewers; each team also has a letter
TEAM_COLOURS = ((0, 114, 178), (230, 159, 0), (0, 158, 115), (204, 121, 167),
                (86, 180, 233), (213, 94, 0))
EXTRA_SECONDS = 15


def team_badge(ctx, surface, rect: pygame.Rect, team) -> None:
    """The team's colour with its letter: never colour alone."""
    pygame.draw.rect(surface, TEAM_COLOURS[team.mark], rect, border_radius=rect.height // 5)
    ctx.text.draw(surface, team.letter, ctx.metrics.font(LARGE), (255, 255, 255), rect,
                  bold=True, align="center", valign="middle")


class SessionStore:
    """The session in progress, in the data folder."""

    def __init__(self, folder):
        self.path = folder / "current.json"

    def save(self, session: GroupSession) -> SaveError | None:
        try:
            write_json(self.path, session.to_json())
        except SaveError as error:
            return error
        return None

    def load(self, stages) -> tuple[GroupSession | None, str | None]:
        """The saved session, and a reason code when there is one that can't
        be resumed (the file is then kept aside, never deleted)."""
        loaded = read_json(self.path, 1)
        if loaded.document is None:
            return None, loaded.problem
        try:
            return GroupSession.from_json(loaded.document, stages), None
        except SessionError as error:
            self.set_aside()
            return None, error.reason

    def set_aside(self) -> None:
        """A session that can't be resumed: renamed with a timestamp, kept."""
        import time

        from game.storage import set_aside

        if self.path.exists():
            set_aside(self.path, "damaged", time.time)

    def archive(self, session: GroupSession) -> None:
        """A finished session: kept under its own name, no longer offered."""
        import contextlib
        import os

        with contextlib.suppress(OSError):
            os.replace(self.path, self.path.with_name(f"session-{session.id}.json"))


def session_problem(tr, reason: str) -> str:
    return {
        "stage-missing": tr._("The saved group session can't be resumed: one of its stages "
                              "is no longer in the levels folder. It is kept aside."),
        "replay": tr._("The saved group session can't be resumed: its stage files have "
                       "changed. It is kept aside."),
    }.get(reason, tr._("The saved group session can't be read. It is kept aside."))


def team_problem(tr, error: SessionError) -> str:
    reason, detail = error.reason, (error.args[1] if len(error.args) > 1 else "")
    if reason == "teams-count":
        return tr._("A session needs {low} to {high} teams.").format(low=MIN_TEAMS,
                                                                     high=MAX_TEAMS)
    if reason == "team-empty":
        return tr._("Team {number} has no name yet.").format(number=detail)
    if reason == "team-too-long":
        return tr._("A team name can have at most {count} characters.").format(
            count=MAX_TEAM_NAME)
    if reason == "team-twice":
        return tr._("Two teams are called “{name}”; give each its own name.").format(
            name=detail)
    return tr._("Choose at least one stage.")


# -- setup -------------------------------------------------------------------------------

class SetupScene(TextEntry, MenuScene):
    """Team names (typed, any language), the stages to play, the timer."""

    def __init__(self, app):
        super().__init__(app)
        tr = app.ctx.tr
        self.names = [tr._("Team {letter}").format(letter=MARKS[i]) for i in range(3)]
        self.stages = list(app.ctx.levels.stages)
        self.chosen = [True] * len(self.stages)
        self.timer = app.ctx.player.settings.timer
        self.error: str | None = None
        self.menu = ui_input.Menu(0)
        self._sync()

    def _sync(self) -> None:
        focus = self.menu.focus
        self.menu.set_count(len(self.names) + 2 + len(self.stages) + 3)
        self.menu.focus = min(focus, self.menu.count - 1)
        self._layout_key = None
        self.dirty = True

    # rows: team names, add, remove, stages, timer, start, back
    def _row(self, index: int) -> tuple[str, int]:
        n, k = len(self.names), len(self.stages)
        if index < n:
            return "team", index
        if index < n + 2:
            return ("add", 0) if index == n else ("remove", 0)
        if index < n + 2 + k:
            return "stage", index - n - 2
        return ("timer", "start", "back")[index - n - 2 - k], 0

    @property
    def takes_text(self) -> bool:
        return self._row(self.menu.focus)[0] == "team"

    def enter(self):
        super().enter()
        self.app.set_projector(True)  # set up where the room can read it

    def exit(self):
        if self.app.stack.find(GroupEncounterScene) is None:
            self.app.set_projector(False)  # back to the title, not into a session
        super().exit()

    def _team_buttons(self) -> tuple[str, str]:
        tr = self.app.ctx.tr
        return tr._("Add a team"), tr._("Remove a team")

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        self.title_box = title_strip(ctx, width)
        row = max(m.px(46), ctx.line_height(BODY) + m.px(12))
        gap = m.px(8)
        column = (width - 3 * m.margin) // 2
        left = pygame.Rect(m.margin, self.title_box.bottom + m.gap, column, 0)
        right = pygame.Rect(left.right + m.margin, left.top, column, 0)
        self.teams_label = pygame.Rect(left.left, left.top, column, 2 * ctx.line_height(SMALL))
        y = self.teams_label.bottom + m.px(4)
        rects = []
        for _ in self.names:
            rects.append(pygame.Rect(left.left, y, column, row))
            y += row + gap
        half = (column - gap) // 2
        font = ctx.fonts.get(m.font(BODY))
        if max(font.size(label)[0] for label in self._team_buttons()) \
                <= button_text_width(ctx, half, hint=False):
            rects.append(pygame.Rect(left.left, y, half, row))
            rects.append(pygame.Rect(left.left + half + gap, y, half, row))
        else:  # the labels are too long side by side in this language: one above the other
            rects.append(pygame.Rect(left.left, y, column, row))
            rects.append(pygame.Rect(left.left, y + row + gap, column, row))
        self.stages_label = pygame.Rect(right.left, right.top, column,
                                        2 * ctx.line_height(SMALL))
        y = self.stages_label.bottom + m.px(4)
        bottom = height - m.margin - row
        room = bottom - m.gap - 2 * (row + gap) - y
        stage_row = max(ctx.line_height(SMALL) + m.px(10),
                        min(row, room // max(1, len(self.stages)) - gap))
        for _ in self.stages:
            rects.append(pygame.Rect(right.left, y, column, stage_row))
            y += stage_row + gap
        rects.append(pygame.Rect(right.left, y + m.gap, column, row))  # timer
        third = (width - 2 * m.margin - 2 * m.gap) // 3
        self.error_box = pygame.Rect(m.margin, bottom - m.gap - 2 * ctx.line_height(SMALL),
                                     width - 2 * m.margin - third - m.gap,
                                     2 * ctx.line_height(SMALL))
        rects.append(pygame.Rect(width - m.margin - third, bottom, third, row))  # start
        rects.append(pygame.Rect(m.margin, bottom, third, row))  # back
        self.menu.rects = rects

    def handle_event(self, event):
        kind, index = self._row(self.menu.focus)
        if kind == "team" and event.type == pygame.TEXTINPUT:
            typed = "".join(ch for ch in event.text if ch.isprintable()
                            and self.app.ctx.fonts.can_draw(ch))
            self.names[index] = (self.names[index] + typed)[:MAX_TEAM_NAME]
            self.error = None
            self.dirty = True
            return True
        if kind == "team" and event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.names[index] = self.names[index][:-1]
                self.dirty = True
                return True
            if event.key == pygame.K_RETURN:
                self.menu.move(1)
                self.dirty = True
                return True
            if event.key not in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB, pygame.K_ESCAPE,
                                 pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                return True  # letters come as text input
        return super().handle_event(event)

    def shortcut(self, got):
        if got.intent is Intent.BACK:
            self.app.stack.pop()
            return True
        return False

    def activate(self, index):
        kind, which = self._row(index)
        if kind == "add" and len(self.names) < MAX_TEAMS:
            self.names.append(self.app.ctx.tr._("Team {letter}").format(
                letter=MARKS[len(self.names)]))
            self._sync()
        elif kind == "remove" and len(self.names) > MIN_TEAMS:
            self.names.pop()
            self._sync()
        elif kind == "stage":
            self.chosen[which] = not self.chosen[which]
        elif kind == "timer":
            modes = list(TIMER_MODES)
            self.timer = modes[(modes.index(self.timer) + 1) % len(modes)]
        elif kind == "start":
            self.start()
        elif kind == "back":
            self.app.stack.pop()
        self.dirty = True

    def start(self) -> None:
        tr = self.app.ctx.tr
        stages = [stage for stage, on in zip(self.stages, self.chosen, strict=True) if on]
        try:
            teams = check_teams(self.names)
            session = GroupSession(teams, stages, self.timer)
        except SessionError as error:
            self.error = team_problem(tr, error)
            return
        begin_session(self.app, session, replace=self)

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        ctx.text.draw(surface, tr._("A group session"), m.font(TITLE), p.ink, self.title_box,
                      bold=True, valign="middle")
        ctx.text.draw(surface, tr._("Teams: type a name; arrows move between them"),
                      m.font(SMALL), p.muted, self.teams_label, valign="bottom")
        ctx.text.draw(surface, tr._("Stages to play"), m.font(SMALL), p.muted,
                      self.stages_label, valign="bottom")
        rects = self.menu.rects
        for index, name in enumerate(self.names):
            rect = rects[index]
            focused = index == self.menu.focus
            panel(surface, rect, p.hover if focused else p.panel,
                  p.focus if focused else p.panel_edge, m.radius,
                  width=m.px(4) if focused else m.px(2))
            badge = pygame.Rect(rect.left + m.px(8), rect.top + m.px(6), rect.height - m.px(12),
                                rect.height - m.px(12))
            team_badge(ctx, surface, badge, Team(name, index))
            box = pygame.Rect(badge.right + m.px(12), rect.top, rect.right - badge.right
                              - m.px(24), rect.height)
            shown = ctx.text.draw(surface, name or " ", m.font(BODY), p.ink, box,
                                  valign="middle", max_lines=1, ellipsis=True)
            if focused:
                x = min(shown.right + m.px(3), box.right) if name else box.left
                pygame.draw.line(surface, p.ink, (x, rect.top + m.px(10)),
                                 (x, rect.bottom - m.px(10)), max(2, m.px(2)))
        n = len(self.names)
        for index, label in enumerate(self._team_buttons(), start=n):
            button(ctx, surface, rects[index], label, focused=index == self.menu.focus)
        for number, stage in enumerate(self.stages):
            index = n + 2 + number
            rect = rects[index]
            focused = index == self.menu.focus
            panel(surface, rect, p.hover if focused else p.panel,
                  p.focus if focused else p.panel_edge, m.radius,
                  width=m.px(4) if focused else m.px(2))
            side = rect.height - m.px(16)
            box = pygame.Rect(rect.left + m.px(10), rect.top + m.px(8), side, side)
            pygame.draw.rect(surface, p.ink, box, max(2, m.px(2)), border_radius=m.px(3))
            if self.chosen[number]:  # a tick, drawn: the font has no check mark
                pygame.draw.lines(surface, p.good, False, [
                    (box.left + side * 0.2, box.top + side * 0.55),
                    (box.left + side * 0.42, box.top + side * 0.78),
                    (box.left + side * 0.82, box.top + side * 0.22)], max(3, m.px(4)))
            label = tr._("Stage {number}: {title}").format(number=number + 1,
                                                           title=stage_name(tr, stage))
            ctx.text.draw(surface, label, m.font(SMALL), p.ink,
                          pygame.Rect(box.right + m.px(10), rect.top, rect.right - box.right
                                      - m.px(20), rect.height), valign="middle", max_lines=1)
        timers = {"normal": tr.pgettext("timer", "normal"),
                  "relaxed": tr.pgettext("timer", "relaxed, twice the time"),
                  "extended": tr.pgettext("timer", "extended, ten times the time"),
                  "off": tr.pgettext("timer", "off, no time limit")}
        base = n + 2 + len(self.stages)
        button(ctx, surface, rects[base], tr._("Timer: {value}").format(
            value=timers[self.timer]), focused=base == self.menu.focus)
        button(ctx, surface, rects[base + 1], tr._("Start the session"),
               focused=base + 1 == self.menu.focus, primary=True)
        button(ctx, surface, rects[base + 2], tr._("Back"), focused=base + 2 == self.menu.focus)
        if self.error:
            ctx.text.draw(surface, self.error, m.font(BODY), p.poor, self.error_box,
                          valign="middle")


def begin_session(app, session: GroupSession, replace=None) -> None:
    """Show the session's current customer (a new session, or a resumed one),
    in projector mode."""
    scene = GroupEncounterScene(app, session)
    if replace is not None and app.stack.top is replace:
        app.stack.replace(scene)
    else:
        app.stack.push(scene)
    app.set_projector(True)
    scene.save()


def leave_session(app) -> None:
    """Back to the title screen, out of projector mode; a session not yet
    finished stays saved and is offered again."""
    from game.ui.scenes.title import TitleScene

    app.set_projector(False)
    app.stack.reset(TitleScene(app))


# -- a customer, with a team in turn ------------------------------------------------------

class SessionRun:
    """What the encounter screen reads from a stage run, for the customer a
    group session is at."""

    practice = False

    def __init__(self, session: GroupSession, speed: float):
        self.session = session
        self.timer_speed = speed

    @property
    def stage(self):
        return self.session.stage

    @property
    def index(self) -> int:
        return self.session.encounter_index

    @property
    def current(self):
        return self.session.run

    @property
    def skills(self):
        """The team in turn's points before this customer (the screen adds
        this customer's own)."""
        totals = self.session.scores()[self.session.team_index]
        run = self.session.run
        for skill in SKILLS:
            setattr(totals, skill, getattr(totals, skill) - getattr(run.skills, skill))
        return totals


class GroupEncounterScene(EncounterScene):
    def __init__(self, app, session: GroupSession):
        factor = TIMER_MODES[session.timer]
        self.session = session
        super().__init__(app, SessionRun(session, 0.0 if factor is None else 1 / factor))
        session.run.set_timer_speed(self.run.timer_speed)
        self.store = SessionStore(app.ctx.sessions_dir)

    def layout(self, width, height):
        super().layout(width, height)
        side = self.header.height
        self.team_box = pygame.Rect(self.heading_box.left, self.heading_box.top, side, side)
        self.heading_box.left += side + self.app.ctx.metrics.gap
        self.heading_box.width -= side + self.app.ctx.metrics.gap

    def _draw_static(self, surface):
        super()._draw_static(surface)
        team_badge(self.app.ctx, surface, self.team_box, self.session.team)

    def save(self) -> None:
        error = self.store.save(self.session)
        if error is not None:
            self.app.ctx.player.save_error = error
            self.app.collect_notices()

    def heading(self) -> str:
        tr = self.app.ctx.tr
        # Translators: the group session's heading: the team at the customer, e.g.
        # "Team B · First contact · customer 2 of 4"
        return tr._("{team} · {stage} · customer {number} of {count}").format(
            team=self.session.team.name, stage=stage_name(tr, self.session.stage),
            number=self.session.encounter_index + 1,
            count=len(self.session.stage.encounters))

    def decide(self, index):
        run = self.session.run
        seconds = run.timer.elapsed / max(run.timer.speed, 1e-9) if run.timer.speed else \
            run.timer.elapsed
        if index is None:
            self.session.timeout(seconds)
        else:
            self.session.choose(index, seconds)
        self.save()
        return self.session.run.decisions[-1]

    def _after(self, decision: Decision) -> None:
        best = not decision.timed_out and decision.choice_index == decision.best_index
        self.app.sound.play("good" if best else "poor")
        self._sync_menu()
        self.app.stack.push(DiscussionScene(self.app, self, decision))

    def proceed(self) -> None:
        self.session.advance()
        self.save()
        if self.session.finished:
            self.store.archive(self.session)
            self.app.stack.replace(PodiumScene(self.app, self.session))
        else:
            self.app.stack.replace(ScoreboardScene(self.app, self.session))

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and not event.mod & pygame.KMOD_CTRL:
            key = event.key
            if between_customers_key(self.app, self.session, key):
                return True
            if key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
                self.add_time()
                return True
            if key == pygame.K_s and not self.encounter_run.finished:
                self.skip()
                return True
            if key == pygame.K_u:
                self.undo()
                return True
            if key == pygame.K_a:
                self.app.stack.push(AwardScene(self.app, self))
                return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_z \
                and event.mod & pygame.KMOD_CTRL:
            self.undo()
            return True
        return super().handle_event(event)

    def add_time(self) -> None:
        timer = self.encounter_run.timer
        if timer.speed > 0 and not self.encounter_run.finished:
            timer.extend(EXTRA_SECONDS * timer.speed)
            self.partial = True
            self._timer_key = None

    def skip(self) -> None:
        self.session.skip()
        self.save()
        self.last_reply = None
        self._sync_menu()

    def undo(self) -> None:
        if self.session.undo():
            self.save()
            self.last_reply = None
            self._sync_menu()

    def award(self, team: int, skill: str, points: int) -> None:
        self.session.bonus(team, skill, points)
        self.save()
        self._invalidate()


class DiscussionScene(Scene):
    """After a team's answer: the answer and why, for the room to discuss; D
    (or the clicker's next) reveals the best answer and why, the next press
    goes on."""

    opaque = False

    def __init__(self, app, encounter: GroupEncounterScene, decision: Decision):
        super().__init__(app)
        self.encounter = encounter
        self.decision = decision
        self.revealed = decision.choice_index is not None and \
            decision.choice_index == decision.best_index

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        self.box, body, self.heading_box = full_box(ctx, width, height)
        hint = 2 * ctx.line_height(SMALL) + m.px(8)  # the keys' line may wrap once
        self.body = pygame.Rect(body.left, body.top, body.width, body.height - hint - m.gap)
        self.hint_box = pygame.Rect(body.left, body.bottom - hint, body.width, hint)

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key == pygame.K_a:
            self.app.stack.push(AwardScene(self.app, self.encounter))
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_u:
            self.app.stack.pop()
            self.encounter.undo()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_d and not self.revealed:
            self.revealed = True
            self.dirty = True
            return True
        got = ui_input.read(event, self.app.screen.get_size())
        if got is None:
            return True
        if got.intent in (Intent.CONFIRM, Intent.ADVANCE, Intent.CLICK):
            if not self.revealed:
                self.revealed = True
                self.dirty = True
            else:
                self.app.stack.pop()
        return True

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        d = self.decision
        card = d.card
        session = self.encounter.session
        team = session.teams[session.turns[-1].team] if session.turns else session.team
        overlay(ctx, surface, self.box)
        badge = pygame.Rect(self.heading_box.left, self.heading_box.top, self.heading_box.height,
                            self.heading_box.height)
        team_badge(ctx, surface, badge, team)
        if d.skipped:
            heading = tr._("{team}: the trainer skipped this card").format(team=team.name)
        elif d.timed_out:
            heading = tr._("{team}: the time ran out").format(team=team.name)
        else:
            heading = tr._("{team} answered").format(team=team.name)
        ctx.text.draw(surface, heading, m.font(TITLE), p.ink,
                      self.heading_box.inflate(-badge.width - m.gap, 0).move(
                          (badge.width + m.gap) // 2, 0), bold=True, valign="middle",
                      max_lines=1)
        blocks = []
        if d.choice_index is not None:
            blocks.append((tr.level(msgctxt.choice_text(card, d.choice_index),
                                    card.choices[d.choice_index].text), LARGE, p.ink, True))
            why = card.choices[d.choice_index].feedback or ""
            blocks.append((tr.level(msgctxt.choice_feedback(card, d.choice_index), why), BODY,
                           p.ink, False))
        if self.revealed and d.choice_index != d.best_index:
            best = card.choices[d.best_index]
            blocks.append((tr._("The best answer: {answer}").format(
                answer=tr.level(msgctxt.choice_text(card, d.best_index), best.text)), LARGE,
                p.good, True))
            blocks.append((tr.level(msgctxt.choice_feedback(card, d.best_index),
                                    best.feedback or ""), BODY, p.ink, False))
        elif self.revealed:
            blocks.append((tr._("That was the best answer."), LARGE, p.good, True))
        y = self.body.top
        share = self.body.height // max(1, len(blocks))
        for text, size, color, bold in blocks:
            need = ctx.text.measure(text, m.font(size), self.body.width, bold)
            height = min(need, share) if len(blocks) > 1 else self.body.height
            ctx.text.draw(surface, text, m.font(size), color,
                          pygame.Rect(self.body.left, y, self.body.width, max(1, height)),
                          bold=bold)
            y += height + m.gap
        hint = (tr._("Discuss. D or Enter: show the best answer · A: bonus point · U: undo")
                if not self.revealed else
                tr._("Enter: go on · A: bonus point · U: undo"))
        ctx.text.draw(surface, hint, m.font(SMALL), p.muted, self.hint_box, align="right",
                      valign="bottom", max_lines=2)


class AwardScene(MenuScene):
    """A bonus point (or one taken away) for a team and a skill, for a good
    argument in the discussion: arrows pick, Enter gives +1, Backspace -1."""

    opaque = False
    closes_on_back = True

    def __init__(self, app, encounter: GroupEncounterScene):
        super().__init__(app)
        self.encounter = encounter
        teams = len(encounter.session.teams)
        self.menu = ui_input.Menu(teams * len(SKILLS) + 1)
        self.note: str | None = None

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        teams = len(self.encounter.session.teams)
        self.box, inner, self.title_box = full_box(ctx, width, height)
        row = max(m.px(44), ctx.line_height(SMALL) + m.px(14))
        name_width = inner.width // 4
        cell = (inner.width - name_width - 3 * m.gap) // 3
        top = inner.top + 2 * ctx.line_height(SMALL) + m.px(6)
        self.name_boxes, rects = [], []
        for team in range(teams):
            y = top + team * (row + m.px(6))
            self.name_boxes.append(pygame.Rect(inner.left, y, name_width, row))
            for number in range(len(SKILLS)):
                rects.append(pygame.Rect(inner.left + name_width + m.gap
                                         + number * (cell + m.gap), y, cell, row))
        self.head_boxes = [pygame.Rect(r.left, inner.top, r.width, 2 * ctx.line_height(SMALL))
                           for r in rects[:len(SKILLS)]]
        rects.append(pygame.Rect(inner.right - m.px(260), inner.bottom - row, m.px(260), row))
        self.note_box = pygame.Rect(inner.left, inner.bottom - row, inner.width - m.px(280),
                                    row)
        self.menu.rects = rects

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_BACKSPACE, pygame.K_DELETE,
                                                          pygame.K_MINUS, pygame.K_KP_MINUS):
            self.give(self.menu.focus, -1)
            return True
        return super().handle_event(event)

    def activate(self, index):
        if index == self.menu.count - 1:
            self.app.stack.pop()
        else:
            self.give(index, 1)

    def give(self, index: int, points: int) -> None:
        if index >= self.menu.count - 1:
            return
        team, skill = divmod(index, len(SKILLS))
        self.encounter.award(team, SKILLS[skill], points)
        tr = self.app.ctx.tr
        name = self.encounter.session.teams[team].name
        self.note = tr._("{team}: {skill} {points}").format(
            team=name, skill=skill_name(tr, SKILLS[skill]), points=f"{points:+d}")
        self.dirty = True

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        session = self.encounter.session
        overlay(ctx, surface, self.box, tr._("Bonus points"), self.title_box)
        bonuses: dict[tuple[int, str], int] = {}
        for bonus in session.bonuses:
            key = (bonus.team, bonus.skill)
            bonuses[key] = bonuses.get(key, 0) + bonus.points
        for box, skill in zip(self.head_boxes, SKILLS, strict=True):
            ctx.text.draw(surface, skill_name(tr, skill), m.font(SMALL), p.muted, box,
                          align="center", valign="bottom", max_lines=2)
        for team_index, team in enumerate(session.teams):
            box = self.name_boxes[team_index]
            badge = pygame.Rect(box.left, box.top, box.height, box.height)
            team_badge(ctx, surface, badge, team)
            ctx.text.draw(surface, team.name, m.font(SMALL), p.ink,
                          pygame.Rect(badge.right + m.px(8), box.top, box.width - badge.width
                                      - m.px(8), box.height), valign="middle", max_lines=1)
            for number, skill in enumerate(SKILLS):
                index = team_index * len(SKILLS) + number
                given = bonuses.get((team_index, skill), 0)  # this dialog is about bonuses
                button(ctx, surface, self.menu.rects[index], f"{given:+d}" if given else "0",
                       focused=index == self.menu.focus)
        button(ctx, surface, self.menu.rects[-1], tr._("Done"),
               focused=self.menu.focus == self.menu.count - 1, primary=True)
        note = self.note or tr._("Enter: +1 · Backspace: –1 · Esc: done")
        ctx.text.draw(surface, note, m.font(SMALL), p.muted, self.note_box, valign="middle")


class HelpScene(DismissScene):
    """The trainer's keys."""

    opaque = False

    def layout(self, width, height):
        self.box, self.body, self.title_box = full_box(self.app.ctx, width, height)

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        overlay(ctx, surface, self.box, tr._("Trainer's keys"), self.title_box)
        lines = [
            tr._("1–4 or a click: the team's answer"),
            tr._("Esc: pause · B or .: blank the screen"),
            tr._("+: 15 more seconds · S: skip this card"),
            tr._("D: show the best answer in the discussion"),
            tr._("A: bonus points for a good argument"),
            tr._("U or Ctrl+Z: undo the last answer"),
            tr._("E: save the report so far"),
            tr._("PageDown / PageUp: a presentation clicker"),
            tr._("H or F1: this help; any key closes it"),
        ]
        ctx.text.draw(surface, "\n".join(lines), m.font(BODY), p.ink, self.body)


# -- the report ------------------------------------------------------------------------------

def save_report(app, session: GroupSession) -> tuple[tuple | None, str | None]:
    """Write the session's report (so far) to the data folder's reports/:
    ``((csv, html), None)``, or ``(None, reason)`` when it can't be written."""
    from game.report import write_report

    try:
        return write_report(session, app.ctx.tr, app.ctx.data_dir / "reports"), None
    except SaveError as error:
        return None, error.reason


def report_note(tr, report: tuple | None, error: str | None) -> str:
    if report:
        csv_path, html_path = report
        return tr._("The report is saved in {folder}: {csv} and {html}").format(
            folder=csv_path.parent, csv=csv_path.name, html=html_path.name)
    return tr._("The report could not be saved ({reason}).").format(reason=error)


def between_customers_key(app, session: GroupSession, key: int) -> bool:
    """The trainer's keys that work at the customer and on the scoreboard
    alike: H or F1 for the help, E for the report so far."""
    if key in (pygame.K_h, pygame.K_F1):
        app.stack.push(HelpScene(app))
        return True
    if key == pygame.K_e:
        app.stack.push(ReportScene(app, session))
        return True
    return False


class ReportScene(DismissScene):
    """E during a session: the report as it stands, written now, and where."""

    opaque = False

    def __init__(self, app, session: GroupSession):
        super().__init__(app)
        self.note = report_note(app.ctx.tr, *save_report(app, session))

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        box_width = min(width - 2 * m.margin, max(m.px(640), width * 3 // 4))
        box_height = min(height - 2 * m.margin, 2 * m.margin + 2 * m.gap
                         + ctx.line_height(TITLE, bold=True) + 5 * ctx.line_height(BODY)
                         + ctx.line_height(SMALL))
        self.box = pygame.Rect(0, 0, box_width, box_height)
        self.box.center = (width // 2, height // 2)
        self.body = self.box.inflate(-2 * m.margin, -2 * m.margin)

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        title = pygame.Rect(self.body.left, self.body.top, self.body.width,
                            ctx.line_height(TITLE, bold=True))
        overlay(ctx, surface, self.box, tr._("The report so far"), title)
        hint = ctx.line_height(SMALL)
        text = pygame.Rect(self.body.left, title.bottom + m.gap, self.body.width,
                           self.body.bottom - title.bottom - 2 * m.gap - hint)
        ctx.text.draw(surface, self.note, m.font(BODY), p.ink, text)
        ctx.text.draw(surface, tr._("Any key closes this."), m.font(SMALL), p.muted,
                      pygame.Rect(self.body.left, self.body.bottom - hint, self.body.width,
                                  hint), align="right")


# -- between customers and at the end ------------------------------------------------------

class ScoreboardScene(MenuScene):
    """The teams as runners on the marathon track, placed by total score,
    each with its three skill bars; then the next team to the customer."""

    def __init__(self, app, session: GroupSession):
        super().__init__(app)
        self.session = session
        self.menu = ui_input.Menu(1)

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        self.title_box = title_strip(ctx, width)
        self.track = pygame.Rect(m.margin * 3, self.title_box.bottom + m.px(30),
                                 width - 6 * m.margin, height // 5)
        row = max(m.px(46), ctx.line_height(SMALL) + m.px(24))
        self.heads = pygame.Rect(m.margin, self.track.bottom + m.px(20), width - 2 * m.margin,
                                 2 * ctx.line_height(SMALL))
        top = self.heads.bottom + m.px(6)
        self.rows = [pygame.Rect(m.margin, top + i * (row + m.px(6)), width - 2 * m.margin, row)
                     for i in range(len(self.session.teams))]
        button_height = max(m.px(56), ctx.line_height(BODY) + m.px(16))
        button_width = min(width - 2 * m.margin, max(m.px(420), width * 45 // 100))
        self.menu.rects = [pygame.Rect(width - m.margin - button_width, height - m.margin
                                       - button_height, button_width, button_height)]

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and between_customers_key(self.app, self.session,
                                                                  event.key):
            return True
        return super().handle_event(event)

    def shortcut(self, got):
        if got.intent is Intent.ADVANCE:
            self.activate(0)
            return True
        return False

    def activate(self, index):
        scene = GroupEncounterScene(self.app, self.session)
        self.app.stack.replace(scene)

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        session = self.session
        ctx.text.draw(surface, tr._("Scoreboard"), m.font(TITLE), p.ink, self.title_box,
                      bold=True, valign="middle")
        points = route_points(self.track)
        road(ctx, surface, points)
        scores = session.scores()
        side = max(m.px(40), ctx.line_height(LARGE, bold=True) + m.px(4))
        for team_index, (x, y) in runner_places(points, scores, side, m.px(6)):
            team_badge(ctx, surface, pygame.Rect(x - side // 2, y - side - m.px(8), side, side),
                       session.teams[team_index])
        highs = {skill: max(1, max(getattr(s, skill) for s in scores)) for skill in SKILLS}
        for place, team_index in enumerate(session.standings()):
            rect = self.rows[place]
            team = session.teams[team_index]
            badge = pygame.Rect(rect.left, rect.top, rect.height, rect.height)
            team_badge(ctx, surface, badge, team)
            name_box = pygame.Rect(badge.right + m.px(10), rect.top, rect.width * 26 // 100,
                                   rect.height)
            total = scores[team_index].total
            points = ctx.fonts.get(m.font(LARGE), bold=True).size(str(total))[0] + m.px(8)
            ctx.text.draw(surface, team.name, m.font(SMALL), p.ink,
                          pygame.Rect(name_box.left, name_box.top, name_box.width - points,
                                      name_box.height),
                          valign="middle", max_lines=1, ellipsis=True)
            ctx.text.draw(surface, str(total), m.font(LARGE), p.ink,
                          pygame.Rect(name_box.right - points, name_box.top, points,
                                      name_box.height), bold=True, align="right",
                          valign="middle")
            bars = pygame.Rect(name_box.right + m.gap, rect.top, rect.right - name_box.right
                               - m.gap, rect.height)
            third = bars.width // 3
            if place == 0:  # the skills' names once, over their columns
                for number, skill in enumerate(SKILLS):
                    ctx.text.draw(surface, skill_name(tr, skill), m.font(SMALL), p.muted,
                                  pygame.Rect(bars.left + number * third, self.heads.top,
                                              third - m.gap, self.heads.height),
                                  valign="bottom", max_lines=2)
            for number, skill in enumerate(SKILLS):
                value = getattr(scores[team_index], skill)
                cell = pygame.Rect(bars.left + number * third, bars.top, third - m.gap,
                                   bars.height)
                label = pygame.Rect(cell.left, cell.top, cell.width,
                                    cell.height - m.px(16))
                ctx.text.draw(surface, str(value), m.font(SMALL), p.ink, label,
                              valign="middle", max_lines=1)
                track = pygame.Rect(cell.left, label.bottom, cell.width, m.px(12))
                pygame.draw.rect(surface, p.track, track, border_radius=m.px(6))
                filled = track.copy()
                filled.width = round(track.width * max(0, value) / highs[skill])
                if filled.width:
                    pygame.draw.rect(surface, getattr(p, skill), filled, border_radius=m.px(6))
        nxt = session.team
        self.draw_buttons(surface, [tr._("Next customer: {team}").format(team=nxt.name)],
                          lambda index: True)


def runner_places(points: list[tuple[int, int]], scores, side: int, gap: int
                  ) -> list[tuple[int, tuple[int, int]]]:
    """Where each team's runner stands on the track: as far along as its
    share of the best total; runners that would overlap (a tie, or nearly)
    stand side by side around their place, the higher score ahead."""
    best = max(1, max(score.total for score in scores))
    wanted = sorted((points[round(max(0.0, score.total / best) * 0.92 * (len(points) - 1))][0],
                     score.total, index) for index, score in enumerate(scores))
    clusters: list[list[tuple[int, int, int]]] = []
    for runner in wanted:
        if clusters and runner[0] - clusters[-1][-1][0] < side + gap:
            clusters[-1].append(runner)
        else:
            clusters.append([runner])
    left, right = points[0][0], points[-1][0]
    places = []
    free = left  # where the next cluster may begin without touching the last
    for cluster in clusters:
        width = len(cluster) * side + (len(cluster) - 1) * gap
        middle = sum(x for x, _, _ in cluster) // len(cluster)
        start = max(free, min(right - width, middle - width // 2))
        free = start + width + gap
        start += side // 2
        for number, (_, _, index) in enumerate(cluster):
            x = start + number * (side + gap)
            y = min(points, key=lambda point: abs(point[0] - x))[1]
            places.append((index, (x, y)))
    return places


class PodiumScene(MenuScene):
    """The end: the podium and the per-skill winners; the report is written."""

    def __init__(self, app, session: GroupSession):
        super().__init__(app)
        self.session = session
        self.menu = ui_input.Menu(1)
        self.report: tuple | None = None
        self.report_error: str | None = None
        self.write_report()

    def write_report(self) -> None:
        self.report, self.report_error = save_report(self.app, self.session)

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        self.title_box = title_strip(ctx, width)
        # from the bottom up: the button, the report's note, the skill winners;
        # the podium takes what is left under the title
        button_height = max(m.px(56), ctx.line_height(BODY) + m.px(16))
        button_width = min(width - 2 * m.margin, max(m.px(420), width * 45 // 100))
        self.menu.rects = [pygame.Rect(width - m.margin - button_width, height - m.margin
                                       - button_height, button_width, button_height)]
        full = width - 2 * m.margin
        note = report_note(ctx.tr, self.report, self.report_error)
        note_height = min(6 * ctx.line_height(SMALL), ctx.text.measure(note, m.font(SMALL), full))
        self.report_box = pygame.Rect(m.margin, self.menu.rects[0].top - m.gap - note_height,
                                      width - 2 * m.margin, note_height)
        winners_height = 3 * ctx.line_height(BODY)
        self.winners_box = pygame.Rect(m.margin, self.report_box.top - m.gap - winners_height,
                                       width - 2 * m.margin, winners_height)
        base = self.winners_box.top - m.gap
        step = (width - 2 * m.margin) // 3
        self.badge_side = min(m.px(64), step // 3)
        names = [self.session.teams[i].name for i in self.session.standings()[:3]]
        self.name_height = min(2 * ctx.line_height(BODY, bold=True), max(
            ctx.text.measure(name, m.font(BODY), step - 2 * m.gap, bold=True)
            for name in names))
        tallest = max(ctx.line_height(TITLE, bold=True),
                      base - self.title_box.bottom - m.gap - self.badge_side
                      - self.name_height - m.px(8))
        heights = {1: tallest, 2: tallest * 3 // 4, 3: tallest * 11 // 20}
        self.steps = {}
        for column, place in enumerate((2, 1, 3)):
            self.steps[place] = pygame.Rect(m.margin + column * step + m.gap, base
                                            - heights[place], step - 2 * m.gap, heights[place])

    def activate(self, index):
        leave_session(self.app)

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        session = self.session
        ctx.text.draw(surface, tr._("The finish: podium"), m.font(TITLE), p.ink,
                      self.title_box, bold=True, valign="middle", align="center")
        for place, team_index in enumerate(session.standings()[:3], 1):
            rect = self.steps[place]
            panel(surface, rect, p.star if place == 1 else p.backdrop, p.panel_edge, m.radius)
            team = session.teams[team_index]
            side = self.badge_side
            name_box = pygame.Rect(rect.left, rect.top - m.px(4) - self.name_height,
                                   rect.width, self.name_height)
            shown = ctx.text.draw(surface, team.name, m.font(BODY), p.ink, name_box, bold=True,
                                  align="center", valign="bottom", max_lines=2)
            badge = pygame.Rect(rect.centerx - side // 2, shown.top - m.px(4) - side, side,
                                side)
            team_badge(ctx, surface, badge, team)
            ctx.text.draw(surface, str(place), m.font(TITLE), p.ink, rect, bold=True,
                          align="center", valign="middle")
        titles = {"attention": tr._("Best listeners: {teams}"),
                  "problem_solving": tr._("Best problem-solvers: {teams}"),
                  "partnership": tr._("Best partners: {teams}")}
        lines = [titles[skill].format(teams=", ".join(session.teams[i].name for i in teams))
                 for skill, teams in session.skill_leaders().items()]
        ctx.text.draw(surface, "\n".join(lines), m.font(BODY), p.ink, self.winners_box,
                      align="center")
        note = report_note(self.app.ctx.tr, self.report, self.report_error)
        ctx.text.draw(surface, note, m.font(SMALL), p.muted if self.report else p.poor,
                      self.report_box, valign="bottom")
        self.draw_buttons(surface, [tr._("Back to the title screen")], lambda index: True)
