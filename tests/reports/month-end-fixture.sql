-- SPDX-License-Identifier: GPL-3.0-or-later
-- A known month (2026-03) for the month-end tests, loaded into a fresh
-- ClientDesk database. Each row says what it is there to prove.

INSERT INTO staff (id, name, role, department) VALUES
  (1, '王经理', 'account_manager', 'account'),
  (2, '李设计', 'creative', 'creative'),
  (3, '张文案', 'creative', 'creative'),
  (4, '赵出纳', 'finance', 'finance');

INSERT INTO client (id, name, status) VALUES
  (1, '上海星河饮料有限公司', 'active'),
  (2, '=1+1 客户', 'active');

INSERT INTO project (id, number, client_id, name, status, am_id, start_date) VALUES
  (1, 'XM202602-0001', 1, '春季新品发布', 'in_production', 1, '2026-02-01'),
  (2, 'XM202602-0002', 2, '门店形象升级', 'in_production', 1, '2026-02-10');

-- Suppliers: names that look like formulas must stay text; one of 300
-- characters; a control character that XML cannot hold.
INSERT INTO supplier (id, name, credit_code, vat_type) VALUES
  (1, '上海印刷有限公司', '91310000MA1FL0XX1A', 'general'),
  (2, '=HYPERLINK("x")', NULL, 'small_scale'),
  (3, '+cmd|'' /C calc''!A0', '91310000MA1FL0XX3C', 'general'),
  (4, '长' || replace (hex (zeroblob (299)), '00', '名'), NULL, 'general'),
  (5, '@SUM(A1)', NULL, 'general'),
  (6, '-2+3 制作' || char (7) || '厂', NULL, 'general');

-- O1: accepted in the month, two lines (a fractional quantity, two rates).
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date, accepted_date)
  VALUES (1, 'CG202603-0001', 1, 1, 'accepted', '2026-03-01', '2026-03-09', '2026-03-10');
INSERT INTO supplier_order_line (order_id, position, item, spec, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (1, 1, '海报', 'A1 200g铜版纸', 2500, '平方米', 4000, 600, 10000, 600),
  (1, 2, '=HYPERLINK("http://evil")', '-1', 3000, '张', 123456, 1300, 370368, 48148);
INSERT INTO acceptance (number, kind, supplier_order_id, status, result, inspected_date, signed_by, signed_date)
  VALUES ('YS202603-0001', 'delivery', 1, 'signed', 'pass', '2026-03-10', 1, '2026-03-10');

-- O2: accepted on the last day of the month (conditional pass), fully paid.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date, accepted_date)
  VALUES (2, 'CG202603-0002', 2, 2, 'accepted', '2026-03-02', '2026-03-30', '2026-03-31');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (2, 1, '+cmd|'' /C calc''!A0', 1000, '项', 50000, 300, 50000, 1500);
INSERT INTO acceptance (number, kind, supplier_order_id, status, result, inspected_date, signed_by, signed_date)
  VALUES ('YS202603-0002', 'delivery', 2, 'signed', 'conditional', '2026-03-31', 1, '2026-03-31');

-- O3: delivered in the month, accepted on the 1st of the next: not payable.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date, accepted_date)
  VALUES (3, 'CG202603-0003', 1, 1, 'accepted', '2026-03-03', '2026-03-28', '2026-04-01');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (3, 1, '易拉宝', 5000, '个', 8000, 1300, 40000, 5200);
INSERT INTO acceptance (number, kind, supplier_order_id, status, result, inspected_date, signed_by, signed_date)
  VALUES ('YS202604-0001', 'delivery', 3, 'signed', 'pass', '2026-04-01', 1, '2026-04-01');

-- O4: delivered, no acceptance yet: not payable.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date)
  VALUES (4, 'CG202603-0004', 1, 3, 'delivered', '2026-03-04', '2026-03-15');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (4, 1, '展架', 2000, '个', 15000, 1300, 30000, 3900);

-- O5: delivered, acceptance drafted but not signed: not payable.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date)
  VALUES (5, 'CG202603-0005', 2, 3, 'delivered', '2026-03-05', '2026-03-20');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (5, 1, '灯箱片', 1000, '张', 20000, 1300, 20000, 2600);
INSERT INTO acceptance (number, kind, supplier_order_id, status, inspected_date)
  VALUES ('YS202603-0005', 'delivery', 5, 'draft', '2026-03-21');

-- O6: rejected at acceptance: not payable.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date)
  VALUES (6, 'CG202603-0006', 2, 4, 'rejected', '2026-03-06', '2026-03-22');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (6, 1, '门头', 1000, '套', 900000, 900, 900000, 81000);
INSERT INTO acceptance (number, kind, supplier_order_id, status, result, inspected_date, signed_by, signed_date)
  VALUES ('YS202603-0006', 'delivery', 6, 'signed', 'fail', '2026-03-23', 1, '2026-03-23');

-- O7: accepted the month before: in neither list.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date, accepted_date)
  VALUES (7, 'CG202602-0007', 1, 4, 'accepted', '2026-02-01', '2026-02-27', '2026-02-28');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (7, 1, '二月的货', 1000, '批', 777700, 1300, 777700, 101101);
