"""Untrusted XML parsed safely: no entity expansion, no DTD loading, no network, a size limit.

``parse_xml(data, path)`` returns the lxml tree or raises one ``InputError`` with the file and line::

    parse_xml(b"<a><b></a>", "x.xlf")
    # InputError: x.xlf:1: not well-formed XML: Opening and ending tag mismatch: b line 1 and a

A file that declares entities (the "billion laughs" XML bomb and external-entity attacks need them)
is refused before anything is expanded: XLIFF, TMX and the other exchange formats never need one.
The parser is lxml's with ``resolve_entities=False``, ``no_network=True``, ``load_dtd=False`` and
``huge_tree=False`` (libxml2's own depth and size guards stay on).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from vnthai_mt.errors import InputError

MAX_XML_BYTES = 64 * 1024 * 1024  # a CAT-tool export of a whole book is a few MB


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_blank_text=False, strip_cdata=False)


def parse_xml(data: bytes, path: str | Path, what: str = "XML") -> etree._ElementTree:
    """The parsed tree of ``data`` (read from ``path``); bad or dangerous XML is one ``InputError``."""
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"{what} file of {len(data):,} bytes is over the {MAX_XML_BYTES:,}-byte limit; "
                         "split it", path)
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser=_parser()))
    except etree.XMLSyntaxError as err:
        line = err.lineno if err.lineno else None
        message = str(err.msg or err).split(", line ")[0]
        raise InputError(f"not well-formed {what}: {message}", path, line) from None
    except ValueError as err:  # e.g. an encoding declaration lxml cannot use
        raise InputError(f"not readable as {what}: {err}", path) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(f"refused: the {what} file declares entities (<!ENTITY>), as an XML bomb or an "
                         "external-entity attack does; exchange files never need them", path, 1)
    return tree
