// Registers POST /export-excel: a spreadsheet of any table the client sends.
#pragma once

#include "http/router.hpp"

namespace sala::exports {

void register_export_routes(http::Router& router);

}  // namespace sala::exports
