-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 5 (issue 12): visit plans (客户访问日程表) with their entries,
-- matched to the visits that fulfilled them; meetings with attendees,
-- minutes and action items, an action item linked both ways to the work
-- order it became. The visit_plan state machine is seeded from
-- src/core/cd-states.c by the migration's hook; audit triggers for the new
-- tables are generated after this script.

CREATE TABLE visit_plan (
  id             INTEGER PRIMARY KEY,
  staff_id       INTEGER NOT NULL REFERENCES staff (id),
  period         TEXT NOT NULL CHECK (period IN ('week', 'month')),
  start_date     TEXT NOT NULL CHECK (date (start_date) IS start_date),
  end_date       TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'draft',
  submitted_at   TEXT,
  reviewed_by    INTEGER REFERENCES staff (id),
  reviewed_at    TEXT,
  review_comment TEXT,
  locked_hash    TEXT,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (staff_id, period, start_date),
  -- A week starts on its Monday, a month on its first day.
  CHECK (period <> 'week' OR strftime ('%w', start_date) = '1'),
  CHECK (period <> 'month' OR strftime ('%d', start_date) = '01'),
  CHECK (end_date = CASE period WHEN 'week' THEN date (start_date, '+6 days')
                     ELSE date (start_date, '+1 month', '-1 day') END),
  CHECK (status = 'draft' OR submitted_at IS NOT NULL),
  CHECK (status <> 'reviewed' OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL))
);
CREATE INDEX visit_plan_start ON visit_plan (start_date, period);

CREATE TABLE visit_plan_entry (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES visit_plan (id),
  client_id  INTEGER NOT NULL REFERENCES client (id),
  contact_id INTEGER REFERENCES contact (id),
  date       TEXT NOT NULL CHECK (date (date) IS date),
  purpose    TEXT,
  mode       TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'phone', 'online')),
  -- The logged visit that fulfilled it; one visit fulfils one entry.
  visit_id   INTEGER UNIQUE REFERENCES visit (id)
);
CREATE INDEX visit_plan_entry_plan ON visit_plan_entry (plan_id, date);
CREATE INDEX visit_plan_entry_client ON visit_plan_entry (client_id, date);

-- An entry lies inside its plan's period.
CREATE TRIGGER visit_plan_entry_in_period_insert BEFORE INSERT ON visit_plan_entry
WHEN NOT EXISTS (SELECT 1 FROM visit_plan p WHERE p.id = NEW.plan_id
                 AND NEW.date BETWEEN p.start_date AND p.end_date)
BEGIN SELECT RAISE (ABORT, 'clientdesk:invalid:visit_plan_entry date outside its plan'); END;
CREATE TRIGGER visit_plan_entry_in_period_update BEFORE UPDATE OF date, plan_id ON visit_plan_entry
WHEN NOT EXISTS (SELECT 1 FROM visit_plan p WHERE p.id = NEW.plan_id
                 AND NEW.date BETWEEN p.start_date AND p.end_date)
BEGIN SELECT RAISE (ABORT, 'clientdesk:invalid:visit_plan_entry date outside its plan'); END;

-- The machine of src/core/cd-states.c, as for the tables of 001-base.sql.
CREATE TRIGGER visit_plan_status_move BEFORE UPDATE OF status ON visit_plan
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'visit_plan' AND from_state = OLD.status AND to_state = NEW.status)
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:visit_plan'); END;
CREATE TRIGGER visit_plan_status_known BEFORE INSERT ON visit_plan
WHEN NOT EXISTS (
  SELECT 1 FROM state_transition WHERE entity = 'visit_plan' AND (from_state = NEW.status OR to_state = NEW.status))
BEGIN SELECT RAISE (ABORT, 'clientdesk:state:visit_plan'); END;

-- A reviewed plan is locked: the plan and its entries refuse change and
-- deletion, except the match of an entry to the visit that fulfilled it.
CREATE TRIGGER visit_plan_locked_update BEFORE UPDATE ON visit_plan WHEN OLD.status = 'reviewed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:visit_plan'); END;
CREATE TRIGGER visit_plan_locked_delete BEFORE DELETE ON visit_plan WHEN OLD.status = 'reviewed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:visit_plan'); END;
CREATE TRIGGER visit_plan_entry_locked_insert BEFORE INSERT ON visit_plan_entry
WHEN (SELECT status FROM visit_plan WHERE id = NEW.plan_id) = 'reviewed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:visit_plan'); END;
CREATE TRIGGER visit_plan_entry_locked_update BEFORE UPDATE ON visit_plan_entry
WHEN ((SELECT status FROM visit_plan WHERE id = OLD.plan_id) = 'reviewed'
      OR (SELECT status FROM visit_plan WHERE id = NEW.plan_id) = 'reviewed')
  AND (NEW.id IS NOT OLD.id OR NEW.plan_id IS NOT OLD.plan_id OR NEW.client_id IS NOT OLD.client_id
       OR NEW.contact_id IS NOT OLD.contact_id OR NEW.date IS NOT OLD.date
       OR NEW.purpose IS NOT OLD.purpose OR NEW.mode IS NOT OLD.mode)
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:visit_plan'); END;
CREATE TRIGGER visit_plan_entry_locked_delete BEFORE DELETE ON visit_plan_entry
WHEN (SELECT status FROM visit_plan WHERE id = OLD.plan_id) = 'reviewed'
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:visit_plan'); END;

