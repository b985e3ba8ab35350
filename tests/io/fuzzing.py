"""Mutating valid spreadsheets into broken and hostile ones, reproducibly from a seed.

Each mutation works at one level of the file: its bytes (flips, cuts, splices), its zip archive
(a member dropped, replaced by garbage, or renamed), or the XML inside (text cut out, numbers and
cell references made extreme, cell types changed, entity declarations added). The same seed always
gives the same file, so a case that ever fails can be kept and replayed.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable

Mutation = Callable[[random.Random, bytes], bytes]


def flip_bytes(chance: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(chance.randint(1, 64)):
        out[chance.randrange(len(out))] = chance.randrange(256)
    return bytes(out)


def cut(chance: random.Random, data: bytes) -> bytes:
    return data[:chance.randrange(1, len(data))]


def splice(chance: random.Random, data: bytes) -> bytes:
    """A stretch of the file repeated, dropped or replaced by noise."""
    start = chance.randrange(len(data))
    end = min(len(data), start + chance.randint(1, 4096))
    choice = chance.randrange(3)
    if choice == 0:
        return data[:end] + data[start:end] * chance.randint(2, 50) + data[end:]
    if choice == 1:
        return data[:start] + data[end:]
    return data[:start] + chance.randbytes(end - start) + data[end:]


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in members:
            archive.writestr(info.filename, content, zipfile.ZIP_STORED if info.filename == "mimetype"
                             else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_member(chance: random.Random, data: bytes) -> bytes:
    """A member of the archive dropped, emptied, filled with garbage, or given another's name."""
    members = _members(data)
    index = chance.randrange(len(members))
    info, content = members[index]
    choice = chance.randrange(4)
    if choice == 0:
        del members[index]
    elif choice == 1:
        members[index] = (info, b"")
    elif choice == 2:
        members[index] = (info, chance.randbytes(chance.randint(1, 2048)))
    else:
        other = members[chance.randrange(len(members))][0]
        members[index] = (info, dict((i.filename, c) for i, c in members)[other.filename])
    return _rezip(members)


_NUMBER = re.compile(rb"(?<=[>\"])-?\d+(?:\.\d+)?(?=[<\"])")
_REFERENCE = re.compile(rb'(?<=r=")[A-Z]+\d+(?=")')
_TYPE = re.compile(rb'(?<=\st=")[a-zA-Z]+(?=")|(?<=office:value-type=")[a-z]+(?=")')
EXTREME_NUMBERS = (b"1e308", b"-1e308", b"1e999", b"NaN", b"-0", b"99999999999999999999999",
                   b"4294967296", b"-1", b"0.000000000000001", b"", b"12abc")
EXTREME_REFERENCES = (b"XFD1048576", b"A0", b"A1048577", b"ZZZZ1", b"A99999999999", b"", b"1A")
CELL_TYPES = (b"s", b"str", b"inlineStr", b"b", b"e", b"n", b"d", b"float", b"percentage", b"date",
              b"time", b"boolean", b"string", b"currency", b"zz")
ENTITIES = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>')


def xml(chance: random.Random, data: bytes) -> bytes:
    """One XML part of the workbook changed: broken, extreme, retyped or carrying entities."""
    members = _members(data)
    parts = [i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))]
    index = chance.choice(parts)
    info, content = members[index]
    choice = chance.randrange(6)
    if choice == 0 and content:  # text cut out: unbalanced tags, half an attribute
        start = chance.randrange(len(content))
        content = content[:start] + content[start + chance.randint(1, 200):]
    elif choice == 1:
        content = _replace_some(chance, _NUMBER, content, EXTREME_NUMBERS)
    elif choice == 2:
        content = _replace_some(chance, _REFERENCE, content, EXTREME_REFERENCES)
    elif choice == 3:
        content = _replace_some(chance, _TYPE, content, CELL_TYPES)
    elif choice == 4:
        declaration = chance.choice(ENTITIES)
        content = declaration + re.sub(rb"^<\?xml[^>]*\?>", b"", content)
    else:  # an element repeated many times over
        start = chance.randrange(max(1, len(content)))
        end = content.find(b">", start) + 1
        content = content[:end] + content[start:end] * chance.randint(2, 500) + content[end:]
    members[index] = (info, content)
    return _rezip(members)


def _replace_some(chance: random.Random, pattern: re.Pattern, content: bytes,
                  replacements: tuple[bytes, ...]) -> bytes:
    spots = [m.span() for m in pattern.finditer(content)]
    for start, end in sorted(chance.sample(spots, min(len(spots), chance.randint(1, 8))), reverse=True):
        content = content[:start] + chance.choice(replacements) + content[end:]
    return content


def text(chance: random.Random, data: bytes) -> bytes:
    """A CSV made awkward: bad UTF-8, NULs, an open quote, a vast field or line, odd line ends."""
    choice = chance.randrange(5)
    at = chance.randrange(len(data))
    if choice == 0:
        return data[:at] + chance.choice((b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x00\x00")) + data[at:]
    if choice == 1:
        return data[:at] + b'"' + data[at:]
    if choice == 2:
        return data[:at] + b"9" * chance.randint(1000, 200_000) + data[at:]
    if choice == 3:
        return data.replace(b"\r\n", chance.choice((b"\r", b"\n\n", b"\x0b", b"\x1e")))
    return data[:at] + b"," * chance.randint(100, 20_000) + data[at:]


BYTE_MUTATIONS: tuple[Mutation, ...] = (flip_bytes, cut, splice)
ZIP_MUTATIONS: tuple[Mutation, ...] = (zip_member, xml, xml)  # XML is where readers are richest


def mutate(fmt: str, data: bytes, seed: int) -> tuple[bytes, str]:
    """The file for case `seed`, and the name of the mutation that made it.

    Workbooks mostly get semantic mutations (tests/io/semantic_fuzzing.py), the ones that found
    what byte flips did not; CSV files mostly get the pathologies of real and hostile systems.
    """
    from tests.io.semantic_fuzzing import csv_pathology, ods_meaning, xlsx_meaning

    chance = random.Random(seed)
    choices = list(BYTE_MUTATIONS)
    if fmt in ("xlsx", "xlsm"):
        choices += list(ZIP_MUTATIONS) * 2 + [xlsx_meaning] * 9
    elif fmt == "ods":
        choices += list(ZIP_MUTATIONS) * 2 + [ods_meaning] * 9
    elif fmt == "csv":
        choices += [text, text] + [csv_pathology] * 5
    mutation = chance.choice(choices)
    return mutation(chance, data), mutation.__name__
