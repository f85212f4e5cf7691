-- SPDX-License-Identifier: GPL-3.0-or-later
-- ClientDesk schema, version 1. Dates are ISO text 'YYYY-MM-DD', instants
-- 'YYYY-MM-DDTHH:MM:SSZ' (UTC). Money is integer fen (*_fen), quantities
-- integer thousandths (*_milli), rates basis points (*_bp: 600 = 6 %).
-- State changes are checked against state_transition by triggers; locked
-- records refuse change by triggers; audit triggers are generated from this
-- schema by cd-store-audit.c after this script runs.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
);

-- Who is writing: set by the store at the start of each write transaction,
-- read by the audit triggers.
CREATE TABLE current_actor (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  staff_id INTEGER
);
INSERT INTO current_actor (id, staff_id) VALUES (1, NULL);

-- Bulk generation (the demo) records one audit entry instead of millions.
CREATE TABLE audit_control (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1))
);
INSERT INTO audit_control (id, suspended) VALUES (1, 0);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  staff_id   INTEGER,
  table_name TEXT NOT NULL,
  row_id     INTEGER,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'bulk')),
  old_values TEXT,
  new_values TEXT
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
CREATE INDEX audit_log_staff_at ON audit_log (staff_id, at);

CREATE TABLE state_transition (
  entity       TEXT NOT NULL,
  from_state   TEXT NOT NULL,
  to_state     TEXT NOT NULL,
  needs_reason INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity, from_state, to_state)
) WITHOUT ROWID;

-- Document numbers: one counter per kind and period; numbers are never reused.
CREATE TABLE doc_sequence (
  kind     TEXT NOT NULL,
  period   TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (kind, period)
) WITHOUT ROWID;

CREATE TABLE holiday (
  date TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT
) WITHOUT ROWID;

CREATE TABLE deadline_rule (
  code         TEXT PRIMARY KEY NOT NULL,
  day_of_month INTEGER NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),
  months       TEXT NOT NULL DEFAULT 'monthly' CHECK (months IN ('monthly', 'quarterly'))
) WITHOUT ROWID;
INSERT INTO deadline_rule VALUES ('hr-work-order-summary', 3, 'monthly'),
                                 ('cashier-supplier-sheet', 5, 'monthly'),
                                 ('visit-plan', 28, 'monthly'),
                                 ('archive-backup', 5, 'quarterly');

