// Uploads, students' photos and accounts' avatars through the API: only JPEG and PNG, recognised
// by their bytes whatever they claim to be; stored once under the data directory; a replaced or
// removed photo leaves nothing behind.
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <filesystem>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::Reply;
using test::TestApp;

// The smallest files that pass for the real thing: PNG signature and IHDR (1×1), JPEG SOI, APP0 and EOI.
std::string png(char variant = 0)
{
    std::string b("\x89PNG\r\n\x1a\n", 8);
    b += std::string("\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 21);
    b += std::string("\x90\x77\x53\xde", 4);
    b += std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);
    b += variant;
    return b;
}

std::string jpeg(char variant = 0)
{
    std::string b("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
    b += variant;
    b += "\xFF\xD9";
    return b;
}

std::string form(const std::string& name, const std::string& filename, const std::string& type,
                 const std::string& bytes)
{
    return "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
           "--XyZ\r\nContent-Disposition: form-data; name=\"" +
           name + "\"; filename=\"" + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n" + bytes +
           "\r\n--XyZ--\r\n";
}

constexpr std::string_view kStudent = R"({
  "studentInfo": {"firstName": "Dara", "lastName": "Sok", "dateOfBirth": "2014-03-15", "gender": "M",
    "placeOfBirth": "Phnom Penh", "nationality": "Khmer", "religion": "Buddhism", "address": "St. 271",
    "commune": "Tuol Tumpung", "district": "Chamkar Mon", "province": "Phnom Penh"},
  "guardianInfo": {"primaryGuardian": {"firstName": "Chenda", "lastName": "Sok", "relation": "mother",
    "phone": "012 111 222"}},
  "familyInfo": {"familyComposition": "Two parents", "familySize": 4, "monthlyIncome": 300,
    "hasPovertyCard": false}})";

class FilesTest : public ::testing::Test {
protected:
    FilesTest()
    {
        admin_id = t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        auto r = t.as(admin, Call{Method::post, "/api/v1/students", std::string(kStudent)});
        student = "/api/v1/students/" + std::to_string(r.data().at("studentId").as_int64());
    }
    Reply put_image(const std::string& target, const std::string& type, const std::string& bytes,
                    std::vector<std::pair<std::string, std::string>> headers = {})
    {
        headers.emplace_back("Content-Type", type);
        return t.as(admin, Call{Method::put, target, bytes, std::move(headers)});
    }
    Reply upload(const std::string& type, const std::string& bytes)
    {
        return t.as(admin, Call{Method::post, "/api/v1/upload", bytes, {{"Content-Type", type}}});
    }
    // The files kept under the data directory.
    std::size_t stored_files() const
    {
        std::size_t n = 0;
        auto root = std::filesystem::path(t.dir().str()) / "uploads";
        if (std::filesystem::exists(root)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
                n += e.is_regular_file() ? 1 : 0;
            }
        }
        return n;
    }

    TestApp t;
    std::int64_t admin_id = 0;
    test::SignedIn admin;
    std::string student;
};

TEST_F(FilesTest, UploadsAreRecognisedByTheirBytes)
{
    auto r = upload("image/png", png());
    ASSERT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(r.data().at("contentType"), "image/png");
    EXPECT_EQ(r.data().at("size"), static_cast<std::int64_t>(png().size()));
    EXPECT_EQ(r.data().at("sha256").as_string().size(), 64u);
    auto url = std::string(r.data().at("url").as_string());
    EXPECT_EQ(r.header("Location"), url);
    auto back = t.get_as(admin, url);
    ASSERT_EQ(back.status, 200u);
    EXPECT_EQ(back.header("Content-Type"), "image/png");
    EXPECT_EQ(back.body, png());

    // Declared as anything, a JPEG is a JPEG.
    auto octets = upload("application/octet-stream", jpeg());
    ASSERT_EQ(octets.status, 201u);
    EXPECT_EQ(octets.data().at("contentType"), "image/jpeg");
    auto misnamed = upload("image/png", jpeg('x'));
    EXPECT_EQ(misnamed.data().at("contentType"), "image/jpeg");

    // Whatever it claims, a PDF, a script or a truncated image is refused.
    for (const auto& bytes : {std::string("%PDF-1.7\n1 0 obj\n"), std::string("<script>alert(1)</script>"),
                              png().substr(0, 20), std::string("\xFF\xD8\xFF\xE0 no end", 12)}) {
        auto refused = upload("image/png", bytes);
        EXPECT_EQ(refused.status, 415u);
        EXPECT_EQ(refused.error_code(), "UNSUPPORTED_MEDIA_TYPE");
    }
    EXPECT_EQ(upload("multipart/form-data; boundary=XyZ", form("file", "cv.jpg", "image/jpeg", "%PDF-1.7")).status,
              415u);
    EXPECT_EQ(upload("text/plain", png()).status, 415u);
    EXPECT_EQ(t.as(admin, Call{Method::post, "/api/v1/upload", png()}).status, 415u);  // no Content-Type
    EXPECT_EQ(upload("image/png", "").status, 422u);
}

