#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and opens ClientDesk on the default
# database ($CLIENTDESK_DB, else ~/.local/share/clientdesk/clientdesk.db).
# Extra arguments go to the app, e.g. `tools/app.sh --db /tmp/agency.db`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_missing_packages
configure_and_build "$BUILD"
exec "$BUILD/src/clientdesk" "$@"