CREATE TABLE staff (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role       TEXT NOT NULL CHECK (role IN ('director', 'account_manager', 'account_executive',
                                           'creative', 'finance', 'hr', 'admin')),
  department TEXT NOT NULL DEFAULT 'account'
             CHECK (department IN ('account', 'creative', 'production', 'media', 'finance', 'hr', 'management')),
  lead_id    INTEGER REFERENCES staff (id),
  email      TEXT,
  phone      TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE tier (
  code             TEXT PRIMARY KEY NOT NULL,
  label            TEXT NOT NULL,
  visit_cycle_days INTEGER NOT NULL CHECK (visit_cycle_days > 0),
  position         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO tier VALUES ('A', 'A', 14, 1), ('B', 'B', 30, 2), ('C', 'C', 90, 3);

CREATE TABLE client (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  short_name      TEXT,
  credit_code     TEXT,
  industry        TEXT,
  region          TEXT,
  address         TEXT,
  tier            TEXT REFERENCES tier (code),
  status          TEXT NOT NULL DEFAULT 'prospect',
  lost_reason     TEXT,
  owner_id        INTEGER REFERENCES staff (id),
  ae_id           INTEGER REFERENCES staff (id),
  source          TEXT,
  invoice_title   TEXT,
  invoice_tax_id  TEXT,
  invoice_bank    TEXT,
  invoice_account TEXT,
  invoice_address TEXT,
  invoice_phone   TEXT,
  notes           TEXT,
  private_notes   TEXT,
  created_on      TEXT NOT NULL DEFAULT (date('now')),
  lost_on         TEXT,
  CHECK (status <> 'lost' OR length(trim(coalesce(lost_reason, ''))) > 0)
);
CREATE INDEX client_owner ON client (owner_id);
CREATE INDEX client_status ON client (status);
CREATE UNIQUE INDEX client_credit_code ON client (credit_code) WHERE credit_code IS NOT NULL AND credit_code <> '';

-- Hand-overs: ownership is never silently overwritten.
CREATE TABLE client_owner_history (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES client (id),
  role       TEXT NOT NULL CHECK (role IN ('am', 'ae')),
  from_staff INTEGER REFERENCES staff (id),
  to_staff   INTEGER REFERENCES staff (id),
  changed_by INTEGER REFERENCES staff (id),
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  reason     TEXT
);
CREATE INDEX client_owner_history_client ON client_owner_history (client_id);

CREATE TABLE contact (
  id                INTEGER PRIMARY KEY,
  client_id         INTEGER NOT NULL REFERENCES client (id),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  title             TEXT,
  phone             TEXT,
  email             TEXT,
  wechat            TEXT,
  is_decision_maker INTEGER NOT NULL DEFAULT 0 CHECK (is_decision_maker IN (0, 1)),
  is_primary        INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  is_emergency      INTEGER NOT NULL DEFAULT 0 CHECK (is_emergency IN (0, 1)),
  notes             TEXT
);
CREATE INDEX contact_client ON contact (client_id);

CREATE TABLE project (
  id                  INTEGER PRIMARY KEY,
  number              TEXT NOT NULL UNIQUE,
  client_id           INTEGER NOT NULL REFERENCES client (id),
  name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  status              TEXT NOT NULL DEFAULT 'brief',
  am_id               INTEGER REFERENCES staff (id),
  ae_id               INTEGER REFERENCES staff (id),
  start_date          TEXT NOT NULL DEFAULT (date('now')),
  due_date            TEXT,
  min_margin_bp       INTEGER NOT NULL DEFAULT 2000 CHECK (min_margin_bp BETWEEN 0 AND 10000),
  cancel_reason       TEXT,
  CHECK (status <> 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0)
);
CREATE INDEX project_client ON project (client_id);
CREATE INDEX project_am ON project (am_id);

CREATE TABLE brief (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL UNIQUE REFERENCES project (id),
  background      TEXT,
  objectives      TEXT,
  audience        TEXT,
  deliverables    TEXT,
  channels        TEXT,
  budget_min_fen  INTEGER CHECK (budget_min_fen >= 0),
  budget_max_fen  INTEGER CHECK (budget_max_fen >= 0),
  event_date      TEXT,
  launch_date     TEXT,
  mandatory       TEXT,
  approvals       TEXT,
  CHECK (budget_min_fen IS NULL OR budget_max_fen IS NULL OR budget_min_fen <= budget_max_fen)
);

CREATE TABLE work_order (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  project_id    INTEGER NOT NULL REFERENCES project (id),
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  department    TEXT NOT NULL CHECK (department IN ('design', 'copywriting', 'production', 'media', 'other')),
  assignee_id   INTEGER REFERENCES staff (id),
  issued_by     INTEGER REFERENCES staff (id),
  requirements  TEXT,
  issued_date   TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  priority      INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  status        TEXT NOT NULL DEFAULT 'issued',
  done_date     TEXT,
  spent_minutes INTEGER NOT NULL DEFAULT 0 CHECK (spent_minutes >= 0),
  CHECK (due_date >= issued_date)
);
CREATE INDEX work_order_project ON work_order (project_id);
CREATE INDEX work_order_assignee ON work_order (assignee_id, status);
CREATE INDEX work_order_issued ON work_order (issued_date);
CREATE INDEX work_order_due ON work_order (status, due_date);

CREATE TABLE work_order_revision (
  id            INTEGER PRIMARY KEY,
  work_order_id INTEGER NOT NULL REFERENCES work_order (id),
  round         INTEGER NOT NULL CHECK (round >= 1),
  date          TEXT NOT NULL,
  reason        TEXT NOT NULL,
  requested_by  TEXT,
  UNIQUE (work_order_id, round)
);

CREATE TABLE catalogue_item (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  spec           TEXT,
  unit           TEXT NOT NULL,
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  tax_rate_bp    INTEGER NOT NULL DEFAULT 600 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  category       TEXT,
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- A quote number names the document; each version is its own row.
CREATE TABLE quote (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  project_id     INTEGER NOT NULL REFERENCES project (id),
  client_id      INTEGER NOT NULL REFERENCES client (id),
  status         TEXT NOT NULL DEFAULT 'draft',
  previous_id    INTEGER REFERENCES quote (id),
  version_reason TEXT,
  created_date   TEXT NOT NULL DEFAULT (date('now')),
  sent_date      TEXT,
  decided_date   TEXT,
  valid_until    TEXT,
  payment_terms  TEXT,
  notes          TEXT,
  subtotal_fen   INTEGER NOT NULL DEFAULT 0,
  tax_fen        INTEGER NOT NULL DEFAULT 0,
  total_fen      INTEGER NOT NULL DEFAULT 0,
  locked_hash    TEXT,
  UNIQUE (number, version),
  CHECK (version = 1 OR length(trim(coalesce(version_reason, ''))) > 0)
);
CREATE INDEX quote_project ON quote (project_id);

CREATE TABLE quote_line (
  id                INTEGER PRIMARY KEY,
  quote_id          INTEGER NOT NULL REFERENCES quote (id),
  position          INTEGER NOT NULL,
  catalogue_item_id INTEGER REFERENCES catalogue_item (id),
  item              TEXT NOT NULL,
  spec              TEXT,
  qty_milli         INTEGER NOT NULL CHECK (qty_milli > 0),
  unit              TEXT,
  unit_price_fen    INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  discount_bp       INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
  tax_rate_bp       INTEGER NOT NULL DEFAULT 600 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  amount_fen        INTEGER NOT NULL
);
CREATE INDEX quote_line_quote ON quote_line (quote_id, position);

CREATE TABLE contract (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  quote_id         INTEGER REFERENCES quote (id),
  project_id       INTEGER NOT NULL REFERENCES project (id),
  client_id        INTEGER NOT NULL REFERENCES client (id),
  status           TEXT NOT NULL DEFAULT 'draft',
  subject          TEXT NOT NULL,
  amount_fen       INTEGER NOT NULL CHECK (amount_fen >= 0),
  start_date       TEXT,
  end_date         TEXT,
  signed_date      TEXT,
  clauses          TEXT,
  amends_id        INTEGER REFERENCES contract (id),
  amendment_reason TEXT,
  terminate_reason TEXT,
  locked_hash      TEXT,
  CHECK (status <> 'terminated' OR length(trim(coalesce(terminate_reason, ''))) > 0),
  CHECK (amends_id IS NULL OR length(trim(coalesce(amendment_reason, ''))) > 0),
  CHECK (status NOT IN ('signed', 'executing', 'completed', 'terminated') OR signed_date IS NOT NULL)
);
CREATE INDEX contract_signed ON contract (signed_date);
CREATE INDEX contract_project ON contract (project_id);

CREATE TABLE installment (
  id          INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contract (id),
  seq         INTEGER NOT NULL,
  label       TEXT NOT NULL,
  due_date    TEXT NOT NULL,
  amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
  UNIQUE (contract_id, seq)
);

CREATE TABLE payment (
  id             INTEGER PRIMARY KEY,
  installment_id INTEGER NOT NULL REFERENCES installment (id),
  date           TEXT NOT NULL,
  amount_fen     INTEGER NOT NULL CHECK (amount_fen > 0),
  method         TEXT NOT NULL DEFAULT 'transfer' CHECK (method IN ('transfer', 'cheque', 'cash', 'other')),
  reference      TEXT
);
CREATE INDEX payment_installment ON payment (installment_id);

CREATE TABLE supplier (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  category        TEXT NOT NULL DEFAULT 'other'
                  CHECK (category IN ('print', 'large_format', 'led', 'gifts', 'fabrication', 'other')),
  credit_code     TEXT,
  contact         TEXT,
  phone           TEXT,
  address         TEXT,
  bank            TEXT,
  account         TEXT,
  vat_type        TEXT NOT NULL DEFAULT 'general' CHECK (vat_type IN ('general', 'small_scale')),
  invoice_rate_bp INTEGER NOT NULL DEFAULT 1300 CHECK (invoice_rate_bp BETWEEN 0 AND 10000),
  payment_terms   TEXT,
  notes           TEXT,
  status          TEXT NOT NULL DEFAULT 'active'
);
CREATE UNIQUE INDEX supplier_credit_code ON supplier (credit_code) WHERE credit_code IS NOT NULL AND credit_code <> '';

CREATE TABLE supplier_quote (
  id            INTEGER PRIMARY KEY,
  project_id    INTEGER NOT NULL REFERENCES project (id),
  supplier_id   INTEGER NOT NULL REFERENCES supplier (id),
  quote_line_id INTEGER REFERENCES quote_line (id),
  item          TEXT NOT NULL,
  spec          TEXT,
  qty_milli     INTEGER NOT NULL CHECK (qty_milli > 0),
  price_fen     INTEGER NOT NULL CHECK (price_fen >= 0),
  lead_days     INTEGER CHECK (lead_days >= 0),
  quote_date    TEXT NOT NULL,
  chosen        INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
  choice_reason TEXT,
  notes         TEXT
);
CREATE INDEX supplier_quote_project ON supplier_quote (project_id);

CREATE TABLE supplier_order (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE,
  project_id     INTEGER NOT NULL REFERENCES project (id),
  supplier_id    INTEGER NOT NULL REFERENCES supplier (id),
  status         TEXT NOT NULL DEFAULT 'requested',
  order_date     TEXT NOT NULL,
  promised_date  TEXT,
  delivered_date TEXT,
  accepted_date  TEXT,
  delivery_place TEXT,
  rework_of_id   INTEGER REFERENCES supplier_order (id),
  notes          TEXT
);
CREATE INDEX supplier_order_accepted ON supplier_order (accepted_date);
CREATE INDEX supplier_order_supplier ON supplier_order (supplier_id);
CREATE INDEX supplier_order_project ON supplier_order (project_id);

CREATE TABLE supplier_order_line (
  id             INTEGER PRIMARY KEY,
  order_id       INTEGER NOT NULL REFERENCES supplier_order (id),
  position       INTEGER NOT NULL,
  quote_line_id  INTEGER REFERENCES quote_line (id),
  item           TEXT NOT NULL,
  spec           TEXT,
  qty_milli      INTEGER NOT NULL CHECK (qty_milli > 0),
  unit           TEXT,
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  tax_rate_bp    INTEGER NOT NULL DEFAULT 1300 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  amount_fen     INTEGER NOT NULL,
  tax_fen        INTEGER NOT NULL
);
CREATE INDEX supplier_order_line_order ON supplier_order_line (order_id, position);

CREATE TABLE supplier_payment (
  id                INTEGER PRIMARY KEY,
  supplier_order_id INTEGER NOT NULL REFERENCES supplier_order (id),
  date              TEXT NOT NULL,
  amount_fen        INTEGER NOT NULL CHECK (amount_fen > 0),
  reference         TEXT
);
CREATE INDEX supplier_payment_order ON supplier_payment (supplier_order_id);

CREATE TABLE checklist_template (
  id   INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('print', 'large_format', 'led', 'gifts', 'fabrication', 'other', 'output')),
  name TEXT NOT NULL
);

CREATE TABLE checklist_template_item (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES checklist_template (id),
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL
);

CREATE TABLE acceptance (
  id                INTEGER PRIMARY KEY,
  number            TEXT NOT NULL UNIQUE,
  kind              TEXT NOT NULL DEFAULT 'delivery' CHECK (kind IN ('delivery', 'output')),
  supplier_order_id INTEGER REFERENCES supplier_order (id),
  work_order_id     INTEGER REFERENCES work_order (id),
  template_id       INTEGER REFERENCES checklist_template (id),
  status            TEXT NOT NULL DEFAULT 'draft',
  result            TEXT CHECK (result IN ('pass', 'fail', 'conditional')),
  inspected_date    TEXT NOT NULL,
  signed_by         INTEGER REFERENCES staff (id),
  signed_date       TEXT,
  notes             TEXT,
  locked_hash       TEXT,
  CHECK ((supplier_order_id IS NOT NULL) <> (work_order_id IS NOT NULL)),
  CHECK (status <> 'signed' OR (signed_by IS NOT NULL AND signed_date IS NOT NULL AND result IS NOT NULL))
);
CREATE INDEX acceptance_order ON acceptance (supplier_order_id);
CREATE INDEX acceptance_signed ON acceptance (signed_date);

CREATE TABLE acceptance_item (
  id            INTEGER PRIMARY KEY,
  acceptance_id INTEGER NOT NULL REFERENCES acceptance (id),
  position      INTEGER NOT NULL,
  text          TEXT NOT NULL,
  result        TEXT CHECK (result IN ('pass', 'fail', 'conditional')),
  note          TEXT
);
CREATE INDEX acceptance_item_acceptance ON acceptance_item (acceptance_id, position);

CREATE TABLE pickup_slip (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  project_id  INTEGER NOT NULL REFERENCES project (id),
  client_id   INTEGER NOT NULL REFERENCES client (id),
  date        TEXT NOT NULL,
  received_by TEXT,
  status      TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'signed')),
  notes       TEXT
);
CREATE INDEX pickup_slip_date ON pickup_slip (date);

