"""uvicorn with every thread under cProfile (sync endpoints run in worker threads, which `-m cProfile` misses).

python bench/profiled_server.py OUT.prof FACTORY PORT      (stats of all threads merged into OUT.prof)
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import threading
from types import FrameType
from typing import Any

import uvicorn

profiles: list[cProfile.Profile] = []


def _start_profiling(frame: FrameType, event: str, arg: Any) -> None:
    """Runs once in each new thread: hand the thread to its own profiler."""
    sys.setprofile(None)
    profile = cProfile.Profile()
    profiles.append(profile)
    profile.enable()


def main() -> None:
    out, factory, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    main_profile = cProfile.Profile()
    profiles.append(main_profile)
    threading.setprofile(_start_profiling)
    main_profile.enable()
    try:
        uvicorn.run(factory, factory=True, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    finally:
        main_profile.disable()
        stats = pstats.Stats(profiles[0])
        for profile in profiles[1:]:
            stats.add(profile)
        stats.dump_stats(out)


if __name__ == "__main__":
    main()
