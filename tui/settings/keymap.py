"""Key strings in the ``[keymap]`` config section: what Textual can report, and clashes.

Pure checks (no app needed): the app describes its bindings as :class:`BindingInfo` values and
the config passes them in, so this module never imports the app. A key Textual could never
report (``"ctrl+"``, ``"foo bar"``) would silently never fire, hence the strictness.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType
from textual.keys import KEY_TO_UNICODE_NAME, REPLACED_KEYS, Keys, _character_to_key

from tui.article.records import record
from tui.settings.config_source import quote

__all__ = [
    "MODIFIERS",
    "BindingInfo",
    "Clash",
    "binding_infos",
    "check_keys",
    "find_clashes",
    "is_key_name",
]

MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
"""Modifier names Textual reports, in the (sorted) order it joins them in a key event."""

KEY_HELP = (
    'use one character ("j", "?"), or a key name such as "down", "pageup", "f5", "space", '
    '"question_mark", optionally after modifiers: "ctrl+f", "alt+shift+up"'
)
"""How to write a key, appended to messages about bad ones."""


@record
class BindingInfo:
    """What the app tells the config about one of its bindings (so config stays app-free)."""

    id: str
    """The binding id, as used in ``[keymap]`` (kebab-case)."""
    default_key: str
    """The default key string, possibly comma-separated."""
    scope: str
    """Where the binding lives (``app``, ``reader``…); clashes matter within one scope."""
    description: str
    """What the binding does, for the commented default config and ``--bindings``."""


@record
class Clash:
    """A key of a user-bound binding that another binding also uses."""

    binding_id: str
    """The ``[keymap]`` entry at fault."""
    message: str
    """What clashes with what."""
    is_error: bool
    """``True`` within one scope (one binding would be dead), ``False`` for a warning."""


def _named_keys() -> frozenset[str]:
    """Key names Textual produces for non-character keys (``down``, ``pageup``, ``f5``…)."""
    names = {key.value.rpartition("+")[2] for key in Keys}
    try:  # Keys the kitty protocol adds (media keys, keypad); a private module, so optional.
        from textual._keyboard_protocol import FUNCTIONAL_KEYS
    except ImportError:  # pragma: no cover
        pass
    else:
        names.update(FUNCTIONAL_KEYS.values())
    return frozenset(name for name in names if re.fullmatch(r"[a-z0-9_]{2,}", name))


_NAMED_KEYS = _named_keys()


def is_key_name(name: str) -> bool:
    """Whether Textual can report ``name`` as a key (without modifiers).

    Args:
        name: A single character, or a name like ``pageup`` or ``question_mark``.

    Returns:
        ``True`` if a key press can produce it.
    """
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in _NAMED_KEYS:
        return True
    # Character names ("question_mark", "slash") are what Textual makes of punctuation.
    original = REPLACED_KEYS.get(name, name)
    unicode_name = KEY_TO_UNICODE_NAME.get(original, original.replace("_", " ").upper())
    try:
        char = unicodedata.lookup(unicode_name)
    except KeyError:
        return False
    return char.isprintable() and not char.isspace() and _character_to_key(char) == name


def _check_key(key: str) -> tuple[str, str | None]:
    """Check one key such as ``ctrl+shift+x``; return its canonical form, or an error."""
    if key == "+":
        parts = ["+"]
    elif key.endswith("++"):
        parts = [*key[:-2].split("+"), "+"]
    else:
        parts = key.split("+")
    *modifiers, base = parts
    if not base:
        return "", f'invalid key {quote(key)}: nothing after "+" (write "plus" for the + key)'
    unknown = [name for name in modifiers if name not in MODIFIERS]
    if unknown:
        known = ", ".join(MODIFIERS)
        return "", (
            f"invalid key {quote(key)}: unknown modifier {quote(unknown[0])} (modifiers: {known})"
        )
    if len(set(modifiers)) != len(modifiers):
        return "", f"invalid key {quote(key)}: a modifier is repeated"
    if not is_key_name(base):
        return "", f"invalid key {quote(key)}: {quote(base)} is not a key; {KEY_HELP}"
    # Textual names punctuation ("?" -> "question_mark") and sorts modifiers in key events.
    name = _character_to_key(base) if len(base) == 1 else base
    return "+".join([*sorted(modifiers), name]), None


def check_keys(text: str) -> tuple[tuple[str, ...], str | None]:
    """Check a comma-separated key list as written in ``[keymap]``.

    Args:
        text: Such as ``"j,down"`` or ``"ctrl+shift+f"``.

    Returns:
        The keys in the form Textual reports them (``"?"`` → ``"question_mark"``, modifiers
        sorted) and ``None``; or ``()`` and a message for the first bad key.
    """
    keys: list[str] = []
    for raw in text.split(","):
        key = raw.strip()
        if not key:
            if "," in text:
                return (), f'empty key in {quote(text)} (write "comma" for the , key)'
            return (), f"no key given; {KEY_HELP}"
        canonical, problem = _check_key(key)
        if problem:
            return (), problem
        keys.append(canonical)
    return tuple(keys), None


def find_clashes(
    keymap: Mapping[str, tuple[str, ...]], bindings: Mapping[str, BindingInfo]
) -> list[Clash]:
    """Find keys the user bound that another binding also uses.

    Args:
        keymap: Valid ``[keymap]`` entries: binding id → canonical keys (from
            :func:`check_keys`); every id must be in ``bindings``.
        bindings: The app's bindings by id, with default keys and scopes.

    Returns:
        An error for each key bound twice within one scope; a warning for a key bound in
        another scope too, and for a key that was the default of a binding the user moved.
    """
    defaults = {bid: check_keys(info.default_key)[0] for bid, info in bindings.items()}
    effective = {bid: keymap.get(bid, defaults[bid]) for bid in bindings}
    owners: dict[str, list[str]] = {}
    for binding_id, keys in effective.items():
        for key in dict.fromkeys(keys):
            owners.setdefault(key, []).append(binding_id)
    clashes: list[Clash] = []
    for binding_id, keys in keymap.items():
        scope = bindings[binding_id].scope
        for key in dict.fromkeys(keys):
            for other in owners[key]:
                other_scope = bindings[other].scope
                if other == binding_id:
                    continue
                if other_scope == scope:
                    message = (
                        f'key "{key}" is also bound to {other} in scope "{scope}"; '
                        "bind one of them to another key"
                    )
                else:
                    message = (
                        f'key "{key}" is also bound to {other} in scope "{other_scope}"; '
                        "where both apply, the focused one wins"
                    )
                clashes.append(Clash(binding_id, message, other_scope == scope))
            for other, moved_to in keymap.items():
                if other != binding_id and key in defaults[other] and other not in owners[key]:
                    message = (
                        f'key "{key}" is the default of {other}, which you rebound to '
                        f'"{",".join(moved_to)}"'
                    )
                    clashes.append(Clash(binding_id, message, False))
    return clashes


def binding_infos(scopes: Mapping[str, Iterable[BindingType]]) -> dict[str, BindingInfo]:
    """Describe Textual bindings for the config, e.g. ``{"app": NewsreadApp.BINDINGS, …}``.

    Args:
        scopes: Scope name → the ``BINDINGS`` of the class that owns that scope.

    Returns:
        Binding id → info, for every binding that has an id (a comma-separated key string
        gives one entry holding all its keys).
    """
    infos: dict[str, BindingInfo] = {}
    for scope, bindings in scopes.items():
        for binding in Binding.make_bindings(bindings):
            if binding.id is None:
                continue
            known = infos.get(binding.id)
            keys = f"{known.default_key},{binding.key}" if known else binding.key
            description = binding.tooltip or binding.description or binding.action
            infos[binding.id] = BindingInfo(binding.id, keys, scope, description)
    return infos
