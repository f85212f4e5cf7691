/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client file's business tabs: the client's projects, quotes and
 * contracts with their key figures, and its receivables (installments due
 * and not paid in full, with how many days late). Read-only: each record
 * is edited in its own window. */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "gui/cd-client-page-private.h"
#include "store/cd-store-client-file.h"

static gint64
number_of (GVariant *row, const char *key)
{
  gint64 value = 0;

  g_variant_lookup (row, key, "x", &value);
  return value;
}

static const char *
text_or_dash (GVariant *row, const char *key)
{
  const char *text = cd_client_page_text_of (row, key);

  return text != NULL && *text != '\0' ? text : "—";
}

/* A row with @title, @subtitle and an amount at its end. */
static void
add_figure_row (GtkListBox *list, const char *title, const char *subtitle, gint64 fen)
{
  GtkWidget *row = cd_client_page_add_text_row (list, title, subtitle);
  g_autofree char *money = cd_money_format (fen);
  GtkWidget *label = gtk_label_new (money);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static GtkListBox *
add_group (GtkWidget *box, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = cd_client_page_boxed_list ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), group);
  return GTK_LIST_BOX (list);
}

static void
load_projects (CdClientPage *self, GVariant *rows)
{
  GVariantIter iter;
  GVariant *row;

  cd_client_page_clear_list (self->projects);
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      g_autofree char *title = g_strdup_printf ("%s · %s", text_or_dash (row, "number"),
                                                text_or_dash (row, "name"));
      /* Translators: a project's state, account manager, start and due date */
      g_autofree char *sub = g_strdup_printf (_("%s · AM %s · %s to %s"),
        cd_state_label ("project", cd_client_page_text_of (row, "status")),
        text_or_dash (row, "am"), text_or_dash (row, "start_date"), text_or_dash (row, "due_date"));

      add_figure_row (self->projects, title, sub, number_of (row, "contracted_fen"));
    }
  if (g_variant_n_children (rows) == 0)
    cd_client_page_add_text_row (self->projects, _("No projects yet"),
                                 _("Projects are started from a client brief in the Projects view."));
}

static void
load_quotes (CdClientPage *self, GVariant *rows)
{
  GVariantIter iter;
  GVariant *row;

  cd_client_page_clear_list (self->quotes);
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      /* Translators: a quote's number and version, e.g. QT202611-0001 v2 */
      g_autofree char *title = g_strdup_printf (_("%s v%" PRId64),
                                                text_or_dash (row, "number"),
                                                number_of (row, "version"));
      /* Translators: a quote's state, its project's number and the day it was made */
      g_autofree char *sub = g_strdup_printf (_("%s · project %s · made %s"),
        cd_state_label ("quote", cd_client_page_text_of (row, "status")),
        text_or_dash (row, "project"), text_or_dash (row, "created_date"));

      add_figure_row (self->quotes, title, sub, number_of (row, "total_fen"));
    }
  if (g_variant_n_children (rows) == 0)
    cd_client_page_add_text_row (self->quotes, _("No quotes yet"), NULL);
}

static void
load_contracts (CdClientPage *self, GVariant *rows)
{
  GVariantIter iter;
  GVariant *row;

  cd_client_page_clear_list (self->contracts);
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      g_autofree char *title = g_strdup_printf ("%s · %s", text_or_dash (row, "number"),
                                                text_or_dash (row, "subject"));
      g_autofree char *paid = cd_money_format (number_of (row, "paid_fen"));
      /* Translators: a contract's state, signing day and the amount paid so far */
      g_autofree char *sub = g_strdup_printf (_("%s · signed %s · paid %s"),
        cd_state_label ("contract", cd_client_page_text_of (row, "status")),
        text_or_dash (row, "signed_date"), paid);

      add_figure_row (self->contracts, title, sub, number_of (row, "amount_fen"));
    }
  if (g_variant_n_children (rows) == 0)
    cd_client_page_add_text_row (self->contracts, _("No contracts yet"), NULL);
}

static void
load_receivables (CdClientPage *self, GVariant *rows, gint64 not_yet_due)
{
  GVariantIter iter;
  GVariant *row;
  gint64 total = 0;
  g_autofree char *due_text = NULL;
  g_autofree char *later_text = NULL;
  g_autofree char *summary = NULL;

  cd_client_page_clear_list (self->receivables);
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 age = number_of (row, "age_days");
      g_autofree char *title = g_strdup_printf ("%s · %s", text_or_dash (row, "contract"),
                                                text_or_dash (row, "label"));
      g_autofree char *amount = cd_money_format (number_of (row, "amount_fen"));
      g_autofree char *days = age == 0 ? g_strdup (_("due today"))
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " day overdue",
                                        "%" PRId64 " days overdue", age), age);
      /* Translators: due day, how late, and the installment's full amount */
      g_autofree char *sub = g_strdup_printf (_("due %s · %s · of %s"),
                                              text_or_dash (row, "due_date"), days, amount);

      total += number_of (row, "outstanding_fen");
      add_figure_row (self->receivables, title, sub, number_of (row, "outstanding_fen"));
    }
  if (g_variant_n_children (rows) == 0)
    cd_client_page_add_text_row (self->receivables, _("Nothing due and unpaid"), NULL);
  due_text = cd_money_format (total);
  later_text = cd_money_format (MAX (not_yet_due, 0));
  /* Translators: receivables due now, then those not due yet */
  summary = g_strdup_printf (_("Due and unpaid: %s. Not due yet: %s."), due_text, later_text);
  gtk_label_set_text (self->receivables_total, summary);
}

/* Reads the four lists again. */
void
cd_client_page_load_records (CdClientPage *self)
{
  CdStore *store = cd_context_get_store (self->context);
  g_autoptr (GVariant) projects = cd_store_client_projects (store, self->client_id, NULL);
  g_autoptr (GVariant) quotes = cd_store_client_quotes (store, self->client_id, NULL);
  g_autoptr (GVariant) contracts = cd_store_client_contracts (store, self->client_id, NULL);
  g_autoptr (GVariant) due = cd_store_client_receivables (store, self->client_id, NULL, NULL);

  if (projects != NULL)
    load_projects (self, projects);
  if (quotes != NULL)
    load_quotes (self, quotes);
  if (contracts != NULL)
    load_contracts (self, contracts);
  if (due != NULL)
    load_receivables (self, due,
                      cd_store_client_not_yet_due (store, self->client_id, NULL, NULL));
}

void
cd_client_page_build_records (CdClientPage *self)
{
  GtkWidget *box = cd_client_page_add_tab (self, "projects", _("Projects"),
                                           "folder-documents-symbolic");
  GtkWidget *money = cd_client_page_add_tab (self, "receivables", _("Receivables"),
                                             "emblem-documents-symbolic");

  self->projects = add_group (box, _("Projects"));
  self->quotes = add_group (box, _("Quotes"));
  self->contracts = add_group (box, _("Contracts"));

  self->receivables_total = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->receivables_total, 0);
  gtk_label_set_wrap (self->receivables_total, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->receivables_total), "heading");
  gtk_box_append (GTK_BOX (money), GTK_WIDGET (self->receivables_total));
  self->receivables = add_group (money, _("Installments due and unpaid"));
}
