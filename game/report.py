"""The report of a group session, to hand out: a CSV with one row per
decision (and per bonus point) and a self-contained HTML page with the podium,
each team's skills per stage as charts, and every discussion point. No
network, no scripts, no pygame; printable on A4.

The CSV is UTF-8 with a byte-order mark, so Excel shows ā, õ and ų right. Its
separator follows the language: a comma in English; a semicolon in Latvian,
Estonian and Lithuanian, where Excel expects one (the decimal sign there is a
comma, as in the seconds column).
"""

from __future__ import annotations

import csv
import html
import io
import time
from pathlib import Path

from game.content import msgctxt
from game.content.model import SKILLS
from game.play.scoring import max_stage_total
from game.play.session import GroupSession
from game.storage import write_text_atomic

DECIMAL_COMMA = {"lv", "et", "lt"}
TEAM_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00")
SKILL_COLOURS = {"attention": "#3c78c8", "problem_solving": "#965abe",
                 "partnership": "#1e968c"}


def _skill_names(tr) -> dict[str, str]:
    from game.ui.words import skill_name  # plain words, no drawing

    return {name: skill_name(tr, name) for name in (*SKILLS, "mood")}


def csv_text(session: GroupSession, tr) -> str:
    language = tr.language
    comma = language in DECIMAL_COMMA
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if comma else ",", lineterminator="\r\n")
    names = _skill_names(tr)
    writer.writerow([tr._("Session"), tr._("Team"), tr._("Stage"), tr._("Customer"),
                     tr._("Card"), tr._("Answer"), *(names[s] for s in (*SKILLS, "mood")),
                     tr._("Seconds"), tr._("Bonus points")])
    stages = {stage.id: stage for stage in session.stages}
    for turn in session.turns:
        stage = stages[turn.stage]
        encounter = next(e for e in stage.encounters if e.id == turn.encounter)
        card = encounter.cards[turn.card]
        if turn.skipped:
            answer = tr._("(skipped by the trainer)")
        elif turn.choice is None:
            answer = tr._("(time ran out)")
        else:
            answer = tr.level(msgctxt.choice_text(card, turn.choice),
                              card.choices[turn.choice].text)
        seconds = f"{turn.seconds:.1f}"
        writer.writerow([session.id, session.teams[turn.team].name,
                         tr.level(msgctxt.stage_title(stage), stage.title),
                         tr.level(msgctxt.encounter_title(encounter), encounter.title),
                         turn.card, answer, *(turn.effects[s] for s in (*SKILLS, "mood")),
                         seconds.replace(".", ",") if comma else seconds, 0])
    for bonus in session.bonuses:
        stage = stages[bonus.stage]
        encounter = next(e for e in stage.encounters if e.id == bonus.encounter)
        effects = {s: (bonus.points if s == bonus.skill else 0) for s in SKILLS}
        writer.writerow([session.id, session.teams[bonus.team].name,
                         tr.level(msgctxt.stage_title(stage), stage.title),
                         tr.level(msgctxt.encounter_title(encounter), encounter.title),
                         bonus.card, tr._("(bonus from the trainer: {skill})").format(
                             skill=names[bonus.skill]),
                         *(effects[s] for s in SKILLS), 0, "", bonus.points])
    return out.getvalue()


