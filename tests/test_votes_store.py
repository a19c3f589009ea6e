"""adoption.yaml: written by `votes import`, validated by `check` like resolution.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import DataError
from generator.votes.store import ADOPTION_FILE, dump_yaml, from_data, load_adoption, to_data
from tests.votes_site import fixture_files


@pytest.fixture
def imported(project_copy: Path) -> Path:
    assert main(["--config", str(project_copy), "votes", "import", *map(str, fixture_files())]) == 0
    return project_copy


def test_round_trip(imported: Path) -> None:
    path = imported.parent / "resolutions" / "A-RES-73-266" / ADOPTION_FILE
    a = load_adoption(path)
    assert from_data(to_data(a)) == a
    assert dump_yaml(a) == path.read_text("utf-8")


def test_every_problem_with_its_line(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = imported.parent / "resolutions" / "A-RES-73-266" / ADOPTION_FILE
    text = path.read_text("utf-8")
    lines = text.splitlines()
    no_states = next(i for i, line in enumerate(lines) if line.startswith("      value: [BO, CN,"))
    text = text.replace("      value: [BO, CN,", "      value: [XX, BO, CN, AF,", 1)
    text = text.replace("  value: recorded vote\n", "  value: maybe\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_adoption(path, "adoption.yaml")
    assert [p.format().splitlines()[0] for p in err.value.problems] == [
        f"adoption.yaml:{text.splitlines().index('  value: maybe') + 1}: adoption/value: 'maybe' is not one of "
        "['recorded vote', 'without a vote', 'unknown']"
    ]
    # Once the schema is satisfied, the States are checked: all problems together.
    path.write_text(text.replace("  value: maybe\n", "  value: recorded vote\n"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_adoption(path, "adoption.yaml")
    assert [p.format().splitlines()[0] for p in err.value.problems] == [
        f"adoption.yaml:{no_states + 1}: vote: unknown State code 'XX'",
        f"adoption.yaml:{no_states + 1}: vote: Afghanistan (AF) is listed as yes and as no",
    ]
    assert main(["--config", str(imported), "check"]) == 1
    err_text = capsys.readouterr().err
    assert "resolutions/A-RES-73-266/adoption.yaml:" in err_text and "unknown State code 'XX'" in err_text


def test_adoption_file_of_another_resolution(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = imported.parent / "resolutions"
    (folder / "A-RES-73-6" / ADOPTION_FILE).write_bytes((folder / "A-RES-73-7" / ADOPTION_FILE).read_bytes())
    assert main(["--config", str(imported), "check"]) == 1
    assert "A-RES-73-6/adoption.yaml:1: symbol A/RES/73/7 is not A/RES/73/6" in capsys.readouterr().err


def test_not_yaml(imported: Path) -> None:
    path = imported.parent / "resolutions" / "A-RES-73-6" / ADOPTION_FILE
    path.write_text("symbol: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_adoption(path, "adoption.yaml")
    assert err.value.problems[0].format().startswith("adoption.yaml:2: not valid YAML")
