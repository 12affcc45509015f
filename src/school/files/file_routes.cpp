// The upload and image routes. Images come as the request body itself (image/jpeg, image/png,
// application/octet-stream) or as the `file` part of a multipart/form-data form, as browsers send
// them; what they are is decided from their bytes by the service.
#include "school/files/file_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/multipart.hpp"
#include "school/files/file_service.hpp"
#include "school/settings/school_settings.hpp"

namespace asio = boost::asio;

namespace sala::files {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct FileView {
    std::int64_t file_id = 0;
    std::string url;
    std::string content_type;
    std::int64_t size = 0;
    std::string sha256;
    TimePoint created_at;
};
BOOST_DESCRIBE_STRUCT(FileView, (), (file_id, url, content_type, size, sha256, created_at))

struct PhotoView {
    std::int64_t student_id = 0;
    std::string photo;  // where it is served
    std::int64_t file_id = 0;
    std::string content_type;
    std::int64_t size = 0;
};
BOOST_DESCRIBE_STRUCT(PhotoView, (), (student_id, photo, file_id, content_type, size))

struct AvatarView {
    std::int64_t user_id = 0;
    std::string avatar;
    std::int64_t file_id = 0;
    std::string content_type;
    std::int64_t size = 0;
};
BOOST_DESCRIBE_STRUCT(AvatarView, (), (user_id, avatar, file_id, content_type, size))

// PUT /students/{id}/photo with a JSON body: an earlier upload.
struct PhotoLink {
    std::int64_t file_id = 0;
};
BOOST_DESCRIBE_STRUCT(PhotoLink, (), (file_id))

const std::vector<std::string> kImageBodies{"image/jpeg", "image/png", "application/octet-stream",
                                            "multipart/form-data"};

// The image a request carries: its body, or the `file` part of its form.
Result<std::string_view> image_of(const http::Request& request)
{
    auto type = request.headers.get("Content-Type").value_or("");
    std::string_view bytes = request.body;
    if (http::is_multipart(type)) {
        auto parts = http::parse_multipart(type, request.body);
        if (!parts) {
            return parts.error();
        }
        auto it = std::find_if(parts->begin(), parts->end(), [](const auto& p) { return p.name == "file"; });
        bytes = it == parts->end() ? std::string_view{} : it->data;
    }
    if (bytes.empty()) {
        FieldErrors errors;
        errors.add("file", "REQUIRED");
        return errors.to_error();
    }
    return bytes;
}

Response raw(const FileContent& c)
{
    auto response = Response::raw(Status::ok, c.file.content_type, c.bytes);
    response.headers.set("ETag", "\"" + c.file.sha256 + "\"");
    return response;
}

std::optional<std::int64_t> uploader(const RequestContext& ctx)
{
    return ctx.principal ? std::optional(ctx.principal->user_id) : std::nullopt;
}

AvatarView avatar_view(std::int64_t user_id, const StoredFile& f)
{
    return AvatarView{user_id, "/api/v1/users/" + std::to_string(user_id) + "/avatar", f.file_id, f.content_type,
                      f.size_bytes};
}

asio::awaitable<Response> put_avatar(RequestContext& ctx, FileService& files, std::int64_t user_id)
{
    auto image = image_of(ctx.request());
    if (!image) {
        co_return Response::from_error(image.error());
    }
    auto stored = co_await ctx.offload([&] { return files.set_avatar(user_id, *image); });
    if (!stored) {
        co_return Response::from_error(stored.error());
    }
    ctx.audit_details = R"({"fileId":)" + std::to_string(stored->file_id) + "}";
    co_return json::respond(avatar_view(user_id, *stored));
}

asio::awaitable<Response> delete_avatar(RequestContext& ctx, FileService& files, std::int64_t user_id)
{
    auto removed = co_await ctx.offload([&] { return files.remove_avatar(user_id); });
    co_return json::respond_done(removed);
}

}  // namespace

