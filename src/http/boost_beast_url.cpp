// Compiles Boost.Beast and Boost.URL once for the whole program.
#include <boost/beast/src.hpp>
#include <boost/url/src.hpp>
