"""Image credit and caption markers (tui.article.credits)."""

from __future__ import annotations

import pytest

from tui.article.credits import inline_credits, match_credit


@pytest.mark.parametrize(
    ("line", "credit", "caption", "part", "media"),
    [
        ("Image source, Getty Images", "Getty Images", None, "source", "image"),
        ("image source, Reuters", "Reuters", None, "source", "image"),
        (
            "Image caption, Boats wait at the quay",
            None,
            "Boats wait at the quay",
            "caption",
            "image",
        ),
        ("Video caption, The pier at dawn", None, "The pier at dawn", "caption", "video"),
        ("Media caption, A keeper explains", None, "A keeper explains", "caption", "video"),
        (
            "Media captionA keeper explains the plan",
            None,
            "A keeper explains the plan",
            "caption",
            "video",
        ),
        ("Fuente de la imagen, EFE", "EFE", None, "source", "image"),
        ("Pie de foto, Una plaza vacía.", None, "Una plaza vacía.", "caption", "image"),
        (
            "Image copyright Getty ImagesThe fans queued for hours.",
            "Getty Images",
            "The fans queued for hours.",
            "both",
            "image",
        ),
        (
            "Image copyright AFPThe river burst its banks.",
            "AFP",
            "The river burst its banks.",
            "both",
            "image",
        ),
        (
            "Image source, PA MediaImage caption, Two swans on the lake",
            "PA Media",
            "Two swans on the lake",
            "both",
            "image",
        ),
        (
            "A ferry leaves the port on Friday. Photograph: Ann Lowe/PA",
            "Ann Lowe/PA",
            "A ferry leaves the port on Friday.",
            "both",
            "image",
        ),
        (
            "A plough clears the road on Monday. (AP Photo/Lee Hart)",
            "AP Photo/Lee Hart",
            "A plough clears the road on Monday.",
            "both",
            "image",
        ),
        (
            "Traders work on the floor in Frankfurt. REUTERS/Kai Brandt",
            "REUTERS/Kai Brandt",
            "Traders work on the floor in Frankfurt.",
            "both",
            "image",
        ),
        (
            "Der Markt ist am Morgen voll. | Max Muster/dpa",
            "Max Muster/dpa",
            "Der Markt ist am Morgen voll.",
            "both",
            "image",
        ),
        (
            "Feuerwehr im Einsatz | picture alliance",
            "picture alliance",
            "Feuerwehr im Einsatz",
            "both",
            "image",
        ),
    ],
)
def test_marker_lines(
    line: str, credit: str | None, caption: str | None, part: str, media: str
) -> None:
    m = match_credit(line)
    assert m is not None
    assert (m.credit, m.caption, m.part, m.media) == (credit, caption, part, media)


@pytest.mark.parametrize(
    "line",
    [
        "The mayor (Photo: Kim Ode) cut the ribbon on Saturday.",
        "Image captions are hard to write well, the editor said.",
        "The vote was close | the count took all night, officials said.",
        "Rents rose 4% | 2024 figures",
        "He took the photo by the harbour and posted it online.",
        "An ordinary sentence about a photograph of the harbour.",
        "",
        "x" * 5000,
    ],
)
def test_not_marker_lines(line: str) -> None:
    assert match_credit(line) is None


def test_inline_credit_is_noted() -> None:
    assert inline_credits("The mayor (Photo: Kim Ode) cut the ribbon.") == ("Kim Ode",)
    assert inline_credits("No credit here.") == ()
