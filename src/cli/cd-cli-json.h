/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GVariant → JSON (RFC 8259) for `list --json`. Appends to a GString so that
 * the caller can flush row by row instead of building one giant string. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @value as JSON: dictionaries (a{s*}, also a{x*} with the key
 * written as a string) become objects, other arrays and tuples become
 * arrays, integers numbers, booleans booleans, maybe-nothing and non-finite
 * doubles null, variants their content. */
void cd_cli_json_append        (GString    *out,
                                GVariant   *value);

/* Appends @text (@length bytes, or -1 for NUL-terminated) as a JSON string:
 * quotes, backslashes and every control character escaped, U+2028 and
 * U+2029 escaped, and each byte that is not part of valid UTF-8 replaced by
 * U+FFFD, so the output is always valid JSON in valid UTF-8. */
void cd_cli_json_append_string (GString    *out,
                                const char *text,
                                gssize      length);

G_END_DECLS
