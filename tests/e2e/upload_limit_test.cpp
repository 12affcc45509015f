// The upload limit on a real connection: an image body over it is refused with 413 before it is
// read, while the same route takes one under it (and the JSON routes keep their own, lower limit).
#include "support/test_app.hpp"
#include "support/wire.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

std::string png_of_size(std::size_t size)
{
    std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90\x77\x53\xde", 33);
    b.resize(size, '\0');
    return b;
}

TEST(UploadLimit, BodiesOverTheLimitAre413)
{
    app::Config config;
    config.upload_limit = 64 * 1024;
    config.json_body_limit = 8 * 1024;
    test::TestApp t(config);
    t.add_user("admin", "admin");
    auto admin = t.sign_in("admin");
    http::ServerLimits limits;
    test::RunningServer server(t.app().pipeline(), limits);
    auto headers = "Authorization: Bearer " + admin.access_token + "\r\nContent-Type: image/png\r\n";

    test::WireClient under(server.port());
    auto ok = under.request("POST", "/api/v1/upload", png_of_size(60 * 1024), headers);
    EXPECT_EQ(ok.reply.status, 201u) << ok.reply.body;

    test::WireClient over(server.port());
    auto refused = over.request("POST", "/api/v1/upload", png_of_size(65 * 1024), headers);
    EXPECT_EQ(refused.reply.status, 413u);
    EXPECT_EQ(refused.reply.error_code(), "PAYLOAD_TOO_LARGE");

    // A JSON route keeps the JSON limit.
    test::WireClient json(server.port());
    auto big = json.request("POST", "/api/v1/students", std::string(10 * 1024, ' '),
                            "Authorization: Bearer " + admin.access_token + "\r\nContent-Type: application/json\r\n");
    EXPECT_EQ(big.reply.status, 413u);
}

}  // namespace
}  // namespace sala
