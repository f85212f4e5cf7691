-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 3: what delivery acceptance (交货验收) needs beyond version 1.
--
-- An acceptance counts what arrived against what was ordered, line by line:
-- acceptance_quantity keeps both numbers as they stood at inspection, so a
-- later rework order or an edited order line cannot rewrite what was
-- counted. A new table rather than columns on acceptance_item, because the
-- audit triggers of an existing table are not regenerated for a new column.
--
-- A signed acceptance is locked with everything it consists of: its counts
-- and its photos (attachment rows owned by the acceptance) refuse change
-- like its items do.

CREATE TABLE acceptance_quantity (
  id             INTEGER PRIMARY KEY,
  acceptance_id  INTEGER NOT NULL REFERENCES acceptance (id),
  order_line_id  INTEGER REFERENCES supplier_order_line (id),
  position       INTEGER NOT NULL,
  item           TEXT NOT NULL,
  unit           TEXT,
  ordered_milli  INTEGER NOT NULL CHECK (ordered_milli > 0),
  received_milli INTEGER CHECK (received_milli >= 0)
);
CREATE INDEX acceptance_quantity_acceptance ON acceptance_quantity (acceptance_id, position);

-- One inspection under way per order: a second draft would split the
-- judgement of one delivery in two.
CREATE UNIQUE INDEX acceptance_one_draft_per_order ON acceptance (supplier_order_id)
  WHERE status = 'draft' AND supplier_order_id IS NOT NULL;

-- The scorecard follows rework chains and reads quotes by supplier.
CREATE INDEX supplier_order_rework ON supplier_order (rework_of_id) WHERE rework_of_id IS NOT NULL;
CREATE INDEX supplier_quote_supplier ON supplier_quote (supplier_id);

CREATE TRIGGER acceptance_quantity_locked_insert BEFORE INSERT ON acceptance_quantity
WHEN (SELECT status FROM acceptance WHERE id = NEW.acceptance_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_quantity_locked_update BEFORE UPDATE ON acceptance_quantity
WHEN (SELECT status FROM acceptance WHERE id = OLD.acceptance_id) = 'signed'
  OR (SELECT status FROM acceptance WHERE id = NEW.acceptance_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_quantity_locked_delete BEFORE DELETE ON acceptance_quantity
WHEN (SELECT status FROM acceptance WHERE id = OLD.acceptance_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;

CREATE TRIGGER acceptance_photo_locked_insert BEFORE INSERT ON attachment
WHEN NEW.owner_table = 'acceptance'
  AND (SELECT status FROM acceptance WHERE id = NEW.owner_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_photo_locked_update BEFORE UPDATE ON attachment
WHEN (OLD.owner_table = 'acceptance'
      AND (SELECT status FROM acceptance WHERE id = OLD.owner_id) = 'signed')
  OR (NEW.owner_table = 'acceptance'
      AND (SELECT status FROM acceptance WHERE id = NEW.owner_id) = 'signed')
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_photo_locked_delete BEFORE DELETE ON attachment
WHEN OLD.owner_table = 'acceptance'
  AND (SELECT status FROM acceptance WHERE id = OLD.owner_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
