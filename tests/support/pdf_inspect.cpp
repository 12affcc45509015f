// See pdf_inspect.hpp. Each call writes the PDF to a temporary directory and runs one tool.
#include "support/pdf_inspect.hpp"

#include "support/temp_dir.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace sala::test {
namespace {

std::string run(const std::string& command)
{
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        throw std::runtime_error("cannot run " + command);
    }
    char buffer[8192];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, n);
    }
    if (::pclose(pipe) != 0) {
        throw std::runtime_error("failed: " + command);
    }
    return out;
}

std::string write_file(const TempDir& dir, std::string_view bytes)
{
    auto path = (dir.path() / "document.pdf").string();
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

std::string field(const std::string& info, const std::string& name)
{
    auto at = info.find(name + ":");
    if (at == std::string::npos) {
        return {};
    }
    auto start = info.find_first_not_of(' ', at + name.size() + 1);
    return info.substr(start, info.find('\n', start) - start);
}

}  // namespace

PdfInfo pdf_info(std::string_view pdf)
{
    TempDir dir;
    auto info = run("pdfinfo -isodates '" + write_file(dir, pdf) + "' 2>/dev/null");
    PdfInfo out;
    out.pages = std::stoi(field(info, "Pages"));
    out.title = field(info, "Title");
    out.creation_date = field(info, "CreationDate");
    std::istringstream size(field(info, "Page size"));  // "595.276 x 841.89 pts (A4)"
    std::string x;
    size >> out.width_pt >> x >> out.height_pt;
    return out;
}

std::string pdf_text(std::string_view pdf)
{
    TempDir dir;
    return run("pdftotext -raw -enc UTF-8 '" + write_file(dir, pdf) + "' - 2>/dev/null");
}

std::string pdf_page_text(std::string_view pdf, int page)
{
    TempDir dir;
    auto p = std::to_string(page);
    return run("pdftotext -raw -enc UTF-8 -f " + p + " -l " + p + " '" + write_file(dir, pdf) + "' - 2>/dev/null");
}

bool has_text(std::string_view extracted, std::string_view expected)
{
    auto squeeze = [](std::string_view text) {
        std::string out;
        for (char c : text) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                out += c;
            }
        }
        return out;
    };
    return squeeze(extracted).find(squeeze(expected)) != std::string::npos;
}

std::string pdf_image_list(std::string_view pdf)
{
    TempDir dir;
    return run("pdfimages -list '" + write_file(dir, pdf) + "' 2>/dev/null");
}

std::string pdf_to_jpeg(std::string_view pdf, int dpi)
{
    TempDir dir;
    auto file = write_file(dir, pdf);
    auto prefix = (dir.path() / "page").string();
    run("pdftoppm -jpeg -singlefile -r " + std::to_string(dpi) + " '" + file + "' '" + prefix + "' 2>/dev/null");
    std::ifstream in(prefix + ".jpg", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int pdf_image_count(std::string_view pdf)
{
    auto out = pdf_image_list(pdf);
    int lines = 0;
    for (char c : out) {
        lines += c == '\n' ? 1 : 0;
    }
    return std::max(0, lines - 2);  // a header line and a rule
}

std::vector<std::string> pdf_qr_codes(std::string_view pdf, int page, int dpi)
{
    TempDir dir;
    auto file = write_file(dir, pdf);
    auto prefix = (dir.path() / "page").string();
    auto p = std::to_string(page);
    run("pdftoppm -png -singlefile -f " + p + " -l " + p + " -r " + std::to_string(dpi) + " '" + file + "' '" +
        prefix + "' 2>/dev/null");
    // zbarimg exits 4 when it finds no code: that is an answer here, not a failure.
    auto out = run("zbarimg --raw -q -Sdisable -Sqrcode.enable '" + prefix + ".png' 2>/dev/null; true");
    std::vector<std::string> codes;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            codes.push_back(line);
        }
    }
    return codes;
}

GreyImage pdf_render(std::string_view pdf, int dpi)
{
    TempDir dir;
    auto file = write_file(dir, pdf);
    auto prefix = (dir.path() / "page").string();
    run("pdftoppm -gray -singlefile -r " + std::to_string(dpi) + " '" + file + "' '" + prefix + "' 2>/dev/null");
    return read_pgm(prefix + ".pgm");
}

GreyImage read_pgm(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int maxval = 0;
    GreyImage image;
    in >> magic >> image.width >> image.height >> maxval;
    in.get();
    if (!in || magic != "P5" || maxval != 255) {
        throw std::runtime_error("not an 8-bit PGM: " + path);
    }
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
    in.read(reinterpret_cast<char*>(image.pixels.data()), static_cast<std::streamsize>(image.pixels.size()));
    return image;
}

void write_pgm(const std::string& path, const GreyImage& image)
{
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << image.width << ' ' << image.height << "\n255\n";
    out.write(reinterpret_cast<const char*>(image.pixels.data()), static_cast<std::streamsize>(image.pixels.size()));
}

}  // namespace sala::test