-- A logged visit fulfils, in its own transaction, the unmatched planned
-- entry of the same person and client nearest in date, among the plans
-- whose period holds the visit's date (cd-store-plans.h).
CREATE TRIGGER visit_plan_match_insert AFTER INSERT ON visit
BEGIN
  UPDATE visit_plan_entry SET visit_id = NEW.id
  WHERE id = (SELECT e.id FROM visit_plan_entry e JOIN visit_plan p ON p.id = e.plan_id
              WHERE e.client_id = NEW.client_id AND e.visit_id IS NULL
                AND p.staff_id = NEW.staff_id
                AND NEW.date BETWEEN p.start_date AND p.end_date
              ORDER BY abs (julianday (e.date) - julianday (NEW.date)), e.date, e.id LIMIT 1);
END;
-- A visit moved to another day, client or person is matched afresh.
CREATE TRIGGER visit_plan_match_update AFTER UPDATE OF client_id, staff_id, date ON visit
WHEN NEW.client_id IS NOT OLD.client_id OR NEW.staff_id IS NOT OLD.staff_id OR NEW.date IS NOT OLD.date
BEGIN
  UPDATE visit_plan_entry SET visit_id = NULL WHERE visit_id = NEW.id;
  UPDATE visit_plan_entry SET visit_id = NEW.id
  WHERE id = (SELECT e.id FROM visit_plan_entry e JOIN visit_plan p ON p.id = e.plan_id
              WHERE e.client_id = NEW.client_id AND e.visit_id IS NULL
                AND p.staff_id = NEW.staff_id
                AND NEW.date BETWEEN p.start_date AND p.end_date
              ORDER BY abs (julianday (e.date) - julianday (NEW.date)), e.date, e.id LIMIT 1);
END;
-- A deleted visit no longer fulfils anything.
CREATE TRIGGER visit_plan_match_delete BEFORE DELETE ON visit
BEGIN
  UPDATE visit_plan_entry SET visit_id = NULL WHERE visit_id = OLD.id;
END;

CREATE TABLE meeting (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 300),
  kind           TEXT NOT NULL CHECK (kind IN ('client', 'planning', 'proposal', 'daily', 'other')),
  client_id      INTEGER REFERENCES client (id),
  project_id     INTEGER REFERENCES project (id),
  -- Local time, "YYYY-MM-DDTHH:MM".
  starts_at      TEXT NOT NULL CHECK (length (starts_at) = 16
                                      AND strftime ('%Y-%m-%dT%H:%M', starts_at) IS starts_at),
  ends_at        TEXT CHECK (ends_at IS NULL OR (length (ends_at) = 16
                             AND strftime ('%Y-%m-%dT%H:%M', ends_at) IS ends_at)),
  place          TEXT,
  agenda         TEXT,
  notes          TEXT,
  decisions      TEXT,
  notice_sent_on TEXT CHECK (notice_sent_on IS NULL OR date (notice_sent_on) IS notice_sent_on),
  created_by     INTEGER REFERENCES staff (id),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX meeting_starts ON meeting (starts_at);
CREATE INDEX meeting_project ON meeting (project_id);
CREATE INDEX meeting_client ON meeting (client_id);
-- One daily work meeting a day: creating it twice finds the first.
CREATE UNIQUE INDEX meeting_daily_day ON meeting (substr (starts_at, 1, 10)) WHERE kind = 'daily';

CREATE TABLE meeting_attendee (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  contact_id INTEGER REFERENCES contact (id),
  staff_id   INTEGER REFERENCES staff (id),
  CHECK ((contact_id IS NULL) <> (staff_id IS NULL))
);
CREATE UNIQUE INDEX meeting_attendee_contact ON meeting_attendee (meeting_id, contact_id)
  WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_attendee_staff ON meeting_attendee (meeting_id, staff_id)
  WHERE staff_id IS NOT NULL;
CREATE INDEX meeting_attendee_person ON meeting_attendee (staff_id);

CREATE TABLE meeting_action (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meeting (id),
  text          TEXT NOT NULL CHECK (length (text) BETWEEN 1 AND 2000),
  owner_id      INTEGER REFERENCES staff (id),
  due_date      TEXT CHECK (due_date IS NULL OR date (due_date) IS due_date),
  done          INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  -- The project a work order from it goes to, when not the meeting's
  -- (the daily work meeting has none).
  project_id    INTEGER REFERENCES project (id),
  work_order_id INTEGER UNIQUE REFERENCES work_order (id)
);
CREATE INDEX meeting_action_meeting ON meeting_action (meeting_id);
CREATE INDEX meeting_action_owner ON meeting_action (owner_id, due_date);

-- A work order knows the meeting it came from.
ALTER TABLE work_order ADD COLUMN meeting_id INTEGER REFERENCES meeting (id);
CREATE INDEX work_order_meeting ON work_order (meeting_id) WHERE meeting_id IS NOT NULL;

-- The audit triggers of work_order were generated before it had
-- meeting_id; dropped here so that they are generated again with it.
DROP TRIGGER IF EXISTS audit_work_order_insert;
DROP TRIGGER IF EXISTS audit_work_order_update;
DROP TRIGGER IF EXISTS audit_work_order_delete;
