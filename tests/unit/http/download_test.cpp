// Downloads: file names made safe (no path, no reserved or control characters, the right
// extension, a fallback) and Content-Disposition with an ASCII name and, for any other name, the
// RFC 6266 filename* form.
#include "http/download.hpp"

#include <gtest/gtest.h>

namespace sala::http {
namespace {

TEST(Download, FileNamesAreMadeSafe)
{
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"grades", "grades.xlsx"},
        {"grades.xlsx", "grades.xlsx"},
        {"Grades.XLSX", "Grades.xlsx"},
        {"report.csv", "report.csv.xlsx"},
        {"../../etc/passwd", "passwd.xlsx"},
        {"C:\\Users\\me\\list", "list.xlsx"},
        {"a\"b*c:d<e>f?g|h", "abcdefgh.xlsx"},
        {"line\r\nbreak\t", "linebreak.xlsx"},
        {"  .hidden. ", "hidden.xlsx"},
        {"", "export.xlsx"},
        {"...", "export.xlsx"},
        {".xlsx", "export.xlsx"},
        {"ពិន្ទុ ៧ក", "ពិន្ទុ ៧ក.xlsx"},
    };
    for (const auto& [wanted, expected] : cases) {
        EXPECT_EQ(safe_filename(wanted, ".xlsx", "export"), expected) << wanted;
    }
    // At most kMaxFilename characters (not bytes) before the extension.
    std::string khmer;
    for (int i = 0; i < 150; ++i) {
        khmer += "ក";
    }
    EXPECT_EQ(safe_filename(khmer, ".xlsx", "export"), khmer.substr(0, kMaxFilename * 3) + ".xlsx");
    EXPECT_EQ(safe_filename(std::string(300, 'a'), ".xlsx", "export"), std::string(kMaxFilename, 'a') + ".xlsx");
}

TEST(Download, AsciiNamesAreQuotedOthersAlsoPercentEncoded)
{
    EXPECT_EQ(content_disposition("students.xlsx"), "attachment; filename=\"students.xlsx\"");
    EXPECT_EQ(content_disposition("Gradebook 7A.xlsx"), "attachment; filename=\"Gradebook 7A.xlsx\"");
    EXPECT_EQ(content_disposition("ពិន្ទុ 7A.xlsx"),
              "attachment; filename=\"______ 7A.xlsx\"; "
              "filename*=UTF-8''%E1%9E%96%E1%9E%B7%E1%9E%93%E1%9F%92%E1%9E%91%E1%9E%BB%207A.xlsx");
    EXPECT_EQ(content_disposition("café.xlsx"), "attachment; filename=\"caf_.xlsx\"; filename*=UTF-8''caf%C3%A9.xlsx");
}

TEST(Download, AResponseCarriesTheBytesAndTheirName)
{
    auto r = download("text/csv; charset=utf-8", "a,b\r\n", "students.csv");
    EXPECT_EQ(r.status, Status::ok);
    EXPECT_EQ(r.kind, Response::Kind::raw);
    EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(r.body, "a,b\r\n");
    EXPECT_EQ(r.headers.get("Content-Disposition"), "attachment; filename=\"students.csv\"");
}

}  // namespace
}  // namespace sala::http
