#!/usr/bin/env python3
"""Convert the bundled CFF-outline Fandol fonts (fonts/*.otf) to TrueType outlines
(fonts/ttf/*.ttf) for embedding in DOCX files.

Why: Word embeds TrueType-outline fonts reliably; CFF-outline (.otf) fonts are a risk
there (see docs on `w:embedTrueTypeFonts`, ISO/IEC 29500-1 §17.8.3.8). The DOCX writer
(src/docx/) subsets these .ttf files at write time and embeds the subsets as obfuscated
.odttf parts; the PDF writer keeps using the original .otf files.

How: every glyph's cubic outline is approximated by quadratic splines with fontTools'
cu2qu (maximum error 1 font unit at 1000 units/em), written to `glyf`/`loca`; `CFF `
and `VORG` are dropped, `maxp` becomes version 1.0, `post` version 3 (no glyph names),
and every other table (cmap, hmtx, OS/2, name, GPOS, vertical metrics …) is kept as is,
so glyph ids, advances and the character map are identical to the .otf.

Usage:  python3 scripts/convert-fonts.py [fonts/FandolFang-Regular.otf …]
        (no arguments: every fonts/Fandol*.otf; ~1 minute per face)
Needs:  pip install fonttools   (measured with fonttools 4.68.0; the output is
        deterministic: a re-run gives the same bytes)
"""

import glob
import os
import sys
import time

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Maximum distance between a cubic curve and its quadratic approximation, in font units.
MAX_ERR = 1.0
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def quadratic_glyphs(glyph_set):
    """Every glyph of a CFF glyph set as a TrueType glyph."""
    out = {}
    for name in glyph_set.keys():
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType clockwise: reverse them.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        out[name] = tt_pen.glyph()
    return out


def convert(src, dst):
    # Keep head.modified from the source, so that a re-run gives the same bytes.
    font = TTFont(src, recalcTimestamp=False)
    assert font.sfntVersion == "OTTO" and "CFF " in font, f"{src}: not a CFF font"
    order = font.getGlyphOrder()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic_glyphs(font.getGlyphSet())
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)

    # TrueType wants lsb == xMin of the glyph's bounding box.
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        advance, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 0)
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0

    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order

    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(dst)  # recalculates head/hhea bounds and maxp counts


def main(argv):
    sources = argv or sorted(glob.glob(os.path.join(ROOT, "fonts", "Fandol*.otf")))
    out_dir = os.path.join(ROOT, "fonts", "ttf")
    os.makedirs(out_dir, exist_ok=True)
    for src in sources:
        dst = os.path.join(out_dir, os.path.splitext(os.path.basename(src))[0] + ".ttf")
        start = time.time()
        convert(src, dst)
        print(f"{os.path.basename(src)}: {os.path.getsize(src):>9} B → "
              f"{os.path.relpath(dst, ROOT)}: {os.path.getsize(dst):>9} B "
              f"({time.time() - start:.1f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
