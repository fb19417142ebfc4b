"""E3-E5: only real, complete JPEG and PNG photos get in, re-encoded without metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from wijkaanpak.reports.uploads import CleanImage, clean_photo

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def photo_bytes(fmt="JPEG", size=(40, 30), exif=None, mode="RGB", **save):
    image = Image.new(mode, size, "white" if mode != "P" else 0)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2, size[1] // 2), fill="red")
    out = io.BytesIO()
    if exif is not None:
        save["exif"] = exif
    image.save(out, format=fmt, **save)
    return out.getvalue()


def gps_exif(orientation=None):
    exif = Image.Exif()
    exif[MAKE] = "Telefoonmerk"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 54.0, 12.5), 3: "E", 4: (4.0, 20.0, 9.1)})
    if orientation:
        exif[ORIENTATION] = orientation
    return exif


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def test_a_good_jpeg_is_accepted_and_renamed():
    image = clean_photo(upload("IMG_2031 Jan Jansen.JPG", photo_bytes()))
    assert isinstance(image, CleanImage)
    assert image.content_type == "image/jpeg"
    assert image.name.endswith(".jpg") and "Jansen" not in image.name
    assert (image.width, image.height) == (40, 30)
    assert Image.open(io.BytesIO(image.content)).format == "JPEG"


def test_a_good_png_stays_png_with_its_transparency():
    image = clean_photo(upload("plek.png", photo_bytes("PNG", mode="RGBA")))
    stored = Image.open(io.BytesIO(image.content))
    assert (image.content_type, stored.format, stored.mode) == ("image/png", "PNG", "RGBA")


def test_a_jpeg_with_gps_exif_is_stored_without_any_exif():
    original = photo_bytes(exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the fixture has GPS

    image = clean_photo(upload("straat.jpg", original))

    stored = Image.open(io.BytesIO(image.content))
    assert len(stored.getexif()) == 0
    assert "exif" not in stored.info
    assert b"Exif" not in image.content and b"Telefoonmerk" not in image.content


def test_a_png_loses_its_text_chunks_and_exif():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Jan Jansen, Van Hogendorplaan 12")
    image = clean_photo(upload("plek.png", photo_bytes("PNG", pnginfo=info, exif=gps_exif())))
    assert b"Jansen" not in image.content
    assert len(Image.open(io.BytesIO(image.content)).getexif()) == 0


def test_the_photo_is_turned_upright_before_the_orientation_tag_is_dropped():
    # Orientation 6: the camera was turned a quarter; the viewer must rotate 90 degrees.
    image = clean_photo(upload("staand.jpg", photo_bytes(size=(40, 30), exif=gps_exif(6))))
    assert (image.width, image.height) == (30, 40)


@pytest.mark.parametrize(("mode", "stored_mode"), [("I;16", "RGB"), ("P", "RGB"), ("LA", "LA")])
def test_unusual_png_pixel_formats_are_drawn_again(mode, stored_mode):
    image = clean_photo(upload("plek.png", photo_bytes("PNG", mode=mode)))
    assert Image.open(io.BytesIO(image.content)).mode == stored_mode


def test_a_photo_that_cannot_be_drawn_again_gets_the_damaged_message(monkeypatch):
    from wijkaanpak.reports import uploads

    def fail(*args):
        raise OSError("encoder error")

    monkeypatch.setattr(uploads, "_reencode", fail)
    assert error_of("a.jpg", photo_bytes()).code == "corrupt"


def test_a_large_photo_is_made_smaller_on_its_long_side():
    image = clean_photo(upload("groot.jpg", photo_bytes(size=(4000, 1000))))
    assert (image.width, image.height) == (2000, 500)


def test_jpeg_quality_is_85_not_the_original():
    big = photo_bytes(size=(800, 600), quality=100)
    image = clean_photo(upload("a.jpg", big))
    assert len(image.content) < len(big)


def error_of(name, content):
    with pytest.raises(ValidationError) as caught:
        clean_photo(upload(name, content))
    return caught.value


@pytest.mark.parametrize(
    ("name", "content", "code", "words"),
    [
        ("brief.jpg", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "type", "geen foto"),
        ("foto.jpg", b"", "type", "geen foto"),
        ("plaatje.jpg", photo_bytes("GIF"), "type", "JPG of PNG"),
        ("foto.png", photo_bytes("JPEG"), "extension", "JPG-foto"),
        ("foto.jpg", photo_bytes("PNG"), "extension", "PNG-foto"),
        ("foto.exe", photo_bytes("JPEG"), "extension", ".jpeg of .jpg"),
        ("foto", photo_bytes("JPEG"), "extension", "de naam eindigt niet op"),
        ("kapot.jpg", photo_bytes(size=(300, 300))[:400], "corrupt", "beschadigd"),
        ("kapot.png", photo_bytes("PNG", size=(300, 300))[:200], "corrupt", "beschadigd"),
    ],
)
def test_a_bad_file_is_refused_with_a_dutch_message_naming_it(name, content, code, words):
    error = error_of(name, content)
    assert error.code == code
    assert words in error.message
    assert (name if name else "") in error.message


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(settings):
    settings.REPORT_PHOTO_MAX_BYTES = 1000
    content = photo_bytes(size=(400, 400))
    assert len(content) > 1000
    error = error_of("groot.jpg", content)
    assert error.code == "too_large"
    assert "te groot" in error.message and "1000" in error.message


def test_a_decompression_bomb_is_refused_before_decoding(settings):
    settings.REPORT_PHOTO_MAX_PIXELS = 10_000
    # Small on disk, 20 000 pixels once decoded: the header alone is enough to refuse it.
    error = error_of("bom.png", photo_bytes("PNG", size=(200, 100), mode="1"))
    assert error.code == "too_many_pixels"
    assert "200 x 100" in error.message


def test_pillows_own_bomb_guard_also_gives_our_message(settings, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    error = error_of("bom.png", photo_bytes("PNG", size=(100, 50), mode="1"))
    assert error.code == "too_many_pixels"


def test_a_long_file_name_is_shortened_in_the_message():
    error = error_of("x" * 200 + ".jpg", b"not an image")
    assert "x" * 59 + "…" in error.message
    assert "x" * 61 not in error.message
