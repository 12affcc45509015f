// Printing a document: check who may print it, load its data (through the same services the JSON
// API uses), then render it in one of a bounded number of render slots. Blocking (SQL and
// rendering): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/files/file_service.hpp"
#include "school/printing/print_requests.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sala::printing {

// A rendered document and what the activity log records about it.
struct Printed {
    std::string bytes;
    std::string filename;
    std::string content_type = "application/pdf";
    std::vector<std::int64_t> student_ids;
    std::optional<std::int64_t> course_id;
};

struct PrintingLimits {
    std::size_t concurrency = 2;                  // documents rendered at once
    std::chrono::milliseconds wait{10'000};       // for a free slot, then 503
    bool deterministic = false;                   // a fixed creation date
};

class PrintingService {
public:
    PrintingService(db::Database& db, files::FileService& files, const Clock& clock, PrintingLimits limits);
    ~PrintingService();

    [[nodiscard]] Result<Printed> report_cards(const ReportCardRequest& request, const Principal& who);
    // The gradebook (students × subjects, landscape) or the grade report (by rank).
    [[nodiscard]] Result<Printed> course_results(const CourseReportRequest& request, bool gradebook,
                                                 const Principal& who);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sala::printing