TEST_F(FilesTest, FormsCarryTheFileInTheFilePart)
{
    auto r = upload("multipart/form-data; boundary=XyZ", form("file", "photo.png", "image/png", png()));
    ASSERT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(t.get_as(admin, std::string(r.data().at("url").as_string())).body, png());

    auto missing = upload("multipart/form-data; boundary=XyZ", form("picture", "photo.png", "image/png", png()));
    EXPECT_EQ(missing.status, 422u);
    EXPECT_EQ(missing.error_fields(), std::vector<std::string>{"file"});
    EXPECT_EQ(upload("multipart/form-data; boundary=XyZ", "--XyZ\r\nno headers end").status, 400u);
    EXPECT_EQ(upload("multipart/form-data", form("file", "a.png", "image/png", png())).status, 400u);
}

TEST_F(FilesTest, AStudentsPhoto)
{
    EXPECT_EQ(t.get_as(admin, student + "/photo").status, 404u);
    auto set = put_image(student + "/photo", "image/jpeg", jpeg(), {{"If-Match", "\"1\""}});
    ASSERT_EQ(set.status, 200u) << set.body;
    EXPECT_EQ(set.data().at("photo").as_string(), student + "/photo");
    EXPECT_EQ(set.data().at("contentType"), "image/jpeg");
    auto record = t.get_as(admin, student);
    EXPECT_EQ(record.data().at("photo").as_string(), student + "/photo");
    EXPECT_EQ(record.header("ETag"), "\"2\"");
    auto photo = t.get_as(admin, student + "/photo");
    ASSERT_EQ(photo.status, 200u);
    EXPECT_EQ(photo.header("Content-Type"), "image/jpeg");
    EXPECT_EQ(photo.body, jpeg());
    EXPECT_EQ(t.as(admin, Call{Method::get, student + "/photo", {}, {{"If-None-Match", photo.header("ETag")}}}).status,
              304u);
    EXPECT_EQ(stored_files(), 1u);

    // Stale: nothing changes, and the bytes sent are not kept.
    EXPECT_EQ(put_image(student + "/photo", "image/png", png(), {{"If-Match", "\"1\""}}).status, 412u);
    EXPECT_EQ(stored_files(), 1u);
    EXPECT_EQ(put_image(student + "/photo", "image/png", "GIF89a").status, 415u);
    EXPECT_EQ(put_image("/api/v1/students/999/photo", "image/png", png()).status, 404u);
    EXPECT_EQ(stored_files(), 1u);

    // A new photo replaces the old one, which is gone with its bytes.
    auto old_file = set.data().at("fileId").as_int64();
    auto replaced = put_image(student + "/photo", "image/png", png());
    ASSERT_EQ(replaced.status, 200u);
    EXPECT_EQ(t.get_as(admin, student + "/photo").body, png());
    EXPECT_EQ(t.get_as(admin, "/api/v1/files/" + std::to_string(old_file)).status, 404u);
    EXPECT_EQ(stored_files(), 1u);

    // An earlier upload can be linked by its id.
    auto uploaded = upload("image/jpeg", jpeg('u'));
    auto linked = t.as(admin, Call{Method::put, student + "/photo",
                                   R"({"fileId":)" + std::to_string(uploaded.data().at("fileId").as_int64()) + "}",
                                   {{"Content-Type", "application/json"}}});
    ASSERT_EQ(linked.status, 200u) << linked.body;
    EXPECT_EQ(t.get_as(admin, student + "/photo").body, jpeg('u'));
    auto unknown = t.as(admin, Call{Method::put, student + "/photo", R"({"fileId":999})",
                                    {{"Content-Type", "application/json"}}});
    EXPECT_EQ(unknown.status, 422u);
    EXPECT_EQ(unknown.error_fields(), std::vector<std::string>{"fileId"});

    // Removed: the photo and its bytes are gone.
    EXPECT_EQ(t.as(admin, Call{Method::delete_, student + "/photo"}).status, 204u);
    EXPECT_EQ(t.get_as(admin, student + "/photo").status, 404u);
    EXPECT_TRUE(t.get_as(admin, student).data().at("photo").is_null());
    EXPECT_EQ(stored_files(), 0u);
}

TEST_F(FilesTest, DeletingAStudentDeletesTheirPhoto)
{
    ASSERT_EQ(put_image(student + "/photo", "image/png", png()).status, 200u);
    EXPECT_EQ(stored_files(), 1u);
    ASSERT_EQ(t.as(admin, Call{Method::delete_, student}).status, 204u);
    EXPECT_EQ(stored_files(), 0u);
}

