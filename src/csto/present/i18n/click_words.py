"""Click's own words that csto shows (help headings, usage errors), listed here so that
``make i18n`` extracts them into our catalogs; ``_cli_app`` has Click look them up there.
The ids are Click's, character for character."""

from __future__ import annotations

N_ = str

WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Missing command."),
    N_("Option {name!r} requires an argument."),
    N_("Option {name!r} does not take a value."),
    N_("Did you mean {possibility}?"),
    N_("(Did you mean one of: {possibilities}?)"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("directory"),
    N_("default: {default}"),
    N_("required"),
    N_("Error: {message}"),
)
