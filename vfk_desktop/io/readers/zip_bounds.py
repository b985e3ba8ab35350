"""Inflating a workbook's zip members ourselves, within bounds, before any reader sees them.

A zip's directory can lie: a member that says it inflates to 1 MB may inflate to 2 GB, and calamine
inflates what the stream holds. So every member is inflated here as a stream, from its local header,
and stopped the moment it passes the size its directory declared, the total vfk reads, or the ratio
of a zip bomb. The XML members come back inflated, for the content checks and the cell-fact scans.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib

from vfk_desktop.io.readers.sheets import BadFile

MAX_MEMBERS = 10_000  # a workbook with charts and pictures has a few hundred
MAX_UNCOMPRESSED = 400 * 2**20  # all members together, inflated
MAX_RATIO = 100  # inflated / compressed, per XML member (Apache POI's limit)
RATIO_FLOOR = 2 * 2**20  # members smaller than this inflated are too small to matter
_INPUT_STEP = 64 * 2**10  # compressed bytes fed at a time, so a bomb is caught a few MB in
_OUTPUT_STEP = 2**20
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then name and extra-field lengths at 26
_LOOKS_LIKE_XML = re.compile(rb"<[?!A-Za-z_]")


def inflate_members(name: str, data: bytes, archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Every member checked; the XML ones (by name or content) returned inflated."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BadFile(f"{name} is refused: it holds {len(infos):,} parts, far more than a workbook "
                      f"has ({MAX_MEMBERS:,} at most).")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNCOMPRESSED:
        raise _too_big(name, declared)
    for info in infos:  # a declared bomb is refused before anything is inflated
        ratio = info.file_size / max(info.compress_size, 1)
        if info.filename.lower().endswith(".xml") and info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise _bomb(name, info.filename)
    xml: dict[str, bytes] = {}
    budget = MAX_UNCOMPRESSED
    for info in infos:
        if info.is_dir():
            continue
        content = _inflate(name, data, info, budget)
        budget -= len(content) if content is not None else info.file_size
        if content is not None:
            xml[info.filename] = content
    return xml


def _too_big(name: str, size: int) -> BadFile:
    return BadFile(f"{name} would unpack to {size // 2**20:,} MB, more than the "
                   f"{MAX_UNCOMPRESSED // 2**20} MB vfk reads; it may be a zip bomb, or a sheet far "
                   f"larger than a partner's return.")


def _bomb(name: str, member: str) -> BadFile:
    return BadFile(f"{name} is refused: its part {member} inflates over {MAX_RATIO} times, the mark "
                   f"of a zip bomb.")


def _damaged(name: str, member: str, what: str) -> BadFile:
    return BadFile(f"{name} is damaged: its part {member} {what}.")


def _start_of(name: str, data: bytes, info: zipfile.ZipInfo) -> int:
    """Where the member's compressed bytes begin, from its own local header."""
    at = info.header_offset
    if at < 0 or at + _LOCAL_HEADER.size > len(data):
        raise _damaged(name, info.filename, "lies outside the file")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, at)
    if signature != b"PK\x03\x04":
        raise _damaged(name, info.filename, "does not start where the archive says")
    return at + _LOCAL_HEADER.size + name_length + extra_length


def _inflate(name: str, data: bytes, info: zipfile.ZipInfo, budget: int) -> bytes | None:
    """The member inflated (XML) or None (anything else, inflated and let go), within bounds."""
    if info.flag_bits & 0x1:
        raise BadFile(f"{name} is password-protected; save an unprotected copy to import.")
    start = _start_of(name, data, info)
    xml_by_name = info.filename.lower().endswith((".xml", ".rels"))
    if info.compress_type == zipfile.ZIP_STORED:
        content = data[start:start + info.compress_size]
        if len(content) != info.file_size:
            raise _damaged(name, info.filename, "is cut short")
        keep = xml_by_name or _LOOKS_LIKE_XML.search(content[:65536])
        return content if keep else None
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise BadFile(f"{name} uses a compression vfk cannot read (method {info.compress_type}); "
                      f"open it in Excel and save it again to import it.")
    return _stream(name, data, info, start, budget, xml_by_name)


def _stream(name: str, data: bytes, info: zipfile.ZipInfo, start: int, budget: int,
            xml_by_name: bool) -> bytes | None:
    inflater = zlib.decompressobj(-15)
    pieces: list[bytes] = []
    size, crc, position = 0, 0, start
    keep: bool | None = True if xml_by_name else None
    limit = min(info.file_size, budget)
    while not inflater.eof:
        if inflater.unconsumed_tail:
            piece = inflater.decompress(inflater.unconsumed_tail, _OUTPUT_STEP)
        elif position < len(data):
            piece = inflater.decompress(data[position:position + _INPUT_STEP], _OUTPUT_STEP)
            position += _INPUT_STEP
        else:
            raise _damaged(name, info.filename, "is cut short")
        if not piece:
            continue
        if keep is None:
            keep = bool(_LOOKS_LIKE_XML.search(piece[:65536]))
        size += len(piece)
        if size > limit:
            if size > budget:
                raise _too_big(name, MAX_UNCOMPRESSED + 1)
            raise _damaged(name, info.filename, "inflates to more than its archive declares")
        if keep and size > RATIO_FLOOR and size > MAX_RATIO * (position - start):
            raise _bomb(name, info.filename)
        crc = zlib.crc32(piece, crc)
        if keep:
            pieces.append(piece)
    if size != info.file_size or crc != info.CRC:
        raise _damaged(name, info.filename, "fails its checksum")
    return b"".join(pieces) if keep else None