TEST_F(FilesTest, TheSameBytesAreStoredOnce)
{
    auto first = upload("image/png", png());
    auto second = upload("image/png", png());
    EXPECT_NE(first.data().at("fileId"), second.data().at("fileId"));
    EXPECT_EQ(stored_files(), 1u);
    // Putting one to use and releasing it keeps the bytes the other needs.
    auto id = second.data().at("fileId").as_int64();
    ASSERT_EQ(t.as(admin, Call{Method::put, student + "/photo", R"({"fileId":)" + std::to_string(id) + "}",
                               {{"Content-Type", "application/json"}}})
                  .status,
              200u);
    ASSERT_EQ(t.as(admin, Call{Method::delete_, student + "/photo"}).status, 204u);
    EXPECT_EQ(t.get_as(admin, std::string(first.data().at("url").as_string())).body, png());
    EXPECT_EQ(stored_files(), 1u);
    // Uploads nobody uses are cleared a day later.
    t.clock().advance(std::chrono::hours(25));
    admin = t.sign_in("admin");
    upload("image/jpeg", jpeg());
    EXPECT_EQ(t.get_as(admin, std::string(first.data().at("url").as_string())).status, 404u);
    EXPECT_EQ(stored_files(), 1u);
}

TEST_F(FilesTest, Avatars)
{
    auto set = put_image("/api/v1/users/me/avatar", "image/png", png());
    ASSERT_EQ(set.status, 200u) << set.body;
    auto address = "/api/v1/users/" + std::to_string(admin_id) + "/avatar";
    EXPECT_EQ(set.data().at("avatar").as_string(), address);
    EXPECT_EQ(t.get_as(admin, "/api/v1/users/me").data().at("avatar").as_string(), address);
    auto teacher_id = t.add_user("teacher", "teacher");
    auto teacher = t.sign_in("teacher");
    auto seen = t.get_as(teacher, address);
    ASSERT_EQ(seen.status, 200u);
    EXPECT_EQ(seen.body, png());
    // Only admins change other people's avatars.
    EXPECT_EQ(t.as(teacher, Call{Method::put, address, png(), {{"Content-Type", "image/png"}}}).status, 403u);
    EXPECT_EQ(t.as(teacher, Call{Method::put, "/api/v1/users/me/avatar", jpeg(), {{"Content-Type", "image/jpeg"}}})
                  .status,
              200u);
    EXPECT_EQ(put_image("/api/v1/users/999/avatar", "image/png", png()).status, 404u);
    EXPECT_EQ(stored_files(), 2u);

    // A profile change that keeps the avatar keeps the file; an avatar address given instead of an
    // upload ends the upload's use.
    auto teachers = "/api/v1/users/" + std::to_string(teacher_id) + "/avatar";
    ASSERT_EQ(t.as(teacher, Call{Method::patch, "/api/v1/users/me", R"({"firstname":"Sokha"})"}).status, 200u);
    EXPECT_EQ(t.get_as(admin, teachers).status, 200u);
    auto linked = t.as(teacher, Call{Method::patch, "/api/v1/users/me", R"({"avatar":"https://example.org/me.png"})"});
    ASSERT_EQ(linked.status, 200u) << linked.body;
    EXPECT_EQ(t.get_as(teacher, "/api/v1/users/me").data().at("avatar"), "https://example.org/me.png");
    EXPECT_EQ(t.get_as(admin, teachers).status, 404u);

    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/me/avatar"}).status, 204u);
    EXPECT_TRUE(t.get_as(admin, "/api/v1/users/me").data().at("avatar").is_null());
    EXPECT_EQ(t.get_as(admin, address).status, 404u);
    EXPECT_EQ(stored_files(), 1u);
}

TEST_F(FilesTest, PermissionsAreChecked)
{
    EXPECT_EQ(t.call(Call{Method::post, "/api/v1/upload", png(), {{"Content-Type", "image/png"}}}).status, 401u);
    ASSERT_EQ(put_image(student + "/photo", "image/png", png()).status, 200u);
    EXPECT_EQ(t.get(student + "/photo").status, 401u);
    auto key = t.as(admin, Call{Method::post, "/api/v1/api-keys", R"({"name":"cards","scopes":["students:read"]})"});
    auto secret = std::string(key.data().at("key").as_string());
    EXPECT_EQ(t.call(Call{Method::get, student + "/photo", {}, {{"X-API-Key", secret}}}).status, 200u);
    EXPECT_EQ(t.call(Call{Method::put, student + "/photo", png(), {{"X-API-Key", secret}, {"Content-Type", "image/png"}}})
                  .status,
              403u);
}

}  // namespace
}  // namespace sala
