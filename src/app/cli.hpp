// The `sala` command line: serve, migrate, user add, demo. Flags override SALA_* environment
// variables, which override defaults. Errors are one line on stderr and a non-zero exit.
#pragma once

#include <iosfwd>

namespace sala::app {

int run_cli(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace sala::app
