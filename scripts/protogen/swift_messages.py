"""Emits Swift message types (and their protobuf-c conversions) from the descriptor model.

Output is already in the repository's swift-format style (4-space indent, 120 columns, one argument per line when a
call does not fit), so `swift format lint` on it is clean and `generate-protos --check` stays byte-exact.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import descriptor as d
from descriptor import DescriptorError, Enum, Field, File, Message
from swift_conversions import CConversions
from swift_writer import Writer
from naming import (
    RESERVED_TYPE_NAMES,
    c_function_prefix,
    c_struct_name,
    enum_case,
    escaped,
    lower_camel,
    namespace,
    upper_camel,
)


# proto type → (Swift type, default literal)
SCALARS = {
    d.TYPE_INT32: ("Int32", "0"), d.TYPE_SINT32: ("Int32", "0"), d.TYPE_SFIXED32: ("Int32", "0"),
    d.TYPE_INT64: ("Int64", "0"), d.TYPE_SINT64: ("Int64", "0"), d.TYPE_SFIXED64: ("Int64", "0"),
    d.TYPE_UINT32: ("UInt32", "0"), d.TYPE_FIXED32: ("UInt32", "0"),
    d.TYPE_UINT64: ("UInt64", "0"), d.TYPE_FIXED64: ("UInt64", "0"),
    d.TYPE_FLOAT: ("Float", "0"), d.TYPE_DOUBLE: ("Double", "0"),
    d.TYPE_BOOL: ("Bool", "false"), d.TYPE_STRING: ("String", '""'), d.TYPE_BYTES: ("[UInt8]", "[]"),
}  # fmt: skip


@dataclass
class TypeInfo:
    swift: str  # fully qualified Swift name, e.g. TestingV1.AllKinds.Nested
    c_struct: str
    c_prefix: str
    file: File
    message: Message | None = None
    enum: Enum | None = None


class Generator(CConversions):
    def __init__(self, files: list[File], c_include: str, proto_root: str) -> None:
        self.files = files
        self.c_include = c_include
        self.proto_root = proto_root.rstrip("/")
        self.types: dict[str, TypeInfo] = {}
        for file in files:
            self._check_file(file)
            for message in file.messages:
                self._register_message(file, message, [])
            for enum in file.enums:
                self._register_enum(file, enum, [])
        self._check_no_recursion()

    # --- validation and registry -----------------------------------------------------------------------------------

    def _check_file(self, file: File) -> None:
        if file.syntax != "proto3":
            raise DescriptorError(f"{file.name}: only proto3 is supported (found {file.syntax})")
        if file.has_extensions:
            raise DescriptorError(f"{file.name}: extensions are not supported")

    def _check_name(self, file: File, full_name: str, name: str) -> None:
        if name in RESERVED_TYPE_NAMES:
            raise DescriptorError(f"{file.name}: type {full_name} would shadow the Swift type {name}; rename it")

    def _register_message(self, file: File, message: Message, outer: list[str]) -> None:
        path = outer + [message.name]
        self._check_name(file, message.full_name, message.name)
        if message.is_map_entry:
            raise DescriptorError(f"{file.name}: map fields are not supported ({message.full_name})")
        if message.has_extensions:
            raise DescriptorError(f"{file.name}: extensions are not supported ({message.full_name})")
        for f in message.fields:
            if f.type == d.TYPE_GROUP:
                raise DescriptorError(f"{file.name}: groups are not supported ({message.full_name}.{f.name})")
            if f.proto3_optional:
                raise DescriptorError(
                    f"{file.name}: proto3 `optional` is not supported ({message.full_name}.{f.name}); "
                    "protoc-c 1.4 cannot generate it"
                )
        swift = ".".join([namespace(file.package)] + path)
        info = TypeInfo(swift, c_struct_name(file.package, path), c_function_prefix(file.package, path), file, message)
        self.types[message.full_name] = info
        for nested in message.messages:
            self._register_message(file, nested, path)
        for enum in message.enums:
            self._register_enum(file, enum, path)

    def _register_enum(self, file: File, enum: Enum, outer: list[str]) -> None:
        self._check_name(file, enum.full_name, enum.name)
        numbers = [v.number for v in enum.values]
        if len(set(numbers)) != len(numbers):
            raise DescriptorError(f"{file.name}: enum aliases (allow_alias) are not supported ({enum.full_name})")
        cases = [enum_case(enum.name, v.name) for v in enum.values]
        if len(set(cases)) != len(cases) or "unrecognized" in cases:
            raise DescriptorError(f"{file.name}: enum {enum.full_name} has clashing Swift case names {cases}")
        if not enum.values or enum.values[0].number != 0:
            raise DescriptorError(f"{file.name}: proto3 enum {enum.full_name} must start with a zero value")
        swift = ".".join([namespace(file.package)] + outer + [enum.name])
        self.types[enum.full_name] = TypeInfo(swift, "", "", file, enum=enum)

    def _check_no_recursion(self) -> None:
        """Swift structs cannot contain themselves; only repeated fields (arrays) may recurse."""
        state: dict[str, int] = {}

        def visit(name: str, trail: list[str]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                cycle = " → ".join(trail[trail.index(name) :] + [name])
                raise DescriptorError(f"recursive singular message fields are not supported: {cycle}")
            state[name] = 1
            for f in self.types[name].message.fields:
                if f.type == d.TYPE_MESSAGE and not f.repeated:
                    visit(f.type_name, trail + [name])
            state[name] = 2

        for name, info in self.types.items():
            if info.message is not None:
                visit(name, [])

    def _check_c_names(self, file: File, header_text: str) -> None:
        for info in self.types.values():
            if info.file is file and info.message is not None:
                for needle in (info.c_struct, info.c_prefix + "__init"):
                    if needle not in header_text:
                        raise DescriptorError(f"{file.name}: protoc-c header lacks the expected name {needle}")

    # --- output ----------------------------------------------------------------------------------------------------

    def generate(self, files: list[File]) -> dict[str, str]:
        outputs = {"Namespaces.swift": self._namespaces(files)}
        for file in files:
            header = os.path.join(self.c_include, file.name.removesuffix(".proto") + ".pb-c.h")
            with open(header, encoding="utf-8") as handle:
                self._check_c_names(file, handle.read())
            outputs[file.name.removesuffix(".proto").replace("/", "_") + ".swift"] = self._file(file)
        return outputs

    def _banner(self, source: str) -> str:
        return f"// Generated by scripts/generate-protos from {source}; do not edit."

    def _namespaces(self, files: list[File]) -> str:
        w = Writer()
        w(self._banner(f"{self.proto_root}/"))
        by_namespace: dict[str, list[File]] = {}
        for file in files:
            by_namespace.setdefault(namespace(file.package), []).append(file)
        for name in sorted(by_namespace):
            package = by_namespace[name][0].package
            sources = ", ".join(f"`{self.proto_root}/{f.name}`" for f in by_namespace[name])
            w()
            w(f"/// Types generated from the proto package `{package}` ({sources}).")
            w(f"public enum {name} {{}}")
        return "\n".join(w.lines) + "\n"

    def _file(self, file: File) -> str:
        w = Writer()
        w(self._banner(f"{self.proto_root}/{file.name}"))
        w()
        w("internal import CWindMakerProtos")
        if file.messages or file.enums:
            w()
            w.open(f"extension {namespace(file.package)}")
            first = True
            for enum in file.enums:
                first = self._separator(w, first)
                self._enum(w, enum)
            for message in file.messages:
                first = self._separator(w, first)
                self._message(w, message)
            w.close()
        for info in self.types.values():
            if info.file is file and info.message is not None:
                w()
                self._conversions(w, info)
        return "\n".join(w.lines) + "\n"

    @staticmethod
    def _separator(w: Writer, first: bool) -> bool:
        if not first:
            w()
        return False

    # --- enums -----------------------------------------------------------------------------------------------------

    def _enum(self, w: Writer, enum: Enum) -> None:
        cases = [(escaped(enum_case(enum.name, v.name)), v) for v in enum.values]
        w.doc(enum.comment)
        w.open(f"public enum {enum.name}: ProtoEnum")
        for case, value in cases:
            w.doc(value.comment)
            w(f"case {case}")
        w("/// A value this version of the proto does not know (proto3 enums are open).")
        w("case unrecognized(Int32)")
        w()
        w.call("public static let knownCases: [Self] = [", [f".{c}" for c, _ in cases], "]")
        w()
        w.open("public init()")
        w(f"self = .{cases[0][0]}")
        w.close()
        w()
        w.open("public init(rawValue: Int32)")
        w.open_switch("rawValue")
        for case, value in cases:
            w.case(f"case {value.number}:", f"self = .{case}")
        w.case("default:", "self = .unrecognized(rawValue)")
        w("}")
        w.close()
        w()
        w.open("public var rawValue: Int32")
        w.open_switch("self")
        for case, value in cases:
            w.case(f"case .{case}:", f"{value.number}")
        w.case("case .unrecognized(let value):", "value")
        w("}")
        w.close()
        w()
        w("/// Compares numbers, so `.unrecognized(1)` equals the case whose number is 1.")
        w.open("public static func == (lhs: Self, rhs: Self) -> Bool")
        w("lhs.rawValue == rhs.rawValue")
        w.close()
        w()
        w.open("public func hash(into hasher: inout Hasher)")
        w("hasher.combine(self.rawValue)")
        w.close()
        w.close()

    # --- messages --------------------------------------------------------------------------------------------------

    def _swift_type(self, f: Field) -> tuple[str, str]:
        """The Swift property type and its default, ignoring oneof membership."""
        if f.type in SCALARS:
            base, default = SCALARS[f.type]
        elif f.type == d.TYPE_ENUM:
            base, default = self.types[f.type_name].swift, ".init()"
        elif f.type == d.TYPE_MESSAGE:
            base, default = self.types[f.type_name].swift, "nil"
        else:
            raise DescriptorError(f"unsupported field type {f.type} for {f.name}")
        if f.repeated:
            return f"[{base}]", "[]"
        if f.type == d.TYPE_MESSAGE:
            return f"{base}?", default
        return base, default

    def _properties(self, message: Message) -> list[tuple[str, str, str, str]]:
        """(Swift name, type, default, doc) for every stored property: plain fields, then one per oneof."""
        props = []
        for f in message.fields:
            if f.oneof_index is None:
                swift_type, default = self._swift_type(f)
                props.append((lower_camel(f.name), swift_type, default, f.comment))
        for oneof in message.oneofs:
            props.append((lower_camel(oneof), f"{upper_camel(oneof)}?", "nil", ""))
        names = [p[0] for p in props]
        clash = {n for n in names if names.count(n) > 1} | ({"protoName"} & set(names))
        if clash:
            raise DescriptorError(f"{message.full_name}: Swift property names clash: {sorted(clash)}")
        return props

    def _message(self, w: Writer, message: Message) -> None:
        w.doc(message.comment)
        w.open(f"public struct {message.name}: ProtoMessage")
        w(f'public static let protoName = "{message.full_name}"')
        for enum in message.enums:
            w()
            self._enum(w, enum)
        for nested in message.messages:
            w()
            self._message(w, nested)
        for index, oneof in enumerate(message.oneofs):
            w()
            w.open(f"public enum {upper_camel(oneof)}: Sendable, Hashable")
            for f in message.fields:
                if f.oneof_index == index:
                    w.doc(f.comment)
                    w(f"case {escaped(lower_camel(f.name))}({self._swift_type(f)[0].removesuffix('?')})")
            w.close()
        props = self._properties(message)
        if props:
            w()
        for name, swift_type, default, doc in props:
            w.doc(doc)
            w(f"public var {escaped(name)}: {swift_type}" + ("" if default == "nil" else f" = {default}"))
        w()
        w("public init() {}")
        if props:
            w()
            w.call("public init(", [f"{escaped(n)}: {t} = {v}" for n, t, v, _ in props], ") {")
            w.level += 1
            for name, *_ in props:
                w(f"self.{escaped(name)} = {escaped(name)}")
            w.close()
        w()
        w.open("public init(serializedBytes bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError)")
        w("self = try Self.unpack(bytes)")
        w.close()
        w()
        w.open("public func serialize<Sink: ProtoByteSink>(into sink: inout Sink) throws(ProtoEncodingError)")
        w("try self.pack(into: &sink)")
        w.close()
        w.close()
