// Every SQL statement about the activity log. Optional filters are NULL when unused; $4/$5 bound
// the creation time (text in timestamp order).
#pragma once

#include <string_view>

namespace sala::activity::sql {

inline constexpr std::string_view kInsert =
    "INSERT INTO activity_logs (user_id, action, resource, resource_id, details, ip_address, user_agent, request_id, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

inline constexpr std::string_view kSelectPage =
    "SELECT l.log_id, l.user_id, l.action, l.resource, l.resource_id, l.details, l.ip_address, l.user_agent, "
    "l.request_id, l.created_at, u.username, u.firstname, u.lastname "
    "FROM activity_logs l LEFT JOIN users u ON u.user_id = l.user_id "
    "WHERE (CAST($1 AS BIGINT) IS NULL OR l.user_id = CAST($1 AS BIGINT)) "
    "AND (CAST($2 AS TEXT) IS NULL OR l.action = CAST($2 AS TEXT)) "
    "AND (CAST($3 AS TEXT) IS NULL OR l.resource = CAST($3 AS TEXT)) "
    "AND (CAST($4 AS TEXT) IS NULL OR l.created_at >= CAST($4 AS TEXT)) "
    "AND (CAST($5 AS TEXT) IS NULL OR l.created_at < CAST($5 AS TEXT)) "
    "ORDER BY l.created_at DESC, l.log_id DESC LIMIT $6 OFFSET $7";

inline constexpr std::string_view kCount =
    "SELECT count(*) FROM activity_logs l "
    "WHERE (CAST($1 AS BIGINT) IS NULL OR l.user_id = CAST($1 AS BIGINT)) "
    "AND (CAST($2 AS TEXT) IS NULL OR l.action = CAST($2 AS TEXT)) "
    "AND (CAST($3 AS TEXT) IS NULL OR l.resource = CAST($3 AS TEXT)) "
    "AND (CAST($4 AS TEXT) IS NULL OR l.created_at >= CAST($4 AS TEXT)) "
    "AND (CAST($5 AS TEXT) IS NULL OR l.created_at < CAST($5 AS TEXT))";

}  // namespace sala::activity::sql
