"""A test-only rule, so that the editors' workflow tests (baselines, --diff-only, reports) do not
depend on what the real rules find.

TC900 ``test-marker`` reports every occurrence of the word ``Taleban``. In-process tests use the
``fake_rule`` fixture (registered for one test, then removed so the real registry stays clean);
subprocess tests run the real CLI through :func:`run_cli_with_fake_rule`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.model import Scope, Severity
from checker.registry import _REGISTRY, Rule, RuleDoc, register

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
WORD = re.compile(r"\bTaleban\b")


class MarkerRule(Rule):
    code = "TC900"
    name = "test-marker"
    category = "style"
    severity = Severity.WARNING
    scope = Scope.DOCUMENT
    doc = RuleDoc(
        summary="Test only: reports the word Taleban.",
        why="Gives the workflow tests findings that do not depend on the real rules.",
        bad="The Taleban said so.",
        good="The Taliban said so.",
    )

    def check_document(self, doc, ctx):
        for match in WORD.finditer(doc.prose):
            yield self.finding(doc, match.start(), match.end(), 'Test marker "Taleban".', suggestions=["Taliban"])


def install() -> None:
    register(MarkerRule)


def uninstall() -> None:
    _REGISTRY.pop(MarkerRule.code, None)


@pytest.fixture
def fake_rule():
    """TC900 registered for the duration of one test."""
    install()
    try:
        yield MarkerRule
    finally:
        uninstall()


_RUNNER = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); import fake_rules; fake_rules.install(); "
    "from checker.cli import main; sys.exit(main(sys.argv[1:]))"
)


def run_cli_with_fake_rule(*args: str, cwd: Path | None = None, select_fake: bool = True,
                           stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess, with TC900 registered (and, by default, the only rule selected)."""
    extra = ["--select", "TC900"] if select_fake and args and args[0] == "check" else []
    return subprocess.run(
        [sys.executable, "-c", _RUNNER, str(TESTS), *args, *extra],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        env={**os.environ, "NO_COLOR": "1",
             "PYTHONPATH": os.pathsep.join(p for p in [str(REPO), os.environ.get("PYTHONPATH", "")] if p)},
        timeout=120,
    )
