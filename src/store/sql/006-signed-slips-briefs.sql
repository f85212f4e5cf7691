-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 6: two rules the store kept in C alone, now kept by the file
-- itself, whatever program writes to it (DESIGN.md §5).
--
-- 1. A signed pickup slip (客户提货单) is locked like a signed acceptance:
--    the slip and its lines refuse change and deletion, and it carries the
--    date it was marked signed and the hash of its locked content, which
--    `check` recomputes (cd-store-lock-hash.c). The hashes of slips already
--    signed are taken by the migration's hook, after this script.
-- 2. A project leaves its brief for quoting only with a complete brief, by
--    the definition of cd_brief_missing_fields () (cd-store-projects.c).

ALTER TABLE pickup_slip ADD COLUMN signed_on TEXT CHECK (signed_on IS NULL OR date (signed_on) IS signed_on);
ALTER TABLE pickup_slip ADD COLUMN locked_hash TEXT;
-- A slip's lines are read by slip: for the slip window, and now for every
-- signed slip's hash, which `check` and the demo take tens of thousands
-- of times on the large demo (a scan of all lines each, without it).
CREATE INDEX IF NOT EXISTS pickup_slip_line_slip ON pickup_slip_line (slip_id, position);

-- The audit triggers of pickup_slip were generated before these columns;
-- dropped here so that they are generated again with them. Dropped before
-- the fill below, which is recorded as one 'bulk' entry instead of one
-- entry per slip.
DROP TRIGGER IF EXISTS audit_pickup_slip_insert;
DROP TRIGGER IF EXISTS audit_pickup_slip_update;
DROP TRIGGER IF EXISTS audit_pickup_slip_delete;

-- Slips signed before version 6: the day the audit log saw the slip become
-- signed (its last such entry, in local time, as the store writes dates),
-- and where the log has none (a bulk writer such as the demo suspends it)
-- the slip's own date, the day the goods went out, as nothing better is
-- known; a slip whose date is not a date gets the day of the migration.
UPDATE pickup_slip SET signed_on = coalesce (
  (SELECT date (a.at, 'localtime') FROM audit_log a
   WHERE a.table_name = 'pickup_slip' AND a.row_id = pickup_slip.id
     AND a.action IN ('insert', 'update')
     AND json_valid (a.new_values) AND json_extract (a.new_values, '$.status') = 'signed'
     AND json_extract (a.new_values, '$.number') IS pickup_slip.number
     AND (a.old_values IS NULL OR NOT json_valid (a.old_values)
          OR json_extract (a.old_values, '$.status') IS NOT 'signed')
   ORDER BY a.at DESC, a.id DESC LIMIT 1),
  date (date),
  date ('now', 'localtime'))
WHERE status = 'signed' AND signed_on IS NULL;

INSERT INTO audit_log (staff_id, table_name, row_id, action, new_values)
SELECT NULL, 'pickup_slip', NULL, 'bulk', json_object ('signed_on_filled', n)
FROM (SELECT count (*) AS n FROM pickup_slip WHERE status = 'signed') WHERE n > 0;

-- A slip is signed on a known day (once signed, the lock below speaks).
CREATE TRIGGER pickup_slip_signed_on_insert BEFORE INSERT ON pickup_slip
WHEN NEW.status = 'signed' AND NEW.signed_on IS NULL
BEGIN SELECT RAISE (ABORT, 'clientdesk:invalid:pickup_slip signed without signed_on'); END;
CREATE TRIGGER pickup_slip_signed_on_update BEFORE UPDATE OF status, signed_on ON pickup_slip
WHEN OLD.status IS NOT 'signed' AND NEW.status = 'signed' AND NEW.signed_on IS NULL
BEGIN SELECT RAISE (ABORT, 'clientdesk:invalid:pickup_slip signed without signed_on'); END;

-- A signed slip is locked with its lines. Signing is the move from
-- 'issued' (OLD), so it passes; nothing after it does.
CREATE TRIGGER pickup_slip_locked_update BEFORE UPDATE ON pickup_slip WHEN OLD.status = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:pickup_slip'); END;
CREATE TRIGGER pickup_slip_locked_delete BEFORE DELETE ON pickup_slip WHEN OLD.status = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:pickup_slip'); END;
CREATE TRIGGER pickup_slip_line_locked_insert BEFORE INSERT ON pickup_slip_line
WHEN (SELECT status FROM pickup_slip WHERE id = NEW.slip_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:pickup_slip'); END;
CREATE TRIGGER pickup_slip_line_locked_update BEFORE UPDATE ON pickup_slip_line
WHEN (SELECT status FROM pickup_slip WHERE id = OLD.slip_id) = 'signed'
  OR (SELECT status FROM pickup_slip WHERE id = NEW.slip_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:pickup_slip'); END;
CREATE TRIGGER pickup_slip_line_locked_delete BEFORE DELETE ON pickup_slip_line
WHEN (SELECT status FROM pickup_slip WHERE id = OLD.slip_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:pickup_slip'); END;

-- The move to quoting needs a complete brief: every text field not blank
-- (blank: NULL, or only the ASCII spaces g_ascii_isspace () knows: tab,
-- newline, form feed, carriage return, space), both ends of the budget,
-- and an event or a launch date. The machine lets a project leave 'brief'
-- only for 'quoting' or 'cancelled', so this is the C check's "any move out
-- of brief but a cancel"; the store checks first and names the missing
-- fields, this catches every other writer.
CREATE TRIGGER project_brief_complete BEFORE UPDATE OF status ON project
WHEN OLD.status = 'brief' AND NEW.status = 'quoting' AND NOT EXISTS (
  SELECT 1 FROM brief b WHERE b.project_id = NEW.id
    AND trim (coalesce (b.background, ''), char (9, 10, 12, 13, 32)) <> ''
    AND trim (coalesce (b.objectives, ''), char (9, 10, 12, 13, 32)) <> ''
    AND trim (coalesce (b.audience, ''), char (9, 10, 12, 13, 32)) <> ''
    AND trim (coalesce (b.deliverables, ''), char (9, 10, 12, 13, 32)) <> ''
    AND trim (coalesce (b.channels, ''), char (9, 10, 12, 13, 32)) <> ''
    AND coalesce (b.budget_min_fen, -1) >= 0 AND coalesce (b.budget_max_fen, -1) >= 0
    AND (trim (coalesce (b.event_date, ''), char (9, 10, 12, 13, 32)) <> ''
         OR trim (coalesce (b.launch_date, ''), char (9, 10, 12, 13, 32)) <> '')
    AND trim (coalesce (b.mandatory, ''), char (9, 10, 12, 13, 32)) <> ''
    AND trim (coalesce (b.approvals, ''), char (9, 10, 12, 13, 32)) <> '')
BEGIN SELECT RAISE (ABORT, 'clientdesk:brief:project'); END;
