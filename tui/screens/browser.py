"""Handing an address to the user's web browser without blocking or breaking the screen.

``webbrowser.get()`` (which may run ``xdg-settings``) and the launch run in a thread worker, so
a slow browser start never stalls a key. Two kinds of browser are told apart:

- a **graphical** one is started detached; when it is Python's plain ``BackgroundBrowser``
  (``xdg-open``, ``gio``, a ``BROWSER=cmd &`` entry) it is started here with its standard
  streams on ``/dev/null``, because the one Python starts inherits the terminal and its
  messages ("Gtk-Message: …") would be drawn over the screen;
- a **console** one (lynx, w3m, links, elinks, ``www-browser``, and any ``BROWSER`` command
  Python does not know, which it runs in the foreground) needs the terminal: the app is
  suspended (``App.suspend``) while it runs and comes back when it exits. Where the terminal
  cannot be handed over (Textual Web, a test harness) it is refused with a message.

Addresses never pass through a shell: every launcher runs an argument list. Only http, https
and mailto addresses are opened (:func:`tui.article.links.is_openable`).
"""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

from tui.article.links import is_openable, shorten_url

if TYPE_CHECKING:  # imported when a key asks for the browser, not before the first frame
    import webbrowser

__all__ = ["NOTICE_WIDTH", "is_console", "launch_quietly", "open_in_browser"]

NOTICE_WIDTH = 60
"""Characters of an address shown in a notification."""


def is_console(controller: webbrowser.BaseBrowser) -> bool:
    """Tell whether a browser controller runs in the terminal (and waits for it).

    Args:
        controller: What ``webbrowser.get()`` returned.

    Returns:
        True for a foreground command (lynx, w3m, links, ``www-browser``, an unknown
        ``BROWSER`` command) and for Python's elinks launcher.
    """
    import webbrowser

    if type(controller) is webbrowser.GenericBrowser:
        return True
    return isinstance(controller, webbrowser.UnixBrowser) and not controller.background


def launch_quietly(controller: webbrowser.BackgroundBrowser, url: str) -> bool:
    """Start a ``BackgroundBrowser`` command detached, its output kept off the screen.

    What ``BackgroundBrowser.open`` does, with the standard streams on ``/dev/null``.

    Args:
        controller: The controller (its ``name`` and ``args``; ``%s`` stands for the URL).
        url: The address, passed as one argument (no shell).

    Returns:
        True when the command started.
    """
    import subprocess

    args = [controller.name, *(arg.replace("%s", url) for arg in controller.args)]
    sys.audit("webbrowser.open", url)
    try:
        subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            start_new_session=True,
        )
    except OSError:
        return False
    return True


def _shown(url: str) -> str:
    return shorten_url(url, NOTICE_WIDTH)


def open_in_browser(app: App[object], url: str) -> None:
    """Open ``url`` in the user's browser, in a worker; say what happened in a notification.

    Args:
        app: The running app (for the worker, notifications and suspending).
        url: The address; anything but one printable http, https or mailto address is refused.
    """
    if not is_openable(url):
        app.notify("Only web and mail addresses are opened.", severity="warning", markup=False)
        return
    # exit_on_error=False: whatever a browser does, the reader stays up.
    app.run_worker(
        partial(_open, app, url),
        name="open in browser",
        group="browser",
        thread=True,
        exit_on_error=False,
    )


def _open(app: App[object], url: str) -> None:
    """Worker: find the browser and open the address (or hand the terminal over)."""
    import webbrowser

    try:
        controller = webbrowser.get()
    except webbrowser.Error:
        app.call_from_thread(
            app.notify,
            "No web browser found (set the BROWSER environment variable).",
            severity="warning",
            markup=False,
        )
        return
    if is_console(controller):
        app.call_from_thread(_open_in_terminal, app, controller, url)
        return
    if type(controller) is webbrowser.BackgroundBrowser:
        opened = launch_quietly(controller, url)
    else:
        try:
            opened = controller.open(url)
        except OSError:  # Python's launchers let a missing command's error through
            opened = False
    if opened:
        app.call_from_thread(app.notify, f"Opened {_shown(url)}", markup=False)
    else:
        app.call_from_thread(
            app.notify, f"The browser did not open {_shown(url)}", severity="error", markup=False
        )


def _open_in_terminal(app: App[object], controller: webbrowser.BaseBrowser, url: str) -> None:
    """On the UI thread: give a console browser the terminal until it exits."""
    try:
        with app.suspend():
            opened = controller.open(url)
    except OSError:
        opened = False
    except SuspendNotSupported:
        app.notify(
            f"The browser ({controller.name}) runs in the terminal, which newsread cannot hand "
            "over here; set BROWSER to a graphical browser.",
            severity="warning",
            markup=False,
        )
        return
    if not opened:
        app.notify(f"The browser did not open {_shown(url)}", severity="error", markup=False)
