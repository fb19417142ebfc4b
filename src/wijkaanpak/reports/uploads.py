"""Safe photo uploads for reports (security.md E3-E5).

A resident's photo is never stored as sent. It is checked (size, real type from its content,
matching file name, a bounded number of pixels, a complete decode) and then drawn again into
a new file: turned upright, made smaller, and saved without any metadata, so the GPS
position and camera details in EXIF never reach our storage.
"""

import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 2000
JPEG_QUALITY = 85
# Pillow's format name -> (the extensions a file of that format may have, what we store).
FORMATS = {
    "JPEG": ({".jpg", ".jpeg"}, "image/jpeg", ".jpg"),
    "PNG": ({".png"}, "image/png", ".png"),
}
_SHORT_NAME = 60


@dataclass(frozen=True)
class CleanImage:
    """A photo that passed every check and was re-encoded: no metadata, bounded size."""

    name: str
    content: bytes
    content_type: str
    width: int
    height: int


def _label(name: str) -> str:
    name = PurePath(name or "").name or _("zonder naam")
    return name if len(name) <= _SHORT_NAME else name[: _SHORT_NAME - 1] + "…"


def clean_photo(upload) -> CleanImage:
    """Check one uploaded file and return it re-encoded; ValidationError says what is wrong.

    `upload` is a Django UploadedFile (anything with .name, .size and .read()).
    """
    label = _label(upload.name)
    max_bytes = settings.REPORT_PHOTO_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("De foto '%(name)s' is te groot (%(size)s). Een foto mag hoogstens %(max)s zijn.")
            % {
                "name": label,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:  # the size the client claimed was wrong
        raise ValidationError(
            _("De foto '%(name)s' is te groot. Een foto mag hoogstens %(max)s zijn.")
            % {"name": label, "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    image = _open(data, label)
    extension = PurePath(upload.name or "").suffix.lower()
    extensions, content_type, stored_extension = FORMATS[image.format]
    if extension not in extensions:
        raise ValidationError(
            _(
                "Het bestand '%(name)s' is een %(kind)s-foto, maar de naam eindigt niet op "
                "%(expected)s. Kies een foto met de goede naam."
            )
            % {
                "name": label,
                "kind": "PNG" if image.format == "PNG" else "JPG",
                "expected": " of ".join(sorted(extensions)),
            },
            code="extension",
        )
    try:
        return _reencode(image, content_type, stored_extension)
    except (OSError, ValueError):  # a pixel format we cannot draw again
        raise _broken(label) from None


def _open(data: bytes, label: str) -> Image.Image:
    not_a_photo = ValidationError(
        _("Het bestand '%(name)s' is geen foto. Kies een foto van het type JPG of PNG.")
        % {"name": label},
        code="type",
    )
    broken = _broken(label)
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; we refuse at our limit.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
        except UnidentifiedImageError:
            raise not_a_photo from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(label) from None
        except (OSError, SyntaxError, ValueError):
            raise broken from None
        width, height = image.size
        if width * height > settings.REPORT_PHOTO_MAX_PIXELS:
            raise _too_many_pixels(label, width, height)
        try:
            image.load()  # decodes every pixel: a truncated or damaged file fails here
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(label) from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise broken from None
    return image


def _broken(label: str) -> ValidationError:
    return ValidationError(
        _(
            "De foto '%(name)s' is beschadigd of niet compleet. "
            "Kies een andere foto of maak een nieuwe."
        )
        % {"name": label},
        code="corrupt",
    )


def _too_many_pixels(label: str, width: int | None = None, height: int | None = None):
    size = f" ({width} x {height})" if width else ""
    return ValidationError(
        _(
            "De foto '%(name)s' heeft te veel beeldpunten%(size)s. "
            "Maak de foto kleiner en probeer het opnieuw."
        )
        % {"name": label, "size": size},
        code="too_many_pixels",
    )


def _reencode(image: Image.Image, content_type: str, extension: str) -> CleanImage:
    # Upright first: after re-encoding the orientation tag is gone with the rest of EXIF.
    upright = ImageOps.exif_transpose(image)
    if content_type == "image/jpeg":
        upright = upright.convert("RGB") if upright.mode not in ("RGB", "L") else upright
    elif upright.mode not in ("RGB", "RGBA", "L", "LA"):
        has_alpha = "A" in upright.mode or "transparency" in upright.info
        upright = upright.convert("RGBA" if has_alpha else "RGB")
    upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A fresh image carries pixels only: no EXIF, XMP, ICC profile, comments or text chunks.
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    out = io.BytesIO()
    if content_type == "image/jpeg":
        clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        clean.save(out, format="PNG", optimize=True)
    return CleanImage(
        name=secrets.token_hex(12) + extension,
        content=out.getvalue(),
        content_type=content_type,
        width=clean.width,
        height=clean.height,
    )
