-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 2: substring search for clients and suppliers, Chinese included.
-- FTS5's trigram tokenizer indexes every three-character run, so a MATCH or
-- LIKE '%…%' on these tables finds any substring of three or more characters
-- without scanning the base tables; shorter queries scan only these compact
-- tables. Kept in sync by triggers; bulk writers (the demo) suspend the
-- triggers through audit_control and call the rebuild at the end.

CREATE VIRTUAL TABLE client_search USING fts5 (body, tokenize = 'trigram');
CREATE VIRTUAL TABLE supplier_search USING fts5 (body, tokenize = 'trigram');

CREATE VIEW client_search_source AS
SELECT c.id AS id,
       c.name || ' ' || coalesce (c.short_name, '') || ' ' || coalesce (c.credit_code, '')
         || ' ' || coalesce (c.invoice_tax_id, '') || ' '
         || coalesce ((SELECT group_concat (k.name || ' ' || coalesce (k.phone, '') || ' '
                                            || coalesce (k.email, ''), ' ')
                         FROM contact k WHERE k.client_id = c.id), '') AS body
  FROM client c;

CREATE VIEW supplier_search_source AS
SELECT s.id AS id,
       s.name || ' ' || coalesce (s.credit_code, '') || ' ' || coalesce (s.contact, '')
         || ' ' || coalesce (s.phone, '') AS body
  FROM supplier s;

INSERT INTO client_search (rowid, body) SELECT id, body FROM client_search_source;
INSERT INTO supplier_search (rowid, body) SELECT id, body FROM supplier_search_source;

CREATE TRIGGER client_search_insert AFTER INSERT ON client
WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0
BEGIN
  INSERT INTO client_search (rowid, body) SELECT id, body FROM client_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER client_search_update AFTER UPDATE ON client
WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0
BEGIN
  DELETE FROM client_search WHERE rowid = OLD.id;
  INSERT INTO client_search (rowid, body) SELECT id, body FROM client_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER client_search_delete AFTER DELETE ON client
BEGIN
  DELETE FROM client_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER contact_search_insert AFTER INSERT ON contact
WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0
BEGIN
  DELETE FROM client_search WHERE rowid = NEW.client_id;
  INSERT INTO client_search (rowid, body) SELECT id, body FROM client_search_source WHERE id = NEW.client_id;
END;
CREATE TRIGGER contact_search_update AFTER UPDATE ON contact
WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0
BEGIN
  DELETE FROM client_search WHERE rowid IN (OLD.client_id, NEW.client_id);
  INSERT INTO client_search (rowid, body)
    SELECT id, body FROM client_search_source WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER contact_search_delete AFTER DELETE ON contact
WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0
BEGIN
  DELETE FROM client_search WHERE rowid = OLD.client_id;
  INSERT INTO client_search (rowid, body) SELECT id, body FROM client_search_source WHERE id = OLD.client_id;
END;

CREATE TRIGGER supplier_search_insert AFTER INSERT ON supplier
WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0
BEGIN
  INSERT INTO supplier_search (rowid, body) SELECT id, body FROM supplier_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER supplier_search_update AFTER UPDATE ON supplier
WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0
BEGIN
  DELETE FROM supplier_search WHERE rowid = OLD.id;
  INSERT INTO supplier_search (rowid, body) SELECT id, body FROM supplier_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER supplier_search_delete AFTER DELETE ON supplier
BEGIN
  DELETE FROM supplier_search WHERE rowid = OLD.id;
END;
