// What every printed document goes through, whatever it shows: who may print it, the job it is
// printed in (page setup, letterhead with the school's settings and logo, the creation date), and
// a render slot, so at most `concurrency` documents are held in memory at once. Rendering runs on
// the shop's own `concurrency` threads: each thread loads its fonts once (Pango's font maps are
// per thread), so after the first documents every render finds them warm. Blocking: run on a
// worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/worker_pool.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/files/file_service.hpp"
#include "school/printing/document_parts.hpp"

#include <chrono>
#include <functional>
#include <semaphore>
#include <span>
#include <string>
#include <vector>

namespace sala::printing {

struct PrintingLimits {
    std::size_t concurrency = 2;             // documents rendered at once
    std::chrono::milliseconds wait{10'000};  // for a free slot, then 503
    bool deterministic = false;              // a fixed creation date
};

// The id, if there is one, as the span an About takes.
inline std::span<const std::int64_t> one(const std::optional<std::int64_t>& id)
{
    return id ? std::span<const std::int64_t>(&*id, 1) : std::span<const std::int64_t>();
}

// 422 with "There is nothing to print for {what}."
[[nodiscard]] Error nothing_to_print(std::string what);
// A document's file name from its parts ("report-card", "STU-2026-0001", "2026-11" →
// "report-card-STU-2026-0001-2026-11"); the routes make it safe and add the extension.
[[nodiscard]] std::string file_name(const std::vector<std::string>& parts);

class PrintShop {
public:
    PrintShop(db::Database& db, files::FileService& files, const Clock& clock, PrintingLimits limits);

    // What a document is about: these students (when any), else these courses (none: the school).
    struct About {
        std::span<const std::int64_t> courses;
        std::span<const std::int64_t> students;
    };
    // The job for a document: 403 unless `who` may print about it, then 422 naming a bad option,
    // then the page the options ask for and the school's letterhead (settings and logo).
    [[nodiscard]] Result<PrintJob> open(const Principal& who, About about, const std::optional<PrintOptions>& options,
                                        pdf::Orientation orientation);

    // Runs `render` in a render slot on a render thread, the caller waiting; 503 with Retry-After
    // when no slot frees up in time.
    [[nodiscard]] Result<std::string> render(const std::function<std::string()>& render);

    // A photo or avatar for print, when there is one and it can be read, at most `max_side` pixels.
    [[nodiscard]] std::optional<pdf::Image> image(const Result<files::FileContent>& content, int max_side = 800) const;

private:
    db::Database& db_;
    files::FileService& files_;
    const Clock& clock_;
    PrintingLimits limits_;
    std::counting_semaphore<> slots_;
    WorkerPool renderers_;
};

}  // namespace sala::printing
