// Domain events: what changed in the school (a grade created, a class register taken), published
// by the services inside the write transaction that made the change. Subscribers act in that same
// transaction, so an event exists exactly when its change does: the activity log records events
// now; real-time delivery and webhooks can add an outbox subscriber without touching the services.
#pragma once

#include "core/time.hpp"
#include "db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::events {

struct Event {
    std::string type;                   // "grade.created", "attendance.recorded" …
    std::string resource;               // "grades", "attendance" …
    std::string resource_id;            // the record's id
    std::optional<std::int64_t> actor;  // the user who made the change (for API keys, the key's creator)
    std::string data;                   // a JSON object: what the record now says (or said, when deleted)
    TimePoint at;
};

class Subscriber {
public:
    virtual ~Subscriber() = default;
    // Runs inside the publisher's transaction; throwing rolls the change back.
    virtual void on_event(db::Connection& tx, const Event& event) = 0;
};

// Subscriptions are made while the application is assembled, before any request is served.
class EventBus {
public:
    void subscribe(Subscriber& subscriber) { subscribers_.push_back(&subscriber); }
    void publish(db::Connection& tx, const Event& event) const
    {
        for (auto* s : subscribers_) {
            s->on_event(tx, event);
        }
    }

private:
    std::vector<Subscriber*> subscribers_;
};

}  // namespace sala::events
