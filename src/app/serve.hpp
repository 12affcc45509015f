// `sala serve`: an App behind the HTTP server on N I/O threads until SIGTERM or SIGINT.
#pragma once

#include "app/config.hpp"

#include <functional>

namespace sala::app {

// Blocks until shutdown; returns the process exit code.
int serve(const Config& config);

}  // namespace sala::app
