"""Broken and hostile PDFs, written byte by byte for the tests (small, synthetic, no news text).

``write_pdf`` lays out numbered objects with a correct cross-reference table, so that each
file is broken exactly where its builder says and nowhere else.
"""

from __future__ import annotations

import io
import random
import zlib

from .typeset import FONT, galley, make_story

CJK_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
    b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
    b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
    b"/StemV 93 >> >>] >>"
)


def write_pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF of ``objects`` (object ``n`` is ``objects[n - 1]``) with its xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page(content: bytes, *, fonts: bytes = b"<< /F1 5 0 R >>", font: bytes = CJK_FONT) -> bytes:
    """One A4 page drawing ``content`` (an uncompressed content stream)."""
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font " + fonts + b" >> >>",
            stream(content),
            font,
        ]
    )


def show_text(lines: list[tuple[str, float, float, float]]) -> bytes:
    """Content that shows each (text, x, y, size) with the CJK font F1 (UCS-2 codes)."""
    ops = [b"BT"]
    for text, x, y, size in lines:
        ops.append(
            b"/F1 %.1f Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj"
            % (size, x, y, text.encode("utf-16-be").hex().encode())
        )
    ops.append(b"ET")
    return b"\n".join(ops)


def good_pdf(seed: int = 1) -> bytes:
    rng = random.Random(seed)
    data, _ = galley([make_story(rng, paragraphs=4) for _ in range(3)], columns=3)
    return data


def not_a_pdf() -> bytes:
    return "这不是一个PDF文件，只是一段文字。".encode()


def truncated() -> bytes:
    data = good_pdf()
    return data[: len(data) // 3]


def encrypted() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=pdfencrypt.StandardEncryption("user-secret", "owner-secret"))
    pdf.setFont(FONT, 12)
    pdf.drawString(72, 720, "加密的文件需要密码才能打开。")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def scan() -> bytes:
    """A page that is one picture of text: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (200, 280), 255)
    draw = ImageDraw.Draw(picture)
    for row in range(10, 270, 12):
        draw.line((10, row, 190, row), fill=0, width=3)  # lines of "print"
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawImage(ImageReader(picture), 0, 0, 595, 842)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def text_then_scan() -> bytes:
    """A page of text, then a page that is a picture."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont(FONT, 20)
    pdf.drawString(72, 760, "社区公园开放")
    pdf.setFont(FONT, 10)
    for row in range(6):
        pdf.drawString(
            72 + (20 if row == 0 else 0),
            730 - row * 14,
            "居民在空地上种下一排果树，孩子们有了读书的去处。"[: 20 - (2 if row == 0 else 0)],
        )
    pdf.showPage()
    pdf.drawImage(ImageReader(Image.new("L", (50, 70), 200)), 0, 0, 595, 842)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def blank() -> bytes:
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def without_unicode_map() -> bytes:
    """Text in a font whose codes map to made-up glyph names: no Unicode can be read."""
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /PrivateFace /FirstChar 32 /LastChar 126 "
        b"/Widths [" + b" ".join(b"600" for _ in range(95)) + b"] "
        b"/Encoding << /Type /Encoding /Differences [32 "
        + b" ".join(b"/g%d" % code for code in range(32, 127))
        + b"] >> >>"
    )
    ops = [b"BT /F1 10 Tf"]
    for row in range(40):
        text = "".join(chr(65 + (row * 3 + i) % 26) for i in range(40)).encode()
        ops.append(b"1 0 0 1 60 %d Tm (%s) Tj" % (780 - row * 14, text))
    ops.append(b"ET")
    return one_page(b"\n".join(ops), font=font)


def thousands_of_pages(count: int = 5000) -> bytes:
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * count
    return write_pdf(objects)


def decompression_bomb(megabytes: int = 512) -> bytes:
    """A content stream of a few hundred kilobytes that inflates to ``megabytes`` of spaces."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    packed = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(packed, b"/Filter /FlateDecode "),
        ]
    )


def deeply_nested(depth: int = 100_000) -> bytes:
    """A page dictionary holding an array nested ``depth`` levels deep."""
    nested = b"[" * depth + b"]" * depth
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Deep " + nested + b" >>",
            stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"),
        ]
    )


def endless_page(operators: int = 3_000_000) -> bytes:
    """A page of millions of drawing operators: slow to read, harmless otherwise."""
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(b"0 0 m 1 1 l S\n" * 100_000) for _ in range(operators // 100_000))
    body += compressor.flush()
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(body, b"/Filter /FlateDecode "),
        ]
    )
