"""Write the command-line reference (docs/cli.md) from the commands' own help."""

from __future__ import annotations

import click

from .app import build


def reference() -> str:
    cli = build("en")
    lines = [
        "# csto command reference",
        "",
        "Generated from the code by `make docs`; a test fails when it is stale.",
        "Every question accepts `--json` (the Python API's objects) and `--lang id|en|ru`.",
        "Problems print one line on stderr and exit with code 2.",
        "",
    ]
    root = cli.make_context("csto", [], resilient_parsing=True)
    for name in cli.list_commands(root):
        command = cli.get_command(root, name)
        assert command is not None
        lines += _section(command, name, root, "##")
    return "\n".join(lines)


def _section(command: click.Command, name: str, parent: click.Context, level: str) -> list[str]:
    """A command's usage, help and options; a group's commands below it."""
    lines: list[str] = []
    with click.Context(command, info_name=name, parent=parent) as ctx:
        usage = command.get_usage(ctx).replace("Usage: ", "")
        lines += [f"{level} {ctx.command_path}", "", "```", usage, "```", ""]
        lines += [(command.help or "").replace("\b\n", "").strip(), ""]
        for param in command.get_params(ctx):
            row = param.get_help_record(ctx)
            if row is not None and row[1]:
                lines.append(f"- `{row[0]}`: {row[1]}")
        lines.append("")
        if isinstance(command, click.Group):
            for child in sorted(command.commands):
                lines += _section(command.commands[child], child, ctx, level + "#")
    return lines


if __name__ == "__main__":
    print(reference(), end="")
