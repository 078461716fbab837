"""schemathesis over the whole REST API: shared by the test suite (a small budget) and
``make bench`` (a larger one)."""

from __future__ import annotations

from typing import Any


def failures(max_examples: int) -> list[str]:
    """What went wrong, operation by operation: a 5xx, or a response (answer or error)
    outside its documented shape.

    Its check that every schema-valid request succeeds is left out: parameters that depend
    on each other (an aggressor other than the victim, an article its document has) cannot
    be stated in the schema, and refusing them with a 4xx is the documented behaviour."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    from csto.web import create_app

    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app())
    found = []
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]

        @settings(max_examples=max_examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text)
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Exception as exc:  # collected so that one run reports every operation
            found.append(f"{operation.label}: {exc}")
    return found
