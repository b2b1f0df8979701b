"""The XML namespaces of feeds, as the fast path (:mod:`tui.web.xmlfeed`) sorts them.

feedparser gives every namespace it knows a fixed prefix and reads elements by that prefix and
their lower-cased local name; an element of a namespace it does not know keeps the prefix the
document gave it. The fast path reads a few namespaces itself, skips a few whose elements
feedparser only files away (never into a field newsread uses), and hands any other feed to
feedparser. ``tests/web/test_feeds_fast.py`` checks these tables against feedparser's own.
"""

from __future__ import annotations

__all__ = [
    "ATOM",
    "FEEDPARSER_NAMESPACES",
    "FEEDPARSER_PREFIXES",
    "MEDIA",
    "READ",
    "RSS1",
    "SKIPPED",
]

ATOM = "http://www.w3.org/2005/Atom"
"""Atom 1.0."""
RSS1 = "http://purl.org/rss/1.0/"
"""RSS 1.0 (RDF)."""
MEDIA = "http://search.yahoo.com/mrss/"
"""Media RSS (the spelling :mod:`tui.web.mediarss` looks for)."""
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
"""RDF, the frame of RSS 1.0."""

READ: dict[str, str] = {
    "": "",
    RSS1: "",
    ATOM: "",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    MEDIA: "media",
    RDF: "rdf",
}
"""Namespaces read here, with feedparser's prefix for each."""

SKIPPED = frozenset(
    {
        "http://wellformedweb.org/commentapi/",
        "http://purl.org/rss/1.0/modules/slash/",
        "http://rssnamespace.org/feedburner/ext/1.0",
        "http://purl.org/rss/1.0/modules/syndication/",
    }
)
"""Namespaces (lower case) whose leaf elements feedparser files under keys newsread never reads."""

FEEDPARSER_PREFIXES = frozenset(
    [
        "admin",
        "ag",
        "annotate",
        "audio",
        "blogChannel",
        "cc",
        "co",
        "content",
        "cp",
        "creativeCommons",
        "dc",
        "dcterms",
        "email",
        "ev",
        "feedburner",
        "fm",
        "foaf",
        "geo",
        "georss",
        "gml",
        "icbm",
        "image",
        "itunes",
        "l",
        "media",
        "pingback",
        "prism",
        "psc",
        "rdf",
        "rdfs",
        "ref",
        "reqv",
        "search",
        "slash",
        "soap",
        "ss",
        "str",
        "sub",
        "sy",
        "szf",
        "taxo",
        "thr",
        "ti",
        "trackback",
        "wfw",
        "wiki",
        "xhtml",
        "xlink",
        "xml",
    ]
)
"""feedparser's own prefixes: a document's prefix among them would reach feedparser's handlers."""

FEEDPARSER_NAMESPACES = frozenset(
    [
        "http://backend.userland.com/blogchannelmodule",
        "http://backend.userland.com/creativecommonsrssmodule",
        "http://backend.userland.com/rss",
        "http://blogs.law.harvard.edu/tech/rss",
        "http://creativecommons.org/ns#license",
        "http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html",
        "http://example.com/dtds/podcast-1.0.dtd",
        "http://example.com/necho",
        "http://example.com/newformat#",
        "http://freshmeat.net/rss/fm/",
        "http://hacks.benhammersley.com/rss/streaming/",
        "http://madskills.com/public/xml/rss/module/pingback/",
        "http://madskills.com/public/xml/rss/module/trackback/",
        "http://media.tangent.org/rss/1.0/",
        "http://my.netscape.com/rdf/simple/0.9/",
        "http://my.theinfo.org/changed/1.0/rss/",
        "http://podlove.org/simple-chapters",
        "http://postneo.com/icbm/",
        "http://prismstandard.org/namespaces/1.2/basic/",
        "http://purl.org/atom/ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
        "http://purl.org/echo/",
        "http://purl.org/pie/",
        "http://purl.org/rss/1.0/",
        "http://purl.org/rss/1.0/modules/aggregation/",
        "http://purl.org/rss/1.0/modules/annotate/",
        "http://purl.org/rss/1.0/modules/company",
        "http://purl.org/rss/1.0/modules/content/",
        "http://purl.org/rss/1.0/modules/email/",
        "http://purl.org/rss/1.0/modules/event/",
        "http://purl.org/rss/1.0/modules/image/",
        "http://purl.org/rss/1.0/modules/link/",
        "http://purl.org/rss/1.0/modules/reference/",
        "http://purl.org/rss/1.0/modules/richequiv/",
        "http://purl.org/rss/1.0/modules/rss091#",
        "http://purl.org/rss/1.0/modules/search/",
        "http://purl.org/rss/1.0/modules/servicestatus/",
        "http://purl.org/rss/1.0/modules/slash/",
        "http://purl.org/rss/1.0/modules/subscription/",
        "http://purl.org/rss/1.0/modules/syndication/",
        "http://purl.org/rss/1.0/modules/taxonomy/",
        "http://purl.org/rss/1.0/modules/textinput/",
        "http://purl.org/rss/1.0/modules/threading/",
        "http://purl.org/rss/1.0/modules/wiki/",
        "http://rssnamespace.org/feedburner/ext/1.0",
        "http://schemas.pocketsoap.com/rss/mydescmodule/",
        "http://schemas.xmlsoap.org/soap/envelope/",
        "http://search.yahoo.com/mrss",
        "http://search.yahoo.com/mrss/",
        "http://web.resource.org/cc/",
        "http://webns.net/mvcb/",
        "http://wellformedweb.org/commentapi/",
        "http://www.georss.org/georss",
        "http://www.itunes.com/dtds/podcast-1.0.dtd",
        "http://www.opengis.net/gml",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/1999/xhtml",
        "http://www.w3.org/1999/xlink",
        "http://www.w3.org/2000/01/rdf-schema#",
        "http://www.w3.org/2003/01/geo/wgs84_pos#",
        "http://www.w3.org/2005/atom",
        "http://www.w3.org/xml/1998/namespace",
        "http://xmlns.com/foaf/0.1/",
        "uri/of/echo/namespace#",
    ]
)
"""Every namespace feedparser knows, in lower case."""
