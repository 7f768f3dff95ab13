# Builds er-test-rare-glyph.ttf: one glyph, a square, for U+20000 (𠀀), which
# no shipped font has, under a family name no official face has. The tests
# give its folder to --font-dir and expect the PDF to draw 𠀀 with it.
#   usage: python3 tests/fonts/build-test-font.py   (needs fonttools)
# Made for this project; public domain (CC0).
import os
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

def square():
    pen = TTGlyphPen(None)
    pen.moveTo((100, -100)); pen.lineTo((100, 780)); pen.lineTo((900, 780)); pen.lineTo((900, -100)); pen.closePath()
    return pen.glyph()

def empty():
    return TTGlyphPen(None).glyph()

fb = FontBuilder(1000, isTTF=True)
fb.setupGlyphOrder([".notdef", "u20000"])
fb.setupCharacterMap({0x20000: "u20000"})
fb.setupGlyf({".notdef": empty(), "u20000": square()})
fb.setupHorizontalMetrics({".notdef": (500, 0), "u20000": (1000, 100)})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({"familyName": "ER Test Rare Glyph", "styleName": "Regular", "psName": "ERTestRareGlyph-Regular"})
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
fb.setupPost()
fb.save(os.path.join(os.path.dirname(os.path.abspath(__file__)), "er-test-rare-glyph.ttf"))
