"""Scheme text: written in Markdown, shown as sanitised HTML.

Two locks, so that neither alone has to be perfect: markdown-it renders with
raw HTML switched off (a tag written in the text comes out as visible text),
and nh3 then keeps only the few tags and attributes Markdown produces, with
links limited to web, mail and phone addresses. Text that contains HTML tags
is also refused when it is saved, so that an editor learns why."""

import re
import unicodedata

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.disable("image")  # photos come through the gallery, resized; never hot-linked

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "hr",
}  # fmt: skip
# Something that a browser would read as an HTML tag, comment or entity-less
# markup: "<script", "</p", "<!--", "<img".
HTML_TAG = re.compile(r"<[/!?]?[A-Za-z!]")


def has_html(text: str) -> bool:
    return bool(HTML_TAG.search(text or ""))


def clean_text(text: str) -> str:
    """Text as stored: Unicode NFC (so that Devanagari typed on different
    keyboards compares equal), Windows line ends and stray controls gone."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


def render_markdown(text: str) -> str:
    """Safe HTML for a page: Markdown headings are demoted below the page's
    own h2 sections, raw HTML is never passed through."""
    html = _md.render(text or "")
    html = re.sub(r"<(/?)h[1-2]>", r"<\1h3>", html)
    html = re.sub(r"<(/?)h[5-6]>", r"<\1h4>", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )
