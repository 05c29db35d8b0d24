"""The GitHub Pages workflow: pinned actions, least privilege, bounded jobs, tests first."""

from __future__ import annotations

import re

import yaml

from sitebuild import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_every_action_is_pinned_to_a_commit():
    for job, spec in load()["jobs"].items():
        for step in spec["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), (job, step)


def test_only_the_deploy_job_may_write():
    workflow = load()
    assert workflow["permissions"] == {"contents": "read"}
    for job, spec in workflow["jobs"].items():
        if job == "deploy":
            assert spec["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "permissions" not in spec, job


def test_every_job_has_a_time_limit():
    for job, spec in load()["jobs"].items():
        assert 0 < spec["timeout-minutes"] <= 60, job


def test_nothing_is_deployed_unless_the_tests_pass():
    jobs = load()["jobs"]
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"
