"""The REST API under schemathesis with a larger budget than the test suite's: server
errors and responses outside their documented shape, which must be none."""

from __future__ import annotations

import sys
import time
from pathlib import Path

EXAMPLES = 150
"""Examples per operation (the test suite draws 15)."""


def report() -> bool:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.fuzzing import failures

    start = time.perf_counter()
    found = failures(EXAMPLES)
    print(f"fuzzing  schemathesis, {EXAMPLES} examples per operation: {len(found)} operations "
          f"with a server error or an undocumented response ({time.perf_counter() - start:.0f} s;"
          " target 0)")
    for failure in found[:5]:
        print(f"         {failure[:300]}")
    return not found
