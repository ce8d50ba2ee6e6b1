"""How far apart two colours look: CIEDE2000 colour difference between sRGB colours.

A hemicycle puts parties side by side; two whose colours are closer than :data:`MIN_DELTA_E` (the
2016 Alianza Popular and Acción Popular reds, ΔE00 ≈ 6) read as one bloc. The formula is Sharma, Wu
and Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes", with sRGB (D65) to
CIELAB as in IEC 61966-2-1; the tests check it against that paper's published pairs.
"""

from __future__ import annotations

from math import atan2, cos, degrees, exp, hypot, radians, sin, sqrt

# Adjacent parties must differ at least this much (ΔE00): about ten units is a difference a reader
# sees at a glance in small patches; below about 2 most people cannot tell two colours apart.
MIN_DELTA_E = 10.0

_WHITE = (0.95047, 1.0, 1.08883)  # D65 reference white


def hex_to_lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (L*, a*, b*) of an sRGB colour written ``#RRGGBB``."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"{colour!r} is not a #RRGGBB colour")
    rgb = [int(text[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    r, g, b = linear
    xyz = (
        0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
        0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
        0.0193339 * r + 0.1191920 * g + 0.9503041 * b,
    )

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """ΔE00 between two CIELAB colours (kL = kC = kH = 1)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (hypot(a1, b1) + hypot(a2, b2)) / 2
    g = 0.5 * (1 - sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = hypot(a1p, b1), hypot(a2p, b2)
    h1p = degrees(atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = degrees(atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dhh = 2 * sqrt(c1p * c2p) * sin(radians(dh / 2))
    lp, cp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp = (h1p + h2p) / 2
    else:
        hp = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * cos(radians(hp - 30))
        + 0.24 * cos(radians(2 * hp))
        + 0.32 * cos(radians(3 * hp + 6))
        - 0.20 * cos(radians(4 * hp - 63))
    )
    d_theta = 30 * exp(-(((hp - 275) / 25) ** 2))
    rc = 2 * sqrt(cp**7 / (cp**7 + 25**7))
    sl = 1 + 0.015 * (lp - 50) ** 2 / sqrt(20 + (lp - 50) ** 2)
    sc = 1 + 0.045 * cp
    sh = 1 + 0.015 * cp * t
    rt = -sin(radians(2 * d_theta)) * rc
    return sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def delta_e(colour1: str, colour2: str) -> float:
    """ΔE00 between two ``#RRGGBB`` colours."""
    return ciede2000(hex_to_lab(colour1), hex_to_lab(colour2))
