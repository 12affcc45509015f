// Calls each feature's register_*_routes. A new feature adds one line here.
#include "app/routes.hpp"

#include "app/app.hpp"
#include "app/ops_routes.hpp"

namespace sala::app {

void register_routes(App& app)
{
    register_ops_routes(app.router(), app);
}

}  // namespace sala::app
