"""Device colours to sRGB and WCAG contrast ratios."""

from __future__ import annotations

import pytest

from leafpress.audit.colour import WHITE, blend, contrast_ratio, describe, to_rgb


@pytest.mark.parametrize(
    ("space", "components", "rgb"),
    [
        ("DeviceGray", (0.5,), (0.5, 0.5, 0.5)),
        ("DeviceRGB", (1.0, 0.0, 0.5), (1.0, 0.0, 0.5)),
        ("DeviceCMYK", (0.0, 0.0, 0.0, 1.0), (0.0, 0.0, 0.0)),
        ("DeviceCMYK", (1.0, 0.0, 0.0, 0.0), (0.0, 1.0, 1.0)),
    ],
)
def test_device_colours(
    space: str, components: tuple[float, ...], rgb: tuple[float, float, float]
) -> None:
    assert to_rgb(space, components) == pytest.approx(rgb)


@pytest.mark.parametrize(
    ("space", "components"),
    [("DeviceRGB", (1.0,)), ("Lab", (50.0, 0.0, 0.0)), ("DeviceGray", ())],
)
def test_unknown_spaces_and_arities_give_none(space: str, components: tuple[float, ...]) -> None:
    assert to_rgb(space, components) is None


@pytest.mark.parametrize(
    ("hex_grey", "ratio"), [(0x00, 21.0), (0x76, 4.54), (0x77, 4.48), (0xFF, 1.0)]
)
def test_wcag_contrast_against_white(hex_grey: int, ratio: float) -> None:
    grey = (hex_grey / 255,) * 3
    assert contrast_ratio(grey, WHITE) == pytest.approx(ratio, abs=0.005)
    assert contrast_ratio(WHITE, grey) == contrast_ratio(grey, WHITE)


def test_blend_and_describe() -> None:
    assert describe(blend((0.0, 0.0, 0.0), 0.5, WHITE)) == "#808080"
    assert describe((1.0, 0.0, 0.0)) == "#ff0000"
