"""What the authoring guide and the template show an author actually works."""

import re

from game.content.lint import stage_warnings
from game.content.loader import load_text


def test_the_guides_complete_example_loads(root):
    guide = (root / "docs" / "authoring.md").read_text(encoding="utf-8")
    example = guide.split("## A complete small example", 1)[1]
    text = re.search(r"```yaml\n(.*?)```", example, flags=re.DOTALL).group(1)
    stage, problems = load_text(text, "example")
    assert problems == []
    assert stage.encounters[0].cards["arrives"].choices


def test_a_copy_of_the_template_loads_without_a_warning(root):
    text = (root / "levels" / "_template.yaml").read_text(encoding="utf-8")
    stage, problems = load_text(text, "07-my-stage.yaml")
    assert problems == []
    assert stage_warnings(stage) == []


def test_the_guide_documents_every_key_the_loader_accepts(root):
    from game.content import loader

    guide = (root / "docs" / "authoring.md").read_text(encoding="utf-8")
    for keys in (loader.STAGE_KEYS, loader.ENCOUNTER_KEYS, loader.CUSTOMER_KEYS,
                 loader.CARD_KEYS, loader.CHOICE_KEYS, loader.EFFECT_KEYS):
        for key in keys:
            assert f"| `{key}` |" in guide, key
