"""Audio: espeak-ng (British English, marked passages in their language), lame MP3, ID3."""

from __future__ import annotations

import importlib
import io
import shutil
import subprocess
import tempfile
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leafpress.errors import InputError
from leafpress.outputs import speech
from leafpress.outputs.base import Rendered, RenderJob
from leafpress.outputs.blocks import Document
from leafpress.outputs.naming import ReaderNames
from leafpress.outputs.one_file import OneFile, document_for

VOICE = "en-gb"
WORDS_PER_MINUTE = 160
SECTION_PAUSE_S = 1.2
"""Silence between chapters."""
BITRATE_KBPS = 48


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise InputError.single(f"the audio format needs '{name}', which is not installed",
                                hint=f"Run 'make setup' (it installs the Debian package "
                                     f"{package}).")
    return found


def synthesise(ssml: str, espeak: str) -> bytes:
    """One chapter's speech as WAV bytes."""
    result = subprocess.run(
        [espeak, "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-m", "--stdin", "--stdout"],
        input=f"<speak>{ssml}</speak>".encode(), capture_output=True, check=True)
    return result.stdout


def join(waves: list[bytes], pause_s: float) -> tuple[bytes, list[tuple[int, int]]]:
    """One WAV with silence between the parts, and each part's (start, end) in ms."""
    out = io.BytesIO()
    spans = []
    frames_so_far = 0
    with wave.open(out, "wb") as target:
        for index, data in enumerate(waves):
            with wave.open(io.BytesIO(data)) as source:
                if index == 0:
                    target.setparams(source.getparams())
                rate = source.getframerate()
                frames = source.readframes(source.getnframes())
            silence = b"\0" * (int(rate * pause_s) * source.getsampwidth()
                               * source.getnchannels())
            start = frames_so_far * 1000 // rate
            target.writeframes(frames + silence)
            frames_so_far += (len(frames) + len(silence)) // (source.getsampwidth()
                                                                * source.getnchannels())
            spans.append((start, frames_so_far * 1000 // rate))
    return out.getvalue(), spans


def tag(path: Path, doc: Document, titles: list[str], spans: list[tuple[int, int]]) -> None:
    """Title, publisher, language, dates and one ID3 CHAP frame per chapter, with a CTOC."""
    # mutagen's frame classes are untyped: use them through one Any-typed module.
    id3: Any = importlib.import_module("mutagen.id3")
    CHAP, COMM, CTOC, TIT2, TLAN, TPE1 = (id3.CHAP, id3.COMM, id3.CTOC, id3.TIT2, id3.TLAN,
                                          id3.TPE1)
    tags = id3.ID3()
    tags.add(TIT2(encoding=3, text=[doc.title]))
    tags.add(TPE1(encoding=3, text=[doc.publisher]))
    tags.add(TLAN(encoding=3, text=["eng"]))
    tags.add(COMM(encoding=3, lang="eng", desc="", text=[doc.footer]))
    ids = [f"chp{index}" for index in range(len(titles))]
    tags.add(CTOC(element_id="toc", flags=id3.CTOCFlags.TOP_LEVEL | id3.CTOCFlags.ORDERED,
                  child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=["Contents"])]))
    for element_id, title, (start, end) in zip(ids, titles, spans, strict=True):
        tags.add(CHAP(element_id=element_id, start_time=start, end_time=end,
                      sub_frames=[TIT2(encoding=3, text=[title])]))
    tags.save(path, v2_version=4)


def record(doc: Document, read_references: bool = False) -> bytes:
    """The whole leaflet read aloud, as MP3 bytes with chapters."""
    espeak = _tool("espeak-ng", "espeak-ng")
    lame = _tool("lame", "lame")
    chapters = speech.chapters(doc, read_references)
    with ThreadPoolExecutor(max_workers=2) as pool:
        waves = list(pool.map(lambda c: synthesise(c.ssml, espeak), chapters))
    joined, spans = join(waves, SECTION_PAUSE_S)
    with tempfile.TemporaryDirectory(prefix="leafpress-audio-") as folder:
        source, target = Path(folder) / "in.wav", Path(folder) / "out.mp3"
        source.write_bytes(joined)
        subprocess.run([lame, "--quiet", "-q", "7", "-m", "m", "-b", str(BITRATE_KBPS), str(source),
                        str(target)], check=True)
        tag(target, doc, [c.title for c in chapters], spans)
        return target.read_bytes()


#: How readers are told about this format (outputs/naming.py).
READER_NAMES = ReaderNames(
    in_sentence="audio",
    in_list="audio (MP3, read by a computer voice)",
    described="Audio (MP3)",
)


@dataclass(frozen=True)
class Audio(OneFile):
    """The leaflet read aloud by a computer voice, with a chapter per section."""

    name: str = "audio"
    media_type: str = "audio/mpeg"
    reader_names: ReaderNames | None = READER_NAMES
    file: str = "audio.mp3"
    read_references: bool = False
    """Read citations as "source 1" and the reference list (off: they are noise aloud)."""

    def render(self, job: RenderJob) -> Rendered:
        """Speak each chapter with espeak-ng, join, encode with lame and tag."""
        data = record(document_for(job), self.read_references)
        return Rendered(self.name, job.edition.name, self.file, self.media_type, data, 0)
