/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue of standard items (有偿服务收费标准) that quote lines are
 * taken from: name, specification, unit, default unit price and tax rate,
 * category; items are added, changed, switched off or (when no quote uses
 * them) deleted. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_QUOTE_CATALOGUE_WINDOW (cd_quote_catalogue_window_get_type ())
G_DECLARE_FINAL_TYPE (CdQuoteCatalogueWindow, cd_quote_catalogue_window, CD, QUOTE_CATALOGUE_WINDOW, AdwWindow)

CdQuoteCatalogueWindow *cd_quote_catalogue_window_new     (CdContext *context);
/* Opens the catalogue over the window of @widget. */
CdQuoteCatalogueWindow *cd_quote_catalogue_window_present (GtkWidget *widget,
                                                           CdContext *context);

G_END_DECLS
