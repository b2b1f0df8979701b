"""Bodies decompressed within a size cap, chunk by chunk (standard library ``zlib`` only).

A server's ``Content-Encoding`` is hostile: ten kilobytes of gzip can inflate to ten
megabytes or ten gigabytes. :class:`Inflater` never produces more than the bytes still
allowed plus one per call (``zlib``'s ``max_length``), so a bomb is refused after inflating
at most the cap, never all of it.
"""

from __future__ import annotations

import zlib

SUPPORTED_ENCODINGS = ("gzip", "deflate")
"""The content codings newsread asks for (``Accept-Encoding``) and can decode."""

_GZIP_WBITS = 16 + zlib.MAX_WBITS
_ZLIB_WBITS = zlib.MAX_WBITS
_RAW_WBITS = -zlib.MAX_WBITS


class TooLarge(Exception):
    """The body grew past the cap."""


class BadEncoding(Exception):
    """The body is not valid for its ``Content-Encoding`` (or the coding is unknown)."""


class Inflater:
    """Decodes a body as it arrives and counts the decoded bytes against a cap."""

    def __init__(self, content_encoding: str, max_bytes: int) -> None:
        """Prepare for a body sent with ``content_encoding``.

        Args:
            content_encoding: The ``Content-Encoding`` header ("" for none).
            max_bytes: The most decoded bytes accepted.

        Raises:
            BadEncoding: for a coding other than identity, gzip and deflate (x-gzip counts
                as gzip), or several codings stacked.
        """
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise BadEncoding(f"stacked content encodings {', '.join(codings)!r}")
        coding = codings[0] if codings else ""
        if coding == "x-gzip":
            coding = "gzip"
        if coding not in ("", *SUPPORTED_ENCODINGS):
            raise BadEncoding(f"unsupported content encoding {coding[:40]!r}")
        self._coding = coding
        self._max = max_bytes
        self._parts: list[bytes] = []
        self.size = 0
        """Decoded bytes so far."""
        self._wbits = _GZIP_WBITS if coding == "gzip" else _ZLIB_WBITS
        self._inflate = zlib.decompressobj(self._wbits) if coding else None
        self._started = False  # deflate: whether the zlib wrapper was accepted yet
        self._later_member = False  # gzip: decoding a member after the first
        self._ignore_rest = False

    def feed(self, data: bytes) -> None:
        """Decode one chunk of the body as received.

        Raises:
            TooLarge: when the decoded body passes the cap.
            BadEncoding: when the compressed data is damaged.
        """
        if self._ignore_rest:
            return
        if self._inflate is None:
            self._keep(data)
            return
        try:
            self._decode(data)
        except zlib.error as error:
            if not self._later_member:
                raise BadEncoding(f"damaged {self._coding} data") from error
            # Garbage after a complete gzip member (some servers pad): keep what was read,
            # as browsers and urllib3 do.
            self._ignore_rest = True

    def finish(self) -> bytes:
        """The whole decoded body, once the last chunk was fed.

        Raises:
            TooLarge: when what the decoder still held passes the cap.
        """
        if self._inflate is not None and not self._ignore_rest:
            try:
                self._keep(self._inflate.flush())
            except zlib.error as error:
                raise BadEncoding(f"damaged {self._coding} data") from error
        return b"".join(self._parts)

    def _decode(self, data: bytes) -> None:
        assert self._inflate is not None
        while data:
            if self._coding == "deflate" and not self._started:
                # "deflate" should be zlib-wrapped; some servers send raw deflate instead.
                try:
                    out = self._inflate.decompress(data, self._room())
                except zlib.error:
                    self._wbits = _RAW_WBITS
                    self._inflate = zlib.decompressobj(_RAW_WBITS)
                    out = self._inflate.decompress(data, self._room())
                self._started = True
            else:
                out = self._inflate.decompress(data, self._room())
            self._keep(out)
            data = self._inflate.unconsumed_tail
            if not data and self._inflate.eof and self._inflate.unused_data:
                # gzip allows several members one after another.
                data = self._inflate.unused_data
                self._inflate = zlib.decompressobj(self._wbits)
                self._later_member = True

    def _room(self) -> int:
        # One byte past the cap is enough to know the cap was passed.
        return self._max - self.size + 1

    def _keep(self, out: bytes) -> None:
        self.size += len(out)
        if self.size > self._max:
            raise TooLarge
        if out:
            self._parts.append(out)
