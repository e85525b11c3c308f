"""The recogniser is loaded on the first check, once per process: importing the CLI or the check brings no
spaCy, so `lipp --help` and commands that check no text stay fast."""

from __future__ import annotations

import subprocess
import sys

IMPORT_ONLY = (
    "import sys; import lipp.interfaces.cli.main, lipp.domain.redaction.checker, lipp.domain.review.sharing_steps; "
    "print(sorted(m for m in ('spacy', 'thinc', 'srsly') if m in sys.modules))"
)
CHECK_TWICE = (
    "import sys; from lipp.domain.redaction.checker import check_text; from lipp.domain.redaction.model import "
    "pipeline; check_text('The GP saw daughter mei.'); first = pipeline(); check_text('Padraig and Sultana.'); "
    "print('spacy' in sys.modules, pipeline() is first)"
)


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_importing_the_cli_and_the_check_loads_no_model() -> None:
    assert _run(IMPORT_ONLY) == "[]"


def test_the_first_check_loads_the_model_and_later_checks_reuse_it() -> None:
    assert _run(CHECK_TWICE) == "True True"
