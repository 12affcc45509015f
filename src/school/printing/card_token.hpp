// The token an ID card's QR code carries: which card it is (a student's or a staff member's) and
// an HMAC of that under the server's key, so a card cannot be made up for another id. Anyone with
// the card may check it at /id-cards/verify/{token}.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sala::printing {

enum class CardKind { student, staff };

struct CardRef {
    CardKind kind = CardKind::student;
    std::int64_t id = 0;
};

class CardTokens {
public:
    // `key`: at least 32 bytes, kept by the server.
    explicit CardTokens(std::string key) : key_(std::move(key)) {}
    [[nodiscard]] std::string token(CardRef card) const;     // "s42-<22 characters>"
    [[nodiscard]] std::optional<CardRef> check(std::string_view token) const;

private:
    std::string key_;
};

}  // namespace sala::printing
