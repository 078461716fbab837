"""The REST API under schemathesis with a larger budget than the test suite's: server
errors and responses outside their documented shape, which must be none."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from common import line, note

EXAMPLES = 150
"""Examples per operation (the test suite draws 15)."""


def report() -> bool:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.fuzzing import failures

    start = time.perf_counter()
    found = failures(EXAMPLES)
    took = time.perf_counter() - start
    ok = line("fuzzing", f"schemathesis, {EXAMPLES} examples per operation ({took:.0f} s): "
              f"{len(found)} operations with a server error or an undocumented response",
              "0", not found)
    for failure in found[:5]:
        note("fuzzing", failure[:300])
    return ok
