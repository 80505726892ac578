"""GeoReport v2 XML: the same data as the JSON answers, as elements named like the JSON keys.

Lists are wrapped (`<services><service>…`, `<attributes><attribute>…`), `null` is an empty
element, booleans are `true`/`false`. Built with the standard library's ElementTree.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, tostring

# The element of each item of a list, by the list's element.
_ITEM = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
}


def element(tag: str, value: Any) -> Element:
    node = Element(tag)
    if isinstance(value, dict):
        for key, child in value.items():
            node.append(element(key, child))
    elif isinstance(value, list):
        item = _ITEM.get(tag, "item")
        for child in value:
            node.append(element(item, child))
    elif isinstance(value, bool):
        node.text = "true" if value else "false"
    elif value is not None:
        node.text = str(value)
    return node


def document(root: str, value: Any) -> bytes:
    body = tostring(element(root, value), encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode()
