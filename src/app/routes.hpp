// The one place that registers every feature's routes on an App's router.
#pragma once

namespace sala::app {

class App;
void register_routes(App& app);

}  // namespace sala::app
