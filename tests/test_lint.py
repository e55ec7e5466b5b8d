"""The checker's warnings: each kind has a fixture that triggers it, and the
clean fixture triggers none. Warnings alone pass unless --strict."""

from __future__ import annotations

import pytest

from game.cli import main

LINT = "tests/fixtures/levels/lint"

CASES = {
    "no-effect": "34: lint-no-effect/counter/asks: warning: answer 2 changes nothing: "
                 "give it effects",
    "no-feedback": "34: lint-no-feedback/counter/asks: warning: answer 2 has no feedback: "
                   "say why it helps or hurts",
    "same-score": "27: lint-same-score/counter/asks: warning: every answer scores +3: "
                  "the card can't tell a good answer from a poor one",
    "best-longest": "3: lint-best-longest: warning: the best answer is also the longest on "
                    "2 of 2 cards: players learn to pick the longest answer",
    "untrained-principle": "3: lint-untrained-principle: warning: the stage lists the "
                           "principle 'empathy', but none of its encounters trains it",
    "too-long": "27: lint-too-long/counter/asks: warning: in English, the customer's line "
                "and the answers must shrink to 31 px on a projector (1920x1080, largest text; "
                "a room reads 38 px): shorten it",
}


def check(capsys, *args):
    code = main(["check", *args])
    out = capsys.readouterr().out.strip().splitlines()
    return code, out


def test_the_clean_fixture_has_no_warning(capsys):
    code, out = check(capsys, f"{LINT}/clean.yaml")
    assert code == 0
    assert out == ["1 stage(s) checked: all valid."]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_warning_kind_is_reported_with_file_and_line(capsys, name):
    path = f"{LINT}/{name}.yaml"
    code, out = check(capsys, path)
    assert code == 0  # warnings alone don't fail a check
    assert out == [f"{path}:{CASES[name]}", "1 stage(s) checked: valid, with warnings."]


@pytest.mark.parametrize("name", sorted(CASES))
def test_strict_makes_warnings_fail(capsys, name):
    code, out = check(capsys, "--strict", f"{LINT}/{name}.yaml")
    assert code == 1
    assert out == [f"{LINT}/{name}.yaml:{CASES[name]}"]


def test_errors_fail_without_strict(capsys):
    code, out = check(capsys, "tests/fixtures/levels/bad/not-yaml.yaml")
    assert code == 1
    assert len(out) == 1 and "not valid YAML" in out[0]
