/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Deadlines" preferences (issue 9): the day of each month-end paper,
 * the days after which a sent quote counts as unanswered, and each tier's
 * visit cycle. All are stored in the database, where Today and the CLI
 * `deadline --rule` read them. Each change is saved as it is made. */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "gui/cd-deadline-prefs.h"
#include "store/cd-store-today.h"

typedef enum
{
  KIND_RULE,
  KIND_UNANSWERED,
  KIND_TIER,
} Kind;

static const struct
{
  const char *code;
  const char *title;
} rule_titles[] = {
  { "hr-work-order-summary", N_("Work-order summary to HR") },
  { "cashier-supplier-sheet", N_("Supplier sheet to the cashier") },
  { "visit-plan", N_("Visit plan") },
  { "archive-backup", N_("Quarterly archive backup") },
};

static const char *
rule_title (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_titles); i++)
    if (g_str_equal (rule_titles[i].code, code))
      return _(rule_titles[i].title);
  return code;
}

static void
report (GtkWidget  *widget,
        const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
on_value_changed_cb (GtkSpinButton *spin,
                     CdStore       *store)
{
  Kind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "cd-kind"));
  const char *code = g_object_get_data (G_OBJECT (spin), "cd-code");
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (kind == KIND_RULE)
    ok = cd_store_set_deadline_day (store, code, value, &error);
  else if (kind == KIND_TIER)
    ok = cd_store_set_tier_cycle (store, code, value, &error);
  else
    {
      char text[16];

      g_snprintf (text, sizeof text, "%d", value);
      ok = cd_store_set_setting (store, CD_TODAY_UNANSWERED_KEY, text, &error);
    }
  if (!ok)
    report (GTK_WIDGET (spin), error->message);
}

static GtkWidget *
add_spin_row (AdwPreferencesGroup *group,
              CdStore             *store,
              Kind                 kind,
              const char          *code,
              const char          *title,
              const char          *subtitle,
              int                  value,
              int                  max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (spin), "cd-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (spin), "cd-code", g_strdup (code), g_free);
  /* Connected after the value is set: loading saves nothing. */
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_value_changed_cb), store, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_widget_set_name (row, code != NULL ? code : "unanswered-quote-days");
  adw_preferences_group_add (group, row);
  return row;
}

static void
add_rules (AdwPreferencesGroup *group,
           CdStore             *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) rules = cd_store_deadline_rules (store, &error);
  GVariantIter iter;
  const char *code, *months;
  int day;

  if (rules == NULL)
    {
      adw_preferences_group_set_description (group, error->message);
      return;
    }
  g_variant_iter_init (&iter, rules);
  while (g_variant_iter_next (&iter, "(&si&s)", &code, &day, &months))
    add_spin_row (group, store, KIND_RULE, code, rule_title (code),
                  g_str_equal (months, "quarterly")
                    ? _("Day of January, April, July and October")
                    : _("Day of every month"),
                  day, 31);
}

static void
add_tiers (AdwPreferencesGroup *group,
           CdStore             *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) tiers = cd_store_tiers (store, &error);
  GVariantIter iter;
  const char *code, *label;
  int days;

  if (tiers == NULL)
    return;
  g_variant_iter_init (&iter, tiers);
  while (g_variant_iter_next (&iter, "(&s&si)", &code, &label, &days))
    {
      /* Translators: %s is a client tier such as "A" */
      g_autofree char *title = g_strdup_printf (_("Visit tier %s clients every"), label);

      add_spin_row (group, store, KIND_TIER, code, title, _("Days between visits"), days, 3650);
    }
}

/* The desktop's switch for deadline notifications (a GSettings key, not
 * in the database: it belongs to this desktop, not to the agency). */
static void
add_notifications_row (AdwPreferencesGroup *group)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *row, *toggle;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new_full (schema, NULL, NULL);
  row = adw_action_row_new ();
  toggle = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Notify When a Paper Is Due"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Once a day, while ClientDesk is open"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notify When a Paper Is Due"), -1);
  g_settings_bind (settings, "notifications-enabled", toggle, "active", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_widget_set_name (row, "notifications-enabled");
  adw_preferences_group_add (group, row);
}

/**
 * cd_deadline_prefs_new:
 *
 * Returns: (transfer floating): the "Deadlines" group for @store
 */
GtkWidget *
cd_deadline_prefs_new (CdStore *store)
{
  GtkWidget *group = adw_preferences_group_new ();

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Deadlines"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What Today lists, and when: a deadline on a weekend or public holiday moves to the next working day."));
  /* The group holds the store for the rows' callbacks. */
  g_object_set_data_full (G_OBJECT (group), "cd-store", g_object_ref (store), g_object_unref);
  add_rules (ADW_PREFERENCES_GROUP (group), store);
  add_spin_row (ADW_PREFERENCES_GROUP (group), store, KIND_UNANSWERED, NULL,
                _("Quote unanswered after"), _("Days after it was sent"),
                cd_store_today_unanswered_days (store), 365);
  add_tiers (ADW_PREFERENCES_GROUP (group), store);
  add_notifications_row (ADW_PREFERENCES_GROUP (group));
  return group;
}
