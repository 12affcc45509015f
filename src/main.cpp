// The `sala` executable: everything lives in sala_lib; this only forwards the command line.
#include "app/cli.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    return sala::app::run_cli(argc, argv, std::cin, std::cout, std::cerr);
}