CREATE TABLE pickup_slip_line (
  id        INTEGER PRIMARY KEY,
  slip_id   INTEGER NOT NULL REFERENCES pickup_slip (id),
  position  INTEGER NOT NULL,
  item      TEXT NOT NULL,
  qty_milli INTEGER NOT NULL CHECK (qty_milli > 0),
  unit      TEXT
);

CREATE TABLE visit (
  id              INTEGER PRIMARY KEY,
  client_id       INTEGER NOT NULL REFERENCES client (id),
  staff_id        INTEGER NOT NULL REFERENCES staff (id),
  contact_id      INTEGER REFERENCES contact (id),
  date            TEXT NOT NULL,
  mode            TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'phone', 'online')),
  special         INTEGER NOT NULL DEFAULT 0 CHECK (special IN (0, 1)),
  topic           TEXT,
  opinions        TEXT,
  needs           TEXT,
  handling_status TEXT,
  next_date       TEXT,
  status          TEXT NOT NULL DEFAULT 'logged',
  review_comment  TEXT,
  reviewed_by     INTEGER REFERENCES staff (id),
  reviewed_at     TEXT,
  locked_hash     TEXT
);
CREATE INDEX visit_client ON visit (client_id, date);
CREATE INDEX visit_staff ON visit (staff_id, date);

