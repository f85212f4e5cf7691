# SPDX-License-Identifier: GPL-3.0-or-later
"""A few lines of TAP for the data-suite scripts (meson runs them with
protocol: 'tap'): collect the checks, then print the plan and one line each."""
import os
import subprocess
import sys

sys.dont_write_bytecode = True

SOURCE_ROOT = os.environ.get ('CLIENTDESK_SOURCE_ROOT') or os.path.abspath (
    os.path.join (os.path.dirname (__file__), '..', '..'))
BUILD_ROOT = os.environ.get ('CLIENTDESK_BUILD_ROOT', '')
APP_ID = 'org.example.ClientDesk'


class Tap:
    def __init__ (self):
        self.results = []   # (ok, description, [diagnostic lines])

    def check (self, ok, description, diagnostics=()):
        self.results.append ((bool (ok), description, list (diagnostics)))
        return ok

    def run_tool (self, description, cmd, **kwargs):
        """One check: the command exits 0. Its output becomes diagnostics."""
        try:
            proc = subprocess.run (cmd, capture_output=True, text=True, **kwargs)
        except FileNotFoundError:
            return self.check (False, description, [cmd[0] + ' is not installed'])
        output = (proc.stdout + proc.stderr).splitlines ()
        return self.check (proc.returncode == 0, description,
                           output + ['exit status %d' % proc.returncode])

    def finish (self):
        print ('1..%d' % len (self.results))
        for n, (ok, description, diagnostics) in enumerate (self.results, 1):
            print ('%s %d - %s' % ('ok' if ok else 'not ok', n,
                                   description.replace ('\n', ' ')))
            if not ok:
                for line in diagnostics:
                    print ('# ' + line)
        sys.stdout.flush ()
        return 0


def source_path (*parts):
    return os.path.join (SOURCE_ROOT, *parts)
