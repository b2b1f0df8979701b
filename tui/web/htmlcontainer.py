"""Where a page's article is, and which elements around or inside it are not article text.

:func:`choose_container` scores elements by the paragraph text they hold directly (the
readability idea: the length of each ``<p>``'s text less its link text, all of it to the
parent, half to the grandparent), then prefers the ``<article>``, ``[itemprop=articleBody]``
or ``<main>`` holding the best one. :func:`is_boilerplate` says whether an element is
navigation, a share bar, a promo, related links, a cookie banner and the like, by its tag,
ARIA role, class, id and ``data-`` names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.web.htmldoc import tag_of, words_of

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["choose_container", "is_boilerplate"]

_BOILER_TAGS = frozenset({"nav", "aside", "footer", "form", "menu", "dialog"})
_BOILER_ROLES = frozenset(
    {"navigation", "complementary", "contentinfo", "dialog", "alertdialog", "menu", "menubar",
     "search", "toolbar", "banner"}
)  # fmt: skip


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BOILER_WORDS = _wordset(
    "share sharing sharebar social related promo promos promotion newsletter newsletters "
    "cookie cookies consent gdpr advert adverts advertisement ad ads adslot sponsor sponsored "
    "subscribe subscription signup sidebar comment comments recommended recommendations "
    "breadcrumb breadcrumbs toolbar popup modal paywall outbrain taboola nav navigation menu "
    "footer masthead skiplink skiplinks topics tags taglist trending mostread onward onwards"
)
_MIN_PARAGRAPH = 25
"""Characters a ``<p>`` needs to count towards its parent's score."""


def is_boilerplate(element: HtmlElement) -> bool:
    """Tell whether an element is page furniture rather than article text.

    Args:
        element: Any element (not the article container or one of its ancestors).

    Returns:
        True for ``nav``/``aside``/``footer``/``form``/``menu``/``dialog``, navigation and
        other furniture roles, elements marked ``hidden``, and elements whose class, id,
        role or ``data-component`` names a share bar, promo, related links, cookie banner,
        advert, newsletter box and the like.
    """
    if tag_of(element) in _BOILER_TAGS or element.get("hidden") is not None:
        return True
    if str(element.get("role", "")).strip().lower() in _BOILER_ROLES:
        return True
    words = words_of(element)
    return bool(words) and not words.isdisjoint(_BOILER_WORDS)


def _in_boilerplate(
    element: HtmlElement, body: HtmlElement, known: dict[HtmlElement, bool]
) -> bool:
    """Whether an ancestor below ``body`` is furniture (``known`` remembers the answers)."""
    # Iterative: a page nested thousands deep must not exhaust the stack.
    chain: list[HtmlElement] = []
    node = element.getparent()
    answer = False
    while node is not None and node is not body:
        if node in known:
            answer = known[node]
            break
        chain.append(node)
        node = node.getparent()
    for node in reversed(chain):  # outermost first: furniture is inherited downwards
        answer = answer or is_boilerplate(node)
        known[node] = answer
    return answer


def _scores(body: HtmlElement) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}
    known: dict[HtmlElement, bool] = {}
    for p in body.iter("p"):
        length = len(" ".join(p.text_content().split()))
        if length < _MIN_PARAGRAPH or _in_boilerplate(p, body, known):
            continue
        linked = sum(len(" ".join(a.text_content().split())) for a in p.iter("a"))
        value = length * max(0.0, 1.0 - linked / length)
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + value
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + value / 2
    return scores


def _is_article(element: HtmlElement) -> bool:
    return tag_of(element) == "article"


def _is_article_body(element: HtmlElement) -> bool:
    return "articlebody" in str(element.get("itemprop", "")).lower().split()


def _is_main(element: HtmlElement) -> bool:
    return tag_of(element) == "main" or str(element.get("role", "")).lower() == "main"


def choose_container(body: HtmlElement) -> HtmlElement:
    """Pick the element holding the article.

    Args:
        body: The document's ``<body>``.

    Returns:
        The ``<article>``, ``[itemprop=articleBody]`` or ``<main>`` (in that order of
        preference) around the element with the most paragraph text, else that element;
        with no paragraph text at all, the first of those three kinds, else ``body``.
    """
    scores = _scores(body)
    best = max(scores, key=scores.__getitem__) if scores else None
    if best is not None and scores[best] > 0:
        chain = [best, *best.iterancestors()]
        for test in (_is_article, _is_article_body, _is_main):
            for element in chain:
                if element is body:
                    break
                if test(element):
                    return element
        return best
    for element in body.iter("article"):
        return element
    for element in body.iter():
        if isinstance(element.tag, str) and (_is_article_body(element) or _is_main(element)):
            return element
    return body
