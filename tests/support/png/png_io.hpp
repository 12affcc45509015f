// Grey images as PNG files, for golden renderings kept small in the repository.
#pragma once

#include "support/pdf_inspect.hpp"

#include <string>

namespace sala::test {

// An empty image (0 × 0) when the file is missing or unreadable.
[[nodiscard]] GreyImage read_png_grey(const std::string& path);
void write_png_grey(const std::string& path, const GreyImage& image);

}  // namespace sala::test
