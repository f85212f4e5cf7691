/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib.h>

#include "core/cd-states.h"

/* The machines as the design states them, written out again here on purpose:
 * the code must agree with this independent copy, move for move.
 * "from>to" is a move, "from>to!" a move that needs a reason. */
static const struct
{
  const char *entity;
  const char *states;     /* first = initial */
  const char *moves;
} spec[] = {
  { "client", "prospect active dormant lost",
    "prospect>active prospect>lost! active>dormant active>lost! dormant>active dormant>lost! lost>prospect" },
  { "project", "brief quoting contracted in_production delivered closed cancelled",
    "brief>quoting quoting>contracted contracted>in_production in_production>delivered delivered>closed "
    "brief>cancelled! quoting>cancelled! contracted>cancelled! in_production>cancelled! delivered>cancelled!" },
  { "quote", "draft sent accepted rejected superseded",
    "draft>sent sent>accepted sent>rejected draft>superseded sent>superseded rejected>superseded" },
  { "contract", "draft signed executing completed terminated",
    "draft>signed signed>executing executing>completed signed>terminated! executing>terminated!" },
  { "work_order", "issued in_progress in_review done cancelled",
    "issued>in_progress in_progress>in_review in_review>in_progress in_review>done "
    "issued>cancelled in_progress>cancelled in_review>cancelled" },
  { "supplier_order", "requested ordered delivered accepted rejected reworked",
    "requested>ordered ordered>delivered delivered>accepted delivered>rejected rejected>reworked" },
  { "acceptance", "draft signed", "draft>signed" },
  { "visit", "logged reviewed", "logged>reviewed" },
  { "feedback", "open closed", "open>closed" },
  { "supplier", "active suspended", "active>suspended suspended>active" },
  { "visit_plan", "draft submitted reviewed", "draft>submitted submitted>reviewed" },
};

/* Returns 0 if the spec forbids the move, 1 if allowed, 2 if it needs a reason. */
static int
spec_move (guint       e,
           const char *from,
           const char *to)
{
  g_auto(GStrv) moves = g_strsplit (spec[e].moves, " ", -1);
  g_autofree char *plain = g_strdup_printf ("%s>%s", from, to);
  g_autofree char *reason = g_strdup_printf ("%s>%s!", from, to);
  guint i;

  for (i = 0; moves[i] != NULL; i++)
    {
      if (strcmp (moves[i], plain) == 0)
        return 1;
      if (strcmp (moves[i], reason) == 0)
        return 2;
    }
  return 0;
}

static void
test_states_match_the_design (void)
{
  guint e;

  for (e = 0; e < G_N_ELEMENTS (spec); e++)
    {
      g_auto(GStrv) expected = g_strsplit (spec[e].states, " ", -1);
      const char * const *names = cd_state_names (spec[e].entity);
      guint i;

      g_assert_nonnull (names);
      if (names == NULL)
        continue;
      g_assert_cmpuint (g_strv_length ((char **) names), ==, g_strv_length (expected));
      for (i = 0; expected[i] != NULL && names[i] != NULL; i++)
        {
          g_assert_cmpstr (names[i], ==, expected[i]);
          g_assert_cmpint (cd_state_index (spec[e].entity, names[i]), ==, (int) i);
          g_assert_nonnull (cd_state_label (spec[e].entity, names[i]));
        }
    }
  g_assert_null (cd_state_names ("invoice"));
  g_assert_null (cd_state_names (NULL));
}

static void
test_every_pair_of_states_is_allowed_or_refused_as_designed (void)
{
  guint e, n_allowed = 0;

  for (e = 0; e < G_N_ELEMENTS (spec); e++)
    {
      const char *entity = spec[e].entity;
      const char * const *names = cd_state_names (entity);
      guint i, j;

      for (i = 0; names != NULL && names[i] != NULL; i++)
        for (j = 0; names[j] != NULL; j++)
          {
            int want = spec_move (e, names[i], names[j]);
            g_autoptr(GError) error = NULL;
            gboolean ok;

            ok = cd_state_check_move (entity, names[i], names[j], "client asked", &error);
            if (ok != (want != 0))
              g_test_message ("%s: %s -> %s", entity, names[i], names[j]);
            g_assert_true (ok == (want != 0));
            g_assert_true (cd_state_needs_reason (entity, names[i], names[j]) == (want == 2));
            if (want == 0)
              {
                g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
                continue;
              }
            n_allowed++;
            g_clear_error (&error);
            ok = cd_state_check_move (entity, names[i], names[j], NULL, &error);
            if (want == 2)
              {
                g_assert_false (ok);
                g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_REASON);
              }
            else
              {
                g_assert_true (ok);
                g_assert_no_error (error);
              }
          }
    }
  g_assert_cmpuint (n_allowed, ==, 47);
}

