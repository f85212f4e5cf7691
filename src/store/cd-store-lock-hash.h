/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lock hashes: when a record locks (an accepted quote version, a signed
 * contract, a signed acceptance, a reviewed visit, a signed pickup slip)
 * the SHA-256 of its
 * content goes into its locked_hash column, and `check` recomputes it to
 * show that nothing changed since, even behind the triggers' back.
 *
 * One canonical serialisation serves the lockers and the check. For quotes
 * and contracts it is byte for byte the text of cd_quote_canonical_text ()
 * and cd_contract_canonical_text (): "key=<bytes>:value\n" per value, or
 * "key=-\n" for NULL, children ordered by position (installments by seq). */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/**
 * cd_store_compute_locked_hash:
 * @table: "quote", "contract", "acceptance", "visit" or "pickup_slip"
 *   (from schema 6)
 * @id: the record's id
 * @out: (out) (transfer full): 64 hex digits
 *
 * Hashes the record as it is in the file, taken as locked: the status is
 * not read (quotes count as "accepted", as when they lock; a contract's
 * later moves do not change its hash). So a locker can compute it after
 * writing every other column while the record is still open, and set
 * status and locked_hash in the one UPDATE that locks it.
 */
gboolean cd_store_compute_locked_hash   (CdStore     *store,
                                         const char  *table,
                                         gint64       id,
                                         char       **out,
                                         GError     **error);

/**
 * cd_store_fill_locked_hashes:
 *
 * For bulk writers that lock records with plain UPDATEs (the demo): gives
 * every locked record that has no hash yet the hash of its content. Call
 * it inside the writer's transaction, before the commit. Records that have
 * a hash are never touched; one 'bulk' audit entry per table says how many
 * were filled.
 */
gboolean cd_store_fill_locked_hashes    (CdStore     *store,
                                         GError     **error);

/* For a migration that makes records of @table lockable: gives its locked
 * records without a hash the hash schema @version takes of them (the
 * file's user_version is still the previous one while a migration runs).
 * Inside the migration's own transaction; only that table, so a missing
 * hash elsewhere is still reported by `check`, not laundered. */
gboolean cd_store_fill_locked_hashes_in_migration (CdStore    *store,
                                                   const char *table,
                                                   int         version,
                                                   GError    **error);

/* For `check`: one sentence in @problems per locked record whose hash is
 * missing or no longer matches, and per record that carries a hash but is
 * no longer locked. FALSE only when the check could not run. */
gboolean cd_store_verify_locked_hashes  (CdStore     *store,
                                         GPtrArray   *problems,
                                         GError     **error);

G_END_DECLS
