"""The README's two commands are the ones CI runs."""

import re


def commands(readme: str) -> list[str]:
    return re.findall(r"^python3 -m venv .*$", readme, flags=re.MULTILINE)


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    play, test = commands(readme)
    assert play.endswith(".venv/bin/service-marathon")
    assert "pytest" in test
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
