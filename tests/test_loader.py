"""The level loader: the good fixture's model, and every broken file's exact message.

Line numbers refer to tests/fixtures/levels/good.yaml and the one-edit copies
of it in tests/fixtures/levels/bad/ (each bad file's header says what it breaks).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content import load_file, load_levels
from game.content.model import Customer, Effects, Outcome, Timeout

LEVELS = Path(__file__).resolve().parent / "fixtures" / "levels"
GOOD = LEVELS / "good.yaml"
BAD = LEVELS / "bad"


def load_good():
    stage, problems = load_file(GOOD)
    assert problems == []
    assert stage is not None
    return stage


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


# -- the good fixture ---------------------------------------------------------


def test_good_stage_loads_without_problems():
    stage, problems = load_file(GOOD)
    assert problems == []
    assert stage is not None
    assert stage.source == str(GOOD)


def test_good_stage_top_level_values():
    stage = load_good()
    assert stage.id == "good-stage"
    assert stage.order == 7
    assert stage.title == "Good stage"
    assert stage.summary == "Every feature of the level format in one small stage."
    assert stage.time_limit == 20.0
    assert [e.id for e in stage.encounters] == ["returns-desk", "phone-call"]


def test_good_encounters_and_customers():
    desk, call = load_good().encounters
    assert desk.path == "good-stage/returns-desk"
    assert desk.title == "The returns desk"
    assert desk.principles == ("active-listening", "empathy")
    assert desk.channel == "shop"
    assert desk.customer == Customer(name="Ilze", look=1, mood=50, age=34)
    assert desk.start == "arrives"
    assert list(desk.cards) == ["arrives", "waits", "explains", "thanks", "settles", "leaves"]
    assert desk.line == 10

    assert call.channel == "phone"
    assert call.customer == Customer(name="Marta", look=0, mood=40, age=None)
    assert call.start == "rings"


def test_time_limits_card_then_encounter_then_stage():
    desk, call = load_good().encounters
    assert desk.time_limit == 15.0  # set on the encounter
    assert call.time_limit == 20.0  # inherited from the stage
    assert desk.card("arrives").time_limit == 10.0  # set on the card
    assert desk.card("waits").time_limit is None  # the encounter's applies


def test_stage_time_limit_defaults_to_30(tmp_path):
    text = GOOD.read_text().replace("time_limit: 20\n", "")
    path = tmp_path / "no-limit.yaml"
    path.write_text(text)
    stage, problems = load_file(path)
    assert problems == []
    assert stage.time_limit == 30.0
    assert stage.encounters[1].time_limit == 30.0


def test_good_card_text_paths_and_lines():
    desk = load_good().encounters[0]
    arrives = desk.card("arrives")
    assert arrives.path == "good-stage/returns-desk/arrives"
    assert arrives.narration == "She puts a paper bag on the counter."
    assert arrives.say == "I'd like to return this dress."
    assert arrives.line == 18  # the "arrives:" line
    assert desk.card("waits").narration is None
    assert load_good().encounters[1].card("hangs-up").path == "good-stage/phone-call/hangs-up"


def test_good_choices_effects_and_feedback():
    desk = load_good().encounters[0]
    first, second = desk.card("arrives").choices
    assert first.text == "Of course. What went wrong with it?"
    assert first.effects == Effects(attention=2, problem_solving=1, partnership=0, mood=10)
    assert first.feedback == "An open question lets her tell her story."
    assert first.next == "explains"
    assert first.line == 24
    assert second.effects == Effects(attention=-1, partnership=-2, mood=-10)
    assert second.next == "waits"
    # a choice without effects or feedback
    sorry = desk.card("waits").choices[0]
    assert sorry.effects == Effects(attention=1, mood=5)
    assert sorry.feedback == ""


def test_on_timeout_short_form_uses_default_effects():
    arrives = load_good().encounters[0].card("arrives")
    assert arrives.on_timeout == Timeout(next="waits", effects=Effects(attention=-1, mood=-5),
                                         feedback=None)


def test_on_timeout_long_form():
    waits = load_good().encounters[0].card("waits")
    assert waits.on_timeout == Timeout(
        next="leaves",
        effects=Effects(attention=-2, mood=-15),
        feedback="She waited in silence while you looked at your screen.",
    )


def test_on_timeout_long_form_without_next_repeats_the_card():
    explains = load_good().encounters[0].card("explains")
    assert explains.on_timeout == Timeout(next=None, effects=Effects(mood=-10), feedback=None)


def test_card_without_on_timeout():
    assert load_good().encounters[1].card("rings").on_timeout is None


def test_all_three_endings():
    desk = load_good().encounters[0]
    assert desk.card("thanks").end is Outcome.SUCCESS
    assert desk.card("settles").end is Outcome.PARTIAL
    assert desk.card("leaves").end is Outcome.FAIL
    assert all(desk.card(c).is_end for c in ("thanks", "settles", "leaves"))
    assert not desk.card("arrives").is_end
    assert desk.card("thanks").choices == ()


def test_raw_text_is_kept_not_reinterpreted(tmp_path):
    # YAML 1.1 would read 12:30 as the number 750 and "no" as False
    text = GOOD.read_text().replace("say: Never mind.", "say: 12:30").replace(
        "text: Yeah.", "text: no")
    path = tmp_path / "raw.yaml"
    path.write_text(text)
    stage, problems = load_file(path)
    assert problems == []
    call = stage.encounters[1]
    assert call.card("hangs-up").say == "12:30"
    assert call.card("rings").choices[1].text == "no"


# -- broken files: the exact line an author reads ----------------------------

# (file, line, path, message); line/path None where the message has none.
BAD_CASES = [
    ("unknown-key", 48, "good-stage/returns-desk/explains",
     "unknown key 'mood' in a card "
     "(allowed: say, narration, choices, end, time_limit, on_timeout)"),
    ("missing-key", 59, "good-stage/returns-desk/thanks", "missing key 'say' in a card"),
    ("next-missing-card", 51, "good-stage/returns-desk/explains",
     "next: 'thank' is not a card in this encounter"),
    ("timeout-missing-card", 22, "good-stage/returns-desk/arrives",
     "on_timeout: 'wait' is not a card in this encounter"),
    ("unreachable-card", 61, "good-stage/returns-desk/settles",
     "card 'settles' can't be reached from the start card 'arrives'"),
    ("never-ends", 61, "good-stage/returns-desk/settles",
     "no path from card 'settles' ever reaches an ending"),
    ("skill-out-of-range", 52, "good-stage/returns-desk/explains",
     "problem_solving must be between -3 and 3, not 4"),
    ("mood-out-of-range", 52, "good-stage/returns-desk/explains",
     "mood must be between -50 and 50, not 60"),
    ("customer-mood-out-of-range", 14, "good-stage/returns-desk",
     "the customer's mood must be between 0 and 100, not 150"),
    ("age-out-of-range", 14, "good-stage/returns-desk", "age must be between 14 and 110, not 4"),
    ("bad-look", 71, "good-stage/phone-call", "look must be between 0 and 7, not 8"),
    ("duplicate-encounter-id", 67, "good-stage/returns-desk",
     "duplicate encounter id 'returns-desk'"),
    ("duplicate-card-id", 61, "good-stage/returns-desk/thanks", "duplicate card id 'thanks'"),
    ("duplicate-key", 88, "good-stage/phone-call/hangs-up", "duplicate key 'say' in a card"),
    ("empty-text", 59, "good-stage/returns-desk/thanks", "say is empty"),
    ("unknown-principle", 12, "good-stage/returns-desk", "unknown principle tag 'sympathy'"),
    ("not-yaml", 72, None, "not valid YAML: expected ',' or '}', but got ':'"),
    ("not-a-mapping", 4, None, "a stage must be a mapping (key: value), not a list"),
    ("alias", 87, None, "YAML aliases (*goodbye) are not allowed in level files"),
    ("anchor", 65, None, "YAML anchors (&goodbye) are not allowed in level files"),
    ("custom-tag", 87, None,
     "YAML tags (!!python/object/apply:os.system) are not allowed in level files"),
    ("str-tag", 87, None, "YAML tags (!!str) are not allowed in level files"),
    ("empty-file", None, None,
     "the file is empty; a stage needs id, order, title, summary and encounters"),
    ("bad-channel", 70, "good-stage/phone-call",
     "channel must be one of shop, phone, email, chat, not 'fax'"),
    ("choices-and-end", 47, "good-stage/returns-desk/explains",
     "a card needs either 'choices' or 'end', not both"),
    ("neither-choices-nor-end", 84, "good-stage/phone-call/helped",
     "a card needs either 'choices' or 'end'"),
    ("ending-with-timeout", 67, "good-stage/returns-desk/leaves",
     "an ending card has no 'on_timeout'"),
    ("too-many-choices", 77, "good-stage/phone-call/rings", "a card has 2 to 4 choices, not 5"),
    ("too-few-choices", 77, "good-stage/phone-call/rings", "a card has 2 to 4 choices, not 1"),
    ("start-missing", 16, "good-stage/returns-desk",
     "start card 'arrive' is not a card in this encounter"),
    ("bad-id", 4, None,
     "the stage id 'Good Stage' is not a valid id "
     "(use a-z, 0-9, - and _, up to 64 characters)"),
    ("two-documents", 89, None, "a level file holds one YAML document, not several"),
    ("time-limit-out-of-range", 21, "good-stage/returns-desk/arrives",
     "time_limit must be between 5 and 600, not 2"),
    ("not-a-number", 5, "good-stage", "order must be a whole number, not 'seven'"),
    ("no-encounters", 9, "good-stage", "a stage needs at least one encounter"),
]


def expected_line(file: str, line: int | None, path: str | None, message: str) -> str:
    where = file if line is None else f"{file}:{line}"
    return f"{where}: {path}: {message}" if path else f"{where}: {message}"


@pytest.mark.parametrize(("name", "line", "path", "message"), BAD_CASES,
                         ids=[case[0] for case in BAD_CASES])
def test_bad_file_reports_exact_problem(name, line, path, message):
    file = str(BAD / f"{name}.yaml")
    stage, problems = load_file(file)
    assert stage is None
    assert messages(problems) == [expected_line(file, line, path, message)]


def test_every_bad_fixture_has_a_case():
    on_disk = {p.stem for p in BAD.glob("*.yaml")}
    assert on_disk == {case[0] for case in BAD_CASES}


def test_shown_as_names_the_file_in_messages():
    _, problems = load_file(BAD / "bad-channel.yaml", shown_as="levels/phone.yaml")
    assert messages(problems) == [
        "levels/phone.yaml:70: good-stage/phone-call: "
        "channel must be one of shop, phone, email, chat, not 'fax'"
    ]


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    text = (GOOD.read_text().replace("channel: phone", "channel: fax")
            .replace("[active-listening, empathy]", "[active-listening, sympathy]"))
    path = tmp_path / "two.yaml"
    path.write_text(text)
    _, problems = load_file(path)
    assert messages(problems) == [
        f"{path}:12: good-stage/returns-desk: unknown principle tag 'sympathy'",
        f"{path}:70: good-stage/phone-call: "
        "channel must be one of shop, phone, email, chat, not 'fax'",
    ]


def test_non_utf8_bytes_name_the_byte_and_line(tmp_path):
    data = GOOD.read_bytes().replace(b"Marta", "Märta".encode("latin-1"))
    path = tmp_path / "latin1.yaml"
    path.write_bytes(data)
    stage, problems = load_file(path)
    assert stage is None
    assert messages(problems) == [f"{path}:71: not UTF-8 text: byte 0xe4 can't be decoded"]


def test_oversize_file_is_refused(tmp_path):
    data = GOOD.read_bytes()
    path = tmp_path / "huge.yaml"
    path.write_bytes(data + b"#" * (1_000_001 - len(data)))
    stage, problems = load_file(path)
    assert stage is None
    assert messages(problems) == [
        f"{path}: the file is 1,000,001 bytes; level files are limited to 1,000,000 bytes"
    ]


def test_file_of_exactly_the_size_limit_loads(tmp_path):
    data = GOOD.read_bytes()
    path = tmp_path / "full.yaml"
    path.write_bytes(data + b"#" * (1_000_000 - len(data) - 1) + b"\n")
    assert path.stat().st_size == 1_000_000
    stage, problems = load_file(path)
    assert problems == []
    assert stage.id == "good-stage"


@pytest.mark.parametrize("depth", [41, 100_000])
def test_deep_nesting_is_refused_without_crashing(tmp_path, depth):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * depth + "]" * depth)
    stage, problems = load_file(path)
    assert stage is None
    assert messages(problems) == [f"{path}:1: the data is nested deeper than 40 levels"]


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "gone.yaml"
    stage, problems = load_file(path)
    assert stage is None
    assert messages(problems) == [f"{path}: can't read the file: No such file or directory"]


def test_bom_and_crlf_load_like_the_original(tmp_path):
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.read_bytes().replace(b"\n", b"\r\n"))
    stage, problems = load_file(path)
    assert problems == []
    original = load_good()
    assert stage.encounters == original.encounters
    assert stage.encounters[0].card("arrives") == original.encounters[0].card("arrives")
    assert stage.encounters[0].card("arrives").say == "I'd like to return this dress."


def test_crlf_keeps_line_numbers(tmp_path):
    path = tmp_path / "windows-bad.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (BAD / "unknown-key.yaml").read_bytes().replace(
        b"\n", b"\r\n"))
    _, problems = load_file(path)
    assert [p.line for p in problems] == [48]


def test_custom_tag_never_runs_code(tmp_path):
    marker = tmp_path / "marker"
    payload = f'!!python/object/apply:builtins.open ["{marker}", "w"]'
    text = GOOD.read_text().replace("say: Never mind.", f"say: {payload}")
    path = tmp_path / "evil.yaml"
    path.write_text(text)
    stage, problems = load_file(path)
    assert stage is None
    assert messages(problems) == [
        f"{path}:87: YAML tags (!!python/object/apply:builtins.open) "
        "are not allowed in level files"
    ]
    assert not marker.exists()


def test_custom_tag_fixture_is_refused_before_anything_is_built(capfd):
    load_file(BAD / "custom-tag.yaml")
    assert "hi" not in capfd.readouterr().out


# -- folders of level files ---------------------------------------------------


def second_stage_text(stage_id: str, order: int) -> str:
    return GOOD.read_text().replace("id: good-stage\norder: 7\n",
                                    f"id: {stage_id}\norder: {order}\n")


def test_broken_file_does_not_stop_the_good_one(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.yaml")
    shutil.copy(BAD / "bad-channel.yaml", tmp_path / "broken.yaml")
    levels = load_levels([tmp_path])
    assert [s.id for s in levels.stages] == ["good-stage"]
    broken = str(tmp_path / "broken.yaml")
    assert list(levels.broken) == [broken]
    first_error = levels.broken[broken][0]
    assert str(first_error) == (f"{broken}:70: good-stage/phone-call: "
                                "channel must be one of shop, phone, email, chat, not 'fax'")
    assert levels.problems == levels.broken[broken]


def test_stages_are_sorted_by_order_then_id(tmp_path):
    (tmp_path / "a.yaml").write_text(second_stage_text("zulu", 3))
    (tmp_path / "b.yaml").write_text(second_stage_text("alpha", 3))
    (tmp_path / "c.yaml").write_text(second_stage_text("first", 1))
    shutil.copy(GOOD, tmp_path / "0-good.yaml")  # order 7
    levels = load_levels([tmp_path])
    assert levels.problems == []
    assert [(s.order, s.id) for s in levels.stages] == [
        (1, "first"), (3, "alpha"), (3, "zulu"), (7, "good-stage")]


def test_duplicate_stage_id_across_files(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(GOOD, first)
    shutil.copy(GOOD, second)
    levels = load_levels([tmp_path])
    assert [s.source for s in levels.stages] == [str(first)]
    assert list(levels.broken) == [str(second)]
    assert messages(levels.problems) == [
        f"{second}:1: good-stage: duplicate stage id 'good-stage' (also used by {first})"
    ]


def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere"
    levels = load_levels([missing])
    assert levels.stages == []
    assert messages(levels.problems) == [f"{missing}: no such file or folder"]


def test_folder_without_level_files(tmp_path):
    (tmp_path / "notes.txt").write_text("not a level")
    shutil.copy(GOOD, tmp_path / "_draft.yaml")
    levels = load_levels([tmp_path])
    assert levels.stages == []
    assert levels.broken == {}
    assert messages(levels.problems) == [f"{tmp_path}: no level files (*.yaml) in this folder"]


def test_a_link_loop_and_a_folder_named_like_a_level_are_named_and_the_rest_loads(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.yaml")
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "stage.yaml").mkdir()
    levels = load_levels([tmp_path])
    assert [s.id for s in levels.stages] == ["good-stage"]
    lost = "a link that leads to no file (a loop, or its target is gone); skipped"
    assert messages(levels.problems) == [
        f"{tmp_path / 'a.yaml'}: {lost}",
        f"{tmp_path / 'b.yaml'}: {lost}",
        f"{tmp_path / 'gone.yaml'}: {lost}",
        f"{tmp_path / 'stage.yaml'}: a folder named like a level file; skipped",
    ]


def test_underscore_and_dot_files_are_skipped(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.yaml")
    shutil.copy(BAD / "not-yaml.yaml", tmp_path / "_template.yaml")
    shutil.copy(BAD / "not-yaml.yaml", tmp_path / ".swap.yaml")
    levels = load_levels([tmp_path])
    assert [s.id for s in levels.stages] == ["good-stage"]
    assert levels.broken == {}
    assert levels.problems == []


def test_yml_suffix_is_a_level_file(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.yml")
    levels = load_levels([tmp_path])
    assert [s.id for s in levels.stages] == ["good-stage"]


def test_single_file_path(tmp_path):
    levels = load_levels([GOOD, BAD / "empty-file.yaml"])
    assert [s.id for s in levels.stages] == ["good-stage"]
    assert list(levels.broken) == [str(BAD / "empty-file.yaml")]