def _bar_chart(session: GroupSession, team: int, tr) -> str:
    """An SVG of the team's three skills in each stage, as shares of the most
    that stage gives in that skill (0–100%)."""
    names = _skill_names(tr)
    per_stage = {stage.id: dict.fromkeys(SKILLS, 0) for stage in session.stages}
    for turn in session.turns:
        if turn.team == team:
            for skill in SKILLS:
                per_stage[turn.stage][skill] += turn.effects[skill]
    for bonus in session.bonuses:
        if bonus.team == team:
            per_stage[bonus.stage][bonus.skill] += bonus.points
    width, row, bar = 520, 74, 14
    height = 24 + row * len(session.stages)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for number, stage in enumerate(session.stages):
        top = 12 + number * row
        title = html.escape(tr.level(msgctxt.stage_title(stage), stage.title))
        parts.append(f'<text x="0" y="{top + 12}" class="stage">{title}</text>')
        for index, skill in enumerate(SKILLS):
            best = max(1, max_stage_total(stage, skill))
            share = max(0.0, min(1.0, per_stage[stage.id][skill] / best))
            y = top + 20 + index * (bar + 3)
            length = round(share * 330)
            parts.append(f'<rect x="170" y="{y}" width="330" height="{bar}" class="track"/>')
            parts.append(f'<rect x="170" y="{y}" width="{length}" height="{bar}" '
                         f'fill="{SKILL_COLOURS[skill]}"><title>{html.escape(names[skill])}: '
                         f'{round(share * 100)}%</title></rect>')
            parts.append(f'<text x="164" y="{y + 11}" class="label">'
                         f'{html.escape(names[skill])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def html_text(session: GroupSession, tr) -> str:
    e = html.escape
    names = _skill_names(tr)
    scores = session.scores()
    standings = session.standings()
    leaders = session.skill_leaders()
    titles = {"attention": tr._("Best listeners"),
              "problem_solving": tr._("Best problem-solvers"),
              "partnership": tr._("Best partners")}
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(session.started))
    # Every phrase is looked up here, outside the f-strings below: the
    # extractor can't see calls inside an f-string.
    count = len(session.teams)
    words = {
        "title": tr._("Service Marathon: session report"),
        "started": tr.ngettext("Started {when}; {count} team.", "Started {when}; {count} teams.",
                               count).format(when=when, count=count),
        "podium": tr._("Podium"),
        "team": tr._("Team"),
        "total": tr._("Total"),
        "skills": tr._("Skills per stage"),
        "bonuses": tr._("Bonus points from the trainer"),
        "points": tr._("Discussion points"),
        "best": tr._("The best answer:"),
        "answered": tr._("You answered:"),
    }
    words = {key: e(value) for key, value in words.items()}

    def team_badge(index: int) -> str:
        team = session.teams[index]
        return (f'<span class="badge" style="background:{TEAM_COLOURS[team.mark]}">'
                f'{team.letter}</span> {e(team.name)}')

    podium = []
    for place, index in enumerate(standings[:3], 1):
        total = scores[index].total
        earned = tr.ngettext("{points} point", "{points} points", total).format(points=total)
        podium.append(f'<div class="step step{place}"><div class="place">{place}</div>'
                      f'<div>{team_badge(index)}</div><div class="points">{e(earned)}'
                      f'</div></div>')
    winners = "".join(
        f"<li><strong>{e(titles[skill])}</strong>: "
        f"{', '.join(team_badge(i) for i in leaders[skill])}</li>" for skill in SKILLS)
    table_rows = "".join(
        f"<tr><td>{team_badge(i)}</td>"
        + "".join(f"<td>{getattr(scores[i], s)}</td>" for s in SKILLS)
        + f"<td><strong>{scores[i].total}</strong></td></tr>" for i in standings)
    charts = "".join(f'<section class="team"><h3>{team_badge(i)}</h3>'
                     f"{_bar_chart(session, i, tr)}</section>" for i in range(len(session.teams)))
    points = []
    stages = {stage.id: stage for stage in session.stages}
    for turn in session.turns:
        stage = stages[turn.stage]
        encounter = next(x for x in stage.encounters if x.id == turn.encounter)
        card = encounter.cards[turn.card]
        said = tr.level(msgctxt.say(card), card.say)
        if turn.skipped or turn.choice is None:
            answer = tr._("(skipped by the trainer)") if turn.skipped else tr._(
                "(time ran out)")
            why = ""
        else:
            answer = tr.level(msgctxt.choice_text(card, turn.choice),
                              card.choices[turn.choice].text)
            why = tr.level(msgctxt.choice_feedback(card, turn.choice),
                           card.choices[turn.choice].feedback or "")
        best = ""
        if turn.choice != turn.best and not turn.skipped:
            best_choice = card.choices[turn.best]
            best_text = tr.level(msgctxt.choice_text(card, turn.best), best_choice.text)
            best_why = tr.level(msgctxt.choice_feedback(card, turn.best),
                                best_choice.feedback or "")
            best = (f'<div class="best"><p><strong>{words["best"]}</strong> '
                    f"{e(best_text)}</p><p>{e(best_why)}</p></div>")
        effects = " · ".join(f"{e(names[s])} {turn.effects[s]:+d}" for s in (*SKILLS, "mood"))
        # Translators: a customer's line in the session report
        quote = tr._("{name}: “{words}”").format(name=encounter.customer.name, words=said)
        points.append(
            f'<article class="point"><p class="where">{team_badge(turn.team)} · '
            f"{e(tr.level(msgctxt.stage_title(stage), stage.title))} · "
            f"{e(tr.level(msgctxt.encounter_title(encounter), encounter.title))}</p>"
            f'<p class="said">{e(quote)}</p>'
            f'<p><strong>{words["answered"]}</strong> {e(answer)}</p>'
            f'<p class="effects">{effects}</p><p>{e(why)}</p>{best}</article>')
    bonuses = "".join(
        f"<li>{team_badge(b.team)}: {e(names[b.skill])} {b.points:+d}</li>"
        for b in session.bonuses)
    heads = "".join(f"<th>{e(names[s])}</th>" for s in SKILLS)
    return f"""<!DOCTYPE html>
<html lang="{e(tr.language)}">
<head>
<meta charset="utf-8">
<title>{words["title"]}</title>
<style>
@page {{ size: A4; margin: 16mm; }}
body {{ font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1e2430;
       max-width: 190mm; margin: 0 auto; line-height: 1.4; }}
h1 {{ font-size: 22pt; margin-bottom: 0; }} h2 {{ margin-top: 1.4em; }}
.badge {{ display: inline-block; min-width: 1.4em; text-align: center; color: #fff;
          border-radius: 4px; font-weight: bold; padding: 0 .2em; }}
.podium {{ display: flex; align-items: flex-end; gap: 8mm; margin: 6mm 0; }}
.step {{ flex: 1; text-align: center; background: #eef1f5; border-radius: 6px; padding: 4mm; }}
.step1 {{ padding-top: 14mm; background: #fdf0c8; }} .step2 {{ padding-top: 8mm; }}
.place {{ font-size: 24pt; font-weight: bold; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ccd; padding: 2mm; text-align: left; }}
.chart {{ width: 100%; max-width: 150mm; }}
.chart .stage {{ font-size: 12px; font-weight: bold; }}
.chart .label {{ font-size: 11px; text-anchor: end; }} .chart .track {{ fill: #e3e6ea; }}
.team, .point {{ break-inside: avoid; page-break-inside: avoid; }}
.point {{ border-left: 3px solid #ccd; padding-left: 4mm; margin: 4mm 0; }}
.where, .effects {{ color: #555d6b; font-size: 10pt; }} .said {{ font-style: italic; }}
.best {{ background: #e8f3f9; padding: 1mm 2mm; }}
</style>
</head>
<body>
<h1>{words["title"]}</h1>
<p>{words["started"]}</p>
<h2>{words["podium"]}</h2>
<div class="podium">{"".join(podium)}</div>
<ul>{winners}</ul>
<table><tr><th>{words["team"]}</th>{heads}<th>{words["total"]}</th></tr>{table_rows}</table>
<h2>{words["skills"]}</h2>
{charts}
<h2>{words["bonuses"]}</h2>
<ul>{bonuses or "<li>—</li>"}</ul>
<h2>{words["points"]}</h2>
{"".join(points)}
</body>
</html>
"""


def write_report(session: GroupSession, tr, folder: Path) -> tuple[Path, Path]:
    """Write the CSV and the HTML to ``folder``; returns their paths. Raises
    storage.SaveError when the folder can't be written."""
    stamp = time.strftime("%Y%m%d-%H%M", time.localtime(session.started))
    base = folder / f"session-{stamp}-{session.id[:6]}"
    csv_path, html_path = base.with_suffix(".csv"), base.with_suffix(".html")
    write_text_atomic(csv_path, csv_text(session, tr), encoding="utf-8-sig")
    write_text_atomic(html_path, html_text(session, tr))
    return csv_path, html_path
