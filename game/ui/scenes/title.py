"""The title screen: start, who plays, settings, language, quit."""

from __future__ import annotations

import pygame

from game.i18n import LANGUAGES
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import MenuScene
from game.ui.theme import BODY, HUGE, LARGE
from game.ui.widgets import road, route_points

START, PLAYER, GROUP, SETTINGS, LANGUAGE, QUIT = range(6)


class TitleScene(MenuScene):
    def __init__(self, app):
        super().__init__(app)
        self.menu = ui_input.Menu(6)

    def labels(self) -> list[str]:
        tr = self.app.ctx.tr
        profile = self.app.ctx.player.profile
        return [
            tr._("Start the marathon"),
            tr._("Player: {name}").format(name=profile.name) if profile
            else tr._("Choose a player"),
            tr._("Group session"),
            tr._("Settings"),
            tr._("Language: {language}").format(language=LANGUAGES[tr.language]),
            tr._("Quit"),
        ]

    def layout(self, width, height):
        m = self.app.ctx.metrics
        button_width = min(width - 2 * m.margin, m.px(620))
        button_height = m.px(58)
        top = height * 47 // 100
        left = (width - button_width) // 2
        half = (button_width - m.gap) // 2
        step = button_height + m.gap
        # Start across the whole width; below it, two buttons a row
        self.menu.rects = [pygame.Rect(left, top, button_width, button_height)] + [
            pygame.Rect(left + (i % 2) * (half + m.gap), top + (1 + i // 2) * step, half,
                        button_height)
            for i in range(5)
        ]
        self.title_box = pygame.Rect(m.margin, height * 8 // 100, width - 2 * m.margin,
                                     m.px(90))
        self.tagline_box = pygame.Rect(m.margin * 2, self.title_box.bottom + m.gap,
                                       width - 4 * m.margin, m.px(70))
        self.help_box = pygame.Rect(m.margin, height - m.margin - m.px(28),
                                    width - 2 * m.margin, m.px(28))
        notice_top = self.menu.rects[-1].bottom + m.gap
        self.notice_box = pygame.Rect(m.margin * 2, notice_top, width - 4 * m.margin,
                                      self.help_box.top - m.gap - notice_top)

    def activate(self, index: int) -> None:
        if index == START:
            from game.ui.scenes.profiles import ask_for_new_profile
            from game.ui.scenes.stagemap import StageMapScene

            def start():
                self.app.stack.push(StageMapScene(self.app))

            player = self.app.ctx.player
            if player.profiles is not None and player.profile is None:
                ask_for_new_profile(self.app, then=start)  # progress needs an owner
            else:
                start()
        elif index == PLAYER:
            from game.ui.scenes.profiles import ProfilesScene

            if self.app.ctx.player.profiles is None:  # nothing can be saved this time
                self.app.ctx.notices.append(self.app.ctx.tr._(
                    "Players can't be kept: the game can't save on this computer now."))
                self.dirty = True
            else:
                self.app.stack.push(ProfilesScene(self.app))
        elif index == GROUP:
            self.open_group_session()
        elif index == SETTINGS:
            from game.ui.scenes.settings import SettingsScene

            self.app.stack.push(SettingsScene(self.app))
        elif index == LANGUAGE:
            from game.ui.scenes.language import LanguageScene

            self.app.stack.push(LanguageScene(self.app))
        elif index == QUIT:
            self.app.quit()

    def open_group_session(self) -> None:
        """Offer to resume a saved group session; else set up a new one."""
        from game.ui.scenes.dialogs import ConfirmScene
        from game.ui.scenes.group import SessionStore, SetupScene, begin_session, session_problem

        app = self.app
        tr = app.ctx.tr
        store = SessionStore(app.ctx.sessions_dir)
        session, problem = store.load(app.ctx.levels.stages)
        if problem is not None:
            app.ctx.notices.append(session_problem(tr, problem))
            self.dirty = True
        if session is None:
            app.stack.push(SetupScene(app))
            return
        teams = ", ".join(team.name for team in session.teams)
        app.stack.push(ConfirmScene(
            app, tr._("A group session is not finished ({teams}). Go on where it was?")
            .format(teams=teams), tr._("Go on with it"), lambda: begin_session(app, session),
            no=tr._("Start a new one"), on_no=lambda: (store.archive(session),
                                                        app.stack.push(SetupScene(app))),
            focus_yes=True))

    def shortcut(self, got):
        if got.intent is Intent.ADVANCE:
            self.activate(START)
            return True
        return False

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        width, height = surface.get_size()
        pygame.draw.rect(surface, p.backdrop, (0, 0, width, height * 42 // 100))
        self._draw_route(surface, width, height)
        ctx.text.draw(surface, tr._("Service Marathon"), m.font(HUGE), p.ink, self.title_box,
                      bold=True, align="center", valign="middle")
        ctx.text.draw(surface, tr._("Train attention, problem-solving and partnership, "
                                    "one customer at a time."),
                      m.font(LARGE), p.muted, self.tagline_box, align="center")
        self.draw_buttons(surface, self.labels(), lambda index: index == START)
        if ctx.notices:  # the latest few: two files can go wrong at one start
            latest = list(dict.fromkeys(reversed(ctx.notices)))[:3]
            ctx.text.draw(surface, "\n".join(reversed(latest)), m.font(BODY) * 4 // 5, p.poor,
                          self.notice_box, align="center", valign="middle")
        ctx.text.draw(surface, tr._("Arrows and Enter, a mouse or a touch screen. "
                                    "F11: full screen. Ctrl+ and Ctrl-: text size."),
                      m.font(BODY) * 4 // 5, p.muted, self.help_box, align="center",
                      valign="bottom")

    def _draw_route(self, surface, width, height):
        ctx = self.app.ctx
        p, m = ctx.palette, ctx.metrics
        area = pygame.Rect(m.margin * 3, height * 41 // 100 - m.px(70), width - m.margin * 6,
                           m.px(90))
        points = route_points(area, waves=1.5)
        road(ctx, surface, points)
        for share, color in ((0.25, p.attention), (0.5, p.problem_solving),
                             (0.75, p.partnership)):
            pygame.draw.circle(surface, color, points[round(share * (len(points) - 1))],
                               m.px(13))
