// See event_log.hpp.
#include "school/activity/event_log.hpp"

#include "school/activity/activity.hpp"

namespace sala::activity {

void EventLog::on_event(db::Connection& tx, const events::Event& event)
{
    Entry entry;
    entry.user_id = event.actor;
    entry.action = event.type;
    entry.resource = event.resource;
    entry.resource_id = event.resource_id;
    entry.details = event.data;
    entry.at = event.at;
    record(tx, entry);
}

}  // namespace sala::activity
