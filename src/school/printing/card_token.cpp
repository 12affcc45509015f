// See card_token.hpp.
#include "school/printing/card_token.hpp"

#include "auth/crypto.hpp"

#include <charconv>

namespace sala::printing {
namespace {

constexpr std::size_t kMacLength = 22;  // base64url characters: 132 bits

std::string payload(CardRef card)
{
    return (card.kind == CardKind::student ? "s" : "t") + std::to_string(card.id);
}

}  // namespace

std::string CardTokens::token(CardRef card) const
{
    auto p = payload(card);
    return p + "-" + auth::base64url_encode(auth::hmac_sha256(key_, "id-card:" + p)).substr(0, kMacLength);
}

std::optional<CardRef> CardTokens::check(std::string_view token) const
{
    auto dash = token.find('-');
    if (dash == std::string_view::npos || dash < 2 || token.size() != dash + 1 + kMacLength) {
        return std::nullopt;
    }
    CardRef card;
    if (token[0] == 's') {
        card.kind = CardKind::student;
    } else if (token[0] == 't') {
        card.kind = CardKind::staff;
    } else {
        return std::nullopt;
    }
    auto [end, ec] = std::from_chars(token.data() + 1, token.data() + dash, card.id);
    if (ec != std::errc() || end != token.data() + dash || card.id <= 0) {
        return std::nullopt;
    }
    if (!auth::constant_time_equal(this->token(card), token)) {
        return std::nullopt;
    }
    return card;
}

}  // namespace sala::printing
