// POST /pdf-generate/…: each document the seed names, and generate-pdf dispatching on reportType.
#pragma once

#include "http/router.hpp"
#include "school/printing/printing_service.hpp"

namespace sala::printing {

void register_printing_routes(http::Router& router, PrintingService& printing);

}  // namespace sala::printing
