"""ToggleFooter: Textual's footer, with on/off labels that keep their width."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not re-exported; its labels are updated in place

__all__ = ["ToggleFooter", "footer_label"]


def footer_label(description: str) -> str:
    """The footer's form of a binding's label: ``…: on`` gets a space to match ``…: off``.

    A key whose label keeps its width can be repainted alone; a wider or narrower one makes
    Textual lay out and repaint the whole screen (the sidebar and pane too) on every toggle.

    Args:
        description: The binding's description ("Quotes: on").

    Returns:
        The label to show.
    """
    return description + " " if description.endswith(": on") else description


class ToggleFooter(Footer):
    """Textual's footer, showing toggle labels in their fixed-width form (:func:`footer_label`)."""

    # The compact footer gives every key a one-cell right margin, the palette key too: docked
    # right, it then stopped a cell short of the edge, and whatever key was scrolled beneath
    # showed through there ("^p paletteu" at 60 columns). The cell is padding instead.
    DEFAULT_CSS = """
    ToggleFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
        padding-right: 1;
    }
    """

    def compose(self) -> ComposeResult:
        """Compose Textual's keys, then widen each ``…: on`` label by one space."""
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = footer_label(widget.description)
            yield widget

    def relabel(self, labels: dict[str, str]) -> bool:
        """Show new labels on the keys of the given actions, in place.

        Args:
            labels: The new description (unpadded) by action name.

        Returns:
            False when the keys are not composed yet (the caller refreshes the bindings).
        """
        keys = list(self.query(FooterKey))
        if not keys:
            return False
        for key in keys:
            label = labels.get(key.action)
            if label is None or not key.description:
                continue
            shown = footer_label(label)
            if key.description != shown:
                wider = len(shown) != len(key.description)
                key.description = shown
                key.refresh(layout=wider)
        return True
