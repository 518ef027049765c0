"""Every setting is documented in the README, by its environment variable."""

from __future__ import annotations

from satyapan.settings import Settings
from tests.conftest import ROOT


def test_every_setting_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert f"`SATYAPAN_{name.upper()}`" in readme, name
        assert field.description, name
