// Registers POST /school-years/{id}/promote.
#pragma once

#include "http/router.hpp"

namespace sala::promotion {

class PromotionService;

void register_promotion_routes(http::Router& router, PromotionService& promotion);

}  // namespace sala::promotion
