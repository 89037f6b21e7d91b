"""Device colours to sRGB, alpha blending, and WCAG 2 contrast ratios."""

from __future__ import annotations

RGB = tuple[float, float, float]
"""An sRGB colour with components from 0 to 1."""

WHITE: RGB = (1.0, 1.0, 1.0)

DEVICE_COMPONENTS: dict[str, int] = {"DeviceGray": 1, "DeviceRGB": 3, "DeviceCMYK": 4}
"""The colour spaces whose values the audit understands, by number of components."""


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def to_rgb(space: str, components: tuple[float, ...]) -> RGB | None:
    """Approximate a device colour as sRGB; None for a space or arity we do not know.

    CMYK uses the naive uncalibrated conversion; it is a screening value only.
    """
    if DEVICE_COMPONENTS.get(space) != len(components):
        return None
    values = tuple(_clamp(c) for c in components)
    if space == "DeviceGray":
        return (values[0], values[0], values[0])
    if space == "DeviceRGB":
        return (values[0], values[1], values[2])
    cyan, magenta, yellow, black = values
    return ((1 - cyan) * (1 - black), (1 - magenta) * (1 - black), (1 - yellow) * (1 - black))


def blend(top: RGB, alpha: float, bottom: RGB) -> RGB:
    """Composite ``top`` with constant opacity ``alpha`` over an opaque ``bottom``."""
    a = _clamp(alpha)
    return (
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
    )


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: RGB) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    red, green, blue = (_linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def describe(colour: RGB) -> str:
    """A colour as #rrggbb."""
    return "#" + "".join(f"{round(_clamp(c) * 255):02x}" for c in colour)
