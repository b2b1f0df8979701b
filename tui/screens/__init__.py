"""newsread's screens: the main reading screen and the help screen."""

from __future__ import annotations
