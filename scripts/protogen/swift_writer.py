"""A line writer that produces code already in the repository's swift-format style (4 spaces, 120 columns)."""

from __future__ import annotations

LINE_LIMIT = 120
INDENT = "    "


class Writer:
    """Collects lines at an indentation level; wraps calls that do not fit the way swift-format does."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.level = 0

    def __call__(self, text: str = "") -> None:
        self.lines.append(INDENT * self.level + text if text else "")

    def open(self, text: str) -> None:
        self(text + " {")
        self.level += 1

    def open_function(self, head: str, params: list[str], tail: str) -> None:
        """`func name(` + params + `) tail {`, on one line or one parameter per line if too long."""
        single = f"{head}{', '.join(params)}){tail} {{"
        if len(INDENT * self.level + single) <= LINE_LIMIT:
            self(single)
        else:
            self(head)
            self.level += 1
            for index, param in enumerate(params):
                self(param + ("," if index < len(params) - 1 else ""))
            self.level -= 1
            self(f"){tail} {{")
        self.level += 1

    def close(self, text: str = "}") -> None:
        self.level -= 1
        self(text)

    def open_switch(self, subject: str) -> None:
        self(f"switch {subject} {{")

    def case(self, label: str, *body: str) -> None:
        self(label)
        for line in body:
            self(INDENT + line)

    def call(self, head: str, args: list[str], tail: str = ")") -> None:
        """`head` ends with `(`; writes `head args tail` on one line, or one argument per line if too long."""
        single = f"{head}{', '.join(args)}{tail}"
        if len(INDENT * self.level + single) <= LINE_LIMIT or not args:
            self(single)
            return
        self(head)
        self.level += 1
        # Multi-line collection literals end with a comma (swift-format's TrailingComma); argument lists do not.
        last_comma = "," if tail.startswith("]") else ""
        for index, arg in enumerate(args):
            self(arg + ("," if index < len(args) - 1 else last_comma))
        self.level -= 1
        self(tail)

    def doc(self, comment: str) -> None:
        text = comment.strip("\n")
        if not text:
            return
        for line in text.split("\n"):
            line = line[1:] if line.startswith(" ") else line
            self(f"/// {line}".rstrip())
