/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Acceptance checklist templates, one per kind of deliverable, editable by
 * the agency. The shipped defaults are data, not interface: they are
 * written in Chinese, as the agency's own forms are, the first time a kind
 * has no template, and from then on belong to the agency. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-store-supply-private.h"

static const char *const kinds[] = {
  "print", "large_format", "led", "gifts", "fabrication", "other", "output", NULL,
};

typedef struct
{
  const char        *kind;
  const char        *name;
  const char *const *items;
} Default;

static const char *const print_items[] = {
  "数量清点无误", "纸张克重与材质符合要求", "颜色与签样一致，无明显色差",
  "成品尺寸符合要求，裁切整齐无毛边", "装订牢固，页序正确", "包装完好，无受潮破损", NULL,
};
static const char *const large_format_items[] = {
  "尺寸符合要求", "材质（灯布/背胶/写真）符合要求", "颜色与设计稿一致",
  "画面清晰，分辨率达标，无拉丝断墨", "边缘打扣/包边牢固", "拼接平整，接缝对齐", NULL,
};
static const char *const led_items[] = {
  "无坏点、死灯", "亮度达到要求", "色温一致，颜色均匀无色块", "信号输入与播控系统运行正常",
  "线路布设安全规范", "安装牢固，箱体拼接平整", NULL,
};
static const char *const gifts_items[] = {
  "与确认样品一致", "LOGO印刷清晰、位置正确", "数量清点无误", "包装完好",
  "无划痕、破损等瑕疵", NULL,
};
static const char *const fabrication_items[] = {
  "结构稳固安全", "尺寸符合施工图", "材质符合要求", "表面处理（喷漆/贴膜）平整",
  "灯光电路正常", "现场清洁完毕", NULL,
};
static const char *const other_items[] = {
  "交付内容与订单一致", "数量清点无误", "质量符合约定", NULL,
};
static const char *const output_items[] = {
  "无错别字", "LOGO使用符合品牌规范", "标准色正确", "尺寸与出血设置正确",
  "文件格式与命名规范", "客户确认稿已存档", NULL,
};

static const Default defaults[] = {
  { "print", "印刷品验收检查表", print_items },
  { "large_format", "喷画写真验收检查表", large_format_items },
  { "led", "LED屏验收检查表", led_items },
  { "gifts", "礼品验收检查表", gifts_items },
  { "fabrication", "搭建制作验收检查表", fabrication_items },
  { "other", "通用交付验收检查表", other_items },
  { "output", "设计出品检查表", output_items },
};

const char *const *
cd_checklist_kinds (void)
{
  return kinds;
}

const char *
cd_checklist_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "output") == 0)
    return _("Design output");
  return cd_supplier_category_label (kind);
}

CdChecklistTemplate *
cd_checklist_template_new (void)
{
  CdChecklistTemplate *t = g_new0 (CdChecklistTemplate, 1);

  t->items = g_ptr_array_new_with_free_func (g_free);
  return t;
}

