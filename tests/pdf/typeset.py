"""A small typesetter for the PDF tests: stories of made-up Chinese sentences set into
multi-column pages with ReportLab (a test dependency, BSD), with the truth of what was set.

Two layouts: a galley (stories one after another down the columns, each column continuing
the last, as the dev pages are set) and blocks (each story in its own rectangle of one or
more columns, its title spanning them, a picture with its caption). Options vary what the
layout cues look like: indents or spaced paragraphs, type sizes, gutters, the picture's
place. No text of the news data is used: sentences come from the word lists below.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A3
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

_PLACES = ["东湖街道", "西山社区", "南港新区", "北坡村", "城关镇", "河口乡", "青石湾", "红枫岭"]
_ACTORS = ["居民", "志愿者", "工作人员", "技术员", "老师们", "年轻人", "合作社", "维修队"]
_DEEDS = [
    "修好了通往田间的小路",
    "在空地上种下一排果树",
    "把旧仓库改成了图书室",
    "为老人送去热乎的午饭",
    "整理了河岸边的步道",
    "办起了周末手工课堂",
    "安装了新的路灯",
    "清理了堆积多年的杂物",
]
_EFFECTS = [
    "大家出门方便了许多",
    "周边的环境变得更加整洁",
    "孩子们有了读书的去处",
    "附近的生意也热闹起来",
    "邻里之间的来往多了",
    "不少人专程赶来参观",
]
_TIMES = ["今年春天", "上个月", "近日", "去年秋天", "这几年", "每逢周末"]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_TIMES)}，{rng.choice(_PLACES)}的{rng.choice(_ACTORS)}"
        f"{rng.choice(_DEEDS)}，{rng.choice(_EFFECTS)}。"
    )


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(sentence(rng) for _ in range(sentences))


def title(rng: random.Random) -> str:
    return f"{rng.choice(_PLACES)}{rng.choice(_ACTORS)}{rng.choice(_DEEDS)[:6]}"


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    caption: tuple[str, str] | None = None  # (text, credit), set under a picture


def make_story(rng: random.Random, *, paragraphs: int = 4, sentences: int = 3, **extra: object) -> Story:
    return Story(title(rng), [paragraph(rng, sentences) for _ in range(paragraphs)], **extra)  # type: ignore[arg-type]


@dataclass
class Style:
    body: float = 10.0
    leading: float = 1.4  # of the body size
    title: float = 20.0
    kicker: float = 12.0
    byline: float = 9.0
    caption: float = 8.0
    indent: bool = True  # paragraphs open with a two-em indent (else: spaced, flush left)
    paragraph_space: float = 0.0  # ems between paragraphs
    gutter: float = 14.0
    margin: float = 36.0
    running_head: str | None = None  # a line over every page (paper, section, date)
    folio: bool = False  # the page number under every page


@dataclass
class Truth:
    """What was set, per story: its paragraphs and the column breaks inside paragraphs."""

    stories: list[Story] = field(default_factory=list)
    column_breaks: list[tuple[str, str]] = field(default_factory=list)  # (end of one, start of next)
    pages: int = 1


def _wrap(text: str, size: float, width: float, first_indent: float = 0.0) -> list[str]:
    lines: list[str] = []
    current = ""
    limit = width - first_indent
    for char in text:
        if pdfmetrics.stringWidth(current + char, FONT, size) > limit:
            lines.append(current)
            current = ""
            limit = width
        current += char
    if current:
        lines.append(current)
    return lines


class _Galley:
    """Lines flowing down the columns of pages."""

    def __init__(self, pdf: canvas.Canvas, style: Style, columns: int, truth: Truth) -> None:
        self.pdf, self.style, self.columns, self.truth = pdf, style, columns, truth
        width, height = A3
        self.width, self.height = width, height
        self.column_width = (width - 2 * style.margin - (columns - 1) * style.gutter) / columns
        self.column = 0
        self.y = height - style.margin
        self.furniture()

    def furniture(self) -> None:
        self.pdf.setFont(FONT, self.style.byline)
        if self.style.running_head:
            self.pdf.drawString(self.style.margin, self.height - 16, self.style.running_head)
        if self.style.folio:
            self.pdf.drawString(self.width / 2, 12, str(self.truth.pages))

    def x(self) -> float:
        return self.style.margin + self.column * (self.column_width + self.style.gutter)

    def room(self, height: float) -> bool:
        return self.y - height >= self.style.margin

    def next_column(self) -> None:
        self.column += 1
        if self.column == self.columns:
            self.pdf.showPage()
            self.truth.pages += 1
            self.column = 0
            self.furniture()
        self.y = self.height - self.style.margin

    def skip(self, space: float) -> None:
        self.y -= space

    def line(self, text: str, size: float, *, indent: float = 0.0) -> bool:
        """Set one line; True when it had to go to the next column first."""
        moved = False
        if not self.room(size * self.style.leading):
            self.next_column()
            moved = True
        self.y -= size * self.style.leading
        self.pdf.setFont(FONT, size)
        self.pdf.drawString(self.x() + indent, self.y + size * 0.25, text)
        return moved

    def block(self, text: str, size: float) -> None:
        for line in _wrap(text, size, self.column_width):
            self.line(line, size)

    def picture(self, height: float) -> None:
        if not self.room(height):
            self.next_column()
        self.y -= height
        self.pdf.drawImage(_grey_image(), self.x(), self.y, self.column_width, height)
        self.y -= 4


def _grey_image() -> object:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    return ImageReader(Image.new("RGB", (8, 8), (128, 128, 128)))


def galley(stories: list[Story], *, columns: int = 4, style: Style | None = None) -> tuple[bytes, Truth]:
    """The stories set one after another down the columns; returns the PDF and the truth."""
    style = style or Style()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A3)
    truth = Truth(stories=stories)
    flow = _Galley(pdf, style, columns, truth)
    for story in stories:
        if not flow.room(6 * style.title):
            flow.next_column()
        flow.skip(style.body)
        if story.kicker:
            flow.block(story.kicker, style.kicker)
        flow.block(story.title, style.title)
        if story.subtitle:
            flow.block("——" + story.subtitle, style.kicker)
        if story.byline:
            flow.line(story.byline, style.byline)
        indent = 2 * style.body if style.indent else 0.0
        for text in story.paragraphs:
            flow.skip(style.paragraph_space * style.body)
            lines = _wrap(text, style.body, flow.column_width, indent)
            for number, line in enumerate(lines):
                moved = flow.line(line, style.body, indent=indent if number == 0 else 0.0)
                if moved and number > 0:
                    truth.column_breaks.append((lines[number - 1][-6:], line[:6]))
        if story.caption:
            flow.skip(style.body)
            flow.picture(6 * style.body)
            flow.block(story.caption[0], style.caption)
            flow.line(story.caption[1], style.caption)
    pdf.showPage()
    pdf.save()
    return out.getvalue(), truth


@dataclass
class Placed:
    """A story in its own rectangle: columns ``first`` to ``first + span - 1``, from ``top``
    (points below the top margin) down to ``bottom``."""

    story: Story
    first: int
    span: int
    top: float
    bottom: float
    picture_above: bool = False


def blocks(placed: list[Placed], *, columns: int = 5, style: Style | None = None) -> tuple[bytes, Truth]:
    """Stories each in a rectangle of columns with a title spanning it (a modular page)."""
    style = style or Style()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A3)
    width, height = A3
    column_width = (width - 2 * style.margin - (columns - 1) * style.gutter) / columns
    truth = Truth(stories=[p.story for p in placed])
    for item in placed:
        story = item.story
        x0 = style.margin + item.first * (column_width + style.gutter)
        block_width = item.span * column_width + (item.span - 1) * style.gutter
        y = height - style.margin - item.top
        bottom = height - style.margin - item.bottom
        if item.picture_above and story.caption:
            y -= 8 * style.body
            pdf.drawImage(_grey_image(), x0, y, block_width, 8 * style.body)
            for line in [*_wrap(story.caption[0], style.caption, block_width), story.caption[1]]:
                y -= style.caption * style.leading
                pdf.setFont(FONT, style.caption)
                pdf.drawString(x0, y + style.caption * 0.25, line)
            y -= style.body
        for text, size in ((story.kicker, style.kicker), (story.title, style.title)):
            if text:
                for line in _wrap(text, size, block_width):
                    y -= size * style.leading
                    pdf.setFont(FONT, size)
                    pdf.drawString(x0, y + size * 0.25, line)
        y -= style.body * 0.6
        if story.byline:
            y -= style.byline * style.leading
            pdf.setFont(FONT, style.byline)
            pdf.drawString(x0, y + style.byline * 0.25, story.byline)
        column, top = 0, y
        indent = 2 * style.body if style.indent else 0.0
        for text in story.paragraphs:
            y -= style.paragraph_space * style.body
            lines = _wrap(text, style.body, column_width, indent)
            for number, line in enumerate(lines):
                if y - style.body * style.leading < bottom:
                    column += 1
                    if column >= item.span:
                        raise ValueError(f"story {story.title} does not fit its block")
                    y = top
                    if number > 0:
                        truth.column_breaks.append((lines[number - 1][-6:], line[:6]))
                y -= style.body * style.leading
                pdf.setFont(FONT, style.body)
                x = x0 + column * (column_width + style.gutter) + (indent if number == 0 else 0.0)
                pdf.drawString(x, y + style.body * 0.25, line)
    pdf.showPage()
    pdf.save()
    return out.getvalue(), truth
