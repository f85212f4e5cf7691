-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 4: the audit log is append-only. It is evidence of who changed
-- what; no program writing to the file may rewrite or erase it.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:audit_log'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE (ABORT, 'clientdesk:locked:audit_log'); END;
