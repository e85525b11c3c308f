"""Running the real CLI entry point in-process: its exit code and what it printed, as a user would see it."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from unittest import mock

from lipp.interfaces.cli.main import main


@dataclass(frozen=True)
class Ran:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(args: Sequence[str], env: Mapping[str, str]) -> Ran:
    """`lipp ARGS` through `main()` (the one boundary that turns errors into exit codes), in this process."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with (
        mock.patch.dict(os.environ, dict(env)),
        mock.patch.object(sys, "argv", ["lipp", *args]),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Ran(code, out.getvalue(), err.getvalue())