INSERT INTO acceptance (number, kind, supplier_order_id, status, result, inspected_date, signed_by, signed_date)
  VALUES ('YS202602-0007', 'delivery', 7, 'signed', 'pass', '2026-02-28', 1, '2026-02-28');

-- O8: the 300-character supplier, accepted in the month, three lines.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date, accepted_date)
  VALUES (8, 'CG202603-0008', 2, 4, 'accepted', '2026-03-07', '2026-03-11', '2026-03-12');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (8, 1, '@SUM(A1)', 1000, '个', 100, 1300, 100, 13),
  (8, 2, '桌卡', 7250, '个', 333, 1300, 2414, 314),
  (8, 3, '=1/0', 1, '克', 99999, 0, 100, 0);
INSERT INTO acceptance (number, kind, supplier_order_id, status, result, inspected_date, signed_by, signed_date)
  VALUES ('YS202603-0008', 'delivery', 8, 'signed', 'pass', '2026-03-12', 1, '2026-03-12');

-- O9 and O10: formula-looking suppliers 5 and 6, accepted in the month.
INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date, accepted_date)
  VALUES (9, 'CG202603-0009', 1, 5, 'accepted', '2026-03-08', '2026-03-18', '2026-03-19'),
         (10, 'CG202603-0010', 1, 6, 'accepted', '2026-03-08', '2026-03-18', '2026-03-19');
INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen) VALUES
  (9, 1, '台历', 100000, '本', 1250, 1300, 125000, 16250),
  (10, 1, '_x0041_ 字样', 1000, '个', 5000, 1300, 5000, 650);
INSERT INTO acceptance (number, kind, supplier_order_id, status, result, inspected_date, signed_by, signed_date)
  VALUES ('YS202603-0009', 'delivery', 9, 'signed', 'pass', '2026-03-19', 4, '2026-03-19'),
         ('YS202603-0010', 'delivery', 10, 'signed', 'pass', '2026-03-19', 4, '2026-03-19');

-- Payments: O1 in part (one before, one after the month), O2 in full, O7 (last month).
INSERT INTO supplier_payment (supplier_order_id, date, amount_fen, reference) VALUES
  (1, '2026-03-05', 100000, '预付款'),
  (1, '2026-04-03', 50000, 'TX-0403'),
  (2, '2026-03-31', 51500, NULL),
  (7, '2026-03-02', 878801, NULL);

-- Pickup slips: two in the month (one without lines), one in April.
-- Written issued and signed after their lines, as a signed slip refuses
-- new lines (schema 6).
INSERT INTO pickup_slip (id, number, project_id, client_id, date, received_by, status) VALUES
  (1, 'TH202603-0001', 1, 1, '2026-03-11', NULL, 'issued'),
  (2, 'TH202603-0002', 2, 2, '2026-03-31', NULL, 'issued'),
  (3, 'TH202604-0001', 1, 1, '2026-04-02', NULL, 'issued');
INSERT INTO pickup_slip_line (slip_id, position, item, qty_milli, unit) VALUES
  (1, 1, '海报', 2500, '平方米'),
  (1, 2, '=HYPERLINK("x")', 3000, '张'),
  (3, 1, '易拉宝', 5000, '个');
UPDATE pickup_slip SET status = 'signed', received_by = '陈小姐', signed_on = date WHERE id IN (1, 3);

-- Work orders issued in the month: 李设计 three (one on time, one late,
-- one open), 张文案 one on time with two revisions, one unassigned; one of
-- February that must not count.
INSERT INTO work_order (id, number, project_id, title, department, assignee_id, issued_by, issued_date, due_date, status, done_date, spent_minutes, priority) VALUES
  (1, 'GD202603-0001', 1, '主视觉设计', 'design', 2, 1, '2026-03-02', '2026-03-10', 'done', '2026-03-09', 600, 1),
  (2, 'GD202603-0002', 1, '海报延展', 'design', 2, 1, '2026-03-03', '2026-03-06', 'done', '2026-03-08', 300, 2),
  (3, 'GD202603-0003', 2, '=门头效果图', 'design', 2, 1, '2026-03-20', '2026-04-05', 'in_progress', NULL, 90, 2),
  (4, 'GD202603-0004', 2, '门店文案', 'copywriting', 3, 1, '2026-03-31', '2026-04-02', 'done', '2026-04-02', 45, 3),
  (5, 'GD202603-0005', 1, '待分配', 'other', NULL, 1, '2026-03-15', '2026-03-20', 'issued', NULL, 0, 2),
  (6, 'GD202602-0006', 1, '二月工单', 'design', 2, 1, '2026-02-27', '2026-03-03', 'done', '2026-03-03', 120, 2);
INSERT INTO work_order_revision (work_order_id, round, date, reason, requested_by) VALUES
  (4, 1, '2026-04-01', '语气太正式', '客户'),
  (4, 2, '2026-04-02', '补充卖点', '客户'),
  (2, 1, '2026-03-07', '颜色调整', '王经理'),
  (6, 1, '2026-03-01', '二月的修改', '客户');
