"""The CI workflows: the job that runs contributed content can only read; actions pinned by commit."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = sorted((Path(__file__).resolve().parent.parent / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
WRITE_SCOPES = {"pages", "id-token"}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def permissions(workflow: dict[str, Any], job: dict[str, Any]) -> dict[str, str]:
    """The job's own permissions, else the workflow's (``{}`` for none, "read-all" as a mapping)."""
    found = job.get("permissions", workflow.get("permissions"))
    assert found is not None, "every job must state its permissions (or the workflow must)"
    assert isinstance(found, dict), f"permissions must be listed scope by scope, not {found!r}"
    return {str(k): str(v) for k, v in found.items()}


def runs_repository_code(job: dict[str, Any]) -> bool:
    """Whether a job runs anything from the checkout (a shell step or a checkout at all)."""
    steps = job.get("steps", ())
    return any("run" in s or str(s.get("uses", "")).startswith("actions/checkout@") for s in steps)


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"publish.yml", "pull-request.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_running_contributed_content_can_only_read(path: Path) -> None:
    workflow = load(path)
    assert workflow.get("permissions", {}) in ({}, {"contents": "read"}), "no write permission workflow-wide"
    for name, job in workflow["jobs"].items():
        granted = permissions(workflow, job)
        if runs_repository_code(job):
            assert granted == {"contents": "read"}, f"{path.name}: job {name} runs repository code with {granted}"
        else:
            assert "contents" not in granted or granted["contents"] == "read", f"{path.name}: job {name}"


def test_only_the_deploy_job_may_publish() -> None:
    workflow = load(next(p for p in WORKFLOWS if p.name == "publish.yml"))
    publishing = {name for name, job in workflow["jobs"].items() if WRITE_SCOPES & set(permissions(workflow, job))}
    assert publishing == {"deploy"}
    deploy = workflow["jobs"]["deploy"]
    assert permissions(workflow, deploy) == {"pages": "write", "id-token": "write"}
    assert [str(s.get("uses", "")).split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert not runs_repository_code(deploy)
    assert deploy["needs"] == "build"
    assert permissions(workflow, workflow["jobs"]["build"]) == {"contents": "read"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit(path: Path) -> None:
    workflow = load(path)
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job.get("steps", ()) if "uses" in s]
    assert uses, "no action used?"
    for action in uses:
        assert PINNED.match(action), f"{path.name}: {action} is not pinned by a full commit SHA"
    # And each pin says which version it is, for the reader and for updates.
    for line in path.read_text("utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v[0-9]+(\.[0-9]+)*$", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    for job in load(path)["jobs"].values():
        for step in job.get("steps", ()):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False
