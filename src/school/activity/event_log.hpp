// The activity log's subscription to domain events: each event becomes an entry (action = the
// event's type, details = its data) in the same transaction as the change it describes.
#pragma once

#include "school/events/event_bus.hpp"

namespace sala::activity {

class EventLog final : public events::Subscriber {
public:
    void on_event(db::Connection& tx, const events::Event& event) override;
};

}  // namespace sala::activity