static void
test_the_seed_table_is_the_same_machine (void)
{
  gsize n = 0, i;
  const CdStateTransition *t = cd_state_transitions (&n);

  g_assert_cmpuint (n, ==, 47);
  for (i = 0; i < n; i++)
    {
      guint e;
      int want = -1;

      for (e = 0; e < G_N_ELEMENTS (spec); e++)
        if (strcmp (spec[e].entity, t[i].entity) == 0)
          want = spec_move (e, t[i].from, t[i].to);
      g_assert_cmpint (want, ==, t[i].needs_reason ? 2 : 1);
    }
}

static void
test_a_reason_must_say_something (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cd_state_check_move ("client", "active", "lost", "", &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_REASON);
  g_clear_error (&error);
  g_assert_false (cd_state_check_move ("client", "active", "lost", " \t\n　", &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_REASON);
  g_clear_error (&error);
  g_assert_false (cd_state_check_move ("client", "active", "lost", "\xff\xfe", &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_REASON);
  g_clear_error (&error);
  g_assert_true (cd_state_check_move ("client", "active", "lost", "客户转投竞争对手", &error));
  g_assert_no_error (error);
  g_assert_true (cd_state_check_move ("project", "brief", "cancelled", "🙁", &error));
  g_assert_no_error (error);

  g_assert_false (cd_state_check_move ("contract", "executing", "terminated", NULL, &error));
  g_assert_nonnull (strstr (error->message, "Executing"));
  g_assert_nonnull (strstr (error->message, "Terminated"));
  g_assert_nonnull (strstr (error->message, "reason"));
}

static void
test_refusals_name_the_move_and_why (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cd_state_check_move ("quote", "draft", "accepted", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==,
                   "A quote cannot go from “Draft” to “Accepted”: from “Draft” it can only go to “Sent”, “Superseded”.");
  g_clear_error (&error);

  g_assert_false (cd_state_check_move ("project", "closed", "brief", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "“Closed” is final"));
  g_clear_error (&error);

  g_assert_false (cd_state_check_move ("quote", "sent", "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);

  g_assert_false (cd_state_check_move ("quote", "sent", "paid", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "paid"));
  g_clear_error (&error);

  g_assert_false (cd_state_check_move ("invoice", "draft", "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_assert_false (cd_state_check_move (NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (cd_state_check_move ("quote", NULL, "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
}

static void
test_hostile_names_are_refused_safely (void)
{
  g_autofree char *longname = g_strnfill (10000, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_false (cd_state_check_move ("quote", longname, "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_clear_error (&error);

  g_assert_false (cd_state_check_move (longname, "draft", "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_clear_error (&error);

  g_assert_false (cd_state_check_move ("quote", "dr\xff" "aft", "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  g_assert_false (cd_state_check_move ("quote", "draft\n", "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (cd_state_check_move ("quote", "DRAFT", "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (cd_state_check_move ("quote", "草稿", "sent", NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
}

static void
test_labels_are_human (void)
{
  g_assert_cmpstr (cd_state_label ("project", "in_production"), ==, "In production");
  g_assert_cmpstr (cd_state_label ("work_order", "in_review"), ==, "In review");
  g_assert_cmpstr (cd_state_label ("supplier_order", "reworked"), ==, "Reworked");
  g_assert_cmpstr (cd_state_label ("client", "lost"), ==, "Lost");
  g_assert_null (cd_state_label ("client", "gone"));
  g_assert_null (cd_state_label ("nothing", "lost"));
  g_assert_null (cd_state_label (NULL, NULL));
}

static void
test_enums_and_names_agree (void)
{
  g_assert_cmpstr (cd_client_status_to_string (CD_CLIENT_PROSPECT), ==, "prospect");
  g_assert_cmpstr (cd_client_status_to_string (CD_CLIENT_LOST), ==, "lost");
  g_assert_cmpstr (cd_project_status_to_string (CD_PROJECT_IN_PRODUCTION), ==, "in_production");
  g_assert_cmpstr (cd_project_status_to_string (CD_PROJECT_CANCELLED), ==, "cancelled");
  g_assert_cmpstr (cd_quote_status_to_string (CD_QUOTE_SUPERSEDED), ==, "superseded");
  g_assert_cmpstr (cd_contract_status_to_string (CD_CONTRACT_TERMINATED), ==, "terminated");
  g_assert_cmpstr (cd_work_order_status_to_string (CD_WORK_ORDER_IN_REVIEW), ==, "in_review");
  g_assert_cmpstr (cd_supplier_order_status_to_string (CD_SUPPLIER_ORDER_REWORKED), ==, "reworked");
  g_assert_cmpstr (cd_acceptance_status_to_string (CD_ACCEPTANCE_SIGNED), ==, "signed");
  g_assert_cmpstr (cd_visit_status_to_string (CD_VISIT_REVIEWED), ==, "reviewed");
  g_assert_null (cd_quote_status_to_string ((CdQuoteStatus) 99));
  g_assert_null (cd_quote_status_to_string ((CdQuoteStatus) -1));

  g_assert_cmpint (cd_state_index ("project", "delivered"), ==, CD_PROJECT_DELIVERED);
  g_assert_cmpint (cd_state_index ("supplier_order", "rejected"), ==, CD_SUPPLIER_ORDER_REJECTED);
  g_assert_cmpint (cd_state_index ("work_order", "done"), ==, CD_WORK_ORDER_DONE);
  g_assert_cmpint (cd_state_index ("quote", "nope"), ==, -1);
}

static void
test_typed_transitions (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_quote_status_transition (CD_QUOTE_DRAFT, CD_QUOTE_SENT, &error));
  g_assert_false (cd_quote_status_transition (CD_QUOTE_DRAFT, CD_QUOTE_ACCEPTED, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (cd_quote_status_transition (CD_QUOTE_ACCEPTED, CD_QUOTE_SUPERSEDED, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_true (cd_client_status_transition (CD_CLIENT_DORMANT, CD_CLIENT_ACTIVE, NULL, &error));
  g_assert_false (cd_client_status_transition (CD_CLIENT_DORMANT, CD_CLIENT_LOST, NULL, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_REASON);
  g_clear_error (&error);
  g_assert_true (cd_client_status_transition (CD_CLIENT_DORMANT, CD_CLIENT_LOST, "no budget", &error));

  g_assert_true (cd_project_status_transition (CD_PROJECT_DELIVERED, CD_PROJECT_CLOSED, NULL, &error));
  g_assert_true (cd_project_status_transition (CD_PROJECT_QUOTING, CD_PROJECT_CANCELLED, "lost pitch", &error));
  g_assert_false (cd_project_status_transition (CD_PROJECT_CLOSED, CD_PROJECT_CANCELLED, "x", &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Termination needs a reason, which the reasonless wrapper cannot carry. */
  g_assert_true (cd_contract_status_transition (CD_CONTRACT_SIGNED, CD_CONTRACT_EXECUTING, &error));
  g_assert_false (cd_contract_status_transition (CD_CONTRACT_SIGNED, CD_CONTRACT_TERMINATED, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_REASON);
  g_clear_error (&error);
  g_assert_true (cd_contract_status_transition_with_reason (CD_CONTRACT_SIGNED, CD_CONTRACT_TERMINATED,
                                                            "client went bankrupt", &error));

  g_assert_true (cd_work_order_status_transition (CD_WORK_ORDER_IN_REVIEW, CD_WORK_ORDER_IN_PROGRESS, &error));
  g_assert_false (cd_work_order_status_transition (CD_WORK_ORDER_DONE, CD_WORK_ORDER_IN_PROGRESS, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_true (cd_supplier_order_status_transition (CD_SUPPLIER_ORDER_REJECTED, CD_SUPPLIER_ORDER_REWORKED, &error));
  g_assert_false (cd_supplier_order_status_transition (CD_SUPPLIER_ORDER_ACCEPTED, CD_SUPPLIER_ORDER_REWORKED, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_false (cd_quote_status_transition ((CdQuoteStatus) 42, CD_QUOTE_SENT, &error));
  g_assert_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN);
}

static void
test_next_states_list_the_allowed_moves (void)
{
  g_auto(GStrv) quote = cd_state_next_states ("quote", "sent");
  g_auto(GStrv) closed = cd_state_next_states ("project", "closed");
  g_auto(GStrv) unknown = cd_state_next_states ("quote", "paid");
  const char * const sent_next[] = { "accepted", "rejected", "superseded", NULL };

  g_assert_nonnull (quote);
  g_assert_true (g_strv_equal ((const char * const *) quote, sent_next));
  g_assert_nonnull (closed);
  g_assert_cmpuint (g_strv_length (closed), ==, 0);
  g_assert_null (unknown);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/states/states-match-the-design", test_states_match_the_design);
  g_test_add_func ("/core/states/every-pair-of-states-is-allowed-or-refused-as-designed",
                   test_every_pair_of_states_is_allowed_or_refused_as_designed);
  g_test_add_func ("/core/states/the-seed-table-is-the-same-machine", test_the_seed_table_is_the_same_machine);
  g_test_add_func ("/core/states/a-reason-must-say-something", test_a_reason_must_say_something);
  g_test_add_func ("/core/states/refusals-name-the-move-and-why", test_refusals_name_the_move_and_why);
  g_test_add_func ("/core/states/hostile-names-are-refused-safely", test_hostile_names_are_refused_safely);
  g_test_add_func ("/core/states/labels-are-human", test_labels_are_human);
  g_test_add_func ("/core/states/enums-and-names-agree", test_enums_and_names_agree);
  g_test_add_func ("/core/states/typed-transitions", test_typed_transitions);
  g_test_add_func ("/core/states/next-states-list-the-allowed-moves", test_next_states_list_the_allowed_moves);

  return g_test_run ();
}
