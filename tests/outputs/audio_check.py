"""Checks an MP3 as the audio format promises it: it decodes, has a title and chapters."""

from __future__ import annotations

import io

from mutagen.id3 import ID3
from mutagen.mp3 import MP3


def chapters(data: bytes) -> list[tuple[str, int, int]]:
    """(title, start ms, end ms) of each ID3 chapter, in the table of contents' order."""
    tags = ID3(io.BytesIO(data))
    tocs = tags.getall("CTOC")
    order = tocs[0].child_element_ids if tocs else []
    by_id = {frame.element_id: frame for frame in tags.getall("CHAP")}
    return [(str(by_id[i].sub_frames["TIT2"].text[0]), by_id[i].start_time, by_id[i].end_time)
            for i in order if i in by_id]


def problems(data: bytes, titles: list[str]) -> list[str]:
    """Every way the MP3 falls short: no title, missing or out-of-order chapters, gaps."""
    found = []
    audio = MP3(io.BytesIO(data))
    length_ms = int(audio.info.length * 1000)
    if length_ms < 1000:
        found.append(f"only {length_ms} ms of audio")
    if audio.tags is None or not audio.tags.getall("TIT2"):
        return [*found, "no title tag"]
    marks = chapters(data)
    if [title for title, _, _ in marks] != titles:
        found.append(f"chapters {[t for t, _, _ in marks]} are not {titles}")
    end = 0
    for title, start, stop in marks:
        if start != end or stop <= start:
            found.append(f"chapter {title!r} runs {start}-{stop} ms after {end} ms")
        end = stop
    if marks and abs(end - length_ms) > 1500:
        found.append(f"chapters end at {end} ms but the audio lasts {length_ms} ms")
    return found
