"""Newsletter and syndication footers: story-tip calls, subscription notices, republication
licences and sign-up teasers (whole lines, folded as boilerplate by the parser).

Each phrase below is a promotion or a notice, not something a news story says about the world:
"unsubscribe at any time", "delivered to your inbox", "republished under a Creative Commons
licence". A cheap case-sensitive prefilter on word stems keeps body lines away from the pattern.
"""

from __future__ import annotations

import re

__all__ = ["is_footer"]

_FOOTER = re.compile(
    r"\bunsubscribe (?:here|at any time|from (?:this|these|our|future))\b"
    r"|\bclick (?:here )?to unsubscribe\b|^(?:to )?unsubscribe\b"
    r"|\byou(?:'re|’re| are) receiving this (?:email|newsletter|message|because)\b"
    r"|\b(?:manage|update) your (?:email )?(?:subscriptions?|preferences|newsletters?)\b"
    r"|\bforwarded this (?:email|newsletter)\b|\bwas forwarded to you\b"
    r"|\bview (?:this email |it )?in (?:your|a) browser\b"
    r"|\b(?:sign up|subscribe)(?: now| today| here)? (?:to|for) (?:our|the|this|my)\b.{0,50}"
    r"\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,60}\b(?:(?:in|to) your inbox|every (?:morning|evening|week|weekday"
    r"|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"|\b(?:get|receive) (?:our|the) .{0,40}\bnewsletters?\b"
    r"|\bdelivered (?:straight |directly )?to your inbox\b"
    r"|^(?:enjoy(?:ed|ing)?|like[ds]?|lov(?:e|ed|ing)) (?:this|what you)\b.{0,80}"
    r"\b(?:sign[ -]up|subscribe|newsletter)"
    r"|^want (?:more|to read more)\b.{0,80}\b(?:sign[ -]up|subscribe|newsletter)"
    r"|^(?:free )?newsletters?\s*:"
    r"|\b(?:have|got) a (?:news |story )?(?:tip|story)(?: for us)?\?"
    r"|\b(?:send|email|share)(?: us)?(?: your)? (?:news |story )tips?\b|^(?:news |story )?tips?\s*:"
    r"|\btips?@"
    r"|\brepublished (?:from|here|with permission|under)\b"
    r"|\b(?:originally )?(?:published|produced) by .{1,60}? and (?:is )?(?:republished|reprinted)\b"
    r"|\bunder (?:a )?creative commons\b|\bcreative commons (?:attribution|licen[cs]e)\b"
    r"|\brepublish (?:this|our) (?:article|story|content)\b"
    r"|\b(?:this|the) (?:article|story) (?:is|was|has been) (?:republished|reprinted|syndicated)\b",
    re.IGNORECASE,
)


_FOOTER_MAX = 200
"""The longest footer line: notices are a sentence or two, body paragraphs run longer."""


def is_footer(s: str) -> bool:
    """Tell whether a stripped line is a newsletter or syndication footer.

    Args:
        s: The line, stripped.

    Returns:
        True for story-tip calls, (un)subscription notices, republication licences and
        newsletter sign-up teasers.
    """
    if len(s) > _FOOTER_MAX:
        return False
    # Every footer holds one of these stems (as written in any capitalisation). One plain
    # substring test each, unrolled: most lines hold none, and a generator costs more than all.
    stem = (
        "ubscri" in s
        or "ewsletter" in s
        or "epublish" in s
        or "reative" in s
        or "nbox" in s
        or " tip" in s
        or "Tip" in s
        or "rowser" in s
        or "orward" in s
        or "ign up" in s
        or "ign-up" in s
        or "eceiving" in s
        or "references" in s
    )
    return stem and _FOOTER.search(s) is not None
