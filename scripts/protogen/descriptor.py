"""Reads a protoc FileDescriptorSet (binary) into a small in-memory model, with the Python standard library only.

The model keeps what the emitters need: messages, fields, oneofs, enums, services and their methods (with streaming
flags), and leading comments. Constructs no emitter supports (proto2, maps, groups, extensions, proto3 `optional`)
are recorded so that the emitter can refuse them loudly.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

# FieldDescriptorProto.Type
TYPE_DOUBLE, TYPE_FLOAT, TYPE_INT64, TYPE_UINT64, TYPE_INT32, TYPE_FIXED64, TYPE_FIXED32, TYPE_BOOL = range(1, 9)
TYPE_STRING, TYPE_GROUP, TYPE_MESSAGE, TYPE_BYTES, TYPE_UINT32, TYPE_ENUM = range(9, 15)
TYPE_SFIXED32, TYPE_SFIXED64, TYPE_SINT32, TYPE_SINT64 = range(15, 19)
LABEL_REPEATED = 3


class DescriptorError(Exception):
    """The descriptor set is malformed or uses something the generator does not support."""


# --- wire format ---------------------------------------------------------------------------------------------------


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise DescriptorError("truncated varint in descriptor set")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def parse_fields(data: bytes) -> dict[int, list]:
    """Splits one encoded message into {field number: [values]}: ints for varint/fixed fields, bytes otherwise."""
    fields: dict[int, list] = {}
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 1:
            (value,) = struct.unpack_from("<Q", data, pos)
            pos += 8
        elif wire == 2:
            length, pos = _varint(data, pos)
            value = data[pos : pos + length]
            if len(value) != length:
                raise DescriptorError("truncated length-delimited field in descriptor set")
            pos += length
        elif wire == 5:
            (value,) = struct.unpack_from("<I", data, pos)
            pos += 4
        else:
            raise DescriptorError(f"unsupported wire type {wire} in descriptor set")
        fields.setdefault(number, []).append(value)
    return fields


def _str(fields: dict, number: int, default: str = "") -> str:
    values = fields.get(number)
    return values[-1].decode("utf-8") if values else default


def _int(fields: dict, number: int, default: int = 0) -> int:
    values = fields.get(number)
    return values[-1] if values else default


def _packed_ints(values: list) -> list[int]:
    out: list[int] = []
    for value in values:
        if isinstance(value, int):
            out.append(value)
            continue
        pos = 0
        while pos < len(value):
            number, pos = _varint(value, pos)
            out.append(number)
    return out


# --- model ---------------------------------------------------------------------------------------------------------


@dataclass
class Field:
    name: str
    number: int
    type: int
    repeated: bool
    type_name: str  # fully qualified without the leading dot, for message and enum fields
    oneof_index: int | None
    proto3_optional: bool
    comment: str


@dataclass
class EnumValue:
    name: str
    number: int
    comment: str


@dataclass
class Enum:
    name: str
    full_name: str
    values: list[EnumValue]
    comment: str


@dataclass
class Message:
    name: str
    full_name: str
    fields: list[Field]
    oneofs: list[str]
    messages: list["Message"]
    enums: list[Enum]
    is_map_entry: bool
    has_extensions: bool
    comment: str


@dataclass
class Method:
    name: str
    input_type: str  # fully qualified, no leading dot
    output_type: str
    client_streaming: bool
    server_streaming: bool
    comment: str


@dataclass
class Service:
    name: str
    full_name: str
    methods: list[Method]
    comment: str


@dataclass
class File:
    name: str  # e.g. windmaker/common/v1/common.proto
    package: str
    syntax: str
    dependencies: list[str]
    messages: list[Message]
    enums: list[Enum]
    services: list[Service]
    has_extensions: bool = False


@dataclass
class _Comments:
    by_path: dict[tuple, str] = field(default_factory=dict)

    def get(self, path: tuple) -> str:
        return self.by_path.get(path, "")


def _comments(fields: dict) -> _Comments:
    comments = _Comments()
    for info in fields.get(9, []):
        for location in parse_fields(info).get(1, []):
            loc = parse_fields(location)
            text = _str(loc, 3)
            if text:
                comments.by_path[tuple(_packed_ints(loc.get(1, [])))] = text
    return comments


def _enum(data: bytes, scope: str, path: tuple, comments: _Comments) -> Enum:
    fields = parse_fields(data)
    name = _str(fields, 1)
    values = []
    for index, raw in enumerate(fields.get(2, [])):
        value = parse_fields(raw)
        number = _int(value, 2)
        if number >= 1 << 31:
            number -= 1 << 64
        values.append(EnumValue(_str(value, 1), number, comments.get(path + (2, index))))
    return Enum(name, f"{scope}.{name}" if scope else name, values, comments.get(path))


def _message(data: bytes, scope: str, path: tuple, comments: _Comments) -> Message:
    fields = parse_fields(data)
    name = _str(fields, 1)
    full_name = f"{scope}.{name}" if scope else name
    message_fields = []
    for index, raw in enumerate(fields.get(2, [])):
        f = parse_fields(raw)
        message_fields.append(
            Field(
                name=_str(f, 1),
                number=_int(f, 3),
                type=_int(f, 5),
                repeated=_int(f, 4) == LABEL_REPEATED,
                type_name=_str(f, 6).lstrip("."),
                oneof_index=_int(f, 9) if 9 in f else None,
                proto3_optional=bool(_int(f, 17)),
                comment=comments.get(path + (2, index)),
            )
        )
    options = parse_fields(fields[7][-1]) if 7 in fields else {}
    return Message(
        name=name,
        full_name=full_name,
        fields=message_fields,
        oneofs=[_str(parse_fields(raw), 1) for raw in fields.get(8, [])],
        messages=[_message(raw, full_name, path + (3, i), comments) for i, raw in enumerate(fields.get(3, []))],
        enums=[_enum(raw, full_name, path + (4, i), comments) for i, raw in enumerate(fields.get(4, []))],
        is_map_entry=bool(_int(options, 7)),
        has_extensions=bool(fields.get(5) or fields.get(6)),
        comment=comments.get(path),
    )


def _service(data: bytes, package: str, path: tuple, comments: _Comments) -> Service:
    fields = parse_fields(data)
    name = _str(fields, 1)
    methods = []
    for index, raw in enumerate(fields.get(2, [])):
        m = parse_fields(raw)
        methods.append(
            Method(
                name=_str(m, 1),
                input_type=_str(m, 2).lstrip("."),
                output_type=_str(m, 3).lstrip("."),
                client_streaming=bool(_int(m, 5)),
                server_streaming=bool(_int(m, 6)),
                comment=comments.get(path + (2, index)),
            )
        )
    return Service(name, f"{package}.{name}" if package else name, methods, comments.get(path))


def read_descriptor_set(data: bytes) -> list[File]:
    """Decodes a serialized `google.protobuf.FileDescriptorSet`."""
    files = []
    for raw in parse_fields(data).get(1, []):
        fields = parse_fields(raw)
        package = _str(fields, 2)
        comments = _comments(fields)
        files.append(
            File(
                name=_str(fields, 1),
                package=package,
                syntax=_str(fields, 12, "proto2"),
                dependencies=[d.decode("utf-8") for d in fields.get(3, [])],
                messages=[_message(r, package, (4, i), comments) for i, r in enumerate(fields.get(4, []))],
                enums=[_enum(r, package, (5, i), comments) for i, r in enumerate(fields.get(5, []))],
                services=[_service(r, package, (6, i), comments) for i, r in enumerate(fields.get(6, []))],
                has_extensions=bool(fields.get(7)),
            )
        )
    return files
