// POST /pdf-generate/…: each document the seed names, and generate-pdf dispatching on reportType.
#pragma once

#include "core/worker_pool.hpp"
#include "http/router.hpp"
#include "school/printing/printing_service.hpp"

namespace sala::printing {

// Documents are read and rendered on `readers` (the read pool).
void register_printing_routes(http::Router& router, PrintingService& printing, WorkerPool& readers);

}  // namespace sala::printing
