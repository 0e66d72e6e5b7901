"""Every sentence a merchant may read from an error goes through a marked template, so that no new
English sneaks past the translators: an error whose message `errors.user_message` shows as it is
(ConfigError and its kin, ClientError, a network problem's detail) is made from `tr("…")` (lupdate
extracts it with an empty context; `errors.english` imported as `tr` where the text is kept in English),
filled with `.format(...)`, never from a bare literal or an f-string."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "loyalty_desktop"
# Errors whose message reaches the reader (user_message's fallback, or a {detail} in its sentence).
SHOWN = {"ConfigError", "ClientError", "LoyaltyError", "NetworkError", "TlsProxyError", "SplioApiError",
         "ProgramTableError", "SpreadsheetError"}


def _marked(node: ast.AST) -> bool:
    """`tr("…")` or `self.tr("…")`, possibly `.format(...)`-ed."""
    if isinstance(node, ast.Call):
        f = node.func
        if (isinstance(f, ast.Name) and f.id == "tr") or (isinstance(f, ast.Attribute) and f.attr == "tr"):
            return True
    return False


def _bare_texts(node: ast.AST) -> Iterator[ast.AST]:
    """English outside any tr(...): an f-string or a literal with letters in it."""
    if _marked(node):
        return
    if isinstance(node, ast.Subscript):  # p["message"]: a key, not a sentence
        yield from _bare_texts(node.value)
        return
    if isinstance(node, ast.JoinedStr):  # an f-string of words (f"{n:,}" alone is a value)
        if any(isinstance(v, ast.Constant) and any(c.isalpha() for c in str(v.value)) for v in node.values):
            yield node
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(c.isalpha() for c in node.value):
        yield node
        return
    for child in ast.iter_child_nodes(node):
        yield from _bare_texts(child)


# Where the message is among the positional arguments (SpreadsheetError(problem, path, message)).
MESSAGE_AT = {"SpreadsheetError": 2}


def _message(call: ast.Call) -> ast.AST | None:
    f = call.func
    at = MESSAGE_AT.get(f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else "", 0)
    if len(call.args) > at:
        return call.args[at]
    return next((k.value for k in call.keywords if k.arg == "message"), None)


def offenders() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            msg = _message(node)
            if name in SHOWN and msg is not None:
                for bare in _bare_texts(msg):
                    line = getattr(bare, "lineno", node.lineno)
                    out.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name}({ast.unparse(bare)[:70]}…)")
    return out


def test_every_shown_error_is_made_from_a_marked_template() -> None:
    found = offenders()
    assert not found, ("errors shown to merchants must be made from tr(\"…\").format(...) (core.errors.english "
                       "imported as tr outside the CLI):\n" + "\n".join(found))


def _messages_of(source: str) -> list[ast.AST]:
    calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id in SHOWN]
    return [m for c in calls if (m := _message(c)) is not None]


def test_the_scan_finds_what_it_must() -> None:
    bad = _messages_of('raise ConfigError(f"No {x} key")\nraise ConfigError("plain " + y)\n'
                       'return ClientError(message="Klaviyo said no")')
    good = _messages_of('raise ConfigError(tr("No {x} key").format(x=x))\nraise ConfigError(" ".join(p))\n'
                        'raise ConfigError(self.tr("Nothing to {do}").format(do=d))')
    assert len(bad) == 3 and all(list(_bare_texts(m)) for m in bad)
    assert len(good) == 3 and not any(list(_bare_texts(m)) for m in good)