void register_file_routes(http::Router& router, FileService& files, std::size_t upload_limit)
{
    router.add(RouteSpec{.method = Method::post,
                         .path = "/upload",
                         .summary = "Upload a JPEG or PNG image (at most the upload limit, 10 MB by default); "
                                    "link it as a photo with PUT /students/{id}/photo {fileId}",
                         .tag = "files",
                         .permission = std::string(permission::students_write),
                         .response = &http::schema<FileView>,
                         .success = Status::created,
                         .consumes = kImageBodies,
                         .max_body = upload_limit},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto image = image_of(ctx.request());
                   if (!image) {
                       co_return Response::from_error(image.error());
                   }
                   auto stored = co_await ctx.offload([&] { return files.upload(*image, uploader(ctx)); });
                   if (!stored) {
                       co_return Response::from_error(stored.error());
                   }
                   auto url = "/api/v1/files/" + std::to_string(stored->file_id);
                   auto response = json::respond(Status::created, FileView{stored->file_id, url, stored->content_type,
                                                                            stored->size_bytes, stored->sha256,
                                                                            stored->created_at});
                   response.headers.set("Location", url);
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/files/{id:int}",
                         .summary = "An uploaded image",
                         .tag = "files",
                         .permission = std::string(permission::students_read),
                         .produces = "image/*"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return files.content(ctx.path_int("id")); });
                   if (!found) {
                       co_return Response::from_error(found.error());
                   }
                   co_return raw(*found);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/students/{id:int}/photo",
                         .summary = "Set a student's photo: a JPEG or PNG body or form, or {fileId} of an upload "
                                    "(If-Match: the student's ETag)",
                         .tag = "students",
                         .permission = std::string(permission::students_write),
                         .response = &http::schema<PhotoView>,
                         .consumes = [] {
                             auto types = kImageBodies;
                             types.emplace_back("application/json");
                             return types;
                         }(),
                         .max_body = upload_limit,
                         .action = "students.photo_update"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto id = ctx.path_int("id");
                   ImageSource source = std::int64_t{0};
                   auto type = ctx.request().headers.get("Content-Type").value_or("");
                   if (type.starts_with("application/json")) {
                       auto link = http::parse_body<PhotoLink>(ctx.request());
                       if (!link) {
                           co_return Response::from_error(link.error());
                       }
                       source = link->file_id;
                   } else {
                       auto image = image_of(ctx.request());
                       if (!image) {
                           co_return Response::from_error(image.error());
                       }
                       source = *image;
                   }
                   auto version = http::required_version(ctx);
                   auto stored = co_await ctx.offload(
                       [&] { return files.set_student_photo(id, source, version, uploader(ctx)); });
                   if (!stored) {
                       co_return Response::from_error(stored.error());
                   }
                   ctx.audit_details = R"({"fileId":)" + std::to_string(stored->file_id) + "}";
                   co_return json::respond(PhotoView{id, "/api/v1/students/" + std::to_string(id) + "/photo",
                                                     stored->file_id, stored->content_type, stored->size_bytes});
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/{id:int}/photo",
                         .summary = "A student's photo",
                         .tag = "students",
                         .permission = std::string(permission::students_read),
                         .produces = "image/*"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return files.student_photo(ctx.path_int("id")); });
                   if (!found) {
                       co_return Response::from_error(found.error());
                   }
                   co_return raw(*found);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/students/{id:int}/photo",
                         .summary = "Remove a student's photo (If-Match: the student's ETag)",
                         .tag = "students",
                         .permission = std::string(permission::students_write),
                         .success = Status::no_content,
                         .action = "students.photo_delete"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto removed =
                       co_await ctx.offload([&] { return files.remove_student_photo(ctx.path_int("id"), version); });
                   co_return json::respond_done(removed);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/users/me/avatar",
                         .summary = "Set one's own avatar (a JPEG or PNG body or form)",
                         .tag = "users",
                         .permission = std::string(auth::kSignedIn),
                         .response = &http::schema<AvatarView>,
                         .consumes = kImageBodies,
                         .max_body = upload_limit,
                         .action = "users.avatar_update"},
               [&files](RequestContext& ctx) { return put_avatar(ctx, files, ctx.principal->user_id); });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/users/me/avatar",
                         .summary = "Remove one's own avatar",
                         .tag = "users",
                         .permission = std::string(auth::kSignedIn),
                         .success = Status::no_content,
                         .action = "users.avatar_delete"},
               [&files](RequestContext& ctx) { return delete_avatar(ctx, files, ctx.principal->user_id); });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/users/{id:int}/avatar",
                         .summary = "Set an account's avatar (a JPEG or PNG body or form)",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .response = &http::schema<AvatarView>,
                         .consumes = kImageBodies,
                         .max_body = upload_limit,
                         .action = "users.avatar_update"},
               [&files](RequestContext& ctx) { return put_avatar(ctx, files, ctx.path_int("id")); });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/users/{id:int}/avatar",
                         .summary = "Remove an account's avatar",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .success = Status::no_content,
                         .action = "users.avatar_delete"},
               [&files](RequestContext& ctx) { return delete_avatar(ctx, files, ctx.path_int("id")); });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/users/{id:int}/avatar",
                         .summary = "An account's avatar",
                         .tag = "users",
                         .permission = std::string(auth::kSignedIn),
                         .produces = "image/*"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return files.avatar(ctx.path_int("id")); });
                   if (!found) {
                       co_return Response::from_error(found.error());
                   }
                   co_return raw(*found);
               });

    // The school's logo, printed at the head of every document.
    router.add(RouteSpec{.method = Method::put,
                         .path = "/settings/school/logo",
                         .summary = "Set the school's logo (a JPEG or PNG body or form), printed on every document",
                         .tag = "settings",
                         .permission = std::string(permission::settings_write),
                         .response = &http::schema<FileView>,
                         .consumes = kImageBodies,
                         .max_body = upload_limit,
                         .action = "settings.logo_update"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto image = image_of(ctx.request());
                   if (!image) {
                       co_return Response::from_error(image.error());
                   }
                   auto stored = co_await ctx.offload(
                       [&] { return files.set_setting_image(settings::kLogoSetting, *image, uploader(ctx)); });
                   if (!stored) {
                       co_return Response::from_error(stored.error());
                   }
                   ctx.audit_details = R"({"fileId":)" + std::to_string(stored->file_id) + "}";
                   co_return json::respond(FileView{stored->file_id, std::string(settings::kLogoPath),
                                                    stored->content_type, stored->size_bytes, stored->sha256,
                                                    stored->created_at});
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/settings/school/logo",
                         .summary = "The school's logo",
                         .tag = "settings",
                         .permission = std::string(permission::settings_read),
                         .produces = "image/*"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return files.setting_image(settings::kLogoSetting); });
                   if (!found) {
                       co_return Response::from_error(found.error());
                   }
                   co_return raw(*found);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/settings/school/logo",
                         .summary = "Remove the school's logo",
                         .tag = "settings",
                         .permission = std::string(permission::settings_write),
                         .success = Status::no_content,
                         .action = "settings.logo_delete"},
               [&files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto removed = co_await ctx.offload([&] { return files.remove_setting_image(settings::kLogoSetting); });
                   co_return json::respond_done(removed);
               });
}

}  // namespace sala::files
