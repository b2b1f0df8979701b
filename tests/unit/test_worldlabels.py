"""BBC language-service labels: the generated table, and every label recognised as printed."""

from __future__ import annotations

import csv
import importlib.util
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import REPO
from tui.article.bbc_labels import LABELS
from tui.article.textlines import scan
from tui.article.worldlabels import classify

TSV = REPO.parent / "shared" / "data" / "bbc_labels.tsv"
GENERATOR = REPO / "tools" / "gen_bbc_labels.py"
needs_tsv = pytest.mark.skipif(not TSV.exists(), reason="../shared/data/bbc_labels.tsv absent")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_bbc_labels", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tsv_rows() -> list[dict[str, str]]:
    if not TSV.exists():
        return []
    with TSV.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["label_name"] != "byline.*"]


@needs_tsv
def test_generated_module_is_up_to_date() -> None:
    gen = _generator()
    expected = gen.render(gen.read_rows(TSV))
    actual = (REPO / "tui" / "article" / "bbc_labels.py").read_text(encoding="utf-8")
    assert actual == expected, "run: python tools/gen_bbc_labels.py"


@pytest.mark.parametrize(
    ("raw", "label", "glued"),
    [
        ("Image source, ", "image source", False),
        ("صدر الصورة، ", "صدر الصورة", False),  # Arabic comma
        ("图像来源，", "图像来源", False),  # full-width comma, no space
        ("،تصویر کا ذریعہ", "تصویر کا ذریعہ", True),  # Urdu: comma first
        ("ඡායාරූප මූලාශ්\u200dරය, ", "ඡායාරූප මූලාශ්රය", False),  # zero-width joiner
        ("Audio caption", "audio caption", True),
        ("Keterangan audio,", "keterangan audio", False),
    ],
)
def test_generator_normalises_the_quirks(raw: str, label: str, glued: bool) -> None:
    gen = _generator()
    assert gen.normalise(raw) == (label, glued)


def test_table_covers_every_kind() -> None:
    kinds = {kind for _, kind, _ in LABELS}
    assert kinds >= {
        "image-source",
        "image-caption",
        "video-caption",
        "audio-caption",
        "caption",
        "author",
        "role",
        "reporting-from",
        "published",
        "article-information",
    }


_MEDIA = {
    "imageCopyrightOffscreenText": ("credit", "source"),
    "imageCaptionOffscreenText": ("credit", "caption"),
    "videoCaptionOffscreenText": ("credit", "caption"),
    "audioCaptionOffscreenText": ("credit", "caption"),
    "defaultCaptionOffscreenText": ("credit", "caption"),
}


@needs_tsv
@pytest.mark.parametrize(
    "row", _tsv_rows(), ids=lambda r: f"{r['service']}-{r['variant']}-{r['label_name']}"
)
def test_every_tsv_label_is_recognised_as_printed(row: dict[str, str]) -> None:
    """Each label exactly as the renderer prints it (the TSV's string), text following."""
    string, name = row["string"], row["label_name"]
    if name in _MEDIA:
        line = f"{string}Ndoto Kabila"  # the label's own separator, or none (glued)
        found = classify(line.strip())
        assert found is not None
        kind, credit, _, _ = found
        assert (kind, credit.part if credit else None) == _MEDIA[name]
        assert credit is not None
        assert (credit.credit or credit.caption) == "Ndoto Kabila"
    elif name == "byline.published":
        found = classify(f"- {string} 14.03.2025")
        assert found is not None and found[0] == "published" and found[3] == "14.03.2025"
    elif name in ("byline.articleInformation", "byline.listItemImage"):
        found = classify(string)
        assert found is not None and found[0] == "chrome"
    else:
        found = classify(f"- {string}, Ndoto Kabila")
        assert found is not None and found[0] == "byline"
        byline = found[2]
        assert byline is not None
        expected = {"byline.author": "author", "byline.role": "role"}.get(name, "other")
        assert byline.kind == expected


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("منبع تصویر، Getty Images", "source", "Getty Images"),
        ("منبع تصویر،Getty Images", "source", "Getty Images"),
        ("منبع تصویر ، Getty Images", "source", "Getty Images"),
        ("توضیح تصویر، قایق‌های ماهیگیری در بندر", "caption", "قایق‌های ماهیگیری در بندر"),
        ("ඡායාරූප මූලාශ්රය, Getty Images", "source", "Getty Images"),  # joiner lost
        ("图像来源，Getty Images", "source", "Getty Images"),
        ("圖像加註文字，港口的漁船", "caption", "港口的漁船"),
        ("Автор фото, Getty Images", "source", "Getty Images"),
        ("इमेज स्रोत, Getty Images", "source", "Getty Images"),
        ("Fotoğraf altı yazısı, Limanda balıkçı tekneleri", "caption", "Limanda balıkçı tekneleri"),
        ("تصویر کا ذریعہ، Getty Images", "source", "Getty Images"),  # Urdu, comma after
        ("Audio captionThe mayor spoke to reporters", "caption", "The mayor spoke to reporters"),
        ("Légende vidéo, Des bateaux au port", "caption", "Des bateaux au port"),
    ],
)
def test_media_labels_in_their_printed_variants(line: str, kind: str, value: str) -> None:
    found = classify(line)
    assert found is not None
    credit = found[1]
    assert credit is not None
    assert credit.part == kind
    assert (credit.credit if kind == "source" else credit.caption) == value


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("- نویسنده، مریم کاظمی", ("مریم کاظمی",)),
        ("- Автор, Анна Белова и Олег Сомов", ("Анна Белова", "Олег Сомов")),
        ("- Autor, Ioana Marin", ("Ioana Marin",)),
    ],
)
def test_author_labels_name_their_authors(line: str, names: tuple[str, ...]) -> None:
    found = classify(line)
    assert found is not None and found[2] is not None
    assert found[2].names == names


@pytest.mark.parametrize(
    "line",
    [
        "Autorka książki mówi, że to koniec.",  # a label's letters opening a longer word
        "Kaynak olarak gösterilen belge sahte çıktı.",  # a label's word, no separator
        "در این شهر هیچ‌کس منتظر باران نبود.",  # "در" (reporting from) as a preposition
        "Опубликовано исследование о рыбаках.",  # published, but no date follows
        "О статье написали многие газеты.",  # article information, but text follows
        "Image of a harbour at dusk",  # "image of author" needs its whole label
    ],
)
def test_body_text_opening_with_a_labels_words_is_not_a_label(line: str) -> None:
    assert classify(line) is None


@given(st.text(max_size=80))
def test_classify_never_raises(text: str) -> None:
    classify(text.strip())


def test_scan_classifies_world_labels() -> None:
    lines = ["Заголовок", "Автор фото, Getty Images", "- Автор, Анна Белова", "Текст статьи."]
    kinds = [it.kind for it in scan(lines)]
    assert kinds == ["text", "credit", "byline", "text"]
