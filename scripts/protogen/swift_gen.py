#!/usr/bin/env python3
"""Turns a protoc descriptor set into Swift message types that encode and decode through protobuf-c.

Usage: swift_gen.py --descriptor-set FILE --c-include DIR --out DIR

Writes one `<path_with_underscores>.swift` per proto file plus `Namespaces.swift`. Python standard library only.
Services are parsed into the model (descriptor.Service) but not emitted here: the service emitter is separate.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from descriptor import DescriptorError, File, read_descriptor_set  # noqa: E402
from swift_messages import Generator  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--descriptor-set", required=True, help="output of protoc --descriptor_set_out")
    parser.add_argument("--c-include", required=True, help="directory with protoc-c's .pb-c.h headers")
    parser.add_argument("--out", required=True, help="directory for the generated Swift")
    parser.add_argument("--proto-root", default="Protos", help="how the header comment names the proto files")
    parser.add_argument("files", nargs="*", help="proto files to emit (default: every file in the set)")
    args = parser.parse_args()

    with open(args.descriptor_set, "rb") as handle:
        files: list[File] = read_descriptor_set(handle.read())
    wanted = set(args.files) or {f.name for f in files}
    try:
        generator = Generator(files, args.c_include, args.proto_root)
        outputs = generator.generate([f for f in files if f.name in wanted])
    except DescriptorError as error:
        print(f"swift_gen: error: {error}", file=sys.stderr)
        return 1

    os.makedirs(args.out, exist_ok=True)
    for name, text in sorted(outputs.items()):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
