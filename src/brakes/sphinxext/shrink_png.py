"""The figures' PNGs re-encoded with a palette, where that changes no pixel noticeably.

Matplotlib writes every notebook figure as a full-colour PNG (RGBA), yet a chart
in the course's palette holds a few hundred colours: its own and the shades that
smooth their edges. After each HTML build, every full-colour PNG in ``_images/``
is re-encoded with a palette of 256 colours (Pillow's maximum-coverage
quantiser, no dithering) and zlib's strongest compression: about a third of its
bytes, which keeps the pages with several figures light to load. Documentation
builders do the same at build time (Material for MkDocs' optimize plugin, with
pngquant), so notebooks and their stored outputs stay as they are.

The palette copy replaces the file only if no channel of any pixel moved by more
than :data:`MAX_CHANGE` and it is smaller: a photograph or a smooth gradient is
left as it was, and so is an image with transparent pixels. Its text (e.g. the
``Description`` that ``brakes.plotting`` writes) and resolution are kept.
Sphinx copies an image again only when it writes its page, and a PNG that
already has a palette is skipped after reading its header, so a rebuild with
nothing edited re-encodes nothing (only a full-colour PNG that failed the test,
none of the course's figures, is tried again).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops, ImageStat, PngImagePlugin
from sphinx.application import Sphinx
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

#: The most a colour channel of a pixel may move (out of 255) for the palette copy to be used.
#: Charts move by 5 at most, on the anti-aliased edges of lines and letters; a photograph by more.
MAX_CHANGE = 8
#: Colours in the palette: PNG's most.
COLOURS = 256


def _text_and_dpi(image: Image.Image) -> dict[str, object]:
    """The PNG's text chunks and resolution, as ``Image.save`` takes them."""
    info = PngImagePlugin.PngInfo()
    for key, value in getattr(image, "text", {}).items():
        info.add_text(key, value)
    options: dict[str, object] = {"pnginfo": info}
    if "dpi" in image.info:
        options["dpi"] = image.info["dpi"]
    return options


def shrink_png(data: bytes) -> bytes:
    """The PNG with a palette of 256 colours if that is near-lossless and smaller, else ``data``."""
    with Image.open(io.BytesIO(data)) as image:
        if image.format != "PNG" or image.mode not in ("RGB", "RGBA"):
            return data  # already a palette, grey levels, or 16 bits a channel
        # ImageStat's extrema are per band for any mode; getextrema's shape depends on it.
        if image.mode == "RGBA" and ImageStat.Stat(image).extrema[3][0] < 255:
            return data  # transparent pixels: the quantiser would flatten them
        colour = image.convert("RGB")
        palette = colour.quantize(
            COLOURS, method=Image.Quantize.MAXCOVERAGE, dither=Image.Dither.NONE
        )
        change = ImageStat.Stat(ImageChops.difference(colour, palette.convert("RGB"))).extrema
        if max(high for _, high in change) > MAX_CHANGE:
            return data
        out = io.BytesIO()
        palette.save(out, "PNG", optimize=True, **_text_and_dpi(image))
    return out.getvalue() if out.tell() < len(data) else data


def shrink_file(path: Path) -> int:
    """Replace the PNG at ``path`` with its palette copy when :func:`shrink_png` makes one.

    Returns the bytes saved (0 when the file stays as it was).
    """
    data = path.read_bytes()
    smaller = shrink_png(data)
    if smaller is data:
        return 0
    path.write_bytes(smaller)
    return len(data) - len(smaller)


def _shrink_site_images(app: Sphinx, exception: Exception | None) -> None:
    """Shrink the full-colour PNGs in the HTML build's image folder."""
    if exception is not None or app.builder.format != "html":
        return
    pngs = sorted((Path(app.outdir) / app.builder.imagedir).glob("*.png"))
    saved = sum(shrink_file(path) for path in pngs)
    LOGGER.verbose("PNG images re-encoded with a palette: %d bytes saved", saved)


def setup(app: Sphinx) -> None:
    """Shrink after Sphinx copied the images, before the offline zip (priority 900) is made."""
    app.connect("build-finished", _shrink_site_images, priority=600)
