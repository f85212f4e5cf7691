/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters
 * from a 31-character set, the last one a check character over the first 17. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_CREDIT_CODE_ERROR (cd_credit_code_error_quark ())

/**
 * CdCreditCodeError:
 * @CD_CREDIT_CODE_ERROR_LENGTH: not 18 characters
 * @CD_CREDIT_CODE_ERROR_CHARACTER: a character the code set does not have
 *   (I, O, S, V, Z, lower case, punctuation, anything non-ASCII)
 * @CD_CREDIT_CODE_ERROR_CHECK: the 18th character does not match the other 17
 */
typedef enum
{
  CD_CREDIT_CODE_ERROR_LENGTH,
  CD_CREDIT_CODE_ERROR_CHARACTER,
  CD_CREDIT_CODE_ERROR_CHECK,
} CdCreditCodeError;

#define CD_CREDIT_CODE_LENGTH 18

GQuark   cd_credit_code_error_quark     (void);

/* The check character for the first 17 characters of @code, or '\0' when
 * one of them is outside the code set. */
char     cd_credit_code_check_char      (const char  *code);

/* Strict: exactly 18 characters of the code set, upper case, right check
 * character. The message is one translated sentence. */
gboolean cd_credit_code_validate        (const char  *code,
                                         GError     **error);

/* What people type → what is stored: spaces (ASCII and ideographic) and
 * hyphens removed, full-width forms made ASCII, letters in upper case.
 * @text must be valid UTF-8. Free with g_free(). */
char    *cd_credit_code_normalize       (const char  *text);

G_END_DECLS
