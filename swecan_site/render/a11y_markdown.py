"""A Python-Markdown extension for table and heading-link semantics (WCAG 1.3.1, 2.4.4).

Markdown tables cannot carry a caption, header scope or row headers, so this
treeprocessor adds them to the HTML after Markdown has built it:

- a paragraph ``Tabell: …`` (English: ``Table: …``) directly before a table becomes
  its ``<caption>``
  (the Pandoc convention, so the generated Markdown still reads well in other
  engines); a table without one is captioned, visually hidden, with the
  nearest heading above it;
- header cells get ``scope="col"``;
- in a key/value table (first header cell ``Uppgift``) the first cell of each
  row becomes ``<th scope="row">``;
- the heading permalinks (``toc`` with ``permalink``) are hidden from the
  accessibility tree and the tab order: they are a convenience for copying a
  link with the mouse, and 60 stops named "#" help nobody using the keyboard.

Registered in mkdocs.yml as ``swecan_site.render.a11y_markdown``. Scroll
regions for wide tables are added in the browser (docs/javascripts/a11y.js),
around the wrapper Material puts around each table.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

CAPTION_PREFIXES = ("Tabell:", "Table:")  # Swedish pages; the English edition (issue 21)
KEY_VALUE_HEADERS = ("Uppgift", "Item")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
VISUALLY_HIDDEN = "swecan-visually-hidden"  # docs/stylesheets/swecan.css
ADDRESS = "swecan-address"  # a link that shows its own address: it may break anywhere


def _text(element: ET.Element) -> str:
    """Text of an element without its permalink."""
    parts = [element.text or ""]
    for child in element:
        if "headerlink" not in (child.get("class") or "").split():
            parts.append(_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


class TableSemantics(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            heading: str | None = None
            for index, element in enumerate(children):
                if element.tag in HEADINGS:
                    heading = _text(element)
                elif element.tag == "table":
                    previous = children[index - 1] if index else None
                    self._table(parent, element, previous, heading)
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split():
                link.set("aria-hidden", "true")
                link.set("tabindex", "-1")
            elif len(link) == 0 and link.text and link.text == link.get("href"):
                # a permanent address shown in full: at 320 px it must wrap inside its cell
                link.set("class", ADDRESS)

    @staticmethod
    def _table(
        parent: ET.Element, table: ET.Element, previous: ET.Element | None, heading: str | None
    ) -> None:
        if table.find("caption") is None:
            caption = ET.Element("caption")
            text = (previous.text or "") if previous is not None and previous.tag == "p" else ""
            prefix = next((p for p in CAPTION_PREFIXES if text.startswith(p)), None)
            if previous is not None and len(previous) == 0 and prefix is not None:
                caption.text = text.removeprefix(prefix).strip()
                parent.remove(previous)
            elif heading:
                caption.text = heading
                caption.set("class", VISUALLY_HIDDEN)
            else:
                caption = None  # type: ignore[assignment]
            if caption is not None:
                table.insert(0, caption)
        head = table.find("thead")
        header_cells = head.findall("tr/th") if head is not None else []
        for cell in header_cells:
            cell.set("scope", "col")
        key_value = bool(header_cells) and _text(header_cells[0]) in KEY_VALUE_HEADERS
        body = table.find("tbody")
        if key_value and body is not None:
            for row in body.findall("tr"):
                first = row.find("td")
                if first is not None and list(row).index(first) == 0:
                    first.tag = "th"
                    first.set("scope", "row")


class A11yExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20) and toc (5), which adds the permalinks.
        md.treeprocessors.register(TableSemantics(md), "swecan_a11y", 4)


def makeExtension(**kwargs: object) -> A11yExtension:
    return A11yExtension(**kwargs)
