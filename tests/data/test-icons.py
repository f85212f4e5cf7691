#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Both application icons parse and render, at the size their theme slot says."""
import os
import re
import struct
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
from taplib import APP_ID, Tap, source_path  # noqa: E402

ICONS = (
    ('scalable', APP_ID + '.svg', 128),
    ('symbolic', APP_ID + '-symbolic.svg', 16),
)


def png_size (path):
    """(width, height) from the IHDR chunk, or None if it is not a PNG."""
    with open (path, 'rb') as f:
        head = f.read (24)
    if len (head) < 24 or head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack ('>II', head[16:24])


def check_render (tap, slot, name, size, tmpdir):
    svg = source_path ('icons', 'hicolor', slot, 'apps', name)
    png = os.path.join (tmpdir, name + '.png')
    try:
        proc = subprocess.run (['rsvg-convert', '-o', png, svg], capture_output=True, text=True)
    except FileNotFoundError:
        return tap.check (False, '%s renders' % name, ['rsvg-convert (librsvg2-bin) is not installed'])
    dims = png_size (png) if proc.returncode == 0 and os.path.exists (png) else None
    tap.check (dims == (size, size) and os.path.getsize (png) > 0,
               '%s renders to a %d×%d PNG' % (name, size, size),
               [proc.stderr.strip (), 'got %s' % (dims,)])


def main ():
    tap = Tap ()
    with tempfile.TemporaryDirectory () as tmpdir:
        for slot, name, size in ICONS:
            check_render (tap, slot, name, size, tmpdir)

    symbolic = source_path ('icons', 'hicolor', 'symbolic', 'apps', APP_ID + '-symbolic.svg')
    with open (symbolic, encoding='utf-8') as f:
        colours = set (c.lower () for c in re.findall (r'#[0-9a-fA-F]{3,6}\b', f.read ()))
    # GTK recolours symbolic icons; a second colour would be lost or wrong.
    tap.check (len (colours) == 1, 'the symbolic icon uses a single colour', sorted (colours))
    return tap.finish ()


if __name__ == '__main__':
    sys.exit (main ())
