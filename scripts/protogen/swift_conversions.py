"""Emits each message's conversions to and from its protoc-c struct (the `CMessageBacked` conformance)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import descriptor as d
from descriptor import Field
from naming import escaped, lower_camel, upper_camel
from swift_writer import INDENT, Writer

if TYPE_CHECKING:
    from swift_messages import TypeInfo


class CConversions:
    """Mixed into the message generator; needs its `types` registry."""

    def _conversions(self, w: Writer, info: TypeInfo) -> None:
        message = info.message
        w.open(f"extension {info.swift}: CMessageBacked")
        w.open(f"static func cInit(_ message: UnsafeMutablePointer<{info.c_struct}>)")
        w(f"{info.c_prefix}__init(message)")
        w.close()
        w()
        w.open(f"init(c: {info.c_struct}) throws(ProtoDecodingError)")
        if not message.fields:
            w("self.init()")
        for f in message.fields:
            if f.oneof_index is None:
                self._decode_field(w, f)
        for index, oneof in enumerate(message.oneofs):
            w.open_switch(f"c.{oneof}_case.rawValue")
            for f in message.fields:
                if f.oneof_index == index:
                    w(f"case {f.number}:")
                    w.level += 1
                    self._decode_oneof_member(w, f, lower_camel(oneof), upper_camel(oneof))
                    w.level -= 1
            w.case("default:", f"self.{escaped(lower_camel(oneof))} = nil")
            w("}")
        w.close()
        w()
        w.open_function("func fill(", [f"_ c: inout {info.c_struct}", "arena: CArena"], " throws(ProtoEncodingError)")
        for f in message.fields:
            if f.oneof_index is None:
                self._encode_field(w, f)
        for index, oneof in enumerate(message.oneofs):
            w.open_switch(f"self.{escaped(lower_camel(oneof))}")
            for f in message.fields:
                if f.oneof_index == index:
                    w(f"case .{escaped(lower_camel(f.name))}(let value)?:")
                    w.level += 1
                    w(f"c.{oneof}_case = .init(rawValue: {f.number})")
                    self._assign(w, f"c.{escaped(f.name)} = ", self._encode_value(f, "value"))
                    w.level -= 1
            w.case("case nil:", "break")
            w("}")
        w.close()
        w.close()

    def _assign(self, w: Writer, target: str, expression: tuple[str, list[str], str] | str) -> None:
        if isinstance(expression, str):
            w(target + expression)
        else:
            head, args, tail = expression
            w.call(target + head, args, tail)

    @staticmethod
    def _where(f: Field) -> list[str]:
        return [f'field: "{f.name}"', "in: Self.protoName"]

    def _decode_value(self, f: Field, src: str) -> tuple[str, list[str], str] | str:
        if f.type == d.TYPE_BOOL:
            return f"{src} != 0"
        if f.type == d.TYPE_STRING:
            return ("try CDecode.string(", [src] + self._where(f), ")")
        if f.type == d.TYPE_BYTES:
            return f"CDecode.bytes({src})"
        if f.type == d.TYPE_ENUM:
            return f".init(cEnum: {src})"
        if f.type == d.TYPE_MESSAGE:
            return f"try CDecode.message({src})"
        return src

    def _decode_field(self, w: Writer, f: Field) -> None:
        target = f"self.{escaped(lower_camel(f.name))} = "
        src, count = f"c.{escaped(f.name)}", f"count: c.n_{f.name}"
        if not f.repeated:
            self._assign(w, target, self._decode_value(f, src))
            return
        transforms = {d.TYPE_BOOL: "{ $0 != 0 }", d.TYPE_BYTES: "{ CDecode.bytes($0) }", d.TYPE_ENUM: "{ .init(cEnum: $0) }"}
        if f.type == d.TYPE_STRING:
            w.call(f"{target}try CDecode.strings(", [src, count] + self._where(f))
        elif f.type == d.TYPE_MESSAGE:
            w.call(f"{target}try CDecode.messages(", [src, count])
        else:
            transform = transforms.get(f.type)
            w.call(f"{target}CDecode.array(", [src, count], ")" + (f" {transform}" if transform else ""))

    def _decode_oneof_member(self, w: Writer, f: Field, prop: str, enum_name: str) -> None:
        case = escaped(lower_camel(f.name))
        src = f"c.{escaped(f.name)}"
        if f.type == d.TYPE_MESSAGE:
            w(f"self.{escaped(prop)} = try CDecode.message({src}).map({enum_name}.{case})")
            return
        value = self._decode_value(f, src)
        if isinstance(value, str):
            w(f"self.{escaped(prop)} = .{case}({value.removeprefix('try ')})")
        else:
            head, args, tail = value
            w.call(f"self.{escaped(prop)} = try .{case}({head.removeprefix('try ')}", args, tail + ")")

    def _encode_value(self, f: Field, value: str) -> tuple[str, list[str], str] | str:
        if f.type == d.TYPE_BOOL:
            return f"{value} ? 1 : 0"
        if f.type == d.TYPE_STRING:
            return ("try arena.string(", [value] + self._where(f), ")")
        if f.type == d.TYPE_BYTES:
            return f"arena.bytes({value})"
        if f.type == d.TYPE_ENUM:
            return f"{value}.cEnum()"
        if f.type == d.TYPE_MESSAGE:
            return f"try arena.message({value})"
        return value

    def _encode_field(self, w: Writer, f: Field) -> None:
        value = f"self.{escaped(lower_camel(f.name))}"
        if not f.repeated:
            self._assign(w, f"c.{escaped(f.name)} = ", self._encode_value(f, value))
            return
        target = f"(c.n_{f.name}, c.{escaped(f.name)}) = "
        transforms = {d.TYPE_BOOL: "{ $0 ? 1 : 0 }", d.TYPE_BYTES: "{ arena.bytes($0) }", d.TYPE_ENUM: "{ $0.cEnum() }"}
        if f.type == d.TYPE_STRING:
            w.call(f"{target}try arena.strings(", [value] + self._where(f))
        elif f.type == d.TYPE_MESSAGE:
            w.call(f"{target}try arena.messages(", [value])
        else:
            transform = transforms.get(f.type)
            w.call(f"{target}arena.array(", [value], ")" + (f" {transform}" if transform else ""))