CREATE TABLE feedback (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES client (id),
  kind        TEXT NOT NULL CHECK (kind IN ('complaint', 'praise')),
  date        TEXT NOT NULL,
  summary     TEXT NOT NULL,
  valid       INTEGER CHECK (valid IN (0, 1)),
  owner_id    INTEGER REFERENCES staff (id),
  resolution  TEXT,
  status      TEXT NOT NULL DEFAULT 'open',
  closed_date TEXT
);
CREATE INDEX feedback_client ON feedback (client_id);

CREATE TABLE attachment (
  id          INTEGER PRIMARY KEY,
  owner_table TEXT NOT NULL,
  owner_id    INTEGER NOT NULL,
  filename    TEXT NOT NULL,
  mime_type   TEXT,
  content     BLOB,
  added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX attachment_owner ON attachment (owner_table, owner_id);

-- State machines: every status change must be a row of state_transition
-- (seeded by the store from src/core/cd-states.c); a new row must start in
-- a state the machine knows.
CREATE TRIGGER client_status_move BEFORE UPDATE OF status ON client
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'client' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:client'); END;
CREATE TRIGGER client_status_known BEFORE INSERT ON client
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'client' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:client'); END;
CREATE TRIGGER project_status_move BEFORE UPDATE OF status ON project
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'project' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:project'); END;
CREATE TRIGGER project_status_known BEFORE INSERT ON project
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'project' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:project'); END;
CREATE TRIGGER quote_status_move BEFORE UPDATE OF status ON quote
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'quote' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:quote'); END;
CREATE TRIGGER quote_status_known BEFORE INSERT ON quote
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'quote' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:quote'); END;
CREATE TRIGGER contract_status_move BEFORE UPDATE OF status ON contract
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'contract' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:contract'); END;
CREATE TRIGGER contract_status_known BEFORE INSERT ON contract
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'contract' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:contract'); END;
CREATE TRIGGER work_order_status_move BEFORE UPDATE OF status ON work_order
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'work_order' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:work_order'); END;
CREATE TRIGGER work_order_status_known BEFORE INSERT ON work_order
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'work_order' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:work_order'); END;
CREATE TRIGGER supplier_order_status_move BEFORE UPDATE OF status ON supplier_order
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'supplier_order' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:supplier_order'); END;
CREATE TRIGGER supplier_order_status_known BEFORE INSERT ON supplier_order
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'supplier_order' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:supplier_order'); END;
CREATE TRIGGER acceptance_status_move BEFORE UPDATE OF status ON acceptance
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'acceptance' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:acceptance'); END;
CREATE TRIGGER acceptance_status_known BEFORE INSERT ON acceptance
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'acceptance' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:acceptance'); END;
CREATE TRIGGER visit_status_move BEFORE UPDATE OF status ON visit
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'visit' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:visit'); END;
CREATE TRIGGER visit_status_known BEFORE INSERT ON visit
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'visit' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:visit'); END;
CREATE TRIGGER feedback_status_move BEFORE UPDATE OF status ON feedback
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'feedback' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:feedback'); END;
CREATE TRIGGER feedback_status_known BEFORE INSERT ON feedback
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'feedback' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:feedback'); END;
CREATE TRIGGER supplier_status_move BEFORE UPDATE OF status ON supplier
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'supplier' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:supplier'); END;
CREATE TRIGGER supplier_status_known BEFORE INSERT ON supplier
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'supplier' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:supplier'); END;

-- Locked records (DESIGN.md §5): whatever program writes to the file, an
-- accepted quote version, a signed contract, a signed acceptance and a
-- reviewed visit refuse change and deletion. Corrections are new records.
CREATE TRIGGER quote_locked_update BEFORE UPDATE ON quote WHEN OLD.status = 'accepted'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:quote'); END;
CREATE TRIGGER quote_locked_delete BEFORE DELETE ON quote WHEN OLD.status = 'accepted'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:quote'); END;
CREATE TRIGGER quote_line_locked_insert BEFORE INSERT ON quote_line
WHEN (SELECT status FROM quote WHERE id = NEW.quote_id) = 'accepted'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:quote'); END;
CREATE TRIGGER quote_line_locked_update BEFORE UPDATE ON quote_line
WHEN (SELECT status FROM quote WHERE id = OLD.quote_id) = 'accepted'
  OR (SELECT status FROM quote WHERE id = NEW.quote_id) = 'accepted'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:quote'); END;
CREATE TRIGGER quote_line_locked_delete BEFORE DELETE ON quote_line
WHEN (SELECT status FROM quote WHERE id = OLD.quote_id) = 'accepted'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:quote'); END;

-- A signed contract may still move through its states; its content may not change.
CREATE TRIGGER contract_locked_update BEFORE UPDATE ON contract
WHEN OLD.status <> 'draft' AND (NEW.number IS NOT OLD.number OR NEW.quote_id IS NOT OLD.quote_id OR NEW.project_id IS NOT OLD.project_id OR NEW.client_id IS NOT OLD.client_id OR NEW.subject IS NOT OLD.subject OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.start_date IS NOT OLD.start_date OR NEW.end_date IS NOT OLD.end_date OR NEW.signed_date IS NOT OLD.signed_date OR NEW.clauses IS NOT OLD.clauses OR NEW.amends_id IS NOT OLD.amends_id OR NEW.amendment_reason IS NOT OLD.amendment_reason OR NEW.locked_hash IS NOT OLD.locked_hash)
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:contract'); END;
CREATE TRIGGER contract_locked_delete BEFORE DELETE ON contract WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:contract'); END;
CREATE TRIGGER installment_locked_insert BEFORE INSERT ON installment
WHEN (SELECT status FROM contract WHERE id = NEW.contract_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:contract'); END;
CREATE TRIGGER installment_locked_update BEFORE UPDATE ON installment
WHEN (SELECT status FROM contract WHERE id = OLD.contract_id) <> 'draft'
  OR (SELECT status FROM contract WHERE id = NEW.contract_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:contract'); END;
CREATE TRIGGER installment_locked_delete BEFORE DELETE ON installment
WHEN (SELECT status FROM contract WHERE id = OLD.contract_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:contract'); END;

CREATE TRIGGER acceptance_locked_update BEFORE UPDATE ON acceptance WHEN OLD.status = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_locked_delete BEFORE DELETE ON acceptance WHEN OLD.status = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_item_locked_insert BEFORE INSERT ON acceptance_item
WHEN (SELECT status FROM acceptance WHERE id = NEW.acceptance_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_item_locked_update BEFORE UPDATE ON acceptance_item
WHEN (SELECT status FROM acceptance WHERE id = OLD.acceptance_id) = 'signed'
  OR (SELECT status FROM acceptance WHERE id = NEW.acceptance_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;
CREATE TRIGGER acceptance_item_locked_delete BEFORE DELETE ON acceptance_item
WHEN (SELECT status FROM acceptance WHERE id = OLD.acceptance_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:acceptance'); END;

CREATE TRIGGER visit_locked_update BEFORE UPDATE ON visit WHEN OLD.status = 'reviewed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:visit'); END;
CREATE TRIGGER visit_locked_delete BEFORE DELETE ON visit WHEN OLD.status = 'reviewed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:visit'); END;