void
cd_checklist_template_free (CdChecklistTemplate *t)
{
  if (t == NULL)
    return;
  g_free (t->kind);
  g_free (t->name);
  g_clear_pointer (&t->items, g_ptr_array_unref);
  g_free (t);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static gboolean
insert_items (CdStore *self, gint64 template_id, const char *const *items, guint n, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "INSERT INTO checklist_template_item (template_id, position, text)"
                                         " VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = cd_supply_clean_text (items[i]);

      sqlite3_bind_int64 (stmt, 1, template_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      if (!cd_docs_run (self, stmt, _("saving a checklist"), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_template (CdStore *self, const char *kind, const char *name, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "INSERT INTO checklist_template (kind, name) VALUES (?1, ?2)",
                                         error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("saving a checklist"), error))
    return 0;
  return cd_docs_last_id (self);
}

gboolean
cd_supply_ensure_templates (CdStore *self, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT count(*) FROM checklist_template WHERE kind = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      gint64 n, id;

      sqlite3_bind_text (stmt, 1, defaults[i].kind, -1, SQLITE_STATIC);
      n = cd_supply_query_id (self, stmt, error);
      if (n < 0)
        return FALSE;
      if (n > 0)
        continue;
      id = insert_template (self, defaults[i].kind, defaults[i].name, error);
      if (id == 0 || !insert_items (self, id, defaults[i].items,
                                    g_strv_length ((char **) defaults[i].items), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_template (const CdChecklistTemplate *t, GError **error)
{
  if (!g_strv_contains (kinds, t->kind ? t->kind : ""))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Kind: a checklist is for print, large-format print, LED, gifts, fabrication, "
                     "other deliveries or design output."));
      return FALSE;
    }
  if (!cd_docs_check_text (t->name, _("Name"), 100, TRUE, FALSE, error))
    return FALSE;
  if (t->items == NULL || t->items->len == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("A checklist needs at least one item."));
      return FALSE;
    }
  for (guint i = 0; i < t->items->len; i++)
    if (!cd_docs_check_text (g_ptr_array_index (t->items, i), _("Item"), 300, TRUE, FALSE, error))
      {
        g_prefix_error (error, _("Item %u: "), i + 1);
        return FALSE;
      }
  return TRUE;
}

static gboolean
replace_template (CdStore *self, const CdChecklistTemplate *t, const char *name, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "UPDATE checklist_template SET kind = ?2, name = ?3 WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  sqlite3_bind_text (stmt, 2, t->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("saving a checklist"), error))
    return FALSE;
  if (sqlite3_changes (cd_store_get_db (self)) == 0)
    return cd_supply_not_found (error, _("checklist"), t->id);
  stmt = cd_store_prepare (self, "DELETE FROM checklist_template_item WHERE template_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  return cd_docs_run (self, stmt, _("saving a checklist"), error);
}

gboolean
cd_store_checklist_template_save (CdStore *self, CdChecklistTemplate *t, GError **error)
{
  g_autofree char *name = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (t != NULL, FALSE);

  if (!check_template (t, error))
    return FALSE;
  name = cd_supply_clean_text (t->name);
  if (!cd_store_begin (self, error))
    return FALSE;
  if (t->id == 0)
    ok = (id = insert_template (self, t->kind, name, error)) > 0;
  else
    ok = replace_template (self, t, name, error) && (id = t->id) > 0;
  ok = ok && insert_items (self, id, (const char *const *) t->items->pdata, t->items->len, error);
  if (!cd_docs_finish (self, ok, error))
    return FALSE;
  t->id = id;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static gboolean
load_items (CdStore *self, CdChecklistTemplate *t, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT text FROM checklist_template_item WHERE template_id = ?1"
                                         " ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (t->items, cd_docs_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a checklist"));
      return FALSE;
    }
  return TRUE;
}

/* @kind NULL: every template. */
static GPtrArray *
load_templates (CdStore *self, const char *kind, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_checklist_template_free);
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT id, kind, name FROM checklist_template"
                                         " WHERE ?1 IS NULL OR kind = ?1 ORDER BY"
                                         " CASE kind WHEN 'print' THEN 1 WHEN 'large_format' THEN 2"
                                         " WHEN 'led' THEN 3 WHEN 'gifts' THEN 4 WHEN 'fabrication' THEN 5"
                                         " WHEN 'other' THEN 6 ELSE 7 END, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  cd_docs_bind_text (stmt, 1, kind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdChecklistTemplate *t = cd_checklist_template_new ();

      t->id = sqlite3_column_int64 (stmt, 0);
      t->kind = cd_docs_column_dup (stmt, 1);
      t->name = cd_docs_column_dup (stmt, 2);
      g_ptr_array_add (list, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a checklist"));
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    if (!load_items (self, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
cd_store_checklist_templates (CdStore *self, GError **error)
{
  GPtrArray *list = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!cd_store_begin (self, error))
    return NULL;
  if (cd_supply_ensure_templates (self, error))
    list = load_templates (self, NULL, error);
  if (!cd_docs_finish (self, list != NULL, error))
    g_clear_pointer (&list, g_ptr_array_unref);
  return list;
}

CdChecklistTemplate *
cd_supply_load_template_for_kind (CdStore *self, const char *kind, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;

  if (!cd_supply_ensure_templates (self, error))
    return NULL;
  list = load_templates (self, kind, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no checklist for “%s”."), kind);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

CdChecklistTemplate *
cd_store_checklist_template_for_kind (CdStore *self, const char *kind, GError **error)
{
  CdChecklistTemplate *t = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!cd_store_begin (self, error))
    return NULL;
  t = cd_supply_load_template_for_kind (self, kind, error);
  if (!cd_docs_finish (self, t != NULL, error))
    g_clear_pointer (&t, cd_checklist_template_free);
  return t;
}
