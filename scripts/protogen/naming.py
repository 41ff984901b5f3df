"""Names: proto → Swift (namespaces, types, properties, enum cases) and proto → protoc-c (structs, functions)."""

from __future__ import annotations

import re

from descriptor import DescriptorError

ACRONYMS = {"rpc": "RPC"}

SWIFT_KEYWORDS = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
    "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
    "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
    "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "consume", "copy", "borrowing",
    "consuming", "some", "any",
}  # fmt: skip

# Type names the generated code refers to unqualified; a proto type with one of these names would shadow it.
RESERVED_TYPE_NAMES = {
    "String", "Int32", "Int64", "UInt32", "UInt64", "UInt8", "Bool", "Float", "Double", "Array", "Optional", "Error",
    "Hasher", "Sendable", "Hashable", "RawRepresentable", "Never", "Self", "Type", "Protocol", "ProtoMessage",
    "ProtoEnum", "ProtoByteSink", "ProtoDecodingError", "ProtoEncodingError", "UnsafeRawBufferPointer", "CArena",
}  # fmt: skip


def _words(snake: str) -> list[str]:
    return [w for w in snake.split("_") if w]


def upper_camel(snake: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in _words(snake))


def lower_camel(snake: str) -> str:
    words = _words(snake)
    if not words:
        raise DescriptorError(f"cannot make a Swift name from {snake!r}")
    if snake.isupper() or snake.isdigit():
        words = [w.lower() for w in words]
    head = words[0][:1].lower() + words[0][1:]
    return head + "".join(w[:1].upper() + w[1:] for w in words[1:])


def escaped(identifier: str) -> str:
    """An identifier usable in declarations and after `self.`: keywords in backticks."""
    return f"`{identifier}`" if identifier in SWIFT_KEYWORDS else identifier


def namespace(package: str) -> str:
    """`windmaker.common.v1` → `CommonV1`; `windmaker.rpc.v1` → `RPCV1`."""
    parts = package.split(".")
    if len(parts) < 2:
        raise DescriptorError(f"package {package!r} needs at least two components (e.g. windmaker.common.v1)")
    out = []
    for part in parts[1:]:
        out.append(ACRONYMS.get(part) or upper_camel(part))
    return "".join(out)


def enum_case(enum_name: str, value_name: str) -> str:
    """`SERVING_STATUS_NOT_SERVING` in `ServingStatus` → `notServing`."""
    prefix = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", enum_name).upper() + "_"
    stripped = value_name[len(prefix) :] if value_name.startswith(prefix) else value_name
    if not stripped or stripped[0].isdigit():
        stripped = value_name
    return lower_camel(stripped.lower())


# --- protoc-c names ------------------------------------------------------------------------------------------------


def _c_camel_to_lower(name: str) -> str:
    out = name[:1].lower()
    for ch in name[1:]:
        out += f"_{ch.lower()}" if ch.isupper() else ch
    return out


def c_struct_name(package: str, type_path: list[str]) -> str:
    """`windmaker.common.v1` + [`Money`] → `Windmaker__Common__V1__Money` (protoc-c's FullNameToC)."""
    return "__".join([upper_camel(p) for p in package.split(".")] + type_path)


def c_function_prefix(package: str, type_path: list[str]) -> str:
    """`windmaker.testing.v1` + [`AllKinds`, `Nested`] → `windmaker__testing__v1__all_kinds__nested`."""
    return "__".join(package.split(".") + [_c_camel_to_lower(n) for n in type_path])
