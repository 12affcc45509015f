// See activity.hpp.
#include "school/activity/activity.hpp"

#include "school/activity/activity_sql.hpp"

namespace sala::activity {
namespace {

std::optional<std::string> non_empty(const std::string& s)
{
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

void record(db::Connection& connection, const Entry& e)
{
    connection.execute(sql::kInsert, e.user_id, e.action, non_empty(e.resource), non_empty(e.resource_id),
                       e.details.empty() ? std::string("{}") : e.details, non_empty(e.ip_address),
                       non_empty(e.user_agent.substr(0, 512)), non_empty(e.request_id), e.at);
}

void record(db::Database& database, const Entry& entry)
{
    auto tx = database.write();
    record(*tx, entry);
    tx.commit();
}

Page list(db::Connection& connection, const Filter& f)
{
    std::optional<std::string> from;
    std::optional<std::string> to;
    if (f.from) {
        from = format_date(*f.from);
    }
    if (f.to) {
        to = format_date(*f.to + std::chrono::days(1));  // the whole last day
    }
    Page page;
    page.total = connection.query_value<std::int64_t>(sql::kCount, f.user_id, f.action, f.resource, from, to).value_or(0);
    auto rows = connection.query(sql::kSelectPage, f.user_id, f.action, f.resource, from, to, f.limit,
                                 (f.page - 1) * f.limit);
    for (auto r : rows) {
        LoggedEntry l;
        l.log_id = r.get<std::int64_t>("log_id");
        l.entry.user_id = r.get<std::optional<std::int64_t>>("user_id");
        l.entry.action = r.get<std::string>("action");
        l.entry.resource = r.get<std::optional<std::string>>("resource").value_or("");
        l.entry.resource_id = r.get<std::optional<std::string>>("resource_id").value_or("");
        l.entry.details = r.get<std::string>("details");
        l.entry.ip_address = r.get<std::optional<std::string>>("ip_address").value_or("");
        l.entry.user_agent = r.get<std::optional<std::string>>("user_agent").value_or("");
        l.entry.request_id = r.get<std::optional<std::string>>("request_id").value_or("");
        l.entry.at = r.get<TimePoint>("created_at");
        l.username = r.get<std::optional<std::string>>("username");
        l.firstname = r.get<std::optional<std::string>>("firstname");
        l.lastname = r.get<std::optional<std::string>>("lastname");
        page.entries.push_back(std::move(l));
    }
    return page;
}

}  // namespace sala::activity
