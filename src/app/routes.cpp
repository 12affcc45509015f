// Calls each feature's register_*_routes. A new feature adds one line here.
#include "app/routes.hpp"

#include "app/app.hpp"
#include "app/ops_routes.hpp"
#include "auth/api_key_routes.hpp"
#include "auth/auth_routes.hpp"
#include "school/activity/activity_routes.hpp"
#include "school/users/user_routes.hpp"

namespace sala::app {

void register_routes(App& app)
{
    auto& router = app.router();
    register_ops_routes(router, app);
    auth::register_auth_routes(router, app.auth(), app.sign_in_limiter(), app.hashing(), app.database(),
                               auth::AuthRouteOptions{app.config().login_user_list, app.config().cors_origins});
    auth::register_api_key_routes(router, app.api_keys());
    users::register_user_routes(router, app.users(), app.hashing());
    activity::register_activity_routes(router, app.database());
}

}  // namespace sala::app
